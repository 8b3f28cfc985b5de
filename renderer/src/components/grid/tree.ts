/**
 * A tree shown as a flat list of rows (AG Grid Community has no tree data): the rows in
 * depth-first order with their depth, and the visible ones given which nodes are collapsed.
 * Pure functions, linear in the number of nodes.
 */

export interface TreeItem {
  id: string;
  parentId: string | null;
}

export interface FlatTreeRow<T> {
  item: T;
  depth: number;
  hasChildren: boolean;
  /** Position among its siblings (0-based) and the id of the next sibling, if any. */
  siblingIndex: number;
  nextSiblingId: string | null;
}

/**
 * Depth-first order, siblings in list order, roots first in list order. Items whose parent is
 * missing are treated as roots; items on a cycle are left out.
 */
export function flattenTree<T extends TreeItem>(items: readonly T[]): FlatTreeRow<T>[] {
  const ids = new Set(items.map((item) => item.id));
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const parent = item.parentId !== null && ids.has(item.parentId) && item.parentId !== item.id ? item.parentId : null;
    const list = children.get(parent);
    if (list) list.push(item);
    else children.set(parent, [item]);
  }
  const rows: FlatTreeRow<T>[] = [];
  const visited = new Set<string>();
  // Explicit stack: trees can be deep.
  const stack: { item: T; depth: number; siblingIndex: number; nextSiblingId: string | null }[] = [];
  const pushChildren = (parent: string | null, depth: number) => {
    const list = children.get(parent) ?? [];
    for (let k = list.length - 1; k >= 0; k--) stack.push({ item: list[k]!, depth, siblingIndex: k, nextSiblingId: list[k + 1]?.id ?? null });
  };
  pushChildren(null, 0);
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (visited.has(entry.item.id)) continue;
    visited.add(entry.item.id);
    const kids = children.get(entry.item.id);
    rows.push({
      item: entry.item,
      depth: entry.depth,
      hasChildren: kids !== undefined && kids.length > 0,
      siblingIndex: entry.siblingIndex,
      nextSiblingId: entry.nextSiblingId,
    });
    pushChildren(entry.item.id, entry.depth + 1);
  }
  return rows;
}

/**
 * The rows a planner sees: everything except the descendants of collapsed rows. `rows` must be
 * in depth-first order with depths (as `flattenTree` gives them).
 */
export function visibleTreeRows<R extends { depth: number; id: string }>(rows: readonly R[], collapsed: ReadonlySet<string>): R[] {
  if (collapsed.size === 0) return rows.slice();
  const visible: R[] = [];
  let hideDeeperThan = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    if (row.depth > hideDeeperThan) continue;
    hideDeeperThan = Number.POSITIVE_INFINITY;
    visible.push(row);
    if (collapsed.has(row.id)) hideDeeperThan = row.depth;
  }
  return visible;
}

/** Ids of every row that has children (for "collapse all"). */
export function parentIds(rows: readonly { id: string; hasChildren: boolean }[]): Set<string> {
  return new Set(rows.filter((row) => row.hasChildren).map((row) => row.id));
}
