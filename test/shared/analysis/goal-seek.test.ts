import fc from 'fast-check';
import { renderProblem } from '../../../shared/messages/render';
import { describe, expect, it } from 'vitest';
import { goalSeek, inputContext, OUTPUTS, outputValue, recompute, resolveInput, validRange, type Input } from '../../../shared/analysis';
import { computeScenario, prepareTree } from '../../../shared/engine';
import { createExampleModel, LIMITS, type Model } from '../../../shared/model';
import { generateModel } from '../../../bench/generate';
import { arbitraryModel } from '../../support/arbitraries';
import { candidateInputs, valueIn } from './support';

/**
 * Goal seek reaches its target within 1e-9 (relative to the figures the output is made of)
 * on a recompute of the edited model, or says the target is out of reach and gives the
 * closest value in the input's valid range.
 */
const example = createExampleModel('en');

function seek(model: Model, scenario: string, input: string, output: (typeof OUTPUTS)[number], target: number) {
  const result = goalSeek(model, { scenario, input, output, target });
  if (!result.ok) throw new Error(`${result.error.path}: ${result.error.message}`);
  return result.value;
}

/** The answer checked independently: the value set on the model and computed by the engine. */
function expectHit(model: Model, scenarioId: string, input: Input, output: (typeof OUTPUTS)[number], target: number, value: number, tolerance: number) {
  const reached = outputValue(recompute(model, scenarioId, [{ input, value }]), output);
  expect(reached).not.toBeNull();
  expect(Math.abs(reached! - target)).toBeLessThanOrEqual(tolerance);
  expect(tolerance).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(target), scaleOf(model, scenarioId, input, value, output)));
}

/** The documented scale: the output now, and for amounts the horizon saving and investment now and at the answer. */
function scaleOf(model: Model, scenarioId: string, input: Input, value: number, output: (typeof OUTPUTS)[number]): number {
  const now = recompute(model, scenarioId, []);
  const scale = Math.abs(outputValue(now, output) ?? 0);
  if (!['saving', 'investment', 'net', 'npv'].includes(output)) return scale;
  const at = recompute(model, scenarioId, [{ input, value }]);
  return Math.max(scale, ...[now, at].flatMap((r) => [Math.abs(r.totals.saving), Math.abs(r.totals.investment)]));
}

function resolve(model: Model, scenarioId: string, text: string): Input {
  const scenario = model.scenarios.find((s) => s.id === scenarioId)!;
  const resolved = resolveInput(inputContext(model, scenario), text);
  if (!resolved.ok) throw new Error(resolved.error.message);
  return resolved.value;
}

describe('goal seek on the example', () => {
  it('2% of total service cost needs a contact-center labor unit-cost change of -16.42%', () => {
    const result = seek(example, 'Target 15%', 'lever:Contact-center labor:unitCost', 'affectedShare', 0.02);
    expect(result.reachable).toBe(true);
    expect(result.input).toBe('lever:contact-center-labor:unitCost');
    expect(result.value).toBeCloseTo(-0.02 / (0.14 * 0.87), 12);
    expect((result.value * 100).toFixed(2)).toBe('-16.42');
    expect(Math.abs(result.reached! - 0.02)).toBeLessThanOrEqual(1e-9);
    expect(result.current).toEqual({ value: -0.15, output: expect.closeTo(0.01827, 15) });
  });

  it('by per-capita volume instead: +19.66%, since cost falls by 1 - 1 / (1 + t)', () => {
    const result = seek(example, 'target-15', 'lever:contact-center-labor:throughput', 'affectedShare', 0.02);
    // The unit-cost lever stays at -15%: the throughput lever must bring the factor from 0.85 to 1 - 0.02 / 0.1218.
    const factor = (1 - 0.02 / (0.14 * 0.87)) / 0.85;
    expect(result.reachable).toBe(true);
    expect(result.value).toBeCloseTo(1 / factor - 1, 12);
  });

  it.each([
    ['npv', 'growth', 300e4],
    ['returnOnInvestment', 'investment:Digital tools', 2],
    ['netRoi', 'discount', 1.25349488],
    ['paybackYears', 'lever:contact-center-labor:unitCost', 0.5],
    ['paybackYears', 'investment:digital-tools', 1.2],
    ['saving', 'share:contact-center-labor', 400e4],
    ['net', 'amount:service-cost', 300e4],
    ['investment', 'investment:manager-bonus', 240e4],
  ] as const)('%s by %s', (output, text, target) => {
    const result = seek(example, 'target-15', text, output, target);
    expect(result.reachable, JSON.stringify(result)).toBe(true);
    expectHit(example, 'target-15', resolve(example, 'target-15', text), output, target, result.value, result.tolerance);
  });

  it('says when the target is out of reach, with the closest value in the valid range', () => {
    // Cutting labor cost entirely saves 0.14 x 0.87 = 12.18% of the service cost, no more.
    const tooMuch = seek(example, 'target-15', 'lever:contact-center-labor:unitCost', 'affectedShare', 0.5);
    expect(tooMuch.reachable).toBe(false);
    expect(tooMuch.value).toBe(-1);
    expect(tooMuch.reached).toBeCloseTo(0.1218, 15);
    // A 3-year plan cannot pay back in 5 years: the latest payback is at the end of the horizon.
    const late = seek(example, 'target-15', 'lever:contact-center-labor:unitCost', 'paybackYears', 5);
    expect(late.reachable).toBe(false);
    expect(late.reached).toBeCloseTo(3, 6);
    // Growth moves no share of the year-1 saving.
    const flat = seek(example, 'target-15', 'growth', 'affectedShare', 0.05);
    expect(flat).toMatchObject({ reachable: false, value: 0.2 });
    // The contact center may not grow past what its siblings leave (14%).
    const share = seek(example, 'target-15', 'share:contact-center', 'npv', 1e9);
    expect(share).toMatchObject({ reachable: false, value: 0.14, range: { min: 0, max: 0.14 } });
  });

  it('answers at once when the output is already at the target', () => {
    const result = seek(example, 'target-15', 'growth', 'affectedShare', 0.01827);
    expect(result.reachable).toBe(true);
    expect(result.value).toBe(0.2);
  });

  it('returns errors as values', () => {
    const bad = (request: Partial<Parameters<typeof goalSeek>[1]>) =>
      goalSeek(example, { scenario: 'target-15', input: 'growth', output: 'npv', target: 1, ...request });
    expect(bad({ scenario: 'Nope' })).toEqual({
      ok: false,
      error: {
        path: 'scenario',
        message: 'no scenario named "Nope" (scenarios: "Target 15%", "Digital tools 20%")',
        problem: { code: 'no-such-scenario', params: { name: 'Nope', known: ['Target 15%', 'Digital tools 20%'] } },
      },
    });
    const infinite = bad({ target: Number.POSITIVE_INFINITY });
    expect(infinite.ok ? '' : renderProblem(infinite.error.problem, { language: 'zh', unit: 'tenThousand' })).toBe('须为有限的数字，输入的是 Infinity');
    expect(bad({ input: 'lever:nowhere:unitCost' })).toMatchObject({
      ok: false,
      error: { path: 'input "lever:nowhere:unitCost"', message: expect.stringContaining('refers to no cost node') },
    });
    expect(bad({ output: 'profit' as 'npv' })).toMatchObject({ ok: false, error: { path: 'output' } });
    expect(bad({ target: Number.NaN })).toMatchObject({ ok: false, error: { path: 'target' } });
  });
});

describe('goal seek on generated models', () => {
  const model = generateModel({ leafLines: 1_000, scenarios: 4 });
  const tree = prepareTree(model.costTree);

  it('reaches any output that some value of the input gives, for levers, growth, discount, investments and shares', () => {
    let checked = 0;
    for (const scenario of model.scenarios) {
      const context = inputContext(model, scenario);
      const inputs = candidateInputs(model, scenario, [3, 57, 400, 1111]).filter((_, k, all) => k % Math.max(1, Math.floor(all.length / 12)) === 0);
      for (const input of inputs) {
        const value = valueIn(context, input, 0.3, 0.8);
        const at = recompute(model, scenario.id, [{ input, value }], tree);
        for (const output of OUTPUTS) {
          const target = outputValue(at, output);
          if (target === null) continue;
          const result = goalSeek(model, { scenario: scenario.id, input: input.address, output, target }, { tree });
          if (!result.ok) throw new Error(result.error.message);
          expect(result.value.reachable, `${scenario.id} ${input.address} ${output} ${target}: ${JSON.stringify(result.value)}`).toBe(true);
          expectHit(model, scenario.id, input, output, target, result.value.value, result.value.tolerance);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('says unreachable, at the end of the range, when a lever cannot save enough', () => {
    const scenario = model.scenarios[0]!;
    const lever = scenario.levers.find((l) => l.unitCostChange !== undefined)!;
    const result = seek(model, scenario.id, `lever:${lever.nodeId}:unitCost`, 'affectedShare', 0.9);
    expect(result.reachable).toBe(false);
    expect(result.value).toBe(-1);
    expect(result.range).toEqual({ min: -1, max: LIMITS.maxCostIncrease });
  });
});

describe('goal seek on random valid models', () => {
  it('hits a target that a value in the valid range gives, or the output does not move with the input', () => {
    fc.assert(
      fc.property(
        arbitraryModel({ minScenarios: 1, maxNodes: 25 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...OUTPUTS),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (model, s, pick, output, u, v) => {
          const scenario = model.scenarios[s % model.scenarios.length]!;
          const inputs = candidateInputs(model, scenario, [pick, pick + 7]);
          const input = inputs[pick % inputs.length]!;
          const context = inputContext(model, scenario);
          const value = valueIn(context, input, u, v);
          const target = outputValue(recompute(model, scenario.id, [{ input, value }]), output);
          if (target === null) return;
          // Half the time with the prepared tree and the scenario's engine result at hand, as the app calls it.
          const tree = prepareTree(model.costTree);
          const options = pick % 2 === 0 ? {} : { tree, result: computeScenario(tree, scenario, model.firstPlanYear) };
          const result = goalSeek(model, { scenario: scenario.id, input: input.address, output, target }, options);
          if (!result.ok) throw new Error(result.error.message);
          const found = result.value;
          expect(found.range).toEqual(validRange(context, input));
          expect(found.value).toBeGreaterThanOrEqual(found.range.min);
          expect(found.value).toBeLessThanOrEqual(found.range.max);
          expect(found.reachable, JSON.stringify({ input: input.address, output, value, target, found })).toBe(true);
          expectHit(model, scenario.id, input, output, target, found.value, found.tolerance);
        },
      ),
      { numRuns: 300 },
    );
  });
});
