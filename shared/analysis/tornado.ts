import { problem } from '../messages/problems';
import { preparedRevenueOf } from '../engine/revenue';
import type { Model } from '../model/schema';
import type { ModelIssue } from '../model/validate';
import { err, ok, type Result } from '../result';
import { ScenarioEvaluator } from './evaluator';
import { scenarioInputs, validRange, type Input } from './inputs';
import { orderedOutput, outputValue, type OutputName } from './outputs';
import { checkOutput, currentValues, resolveInputs, startAnalysis, type Analysis, type AnalysisOptions } from './setup';

/**
 * Tornado: each input moved alone to its low and its high, everything else as the scenario
 * has it, and the output recomputed at both. An input's low and high are its uncertainty
 * range when the scenario gives it one, else its value -/+ `swing` of it (0.1: 10% of the
 * value, so a -15% unit-cost change swings from -13.5% to -16.5%; an input at 0 does not
 * move), clipped to the input's valid range. Bars are sorted by swing (|output at high -
 * output at low|), largest first; a bar with an end where the output is undefined (payback
 * not within the horizon: +infinity) sorts first, one whose swing cannot be told sorts last.
 */
export interface TornadoRequest {
  scenario: string;
  output: OutputName;
  /** Input addresses; default every input of the scenario (`scenarioInputs`). */
  inputs?: readonly string[];
  /** Default 0.1. */
  swing?: number;
}

export interface TornadoBar {
  input: string;
  low: number;
  high: number;
  /** Where low and high come from. */
  source: 'range' | 'swing';
  /** true when the swing went past the input's valid range and was cut to it. */
  clipped: boolean;
  lowOutput: number | null;
  highOutput: number | null;
  /** |highOutput - lowOutput|; null when an end is not defined. */
  swing: number | null;
}

export interface TornadoResult {
  scenarioId: string;
  output: OutputName;
  /** The output as the scenario has it. */
  base: number | null;
  swing: number;
  bars: TornadoBar[];
}

export const DEFAULT_SWING = 0.1;
export const MAX_SWING = 10;

export function tornado(model: Model, request: TornadoRequest, options: AnalysisOptions = {}): Result<TornadoResult, ModelIssue> {
  const started = startAnalysis(model, request.scenario, options);
  if (!started.ok) return started;
  const analysis = started.value;
  const output = checkOutput(request.output);
  if (!output.ok) return output;
  const swing = request.swing ?? DEFAULT_SWING;
  if (!(Number.isFinite(swing) && swing > 0 && swing <= MAX_SWING))
    return err({
      path: 'swing',
      message: `must be above 0 and at most ${MAX_SWING} (0.1 is +/-10%), got ${swing}`,
      problem: problem('swing-out-of-range', { value: swing, max: MAX_SWING }),
    });
  let inputs: Input[];
  if (request.inputs) {
    const resolved = resolveInputs(analysis, request.inputs);
    if (!resolved.ok) return resolved;
    inputs = resolved.value;
  } else inputs = scenarioInputs(analysis.context);

  return ok(tornadoBars(analysis, inputs, [output.value], swing)[0]!);
}

/** Tornadoes of several outputs at once (the workbook export's NPV and saving): one evaluation read for each. */
export function tornadoes(
  model: Model,
  request: Omit<TornadoRequest, 'output'> & { outputs: readonly OutputName[] },
  options: AnalysisOptions = {},
): Result<TornadoResult[], ModelIssue> {
  const started = startAnalysis(model, request.scenario, options);
  if (!started.ok) return started;
  for (const name of request.outputs) {
    const output = checkOutput(name);
    if (!output.ok) return output;
  }
  const swing = request.swing ?? DEFAULT_SWING;
  if (!(Number.isFinite(swing) && swing > 0 && swing <= MAX_SWING))
    return err({
      path: 'swing',
      message: `must be above 0 and at most ${MAX_SWING} (0.1 is +/-10%), got ${swing}`,
      problem: problem('swing-out-of-range', { value: swing, max: MAX_SWING }),
    });
  let inputs: Input[];
  if (request.inputs) {
    const resolved = resolveInputs(started.value, request.inputs);
    if (!resolved.ok) return resolved;
    inputs = resolved.value;
  } else inputs = scenarioInputs(started.value.context);
  return ok(tornadoBars(started.value, inputs, request.outputs, swing));
}

/**
 * Inputs go to the evaluator in groups of this many: each bar moves one input with all others
 * as the scenario has them, so grouping changes no bar (to float rounding), but an evaluation
 * costs in proportion to the inputs it carries: thousands of levers cost thousands x a group,
 * not thousands squared.
 */
export const TORNADO_CHUNK = 64;

function tornadoBars(analysis: Analysis, inputs: readonly Input[], outputs: readonly OutputName[], swing: number): TornadoResult[] {
  const { scenario, context, tree } = analysis;
  const base = currentValues(analysis, inputs);
  const ranges = new Map((scenario.uncertainty ?? []).map((range) => [range.input, range]));
  const keyed = outputs.map(() => [] as { bar: TornadoBar; key: number; slot: number }[]);
  let baseOutputs: (number | null)[] = outputs.map(() => null);
  for (let start = 0; start < Math.max(inputs.length, 1); start += TORNADO_CHUNK) {
    const chunk = inputs.slice(start, start + TORNADO_CHUNK);
    const chunkBase = base.slice(start, start + chunk.length);
    const evaluator = new ScenarioEvaluator(tree, scenario, chunk, chunkBase, analysis.result, preparedRevenueOf(analysis.model));
    const read = (values: Float64Array) => {
      const evaluation = evaluator.evaluate(values);
      return outputs.map((output) => outputValue(evaluation, output));
    };
    if (start === 0) baseOutputs = read(chunkBase);
    const values = Float64Array.from(chunkBase);
    chunk.forEach((input, k) => {
      const range = ranges.get(input.address);
      let low: number;
      let high: number;
      let clipped = false;
      if (range) {
        low = range.low;
        high = range.high;
      } else {
        const value = chunkBase[k]!;
        low = Math.min(value * (1 - swing), value * (1 + swing));
        high = Math.max(value * (1 - swing), value * (1 + swing));
        const valid = validRange(context, input);
        if (low < valid.min) [low, clipped] = [valid.min, true];
        if (high > valid.max) [high, clipped] = [valid.max, true];
      }
      values[k] = low;
      const lows = read(values);
      values[k] = high;
      const highs = read(values);
      values[k] = chunkBase[k]!;
      outputs.forEach((output, j) => {
        const spread = Math.abs(orderedOutput(highs[j]!, output) - orderedOutput(lows[j]!, output));
        keyed[j]!.push({
          bar: {
            input: input.address,
            low,
            high,
            source: range ? 'range' : 'swing',
            clipped,
            lowOutput: lows[j]!,
            highOutput: highs[j]!,
            swing: Number.isFinite(spread) ? spread : null,
          },
          key: Number.isNaN(spread) ? -1 : spread,
          slot: start + k,
        });
      });
    });
  }
  return outputs.map((output, j) => {
    const bars = keyed[j]!.sort((a, b) => b.key - a.key || a.slot - b.slot).map((entry) => entry.bar);
    return { scenarioId: scenario.id, output, base: baseOutputs[j]!, swing, bars };
  });
}
