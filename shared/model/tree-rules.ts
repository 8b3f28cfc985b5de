import { problem } from '../messages/problems';
import { LIMITS, type CostNode } from './schema';
import { quoteText } from './text';
import { modelIssue, type ModelIssue } from './issues';

/** Allows for float noise when shares such as 0.44 + 0.14 + 0.42 are summed. */
const SHARE_TOLERANCE = 1e-9;

export function nodePath(node: Pick<CostNode, 'name'>): string {
  return `costTree[${quoteText(node.name)}]`;
}

/** The cost tree looked up by id and by parent, built once per check. */
export interface TreeIndex {
  readonly nodes: readonly CostNode[];
  readonly byId: ReadonlyMap<string, CostNode>;
  readonly children: ReadonlyMap<string, readonly CostNode[]>;
}

export function indexTree(nodes: readonly CostNode[]): TreeIndex {
  const byId = new Map<string, CostNode>();
  const children = new Map<string, CostNode[]>();
  for (const node of nodes) {
    if (!byId.has(node.id)) byId.set(node.id, node);
    if (node.parentId === null) continue;
    const list = children.get(node.parentId);
    if (list) list.push(node);
    else children.set(node.parentId, [node]);
  }
  return { nodes, byId, children };
}

/** One root with an amount, unique ids, no orphans, no cycles. */
export function checkTreeShape(index: TreeIndex): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const { nodes, byId } = index;
  const seen = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.id)) issues.push(modelIssue(`${nodePath(node)}.id`, problem('duplicate-node-id', { id: node.id })));
    seen.add(node.id);
  }
  const roots = nodes.filter((node) => node.parentId === null);
  if (roots.length === 0) issues.push(modelIssue('costTree', problem('no-root', {})));
  if (roots.length > 1)
    issues.push(modelIssue('costTree', problem('several-roots', { count: roots.length, names: roots.map((r) => quoteText(r.name)).join(', ') })));
  for (const root of roots) issues.push(...checkRootBasis(root));
  for (const node of nodes) {
    if (node.parentId !== null && !byId.has(node.parentId))
      issues.push(modelIssue(`${nodePath(node)}.parentId`, problem('orphan-line', { parentId: node.parentId })));
    if (node.parentId === node.id) issues.push(modelIssue(`${nodePath(node)}.parentId`, problem('own-parent', {})));
  }
  if (issues.length > 0) return issues;

  // Every node must reach the root by following parents; those that never do sit on a cycle.
  const reachesRoot = new Map<string, boolean>();
  const trail: string[] = [];
  const onTrail = new Set<string>();
  const walk = (node: CostNode): boolean => {
    trail.length = 0;
    onTrail.clear();
    let current: CostNode | undefined = node;
    let verdict = false;
    while (current) {
      const known = reachesRoot.get(current.id);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      if (onTrail.has(current.id)) break;
      trail.push(current.id);
      onTrail.add(current.id);
      if (current.parentId === null) {
        verdict = true;
        break;
      }
      current = byId.get(current.parentId);
    }
    for (const id of trail) reachesRoot.set(id, verdict);
    return verdict;
  };
  for (const node of nodes) {
    const verdict = reachesRoot.get(node.id) ?? walk(node);
    if (!verdict) issues.push(modelIssue(`${nodePath(node)}.parentId`, problem('parent-cycle', {})));
  }
  if (issues.length > 0) return issues;
  return checkDepth(
    index,
    roots.map((root) => root.id),
  );
}

/** No node deeper than LIMITS.maxDepth levels below the root (only the nodes given, and below). */
export function checkDepth(index: TreeIndex, startIds: Iterable<string>): ModelIssue[] {
  const issues: ModelIssue[] = [];
  for (const startId of startIds) {
    const start = index.byId.get(startId);
    if (!start) continue;
    let depth = 0;
    for (let node = start; node.parentId !== null && depth <= LIMITS.maxDepth; depth++) {
      const parent = index.byId.get(node.parentId);
      if (!parent) break;
      node = parent;
    }
    let level = [start];
    while (level.length > 0) {
      if (depth > LIMITS.maxDepth) {
        issues.push(modelIssue(`${nodePath(level[0]!)}.parentId`, problem('too-deep', { depth, max: LIMITS.maxDepth })));
        break;
      }
      level = level.flatMap((node) => index.children.get(node.id) ?? []);
      depth++;
    }
  }
  return issues;
}

export function checkRootBasis(root: CostNode): ModelIssue[] {
  return root.basis.kind === 'amount' ? [] : [modelIssue(`${nodePath(root)}.basis`, problem('root-needs-amount', {}))];
}

/** Resolved annual amounts, worked out on demand up the parent chain (iteratively: trees can be deep). */
export function amountResolver(index: TreeIndex): (node: CostNode) => number {
  const resolved = new Map<string, number>();
  return (node) => {
    const cached = resolved.get(node.id);
    if (cached !== undefined) return cached;
    const chain: CostNode[] = [];
    let current: CostNode | undefined = node;
    while (current && !resolved.has(current.id)) {
      chain.push(current);
      current = current.parentId === null ? undefined : index.byId.get(current.parentId);
    }
    let amount = current ? resolved.get(current.id)! : 0;
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i]!;
      amount = link.basis.kind === 'amount' ? link.basis.amount : amount * link.basis.share;
      resolved.set(link.id, amount);
    }
    return amount;
  };
}

/** The children of each given parent: unique names, and together no more than the parent. */
export function checkChildren(index: TreeIndex, parentIds: Iterable<string>, resolve = amountResolver(index)): ModelIssue[] {
  const issues: ModelIssue[] = [];
  for (const parentId of parentIds) {
    const parent = index.byId.get(parentId);
    const siblings = index.children.get(parentId);
    if (!parent || !siblings) continue;
    const names = new Set<string>();
    let shareSum = 0;
    let amountSum = 0;
    for (const child of siblings) {
      const key = child.name.trim();
      if (names.has(key)) issues.push(modelIssue(`${nodePath(parent)}.children`, problem('duplicate-sibling-name', { parent: parent.name, name: key })));
      names.add(key);
      if (child.basis.kind === 'share') shareSum += child.basis.share;
      else amountSum += child.basis.amount;
    }
    if (amountSum === 0) {
      if (shareSum > 1 + SHARE_TOLERANCE)
        issues.push(modelIssue(`${nodePath(parent)}.children`, problem('shares-over-parent', { parent: parent.name, total: shareSum })));
      continue;
    }
    const parentAmount = resolve(parent);
    const claimed = shareSum + (parentAmount > 0 ? amountSum / parentAmount : Number.POSITIVE_INFINITY);
    if (claimed > 1 + SHARE_TOLERANCE) {
      issues.push(modelIssue(`${nodePath(parent)}.children`, problem('children-over-parent', { parent: parent.name, total: claimed })));
    }
  }
  return issues;
}

/** Ids of a node and everything below it. */
export function subtreeOf(index: TreeIndex, rootId: string): string[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) for (const child of index.children.get(ids[i]!) ?? []) ids.push(child.id);
  return ids;
}
