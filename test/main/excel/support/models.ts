import { generateModel } from '../../../../bench/generate';
import { createExampleModel, type Model, type Scenario } from '../../../../shared/model';

/** Models the workbook tests share. */
export function exampleModel(language: 'zh' | 'en' = 'en'): Model {
  return createExampleModel(language);
}

/** A small generated model: random tree, levers on groups and lines, all three investment kinds, ramps. */
export function smallGeneratedModel(seed: number, leafLines = 60, scenarios = 3): Model {
  return generateModel({ leafLines, seed, scenarios, horizonYears: 4 });
}

/** The example with one scenario changed. */
export function withScenario(model: Model, index: number, change: (scenario: Scenario) => Scenario): Model {
  return { ...model, scenarios: model.scenarios.map((scenario, i) => (i === index ? change(scenario) : scenario)) };
}

/**
 * Three scenarios whose payback is 0 (no investment, the net never below zero), fractional
 * (the example's 0.333 years) and never (an investment the savings cannot repay).
 */
export function paybackCases(): Model {
  const model = createExampleModel('en');
  const base = model.scenarios[0]!;
  return {
    ...model,
    scenarios: [
      { ...base, id: 'zero', name: 'No investment', investments: [] },
      { ...base, id: 'fraction', name: 'Fractional' },
      {
        ...base,
        id: 'never',
        name: 'Never',
        investments: [{ id: 'huge', name: 'Huge platform', category: 'digitalTools', amount: { kind: 'perYear', amount: 5_000_000 }, timing: 'upfront' }],
      },
      {
        ...base,
        id: 'pool',
        name: 'Pool and yearly',
        volumeGrowth: -0.1,
        ramp: [0.5, 1],
        levers: [
          { nodeId: 'contact-center-labor', unitCostChange: -0.1, throughputChange: 0.15 },
          { nodeId: 'contact-center', volumeChange: 0.05 },
          { nodeId: 'other-service', unitCostChange: 0.02 },
        ],
        investments: [
          { id: 'pool', name: 'Bonus pool', category: 'bonus', amount: { kind: 'shareOfSaving', share: 0.25 }, timing: 'spread' },
          { id: 'tools', name: 'Tools', category: 'digitalTools', amount: { kind: 'yearly', amounts: [600_000, 100_000] }, timing: 'upfront' },
        ],
      },
    ],
  };
}
