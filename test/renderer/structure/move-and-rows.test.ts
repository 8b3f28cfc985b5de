import { describe, expect, it } from 'vitest';
import { prepareTree } from '../../../shared/engine/tree';
import { createExampleModel } from '../../../shared/model';
import { amountKeepingShare, shareKeepingAmount } from '../../../renderer/src/screens/structure/move';
import { filterTreeRows, structureRows, withUnallocatedRows } from '../../../renderer/src/screens/structure/rows';

describe('moving a line entered as a share', () => {
  it('keeps its amount as amount / new parent amount', () => {
    // 呼叫中心其他: 129.5112 万元 under 其他服务成本 (2,988.72 万元) is 4.3333…%.
    const kept = shareKeepingAmount(1_295_112, 29_887_200);
    expect(kept.ok && kept.share).toBeCloseTo(0.0433333, 7);
    expect(shareKeepingAmount(500, 500)).toEqual({ ok: true, share: 1 });
    expect(shareKeepingAmount(0, 500)).toEqual({ ok: true, share: 0 });
  });

  it('refuses a parent without an amount or smaller than the line', () => {
    expect(shareKeepingAmount(100, 0)).toEqual({ ok: false, reason: 'parentHasNoAmount' });
    expect(shareKeepingAmount(100, Number.NaN)).toEqual({ ok: false, reason: 'parentHasNoAmount' });
    expect(shareKeepingAmount(100.01, 100)).toEqual({ ok: false, reason: 'moreThanParent' });
    // A rounding hair above the parent is the whole parent.
    expect(shareKeepingAmount(100 * (1 + 1e-14), 100)).toEqual({ ok: true, share: 1 });
  });

  it('keeping the share gives share x new parent amount', () => {
    expect(amountKeepingShare(0.13, 29_887_200)).toBeCloseTo(3_885_336, 6);
  });
});

describe('structure rows', () => {
  const example = createExampleModel('zh');

  it('adds a read-only remainder row after the last line of a parent that leaves part unassigned', () => {
    const model = structuredClone(example);
    model.costTree.find((node) => node.id === 'contact-center-other')!.basis = { kind: 'share', share: 0.08 };
    const tree = prepareTree(model.costTree);
    const rows = withUnallocatedRows(structureRows(tree), tree, (parent) => `未分配（${parent.name}）`);
    const ids = rows.map((row) => row.id);
    expect(ids).toEqual([
      'service-cost',
      'materials-field',
      'contact-center',
      'contact-center-labor',
      'contact-center-other',
      'unallocated:contact-center',
      'other-service',
    ]);
    const remainder = rows[5]!;
    expect(remainder).toMatchObject({ unallocated: true, name: '未分配（呼叫中心）', depth: 2, parentId: 'contact-center', hasChildren: false });
    expect(remainder.basis.kind === 'share' && remainder.basis.share).toBeCloseTo(0.05, 12);
    expect(remainder.resolved).toBeCloseTo(498_120, 6);
    // Fully assigned parents and leaves get none.
    expect(withUnallocatedRows(structureRows(prepareTree(example.costTree)), prepareTree(example.costTree), () => '未分配')).toHaveLength(6);
    // A collapsed parent hides its remainder with its lines.
    const collapsed = structureRows(tree)
      .filter((row) => row.parentId !== 'contact-center')
      .map((row) => (row.id === 'contact-center' ? { ...row, expanded: false } : row));
    expect(withUnallocatedRows(collapsed, tree, () => '未分配').some((row) => row.unallocated)).toBe(false);
  });

  it('filters to the matching lines and their ancestors, in tree order, expanded', () => {
    const rows = structureRows(prepareTree(example.costTree)).map((row) => (row.id === 'contact-center' ? { ...row, expanded: false } : row));
    const kept = filterTreeRows(rows, (row) => row.name.includes('其他'));
    expect(kept.map((row) => row.id)).toEqual(['service-cost', 'contact-center', 'contact-center-other', 'other-service']);
    expect(kept.find((row) => row.id === 'contact-center')!.expanded).toBe(true);
    expect(filterTreeRows(rows, () => false)).toEqual([]);
  });
});
