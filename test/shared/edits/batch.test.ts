import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, applyEdit, assignIds, batchOf, validateChangedModel, type EditCommand, type SingleEditCommand } from '../../../shared/edits';
import { createExampleModel, validateModel, type Model } from '../../../shared/model';
import { commandMakers, counterIds } from '../../support/edit-commands';

/**
 * One user action = one edit: a batch applies its edits in order, is checked once on the
 * end state, and undoes (applies backwards) to exactly the model it started from.
 */
const example = (): Model => createExampleModel('en');
const share = (model: Model, id: string) => {
  const basis = model.costTree.find((node) => node.id === id)!.basis;
  return basis.kind === 'share' ? basis.share : NaN;
};

const paste: EditCommand = {
  type: 'batch',
  label: 'paste',
  edits: [
    { type: 'setBasis', nodeId: 'materials-field', basis: { kind: 'share', share: 0.5 } },
    { type: 'setBasis', nodeId: 'contact-center', basis: { kind: 'share', share: 0.08 } },
  ],
};

describe('batch edits', () => {
  it('accepts a paste whose first cell alone would overflow the parent (50% + 14% + 42%), as one set of changes', () => {
    const applied = applyEdit(example(), paste);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect([share(applied.value.model, 'materials-field'), share(applied.value.model, 'contact-center')]).toEqual([0.5, 0.08]);
    // Undone as one: both cells go back, never 44% / 8% (a state the planner never saw).
    const undone = applyChanges(applied.value.model, applied.value.changes, 'backward');
    expect(undone).toEqual(example());
  });

  it('refuses the whole batch when its end state breaks a rule, and names the rule', () => {
    const overflow: EditCommand = {
      type: 'batch',
      edits: [
        { type: 'setBasis', nodeId: 'materials-field', basis: { kind: 'share', share: 0.5 } },
        { type: 'setBasis', nodeId: 'contact-center', basis: { kind: 'share', share: 0.09 } },
      ],
    };
    const applied = applyEdit(example(), overflow);
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.error[0]!.message).toMatch(/101%/);
  });

  it('names the edit of the batch that refers to nothing', () => {
    const applied = applyEdit(example(), { type: 'batch', edits: [paste.edits[0]!, { type: 'renameNode', nodeId: 'nowhere', name: 'x' }] });
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.error[0]!.path).toBe('command.edits[1].nodeId');
  });

  it('checks a cell written twice by its last value only', () => {
    const twice: EditCommand = {
      type: 'batch',
      edits: [
        { type: 'setLever', scenarioId: 'target-15', nodeId: 'contact-center-labor', kind: 'unitCostChange', value: -1.5 },
        { type: 'setLever', scenarioId: 'target-15', nodeId: 'contact-center-labor', kind: 'unitCostChange', value: -0.1 },
      ],
    };
    const applied = applyEdit(example(), twice);
    expect(applied.ok).toBe(true);
  });

  it('gives ids to the things the edits of a batch create', () => {
    let n = 0;
    const withIds = assignIds(
      {
        type: 'batch',
        edits: [
          { type: 'addNode', node: { parentId: 'other-service', name: 'A', basis: { kind: 'share', share: 0.1 }, relevance: 'weak' } },
          { type: 'addNode', node: { parentId: 'other-service', name: 'B', basis: { kind: 'share', share: 0.1 }, relevance: 'weak' } },
        ],
      },
      () => `id${++n}`,
    );
    expect(withIds.type === 'batch' && withIds.edits.map((e) => (e.type === 'addNode' ? e.node.id : ''))).toEqual(['id1', 'id2']);
  });

  it('batchOf keeps a single edit as it is and wraps several', () => {
    const one: SingleEditCommand = { type: 'renameNode', nodeId: 'other-service', name: 'Other' };
    expect(batchOf([one])).toBe(one);
    expect(batchOf([one, one], 'fill down')).toEqual({ type: 'batch', label: 'fill down', edits: [one, one] });
  });

  it('a batch of random edits is accepted exactly when its end state is a valid model, and goes back to the start when undone (300 runs)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(...commandMakers), { minLength: 1, maxLength: 6 }), (makers) => {
        const start = example();
        const ids = counterIds();
        // Each edit is made for the model the ones before it leave (as a paste plans its cells).
        let model = start;
        const edits: SingleEditCommand[] = [];
        for (const maker of makers) {
          const command = maker.make(model, ids);
          if (!command || command.type === 'batch') continue;
          edits.push(command);
          const next = applyEdit(model, command);
          if (next.ok) model = next.value.model;
        }
        if (edits.length === 0) return;
        const applied = applyEdit(start, { type: 'batch', edits });
        if (!applied.ok) return;
        expect(validateModel(applied.value.model).ok).toBe(true);
        expect(validateChangedModel(applied.value.model, applied.value.changes)).toEqual([]);
        expect(applyChanges(applied.value.model, applied.value.changes, 'backward')).toEqual(start);
        expect(applyChanges(start, applied.value.changes, 'forward')).toEqual(applied.value.model);
      }),
      { numRuns: 300 },
    );
  });
});
