import type { PreparedTree } from '../../../../shared/engine';
import type { CostBasis, Relevance } from '../../../../shared/model/schema';
import { flattenTree } from '../../components/grid/tree';
import type { TreeRowShape } from '../../components/grid/TreeNameCell';

/** One cost node as a grid row: its input fields and what the engine resolved. */
export interface StructureRow extends TreeRowShape {
  parentId: string | null;
  isRoot: boolean;
  relevance: Relevance;
  basis: CostBasis;
  /** Annual amount in yuan. */
  resolved: number;
  parentResolved: number;
  percentOfTotal: number;
  nextSiblingId: string | null;
  firstChildId: string | null;
}

/**
 * Every node in tree order (memoise per prepared tree: it changes only with the cost tree).
 * Rows that did not change are the very objects of `previous`, so the grid redraws only the
 * rows an edit touched.
 */
export function structureRows(tree: PreparedTree, previous?: ReadonlyMap<string, StructureRow>): StructureRow[] {
  const flat = flattenTree(tree.nodes);
  const total = tree.totalAmount;
  return flat.map((entry, k) => {
    const node = entry.item;
    const index = tree.indexById.get(node.id) ?? -1;
    const parentIndex = index >= 0 ? tree.parent[index]! : -1;
    const resolved = index >= 0 ? tree.resolvedAmount[index]! : 0;
    const next = flat[k + 1];
    const row: StructureRow = {
      id: node.id,
      name: node.name,
      depth: entry.depth,
      hasChildren: entry.hasChildren,
      expanded: true,
      parentId: node.parentId,
      isRoot: node.parentId === null,
      relevance: node.relevance,
      basis: node.basis,
      resolved,
      parentResolved: parentIndex >= 0 ? tree.resolvedAmount[parentIndex]! : 0,
      percentOfTotal: total > 0 ? resolved / total : 0,
      nextSiblingId: entry.nextSiblingId,
      firstChildId: entry.hasChildren && next ? next.item.id : null,
    };
    const before = previous?.get(node.id);
    return before && sameRow(before, row) ? before : row;
  });
}

function sameRow(a: StructureRow, b: StructureRow): boolean {
  for (const key of Object.keys(b) as (keyof StructureRow)[]) if (a[key] !== b[key]) return false;
  return true;
}

/** The part of the total each relevance group holds: every node's unallocated amount counts for its own tag. */
export function relevanceSplit(tree: PreparedTree): Record<Relevance, number> {
  const split: Record<Relevance, number> = { strong: 0, weak: 0 };
  tree.nodes.forEach((node, i) => {
    split[node.relevance] += tree.unallocatedAmount[i]!;
  });
  return split;
}

export interface CompositionPart {
  kind: 'part' | 'others' | 'unallocated';
  id: string | null;
  name: string;
  amount: number;
  relevance: Relevance | null;
}

/**
 * The root's parts for the composition chart, largest first: at most `maxParts` slices, the
 * rest merged into one, plus the part of the root left unallocated.
 */
export function compositionParts(tree: PreparedTree, maxParts: number, names: { others: string; unallocated: string }): CompositionPart[] {
  const root = tree.rootIndex;
  if (root < 0) return [];
  const parts: CompositionPart[] = [];
  tree.nodes.forEach((node, i) => {
    if (tree.parent[i] === root) parts.push({ kind: 'part', id: node.id, name: node.name, amount: tree.resolvedAmount[i]!, relevance: node.relevance });
  });
  parts.sort((a, b) => b.amount - a.amount);
  const shown = parts.length > maxParts ? parts.slice(0, maxParts - 1) : parts;
  if (parts.length > maxParts) {
    const rest = parts.slice(maxParts - 1).reduce((sum, part) => sum + part.amount, 0);
    shown.push({ kind: 'others', id: null, name: names.others, amount: rest, relevance: null });
  }
  const unallocated = tree.unallocatedAmount[root]!;
  if (unallocated > 0) shown.push({ kind: 'unallocated', id: null, name: names.unallocated, amount: unallocated, relevance: tree.nodes[root]!.relevance });
  return shown;
}

/** A name not yet used among the given siblings: "New line", "New line 2", ... */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((name) => name.trim()));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base} ${n}`)) return `${base} ${n}`;
}

export function newId(): string {
  return `n-${crypto.randomUUID().slice(0, 8)}`;
}
