import { describe, expect, it } from 'vitest';
import { planBatch } from '../../../renderer/src/components/grid/batch';
import { createExampleModel } from '../../../shared/model/example';

describe('planBatch (a paste or fill as one all-or-nothing set of edits)', () => {
  const model = createExampleModel('en');
  const share = (nodeId: string, value: number) => ({ rowId: nodeId, colId: 'share', command: { type: 'setBasis' as const, nodeId, basis: { kind: 'share' as const, share: value } } });

  it('keeps the screen order when every step is valid', () => {
    const cells = [share('materials-field', 0.3), share('contact-center', 0.2)];
    const planned = planBatch(model, cells);
    expect(planned.ok && planned.value.map((cell) => cell.rowId)).toEqual(['materials-field', 'contact-center']);
  });

  it('reorders a block whose final state is valid though screen order passes over 100%', () => {
    // 50% + 14% + 42% = 106% on the way; 50% + 8% + 42% = 100% at the end.
    const planned = planBatch(model, [share('materials-field', 0.5), share('contact-center', 0.08)]);
    expect(planned.ok && planned.value.map((cell) => cell.rowId)).toEqual(['contact-center', 'materials-field']);
  });

  it('refuses a block that breaks a rule whatever the order, naming the cell and the message', () => {
    const planned = planBatch(model, [share('materials-field', 0.6), share('contact-center', 0.6)]);
    expect(planned.ok).toBe(false);
    if (planned.ok) return;
    expect(planned.error.cell.rowId).toBe('materials-field');
    expect(planned.error.issues[0]!.message).toContain('(max 100%)');
  });

  it('never changes the model it is given', () => {
    const before = JSON.stringify(model);
    planBatch(model, [share('materials-field', 0.5), share('contact-center', 0.08)]);
    expect(JSON.stringify(model)).toBe(before);
  });
});
