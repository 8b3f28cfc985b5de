import fc from 'fast-check';
import { renderProblem } from '../../../shared/messages/render';
import { describe, expect, it } from 'vitest';
import {
  createRandom,
  createSampler,
  inputContext,
  inputValue,
  OUTPUTS,
  outputValue,
  percentile,
  rankCorrelation,
  recompute,
  resolveInput,
  simulate,
  type OutputName,
} from '../../../shared/analysis';
import { prepareTree } from '../../../shared/engine';
import { createExampleModel, validateModel, type InputRange, type Model } from '../../../shared/model';
import { generateModel } from '../../../bench/generate';

/** Monte Carlo: reproducible with a seed, centred on the plan for narrow symmetric ranges, consistent with recomputes. */
const example = createExampleModel('en');

function withRanges(model: Model, scenarioId: string, ranges: InputRange[]): Model {
  const next = structuredClone(model);
  next.scenarios.find((s) => s.id === scenarioId)!.uncertainty = ranges;
  const valid = validateModel(next);
  if (!valid.ok) throw new Error(JSON.stringify(valid.error));
  return next;
}

function run(model: Model, scenario: string, output: OutputName, trials: number, seed: number) {
  const result = simulate(model, { scenario, output, trials, seed });
  if (!result.ok) throw new Error(`${result.error.path}: ${result.error.message}`);
  return result.value;
}

/** Symmetric ranges of +/- `spread` of each input's value (or of `floor` for inputs at 0). */
function symmetricRanges(model: Model, scenarioId: string, addresses: string[], spread: number, distribution: 'pert' | 'triangular'): InputRange[] {
  const scenario = model.scenarios.find((s) => s.id === scenarioId)!;
  const context = inputContext(model, scenario);
  return addresses.map((address) => {
    const resolved = resolveInput(context, address);
    if (!resolved.ok) throw new Error(resolved.error.message);
    const value = inputValue(context, resolved.value);
    const half = Math.abs(value) * spread;
    return { input: resolved.value.address, low: value - half, mostLikely: value, high: value + half, distribution };
  });
}

const exampleRanges: InputRange[] = [
  { input: 'lever:contact-center-labor:unitCost', low: -0.2, mostLikely: -0.15, high: -0.05, distribution: 'pert' },
  { input: 'growth', low: 0, mostLikely: 0.2, high: 0.3, distribution: 'triangular' },
  { input: 'investment:digital-tools', low: 200_000, mostLikely: 300_000, high: 900_000, distribution: 'pert' },
];

describe('Monte Carlo', () => {
  const model = withRanges(example, 'target-15', exampleRanges);

  it('gives the same result for the same seed and another for another seed', () => {
    const first = run(model, 'target-15', 'npv', 5_000, 42);
    expect(run(model, 'target-15', 'npv', 5_000, 42)).toEqual(first);
    const other = run(model, 'target-15', 'npv', 5_000, 43);
    expect(other.p50).not.toBe(first.p50);
    expect(Math.abs(other.p50! - first.p50!) / first.p50!).toBeLessThan(0.03);
  });

  it('is the naive simulation: the same draws, each trial recomputed by the engine', () => {
    const trials = 400;
    const outputs: Record<OutputName, number[]> = Object.fromEntries(OUTPUTS.map((o) => [o, []])) as unknown as Record<OutputName, number[]>;
    const scenario = model.scenarios[0]!;
    const context = inputContext(model, scenario);
    const inputs = exampleRanges.map((range) => (resolveInput(context, range.input) as { ok: true; value: never }).value);
    const samplers = exampleRanges.map((r) => createSampler(r.distribution, r.low, r.mostLikely, r.high));
    const random = createRandom(99);
    const tree = prepareTree(model.costTree);
    let roiAboveOne = 0;
    let paybackWithin = 0;
    const draws = exampleRanges.map(() => new Float64Array(trials));
    for (let t = 0; t < trials; t++) {
      const values = samplers.map((sample) => sample(random));
      values.forEach((value, k) => (draws[k]![t] = value));
      const result = recompute(
        model,
        'target-15',
        inputs.map((input, k) => ({ input, value: values[k]! })),
        tree,
      );
      for (const output of OUTPUTS) outputs[output].push(outputValue(result, output) ?? Number.POSITIVE_INFINITY);
      if ((result.totals.returnOnInvestment ?? 0) > 1) roiAboveOne++;
      if (result.totals.paybackYears !== null) paybackWithin++;
    }
    for (const output of OUTPUTS) {
      const simulated = run(model, 'target-15', output, trials, 99);
      const sorted = Float64Array.from(outputs[output]).sort();
      for (const [p, value] of [
        [0.1, simulated.p10],
        [0.5, simulated.p50],
        [0.9, simulated.p90],
      ] as const)
        expect(value, `${output} P${p * 100}`).toBeCloseTo(percentile(sorted, p), output === 'affectedShare' ? 12 : 4);
      expect(simulated.probabilityRoiAboveOne).toBe(roiAboveOne / trials);
      expect(simulated.probabilityPaybackWithinHorizon).toBe(paybackWithin / trials);
      expect(simulated.histogram.reduce((n, bin) => n + bin.count, 0)).toBe(trials - simulated.undefinedTrials);
      expect(simulated.min).toBeCloseTo(sorted[0]!, output === 'affectedShare' ? 12 : 4);
      // Sensitivities: the rank correlations of these very draws with the recomputed outputs.
      const ys = Float64Array.from(outputs[output]);
      for (const entry of simulated.sensitivity) {
        const k = exampleRanges.findIndex((range) => range.input === entry.input);
        const expected = rankCorrelation(draws[k]!, ys);
        if (expected === null) expect(entry.rankCorrelation).toBeNull();
        else expect(entry.rankCorrelation!).toBeCloseTo(expected, 6);
      }
    }
  });

  it('with narrow symmetric ranges, its P50 is the plan (the example and a generated model)', () => {
    for (const distribution of ['pert', 'triangular'] as const) {
      const narrow = withRanges(
        example,
        'target-15',
        symmetricRanges(
          example,
          'target-15',
          ['lever:contact-center-labor:unitCost', 'growth', 'discount', 'investment:digital-tools', 'investment:manager-bonus'],
          0.01,
          distribution,
        ),
      );
      const outputs = distribution === 'pert' ? (['npv', 'returnOnInvestment', 'paybackYears'] as const) : (['npv', 'saving'] as const);
      for (const output of outputs) {
        const result = run(narrow, 'target-15', output, 20_000, 7);
        expect(Math.abs(result.p50! - result.deterministic!) / Math.abs(result.deterministic!), `${distribution} ${output}`).toBeLessThan(2e-4);
        expect(result.p10!).toBeLessThan(result.p50!);
        expect(result.p50!).toBeLessThan(result.p90!);
      }
    }
    const generated = generateModel({ leafLines: 1_000, scenarios: 1 });
    const scenario = generated.scenarios[0]!;
    const addresses = [
      ...scenario.levers
        .slice(0, 12)
        .map(
          (lever) =>
            `lever:${lever.nodeId}:${lever.unitCostChange !== undefined ? 'unitCost' : lever.throughputChange !== undefined ? 'throughput' : 'volume'}`,
        ),
      'growth',
      'discount',
      ...scenario.investments.slice(0, 4).map((line) => `investment:${line.id}`),
    ];
    const narrow = withRanges(generated, scenario.id, symmetricRanges(generated, scenario.id, addresses, 0.02, 'pert'));
    const result = run(narrow, scenario.id, 'npv', 10_000, 11);
    expect(Math.abs(result.p50! - result.deterministic!) / Math.abs(result.deterministic!)).toBeLessThan(2e-4);
  });

  it('reports chances, a histogram and sensitivities', () => {
    const result = run(model, 'target-15', 'returnOnInvestment', 10_000, 5);
    // Return / investment sits above 1 unless labor cost barely falls and the tools cost a lot.
    expect(result.probabilityRoiAboveOne).toBeGreaterThan(0.9);
    expect(result.probabilityRoiAboveOne).toBeLessThan(1);
    expect(result.histogram).toHaveLength(20);
    expect(result.histogram[0]!.from).toBe(result.min);
    expect(result.histogram.at(-1)!.to).toBe(result.max);
    expect(result.sensitivity.map((s) => s.input)).toEqual(['lever:contact-center-labor:unitCost', 'investment:digital-tools', 'growth']);
    expect(result.sensitivity[0]!.rankCorrelation!).toBeLessThan(-0.7);
    expect(result.sensitivity[1]!.rankCorrelation!).toBeLessThan(0);
    expect(result.sensitivity[2]!.rankCorrelation!).toBeGreaterThan(0);
    // A few trials (little labor saving, costly tools) do not pay back within the 3 years.
    const payback = run(model, 'target-15', 'paybackYears', 10_000, 5);
    expect(payback.probabilityPaybackWithinHorizon).toBeGreaterThan(0.9);
    expect(payback.probabilityPaybackWithinHorizon).toBeLessThan(1);
    expect(payback.undefinedTrials).toBe(Math.round((1 - payback.probabilityPaybackWithinHorizon) * 10_000));
    expect(payback.p90).not.toBeNull();
    expect(payback.p90!).toBeLessThanOrEqual(3);
  });

  it('counts trials that never pay back as later than any, and leaves them out of the mean', () => {
    // The plan pays back in 3 years only if labor cost falls by 6.66% or more: about 23% of this triangle.
    const risky = withRanges(example, 'target-15', [
      { input: 'lever:contact-center-labor:unitCost', low: -0.09, mostLikely: -0.05, high: -0.03, distribution: 'triangular' },
    ]);
    const result = run(risky, 'target-15', 'paybackYears', 5_000, 3);
    expect(result.probabilityPaybackWithinHorizon).toBeGreaterThan(0.18);
    expect(result.probabilityPaybackWithinHorizon).toBeLessThan(0.28);
    expect(result.undefinedTrials).toBe(Math.round((1 - result.probabilityPaybackWithinHorizon) * 5_000));
    expect(result.p50).toBeNull();
    expect(result.mean).not.toBeNull();
  });

  it('returns errors as values: no ranges, trials, seed', () => {
    expect(simulate(example, { scenario: 'target-15', output: 'npv', trials: 100, seed: 1 })).toEqual({
      ok: false,
      error: {
        path: 'scenarios["Target 15%"].uncertainty',
        message: 'the scenario has no uncertainty ranges to simulate; give inputs a range (low, most likely, high) first',
        problem: { code: 'no-uncertainty-ranges', params: {} },
      },
    });
    const trials = simulate(model, { scenario: 'target-15', output: 'npv', trials: 100_001, seed: 1 });
    expect(trials.ok ? '' : renderProblem(trials.error.problem, { language: 'zh', unit: 'yuan' })).toBe('模拟次数须为 1 到 100,000 的整数，输入的是 100001');
    expect(simulate(model, { scenario: 'target-15', output: 'npv', trials: 100_001, seed: 1 })).toMatchObject({ ok: false, error: { path: 'trials' } });
    expect(simulate(model, { scenario: 'target-15', output: 'npv', trials: 10, seed: -1 })).toMatchObject({ ok: false, error: { path: 'seed' } });
    expect(simulate(model, { scenario: 'target-15', output: 'npv', trials: 10, seed: 1.5 })).toMatchObject({ ok: false, error: { path: 'seed' } });
  });
});

describe('rank correlation', () => {
  it('does not depend on the order of the samples (to the bit), ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 2, maxLength: 300 }),
        fc.array(fc.nat()),
        (pairs, swaps) => {
          const xs = Float64Array.from(pairs, ([x]) => x);
          const ys = Float64Array.from(pairs, ([, y]) => y);
          const before = rankCorrelation(xs, ys);
          for (const swap of swaps) {
            const i = swap % pairs.length;
            const j = (swap * 7 + 3) % pairs.length;
            [xs[i], xs[j]] = [xs[j]!, xs[i]!];
            [ys[i], ys[j]] = [ys[j]!, ys[i]!];
          }
          expect(rankCorrelation(xs, ys)).toBe(before);
        },
      ),
    );
  });

  it('is 1 for any increasing relation, -1 for a decreasing one, null without variation', () => {
    const xs = Float64Array.from({ length: 100 }, (_, i) => i);
    expect(
      rankCorrelation(
        xs,
        xs.map((x) => Math.exp(x / 10)),
      ),
    ).toBe(1);
    expect(
      rankCorrelation(
        xs,
        xs.map((x) => -(x ** 3)),
      ),
    ).toBe(-1);
    expect(rankCorrelation(xs, new Float64Array(100).fill(2))).toBeNull();
  });
});
