import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bridge } from '../../../shared/analysis';
import { computeScenario, prepareTree } from '../../../shared/engine';
import { createExampleModel, type Model, type Scenario } from '../../../shared/model';
import { generateModel } from '../../../bench/generate';
import { arbitraryModel } from '../../support/arbitraries';

/** The bridge: one step per lever and one for growth, adding up to the horizon saving, whatever the order of the levers. */
function bridgeOf(model: Model, scenario: Scenario) {
  return bridge(scenario, computeScenario(prepareTree(model.costTree), scenario, model.firstPlanYear));
}

function magnitude(model: Model, scenario: Scenario): number {
  const result = computeScenario(prepareTree(model.costTree), scenario, model.firstPlanYear);
  let size = 1;
  for (const year of result.years) size += Math.abs(year.saving);
  for (const contribution of result.contributions) size += Math.abs(contribution.saving) * scenario.horizonYears;
  return size * 1e-9 * Math.max(1, result.years.length);
}

function expectSums(model: Model, scenario: Scenario) {
  const result = bridgeOf(model, scenario);
  const total = result.steps.reduce((sum, step) => sum + step.saving, 0);
  expect(Math.abs(total - result.saving)).toBeLessThanOrEqual(magnitude(model, scenario));
  return result;
}

describe('bridge', () => {
  it("splits the example into the labor lever at today's volume and the growth on top", () => {
    const model = createExampleModel('en');
    const result = expectSums(model, model.scenarios[0]!);
    expect(result.rampYears).toBe(3);
    expect(result.saving / 1e4).toBeCloseTo(473.2339248, 9);
    expect(result.steps).toHaveLength(2);
    const [lever, growth] = result.steps;
    expect(lever).toMatchObject({ kind: 'lever', nodeId: 'contact-center-labor', lever: 'unitCostChange', change: -0.15 });
    expect(lever!.yearOneSaving / 1e4).toBeCloseTo(130.00932, 9);
    expect(lever!.saving / 1e4).toBeCloseTo(3 * 130.00932, 9);
    // 130.00932 x (0 + 0.2 + 0.44) = 83.2059648
    expect(growth).toMatchObject({ kind: 'growth' });
    expect(growth!.saving / 1e4).toBeCloseTo(130.00932 * 0.64, 9);
  });

  it("sums to the horizon saving on a generated model, and to the year-1 saving at today's volume", () => {
    const model = generateModel({ leafLines: 1_000, scenarios: 3 });
    for (const scenario of model.scenarios) {
      const result = expectSums(model, scenario);
      const yearOne = result.steps.reduce((sum, step) => sum + step.yearOneSaving, 0);
      expect(Math.abs(yearOne - result.yearOneSaving)).toBeLessThanOrEqual(1e-9 * Math.abs(result.yearOneSaving) + 1e-6);
      expect(result.steps.filter((step) => step.kind === 'lever').length).toBeGreaterThan(100);
    }
  });

  it('sums to the total and does not depend on the order of the levers, on random models', () => {
    fc.assert(
      fc.property(
        arbitraryModel({ minScenarios: 1, maxNodes: 30, maxLevers: 8 }),
        fc.nat(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
        (model, s, swaps) => {
          const scenario = model.scenarios[s % model.scenarios.length]!;
          const result = expectSums(model, scenario);
          const levers = [...scenario.levers];
          for (const swap of swaps) {
            if (levers.length < 2) break;
            const i = swap % levers.length;
            const j = (swap * 5 + 1) % levers.length;
            [levers[i], levers[j]] = [levers[j]!, levers[i]!];
          }
          const shuffled = { ...scenario, levers };
          const other = expectSums({ ...model, scenarios: model.scenarios.map((sc) => (sc === scenario ? shuffled : sc)) }, shuffled);
          const key = (step: (typeof result.steps)[number]) => (step.kind === 'lever' ? `${step.nodeId}/${step.lever}` : 'growth');
          const before = new Map(result.steps.map((step) => [key(step), step.saving]));
          const tolerance = magnitude(model, scenario);
          expect(other.steps).toHaveLength(result.steps.length);
          for (const step of other.steps) expect(Math.abs(step.saving - before.get(key(step))!)).toBeLessThanOrEqual(tolerance);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('has no growth step worth a yuan when volume does not grow', () => {
    const model = createExampleModel('en');
    const scenario = { ...model.scenarios[0]!, volumeGrowth: 0 };
    const result = expectSums({ ...model, scenarios: [scenario] }, scenario);
    expect(Math.abs(result.steps.at(-1)!.saving)).toBeLessThan(1e-6);
  });
});
