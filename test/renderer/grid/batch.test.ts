import { describe, expect, it } from 'vitest';
import { blamedCell } from '../../../renderer/src/components/grid/batch';
import { applyEdit } from '../../../shared/edits/apply';
import { batchOf } from '../../../shared/edits/commands';
import { createExampleModel } from '../../../shared/model/example';

describe('a paste or fill as one all-or-nothing batch, and the cell a refusal is shown at', () => {
  const model = createExampleModel('en');
  const share = (nodeId: string, value: number) => ({
    rowId: nodeId,
    colId: 'share',
    command: { type: 'setBasis' as const, nodeId, basis: { kind: 'share' as const, share: value } },
  });

  it('accepts a block whose final state is valid though screen order passes over 100%', () => {
    // 50% + 14% + 42% = 106% on the way; 50% + 8% + 42% = 100% at the end.
    const cells = [share('materials-field', 0.5), share('contact-center', 0.08)];
    expect(applyEdit(model, batchOf(cells.map((c) => c.command))).ok).toBe(true);
  });

  it('refuses a block that breaks a rule at its end, shown at the first cell refused on its own', () => {
    const cells = [share('materials-field', 0.6), share('contact-center', 0.6)];
    const applied = applyEdit(model, batchOf(cells.map((c) => c.command)));
    expect(applied.ok).toBe(false);
    if (applied.ok) return;
    expect(applied.error[0]!.message).toContain('(max 100%)');
    expect(blamedCell(model, cells, applied.error).rowId).toBe('materials-field');
  });

  it('blames the cell refused on its own, not the first cell of the block', () => {
    const cells = [share('contact-center', 0.08), share('materials-field', 0.6)];
    const applied = applyEdit(model, batchOf(cells.map((c) => c.command)));
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(blamedCell(model, cells, applied.error).rowId).toBe('materials-field');
  });

  it('never changes the model it is given', () => {
    const before = JSON.stringify(model);
    applyEdit(model, batchOf([share('materials-field', 0.5), share('contact-center', 0.08)].map((c) => c.command)));
    expect(JSON.stringify(model)).toBe(before);
  });
});
