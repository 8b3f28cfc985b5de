import { problem } from '../messages/problems';
import { preparedRevenueOf } from '../engine/revenue';
import type { InputRange, Model } from '../model/schema';
import { scenarioPath, type ModelIssue } from '../model/validate';
import { err, ok, type Result } from '../result';
import { ScenarioEvaluator } from './evaluator';
import { resolveInput, type Input } from './inputs';
import { orderedOutput, outputValue, type OutputName } from './outputs';
import { createRandom, createSampler } from './random';
import { currentValues, checkOutput, startAnalysis, type AnalysisOptions } from './setup';
import { histogram, percentile, rankCorrelations, type HistogramBin } from './statistics';

/**
 * Monte Carlo simulation of a scenario whose inputs carry ranges (`scenario.uncertainty`):
 * each trial draws every uncertain input from its distribution (triangular or PERT), all
 * others as the scenario has them, and computes the output. Definitions:
 * - P10 / P50 / P90: the 10th, 50th and 90th percentiles of the output over the trials
 *   (linear interpolation between neighbours, as Excel's PERCENTILE.INC); mean, min, max.
 *   A trial whose payback is not within the horizon counts as later than every other
 *   (a percentile that lands there is null); a trial without investment has no return /
 *   investment or net ROI and is left out of those statistics. The mean and the histogram
 *   take the trials with a finite output.
 * - probabilityRoiAboveOne: the share of trials where return / investment exceeds 1
 *   (the saving over the horizon is more than the investment).
 * - probabilityPaybackWithinHorizon: the share of trials that pay back within the horizon.
 * - sensitivity: Spearman's rank correlation between each input's draws and the output,
 *   largest magnitude first; it depends on the pairs drawn, not on their order.
 * Draws come from a seeded generator, trial by trial and input by input in the order of
 * the ranges: the same model, seed and trial count give the same result.
 */
export interface SimulationRequest {
  scenario: string;
  output: OutputName;
  trials: number;
  seed: number;
  /** Histogram bins, default 20. */
  bins?: number;
}

export interface SimulationResult {
  scenarioId: string;
  output: OutputName;
  trials: number;
  seed: number;
  /** The output with every input as the scenario has it. */
  deterministic: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Trials whose output is not defined (payback not within the horizon; no investment). */
  undefinedTrials: number;
  probabilityRoiAboveOne: number;
  probabilityPaybackWithinHorizon: number;
  histogram: HistogramBin[];
  sensitivity: { input: string; rankCorrelation: number | null }[];
  ranges: InputRange[];
}

export const MAX_TRIALS = 100_000;
export const DEFAULT_BINS = 20;

export interface SimulationOptions extends AnalysisOptions {
  /** Called after every chunk of trials (a worker posts it as progress; cancel by terminating the worker). */
  onProgress?: (done: number, total: number) => void;
}

/** Trials between two progress reports. */
export const PROGRESS_CHUNK = 2000;

export function simulate(model: Model, request: SimulationRequest, options: SimulationOptions = {}): Result<SimulationResult, ModelIssue> {
  const started = startAnalysis(model, request.scenario, options);
  if (!started.ok) return started;
  const analysis = started.value;
  const output = checkOutput(request.output);
  if (!output.ok) return output;
  const { trials, seed } = request;
  const bins = request.bins ?? DEFAULT_BINS;
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS)
    return err({
      path: 'trials',
      message: `must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')}, got ${trials}`,
      problem: problem('trials-out-of-range', { value: trials, max: MAX_TRIALS }),
    });
  if (!Number.isSafeInteger(seed) || seed < 0)
    return err({ path: 'seed', message: `must be a whole number from 0 to 2^53 - 1, got ${seed}`, problem: problem('seed-invalid', { value: seed }) });
  if (!Number.isInteger(bins) || bins < 1 || bins > 200)
    return err({
      path: 'bins',
      message: `must be a whole number from 1 to 200, got ${bins}`,
      problem: problem('bins-out-of-range', { value: bins, max: 200 }),
    });
  const { scenario, context, tree } = analysis;
  const ranges = scenario.uncertainty ?? [];
  if (ranges.length === 0)
    return err({
      path: `${scenarioPath(scenario)}.uncertainty`,
      message: 'the scenario has no uncertainty ranges to simulate; give inputs a range (low, most likely, high) first',
      problem: problem('no-uncertainty-ranges', {}),
    });
  const inputs: Input[] = [];
  for (const range of ranges) {
    const resolved = resolveInput(context, range.input, { idsOnly: true });
    if (!resolved.ok) return err({ path: `${scenarioPath(scenario)}.uncertainty[${JSON.stringify(range.input)}]`, ...resolved.error });
    inputs.push(resolved.value);
  }

  const base = currentValues(analysis, inputs);
  const evaluator = new ScenarioEvaluator(tree, scenario, inputs, base, analysis.result, preparedRevenueOf(analysis.model));
  const deterministic = outputValue(evaluator.evaluate(base), output.value);
  const samplers = ranges.map((range) => createSampler(range.distribution, range.low, range.mostLikely, range.high));
  const draws = inputs.map(() => new Float64Array(trials));
  const outputs = new Float64Array(trials);
  const values = new Float64Array(inputs.length);
  const random = createRandom(seed);
  let roiAboveOne = 0;
  let paybackWithin = 0;
  for (let start = 0; start < trials; start += PROGRESS_CHUNK) {
    const end = Math.min(trials, start + PROGRESS_CHUNK);
    for (let t = start; t < end; t++) {
      for (let j = 0; j < samplers.length; j++) {
        const value = samplers[j]!(random);
        values[j] = value;
        draws[j]![t] = value;
      }
      const evaluation = evaluator.evaluate(values);
      outputs[t] = orderedOutput(outputValue(evaluation, output.value), output.value);
      const roi = evaluation.totals.returnOnInvestment;
      if (roi !== null && roi > 1) roiAboveOne++;
      if (evaluation.totals.paybackYears !== null) paybackWithin++;
    }
    options.onProgress?.(end, trials);
  }

  let defined = 0;
  let finite = 0;
  for (let t = 0; t < trials; t++) {
    if (!Number.isNaN(outputs[t]!)) defined++;
    if (Number.isFinite(outputs[t]!)) finite++;
  }
  const sorted = new Float64Array(defined);
  for (let t = 0, k = 0; t < trials; t++) if (!Number.isNaN(outputs[t]!)) sorted[k++] = outputs[t]!;
  sorted.sort();
  const finiteSorted = sorted.subarray(0, finite);
  let total = 0;
  for (let k = 0; k < finite; k++) total += finiteSorted[k]!;
  const quantile = (p: number): number | null => {
    const value = percentile(sorted, p);
    return Number.isFinite(value) ? value : null;
  };
  const correlations = rankCorrelations(draws, outputs);
  const sensitivity = inputs
    .map((input, j) => ({ input: input.address, rankCorrelation: correlations[j]!, j }))
    .sort((a, b) => magnitude(b.rankCorrelation) - magnitude(a.rankCorrelation) || a.j - b.j)
    .map(({ input, rankCorrelation: rho }) => ({ input, rankCorrelation: rho }));
  return ok({
    scenarioId: scenario.id,
    output: output.value,
    trials,
    seed,
    deterministic,
    p10: quantile(0.1),
    p50: quantile(0.5),
    p90: quantile(0.9),
    mean: finite > 0 ? total / finite : null,
    min: finite > 0 ? finiteSorted[0]! : null,
    max: finite > 0 ? finiteSorted[finite - 1]! : null,
    undefinedTrials: trials - finite,
    probabilityRoiAboveOne: roiAboveOne / trials,
    probabilityPaybackWithinHorizon: paybackWithin / trials,
    histogram: histogram(finiteSorted, bins),
    sensitivity,
    ranges: ranges.map((range) => ({ ...range })),
  });
}

function magnitude(value: number | null): number {
  return value === null ? -1 : Math.abs(value);
}
