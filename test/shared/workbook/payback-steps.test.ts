import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeModel } from '../../../shared/engine';
import { createExampleModel } from '../../../shared/model';
import { paybackSteps } from '../../../shared/workbook/payback-steps';
import { arbitraryModel } from '../../support/arbitraries';

/** The workbook's payback rows follow the engine step for step: their last value is the engine's payback. */
describe('payback steps of the workbook', () => {
  it('end at the engine payback for the example: 30 / (130.00932 - 40) years', () => {
    const computed = computeModel(createExampleModel('en'));
    if (!computed.ok) throw new Error('invalid');
    const years = computed.value.scenarios[0]!.years;
    const { steps, paybackYears } = paybackSteps(years);
    expect(paybackYears).toBe(computed.value.scenarios[0]!.totals.paybackYears);
    expect(steps.map((step) => step.start)).toEqual([-300_000, years[0]!.cumulativeNet - 300_000, years[1]!.cumulativeNet - 300_000]);
    expect(steps.map((step) => step.lastBelowZero)).toEqual([paybackYears, paybackYears, paybackYears]);
  });

  it('end at the engine payback for any model, including 0 and never', () => {
    let never = 0;
    let zero = 0;
    fc.assert(
      fc.property(arbitraryModel({ minScenarios: 1, maxScenarios: 4, maxNodes: 20 }), (model) => {
        const computed = computeModel(model, { contributions: false });
        if (!computed.ok) throw new Error('invalid');
        for (const result of computed.value.scenarios) {
          expect(paybackSteps(result.years).paybackYears).toBe(result.totals.paybackYears);
          if (result.totals.paybackYears === null) never++;
          if (result.totals.paybackYears === 0) zero++;
        }
      }),
      { numRuns: 300, seed: 11 },
    );
    expect(never).toBeGreaterThan(0);
    expect(zero).toBeGreaterThan(0);
  });
});
