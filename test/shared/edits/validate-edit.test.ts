import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, applyEdit, planEdit, validateChangedModel } from '../../../shared/edits';
import { createExampleModel, validateModel, type Model } from '../../../shared/model';
import { arbitraryModel } from '../../support/arbitraries';
import { commandMakers, counterIds } from '../../support/edit-commands';

/**
 * An edit is checked only around what it wrote (fast on large models). That must accept and
 * reject exactly what checking the whole edited model would.
 */
describe('the checks around an edit agree with checking the whole model', () => {
  const startingModels = fc.oneof(fc.constant(createExampleModel('en')), arbitraryModel());

  it('for random valid models and random edits, valid or not', () => {
    fc.assert(
      fc.property(startingModels, fc.array(fc.oneof(...commandMakers), { minLength: 1, maxLength: 8 }), (start, makers) => {
        let model: Model = start;
        const ids = counterIds();
        for (const maker of makers) {
          const command = maker.make(model, ids);
          if (!command) continue;
          const planned = planEdit(model, command);
          if (!planned.ok) continue;
          const next = applyChanges(model, planned.value);
          const local = validateChangedModel(next, planned.value);
          const whole = validateModel(next);
          expect(local.length === 0, `${maker.label}: local ${JSON.stringify(local)} vs whole ${JSON.stringify(whole.ok ? [] : whole.error)}`).toBe(whole.ok);
          if (whole.ok) model = next;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('and undoing the changes gives back the model it started from', () => {
    fc.assert(
      fc.property(startingModels, fc.oneof(...commandMakers), (model, maker) => {
        const command = maker.make(model, counterIds());
        if (!command) return;
        const applied = applyEdit(model, command);
        if (!applied.ok) return;
        expect(applyChanges(applied.value.model, applied.value.changes, 'backward')).toEqual(model);
      }),
      { numRuns: 400 },
    );
  });
});
