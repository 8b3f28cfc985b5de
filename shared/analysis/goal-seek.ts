import { problem } from '../messages/problems';
import { preparedRevenueOf } from '../engine/revenue';
import type { ScenarioTotals } from '../engine/compute';
import type { Model } from '../model/schema';
import type { ModelIssue } from '../model/validate';
import { err, ok, type Result } from '../result';
import { recompute, ScenarioEvaluator } from './evaluator';
import { inputValue, validRange, type ValidRange } from './inputs';
import { orderedOutput, OUTPUT_UNIT, outputValue, type OutputName } from './outputs';
import { checkOutput, resolveInputs, startAnalysis, type AnalysisOptions } from './setup';

/**
 * Goal seek: the value of one input that makes an output reach a target, everything else as
 * the scenario has it.
 *
 * 1. Bracket: from the input's current value, step outwards both ways (steps doubling from
 *    a ten-thousandth of the value) up to the ends of its valid range, noting where the output
 *    crosses the target; if it never does, scan the range on a grid of 64 points.
 * 2. Solve each bracket, nearest the current value first, with Brent's method (inverse
 *    quadratic interpolation and secant steps, falling back to bisection, which also copes
 *    with payback's jumps: "not within the horizon" counts as +infinity).
 * 3. Check the answer on a recompute of the edited model by the engine: the target is
 *    reached when the output is within 1e-9 of it, relative to the size of the numbers it is
 *    computed from: 1e-9 x max(1, |target|, |output now|), and for an amount also the
 *    horizon saving and investment now and at the answer (an NPV of 5 yuan out of savings
 *    of a billion cannot be told closer than float rounding allows).
 * When no bracket holds the target (or the output jumps over it), the answer says it is
 * unreachable within the input's valid range and gives the closest value found.
 */
export interface GoalSeekRequest {
  /** Scenario id or name. */
  scenario: string;
  /** Input address (ids or names). */
  input: string;
  output: OutputName;
  target: number;
}

export interface GoalSeekResult {
  scenarioId: string;
  /** Canonical input address. */
  input: string;
  output: OutputName;
  target: number;
  reachable: boolean;
  /** The input value that reaches the target, or when unreachable the closest one in the valid range. */
  value: number;
  /** The output at `value`, recomputed by the engine on the edited model. */
  reached: number | null;
  /** How close `reached` had to come to the target to count as reaching it. */
  tolerance: number;
  /** The input and output as the scenario has them. */
  current: { value: number; output: number | null };
  range: ValidRange;
  /** Fast evaluations the search made. */
  evaluations: number;
}

/** Relative tolerance of a hit (see step 3 above). */
export const GOAL_TOLERANCE = 1e-9;
const GRID_POINTS = 64;
const MAX_ITERATIONS = 200;

export function goalSeek(model: Model, request: GoalSeekRequest, options: AnalysisOptions = {}): Result<GoalSeekResult, ModelIssue> {
  const started = startAnalysis(model, request.scenario, options);
  if (!started.ok) return started;
  const analysis = started.value;
  const output = checkOutput(request.output);
  if (!output.ok) return output;
  if (!Number.isFinite(request.target))
    return err({
      path: 'target',
      message: `must be a finite number, got ${request.target}`,
      problem: problem('not-finite', { value: String(request.target) }),
    });
  const resolved = resolveInputs(analysis, [request.input]);
  if (!resolved.ok) return resolved;
  const input = resolved.value[0]!;
  const target = request.target;
  const { scenario, context, tree } = analysis;

  const current = inputValue(context, input);
  const range = validRange(context, input);
  const lo = range.min;
  const hi = range.max;
  const evaluator = new ScenarioEvaluator(tree, scenario, [input], [current], analysis.result, preparedRevenueOf(analysis.model));
  let evaluations = 0;
  const gap = (x: number): number => {
    evaluations++;
    return orderedOutput(outputValue(evaluator.evaluateOne(0, x), output.value), output.value) - target;
  };
  const now = analysis.result ?? recompute(model, scenario.id, [], tree);
  const currentOutput = outputValue(now, output.value);
  const isAmount = OUTPUT_UNIT[output.value] === 'money';
  const scaleOf = (totals: ScenarioTotals): number => (isAmount ? Math.max(Math.abs(totals.saving), Math.abs(totals.investment)) : 0);
  const baseScale = Math.max(1, Math.abs(target), Math.abs(currentOutput ?? 0), scaleOf(now.totals));
  const reachedAt = (x: number): { reached: number | null; tolerance: number } => {
    const result = recompute(model, scenario.id, [{ input, value: x }], tree);
    return { reached: outputValue(result, output.value), tolerance: GOAL_TOLERANCE * Math.max(baseScale, scaleOf(result.totals)) };
  };
  const answer = (reachable: boolean, found: { x: number; reached: number | null; tolerance: number }): Result<GoalSeekResult, ModelIssue> =>
    ok({
      scenarioId: scenario.id,
      input: input.address,
      output: output.value,
      target,
      reachable,
      value: found.x,
      reached: found.reached,
      tolerance: found.tolerance,
      current: { value: current, output: currentOutput },
      range,
      evaluations,
    });

  const start = Math.min(hi, Math.max(lo, current));
  const samples: Sample[] = [{ x: start, g: gap(start) }];
  let best: { x: number; reached: number | null; miss: number; tolerance: number } | undefined;
  const consider = (x: number): boolean => {
    const { reached, tolerance } = reachedAt(x);
    const miss = reached === null ? Number.POSITIVE_INFINITY : Math.abs(reached - target);
    if (!best || miss < best.miss || (miss === best.miss && Math.abs(x - start) < Math.abs(best.x - start))) best = { x, reached, miss, tolerance };
    return miss <= tolerance;
  };
  // Already there (to the tolerance): no search.
  if (Math.abs(samples[0]!.g) <= GOAL_TOLERANCE * baseScale && consider(start)) return answer(true, best!);
  const brackets = bracketOutwards(gap, samples, start, lo, hi);
  if (brackets.length === 0) brackets.push(...bracketOnGrid(gap, samples, lo, hi));
  brackets.sort((a, b) => distanceTo(a, start) - distanceTo(b, start));

  for (const bracket of brackets) {
    const root = brent(gap, bracket, lo, hi);
    if (consider(root)) return answer(true, best!);
  }
  // Unreachable: the closest point the search saw, checked on a recompute.
  const closest = samples.filter((s) => !Number.isNaN(s.g)).sort((a, b) => Math.abs(a.g) - Math.abs(b.g) || Math.abs(a.x - start) - Math.abs(b.x - start))[0];
  if (closest) consider(closest.x);
  if (!best) consider(start);
  return answer(best!.miss <= best!.tolerance, best!);
}

interface Sample {
  x: number;
  /** output - target (NaN where the output is not defined). */
  g: number;
}

interface Bracket {
  a: Sample;
  b: Sample;
}

function crosses(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  return (a <= 0 && b >= 0) || (a >= 0 && b <= 0);
}

function distanceTo(bracket: Bracket, x: number): number {
  return Math.min(Math.abs(bracket.a.x - x), Math.abs(bracket.b.x - x));
}

/** Steps out from `start` both ways, doubling, to the ends of the range, and keeps every crossing. */
function bracketOutwards(gap: (x: number) => number, samples: Sample[], start: number, lo: number, hi: number): Bracket[] {
  const first = samples[0]!;
  if (first.g === 0) return [{ a: first, b: first }];
  const brackets: Bracket[] = [];
  const step0 = Math.max(Math.abs(start) * 1e-4, (hi - lo) * 1e-20, 1e-300);
  for (const direction of [-1, 1]) {
    let previous = first;
    for (let step = step0; ; step *= 2) {
      const x = direction < 0 ? Math.max(lo, start - step) : Math.min(hi, start + step);
      if (x === previous.x) break;
      const sample = { x, g: gap(x) };
      samples.push(sample);
      // Every crossing is kept: the nearest may be a jump (payback) that skips the target.
      if (crosses(previous.g, sample.g)) brackets.push({ a: previous, b: sample });
      if (!Number.isNaN(sample.g)) previous = sample;
      if (x === lo || x === hi) break;
    }
  }
  return brackets;
}

/** A grid over the whole range, for outputs that cross the target away from the current value and back. */
function bracketOnGrid(gap: (x: number) => number, samples: Sample[], lo: number, hi: number): Bracket[] {
  for (let k = 0; k <= GRID_POINTS; k++) {
    const x = k === GRID_POINTS ? hi : lo + ((hi - lo) * k) / GRID_POINTS;
    samples.push({ x, g: gap(x) });
  }
  const sorted = samples.filter((s) => !Number.isNaN(s.g)).sort((a, b) => a.x - b.x);
  const brackets: Bracket[] = [];
  for (let k = 1; k < sorted.length; k++) if (crosses(sorted[k - 1]!.g, sorted[k]!.g)) brackets.push({ a: sorted[k - 1]!, b: sorted[k]! });
  return brackets;
}

/**
 * Brent's method (zeroin) on a bracket whose ends have gaps of opposite signs (or a zero).
 * Interpolates only between finite gaps; otherwise it bisects. Returns the end with the
 * smaller gap when the bracket has shrunk to rounding.
 */
function brent(gap: (x: number) => number, bracket: Bracket, lo: number, hi: number): number {
  let a = bracket.a.x;
  let fa = bracket.a.g;
  let b = bracket.b.x;
  let fb = bracket.b.g;
  if (fa === 0) return a;
  if (fb === 0) return b;
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    // To the last bits of b (a root at 0 stops at the iteration limit, within 2^-200 of it).
    const tol = 2 * Number.EPSILON * Math.abs(b) + 1e-300;
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tol || fb === 0) return b;
    const interpolate = Number.isFinite(fa) && Number.isFinite(fb) && Number.isFinite(fc);
    if (interpolate && Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * half * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : half > 0 ? tol : -tol;
    b = Math.min(hi, Math.max(lo, b));
    fb = gap(b);
    if (Number.isNaN(fb)) return Math.abs(fa) <= Math.abs(fc) ? a : c;
  }
  return Math.abs(fb) <= Math.abs(fc) ? b : c;
}
