import { describe, expect, it } from 'vitest';
import { flattenTree, parentIds, visibleTreeRows } from '../../../renderer/src/components/grid/tree';

const items = [
  { id: 'root', parentId: null },
  { id: 'a', parentId: 'root' },
  { id: 'b', parentId: 'root' },
  { id: 'a1', parentId: 'a' },
  { id: 'a2', parentId: 'a' },
  { id: 'a1x', parentId: 'a1' },
  { id: 'b1', parentId: 'b' },
];

describe('tree over a flat row list', () => {
  it('lists the nodes depth first, siblings in list order, with depth, children and next sibling', () => {
    const rows = flattenTree(items);
    expect(rows.map((row) => row.item.id)).toEqual(['root', 'a', 'a1', 'a1x', 'a2', 'b', 'b1']);
    expect(rows.map((row) => row.depth)).toEqual([0, 1, 2, 3, 2, 1, 2]);
    expect(rows.filter((row) => row.hasChildren).map((row) => row.item.id)).toEqual(['root', 'a', 'a1', 'b']);
    expect(rows.find((row) => row.item.id === 'a1')!.nextSiblingId).toBe('a2');
    expect(rows.find((row) => row.item.id === 'a2')!.nextSiblingId).toBeNull();
    expect(rows.find((row) => row.item.id === 'b')!.siblingIndex).toBe(1);
  });

  it('hides the descendants of collapsed rows, and only them', () => {
    const rows = flattenTree(items).map((row) => ({ id: row.item.id, depth: row.depth, hasChildren: row.hasChildren }));
    const ids = (collapsed: string[]) => visibleTreeRows(rows, new Set(collapsed)).map((row) => row.id);
    expect(ids([])).toEqual(['root', 'a', 'a1', 'a1x', 'a2', 'b', 'b1']);
    expect(ids(['a'])).toEqual(['root', 'a', 'b', 'b1']);
    expect(ids(['a1'])).toEqual(['root', 'a', 'a1', 'a2', 'b', 'b1']);
    expect(ids(['a', 'a1', 'b'])).toEqual(['root', 'a', 'b']);
    expect(ids(['root'])).toEqual(['root']);
    expect(ids([...parentIds(rows)].filter((id) => id !== 'root'))).toEqual(['root', 'a', 'b']);
  });

  it('treats an orphan as a root and leaves out a cycle, without looping', () => {
    const rows = flattenTree([
      { id: 'r', parentId: null },
      { id: 'orphan', parentId: 'missing' },
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ]);
    expect(rows.map((row) => row.item.id)).toEqual(['r', 'orphan']);
  });

  it('copes with a deep chain (no recursion) and 10,000 nodes quickly', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => ({ id: `n${i}`, parentId: i === 0 ? null : `n${i - 1}` }));
    const started = performance.now();
    const rows = flattenTree(chain);
    expect(rows).toHaveLength(20_000);
    expect(rows[19_999]!.depth).toBe(19_999);
    expect(
      visibleTreeRows(
        rows.map((row) => ({ id: row.item.id, depth: row.depth })),
        new Set(['n10']),
      ),
    ).toHaveLength(11);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
