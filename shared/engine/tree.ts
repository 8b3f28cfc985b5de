import type { CostNode } from '../model/schema';

/**
 * A cost tree resolved once into flat arrays, so that every scenario (and every what-if
 * trial) reuses it: node i's parent is `parent[i]`, and `order` lists parents before
 * their children.
 */
export interface PreparedTree {
  readonly ids: readonly string[];
  readonly nodes: readonly CostNode[];
  readonly indexById: ReadonlyMap<string, number>;
  /** -1 for the root. */
  readonly parent: Int32Array;
  /** Node indices, parents before children (depth-first, siblings in file order). */
  readonly order: Int32Array;
  readonly depth: Int32Array;
  /** Annual amount of each node in base currency units. */
  readonly resolvedAmount: Float64Array;
  /** The part of a node's amount not allocated to its children (a leaf's whole amount). */
  readonly unallocatedAmount: Float64Array;
  readonly rootIndex: number;
  readonly totalAmount: number;
}

/** Expects a validated tree (one root, no cycles, no orphans). */
export function prepareTree(nodes: readonly CostNode[]): PreparedTree {
  const count = nodes.length;
  const ids = nodes.map((node) => node.id);
  const indexById = new Map<string, number>();
  ids.forEach((id, index) => indexById.set(id, index));

  const parent = new Int32Array(count);
  const childCount = new Int32Array(count);
  let rootIndex = -1;
  for (let i = 0; i < count; i++) {
    const parentId = nodes[i]!.parentId;
    const p = parentId === null ? -1 : (indexById.get(parentId) ?? -1);
    parent[i] = p;
    if (p < 0) rootIndex = i;
    else childCount[p]! += 1;
  }

  // Children lists as one flat array (CSR layout): children of i are childList[childStart[i] .. childStart[i+1]).
  const childStart = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) childStart[i + 1] = childStart[i]! + childCount[i]!;
  const fill = childStart.slice(0, count);
  const childList = new Int32Array(Math.max(count - 1, 0));
  for (let i = 0; i < count; i++) {
    const p = parent[i]!;
    if (p >= 0) childList[fill[p]!++] = i;
  }

  const order = new Int32Array(count);
  const depth = new Int32Array(count);
  const resolvedAmount = new Float64Array(count);
  const unallocatedAmount = new Float64Array(count);
  let written = 0;
  if (rootIndex >= 0) {
    const stack = [rootIndex];
    while (stack.length > 0) {
      const i = stack.pop()!;
      order[written++] = i;
      const basis = nodes[i]!.basis;
      const p = parent[i]!;
      resolvedAmount[i] = basis.kind === 'amount' ? basis.amount : p >= 0 ? resolvedAmount[p]! * basis.share : 0;
      depth[i] = p >= 0 ? depth[p]! + 1 : 0;
      // Push in reverse so siblings come out in file order.
      for (let c = childStart[i + 1]! - 1; c >= childStart[i]!; c--) stack.push(childList[c]!);
    }
  }
  for (let k = 0; k < written; k++) {
    const i = order[k]!;
    unallocatedAmount[i] = resolvedAmount[i]!;
  }
  for (let k = 0; k < written; k++) {
    const i = order[k]!;
    const p = parent[i]!;
    if (p >= 0) unallocatedAmount[p]! -= resolvedAmount[i]!;
  }
  // Rounding of shares that add up to exactly 100% must not leave a -1e-9 remainder.
  for (let i = 0; i < count; i++) {
    if (Math.abs(unallocatedAmount[i]!) <= resolvedAmount[i]! * 1e-12) unallocatedAmount[i] = 0;
    if (unallocatedAmount[i]! < 0) unallocatedAmount[i] = 0;
  }

  return {
    ids,
    nodes,
    indexById,
    parent,
    order,
    depth,
    resolvedAmount,
    unallocatedAmount,
    rootIndex,
    totalAmount: rootIndex >= 0 ? resolvedAmount[rootIndex]! : 0,
  };
}
