import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputContext, inputValue, recompute, ScenarioEvaluator, withInputValues, type Input } from '../../../shared/analysis';
import { computeScenario, prepareTree } from '../../../shared/engine';
import { createExampleModel, type Model } from '../../../shared/model';
import { generateModel } from '../../../bench/generate';
import { arbitraryModel } from '../../support/arbitraries';
import { allMismatches, candidateInputs, unitPairs, valueIn } from './support';

/**
 * The fast evaluator against the engine: with any inputs set to any values in their valid
 * ranges, its totals equal a recompute of the edited model. Projection-only and tree inputs
 * replay the engine's arithmetic (equal to the bit); moving levers are folded, equal up to
 * float rounding.
 */
function evaluateBoth(model: Model, scenarioIndex: number, picks: readonly number[], pairs: readonly (readonly [number, number])[]) {
  const scenario = model.scenarios[scenarioIndex % model.scenarios.length]!;
  const tree = prepareTree(model.costTree);
  const context = inputContext(model, scenario);
  const all = candidateInputs(model, scenario, picks);
  const chosen: Input[] = [];
  pairs.forEach(([u]) => {
    const input = all[Math.floor(u * all.length)]!;
    if (!chosen.some((c) => c.address === input.address)) chosen.push(input);
  });
  const values = chosen.map((input, k) => valueIn(context, input, pairs[k]![0], pairs[k]![1]));
  const base = chosen.map((input) => inputValue(context, input));
  const evaluator = new ScenarioEvaluator(tree, scenario, chosen, base);
  const fast = { ...evaluator.evaluate(values) };
  // The same with the scenario's engine result at hand (the fold without a pass over the tree).
  const engineResult = computeScenario(tree, scenario, model.firstPlanYear, { contributions: false });
  const withResult = new ScenarioEvaluator(tree, scenario, chosen, base, engineResult).evaluate(values);
  const reference = recompute(
    model,
    scenario.id,
    chosen.map((input, k) => ({ input, value: values[k]! })),
    tree,
  );
  const movesLevers = chosen.some((input) => input.target.kind === 'lever');
  const movesTree = chosen.some((input) => input.target.kind === 'share' || input.target.kind === 'amount');
  // Figures are judged at the scales of the edited scenario (its growth and discount rate).
  const edited = withInputValues(
    model,
    scenario.id,
    chosen.map((input, k) => ({ input, value: values[k]! })),
  ).scenarios.find((s) => s.id === scenario.id)!;
  return { fast, withResult, reference, tree, scenario: edited, exact: movesTree || !movesLevers, chosen, values };
}

describe('ScenarioEvaluator', () => {
  it('folds levers from the engine result too, and falls back to a pass over the tree when a moving factor is 0', () => {
    const model = createExampleModel('en');
    const scenario = {
      ...model.scenarios[0]!,
      levers: [
        { nodeId: 'contact-center', unitCostChange: -1 },
        { nodeId: 'contact-center-labor', unitCostChange: -0.15 },
      ],
    };
    const edited = { ...model, scenarios: [scenario] };
    const tree = prepareTree(model.costTree);
    const context = inputContext(edited, scenario);
    const inputs = candidateInputs(edited, scenario, [2, 3]).filter((input) => input.target.kind === 'lever');
    const base = inputs.map((input) => inputValue(context, input));
    const engine = computeScenario(tree, scenario, model.firstPlanYear);
    const evaluator = new ScenarioEvaluator(tree, scenario, inputs, base, engine);
    inputs.forEach((input, slot) => {
      for (const value of [-1, -0.5, 0, 0.3]) {
        const reference = recompute(edited, scenario.id, [{ input, value }], tree);
        expect(
          allMismatches(evaluator.evaluateOne(slot, value), reference, tree, withInputValues(edited, scenario.id, [{ input, value }]).scenarios[0]!),
          `${input.address}=${value}`,
        ).toEqual([]);
      }
    });
  });

  it('gives the engine figures on the example with no input moved and with each input moved', () => {
    const model = createExampleModel('en');
    const scenario = model.scenarios[0]!;
    const tree = prepareTree(model.costTree);
    const engine = computeScenario(tree, scenario, model.firstPlanYear);
    const context = inputContext(model, scenario);
    const inputs = candidateInputs(model, scenario, [0, 1, 2, 3, 4, 5]);
    const evaluator = new ScenarioEvaluator(
      tree,
      scenario,
      inputs,
      inputs.map((input) => inputValue(context, input)),
    );
    const fast = evaluator.evaluate(evaluator.baseValues);
    expect(fast.totals.saving).toBeCloseTo(engine.totals.saving, 6);
    expect(fast.totals.npv).toBeCloseTo(engine.totals.npv, 6);
    expect(fast.totals.paybackYears).toBeCloseTo(engine.totals.paybackYears!, 12);
    expect(fast.affectedShare).toBeCloseTo(0.01827, 15);
    inputs.forEach((input, slot) => {
      const value = valueIn(context, input, 0.6, 0.37);
      const one = evaluator.evaluateOne(slot, value);
      const reference = recompute(model, scenario.id, [{ input, value }], tree);
      const edited = withInputValues(model, scenario.id, [{ input, value }]).scenarios[0]!;
      expect(allMismatches(one, reference, tree, edited), input.address).toEqual([]);
    });
  });

  it('equals a recompute on random valid models, inputs and values', () => {
    fc.assert(
      fc.property(
        arbitraryModel({ minScenarios: 1, maxNodes: 30 }),
        fc.nat(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        unitPairs,
        (model, s, picks, pairs) => {
          const { fast, withResult, reference, tree, scenario, exact } = evaluateBoth(model, s, picks, pairs);
          if (exact) {
            expect(fast.baseSaving).toBe(reference.baseSaving);
            expect(fast.affectedShare).toBe(reference.affectedShare);
            expect(fast.totals).toEqual(reference.totals);
          } else expect(allMismatches(fast, reference, tree, scenario)).toEqual([]);
          expect(allMismatches(withResult, reference, tree, scenario)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals a recompute on a generated 1,000-line model', () => {
    const model = generateModel({ leafLines: 1_000, scenarios: 3 });
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), unitPairs, (s, picks, pairs) => {
        const { fast, withResult, reference, tree, scenario, exact } = evaluateBoth(model, s, picks, pairs);
        if (exact) expect(fast.totals).toEqual(reference.totals);
        else expect(allMismatches(fast, reference, tree, scenario)).toEqual([]);
        expect(allMismatches(withResult, reference, tree, scenario)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
