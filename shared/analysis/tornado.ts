import type { Model } from '../model/schema';
import type { ModelIssue } from '../model/validate';
import { err, ok, type Result } from '../result';
import { ScenarioEvaluator } from './evaluator';
import { scenarioInputs, validRange, type Input } from './inputs';
import { orderedOutput, outputValue, type OutputName } from './outputs';
import { checkOutput, currentValues, resolveInputs, startAnalysis, type AnalysisOptions } from './setup';

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
    return err({ path: 'swing', message: `must be above 0 and at most ${MAX_SWING} (0.1 is +/-10%), got ${swing}` });
  let inputs: Input[];
  if (request.inputs) {
    const resolved = resolveInputs(analysis, request.inputs);
    if (!resolved.ok) return resolved;
    inputs = resolved.value;
  } else inputs = scenarioInputs(analysis.context);

  const { scenario, context, tree } = analysis;
  const base = currentValues(analysis, inputs);
  const evaluator = new ScenarioEvaluator(tree, scenario, inputs, base, analysis.result);
  const read = (values: Float64Array): number | null => outputValue(evaluator.evaluate(values), output.value);
  const baseOutput = read(base);
  const ranges = new Map((scenario.uncertainty ?? []).map((range) => [range.input, range]));
  const values = Float64Array.from(base);
  const keyed = inputs.map((input, slot) => {
    const range = ranges.get(input.address);
    let low: number;
    let high: number;
    let clipped = false;
    if (range) {
      low = range.low;
      high = range.high;
    } else {
      const value = base[slot]!;
      low = Math.min(value * (1 - swing), value * (1 + swing));
      high = Math.max(value * (1 - swing), value * (1 + swing));
      const valid = validRange(context, input);
      const min = valid.min;
      if (low < min) [low, clipped] = [min, true];
      if (high > valid.max) [high, clipped] = [valid.max, true];
    }
    values[slot] = low;
    const lowOutput = read(values);
    values[slot] = high;
    const highOutput = read(values);
    values[slot] = base[slot]!;
    const spread = Math.abs(orderedOutput(highOutput, output.value) - orderedOutput(lowOutput, output.value));
    const bar: TornadoBar = {
      input: input.address,
      low,
      high,
      source: range ? 'range' : 'swing',
      clipped,
      lowOutput,
      highOutput,
      swing: Number.isFinite(spread) ? spread : null,
    };
    return { bar, key: Number.isNaN(spread) ? -1 : spread, slot };
  });
  keyed.sort((a, b) => b.key - a.key || a.slot - b.slot);
  return ok({ scenarioId: scenario.id, output: output.value, base: baseOutput, swing, bars: keyed.map((entry) => entry.bar) });
}
