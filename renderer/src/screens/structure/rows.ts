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
  /** The read-only row "unallocated" under a parent whose children leave part of it unassigned. */
  unallocated?: true;
}

/** Row id of a parent's unallocated remainder (no node id has a colon). */
export function unallocatedRowId(parentId: string): string {
  return `unallocated:${parentId}`;
}

/**
 * The shown rows with, after the last shown descendant of each expanded parent that leaves
 * part of its amount unassigned, a read-only row for that remainder (its share of the parent
 * and its amount). `rows` are in depth-first order with depths.
 */
export function withUnallocatedRows(rows: readonly StructureRow[], tree: PreparedTree, name: (parent: StructureRow) => string): StructureRow[] {
  const total = tree.totalAmount;
  const out: StructureRow[] = [];
  const open: StructureRow[] = [];
  const close = (depth: number) => {
    while (open.length > 0 && open[open.length - 1]!.depth >= depth) {
      const parent = open.pop()!;
      const amount = tree.unallocatedAmount[tree.indexById.get(parent.id)!]!;
      out.push({
        id: unallocatedRowId(parent.id),
        name: name(parent),
        depth: parent.depth + 1,
        hasChildren: false,
        expanded: false,
        parentId: parent.id,
        isRoot: false,
        relevance: parent.relevance,
        basis: { kind: 'share', share: parent.resolved > 0 ? amount / parent.resolved : 0 },
        resolved: amount,
        parentResolved: parent.resolved,
        percentOfTotal: total > 0 ? amount / total : 0,
        nextSiblingId: null,
        firstChildId: null,
        unallocated: true,
      });
    }
  };
  for (const row of rows) {
    close(row.depth);
    out.push(row);
    const index = tree.indexById.get(row.id);
    if (row.hasChildren && row.expanded && index !== undefined && tree.unallocatedAmount[index]! > 0) open.push(row);
  }
  close(0);
  return out;
}

/**
 * The rows a filter keeps: every row the predicate matches and the ancestors that lead to it,
 * in tree order, all shown expanded. `rows` are in depth-first order with depths.
 */
export function filterTreeRows<R extends { id: string; depth: number; hasChildren: boolean; expanded: boolean }>(
  rows: readonly R[],
  matches: (row: R) => boolean,
): R[] {
  const keep = new Array<boolean>(rows.length).fill(false);
  // The nearest row of each depth above the current one: its ancestors.
  const path: number[] = [];
  rows.forEach((row, k) => {
    path.length = row.depth;
    if (matches(row)) {
      keep[k] = true;
      for (const at of path) keep[at] = true;
    }
    path[row.depth] = k;
  });
  return rows.filter((_, k) => keep[k]).map((row) => (row.hasChildren && !row.expanded ? { ...row, expanded: true } : row));
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
