import fc from 'fast-check';
import {
  inputContext,
  inputValue,
  outputValue,
  OUTPUTS,
  recompute,
  resolveInput,
  scenarioInputs,
  validRange,
  type Assignment,
  type Input,
  type InputContext,
  type OutputName,
  type OutputSource,
} from '../../../shared/analysis';
import type { PreparedTree, ScenarioResult } from '../../../shared/engine';
import type { Model, Scenario } from '../../../shared/model';

/**
 * Helpers for checking what-if results against the engine: a fast evaluation must equal a
 * recompute of the edited model up to float rounding, judged against the size of the
 * numbers each figure is computed from (savings of levers that raise and cut costs cancel).
 */

/** Relative to the magnitude of the ingredients of each figure. */
export const RELATIVE = 1e-10;

interface Scales {
  baseSaving: number;
  saving: number;
  investment: number;
}

/** Magnitudes of what the totals of `reference` are summed from. */
export function scalesOf(tree: PreparedTree, reference: ScenarioResult, scenario: Scenario): Scales {
  const unallocated = tree.unallocatedAmount;
  let terms = 0;
  for (let i = 0; i < unallocated.length; i++) terms += Math.abs(unallocated[i]!) * (1 + Math.abs(reference.costFactor[i]!));
  const baseSaving = Math.max(terms, Math.abs(reference.baseSaving));
  let multiplier = 0;
  let growth = 1;
  for (let year = 1; year <= scenario.horizonYears; year++) {
    multiplier += Math.abs(growth * (scenario.ramp?.[year - 1] ?? 1));
    growth *= 1 + scenario.volumeGrowth;
  }
  let investment = 0;
  for (const year of reference.years) investment += Math.abs(year.investment);
  const saving = baseSaving * Math.max(1, multiplier);
  return { baseSaving, saving, investment: investment + saving };
}

function close(actual: number, expected: number, scale: number): boolean {
  if (Object.is(actual, expected)) return true;
  return Math.abs(actual - expected) <= RELATIVE * Math.max(1, scale);
}

/**
 * True when a payback is ill-conditioned: the cumulative net passes within rounding of zero
 * at a year boundary, or a year's slope is nearly flat, so the last bits of the year-1 saving
 * can move it (or make it not defined).
 */
function paybackFragile(reference: ScenarioResult, scale: number): boolean {
  let cumulative = 0;
  for (const year of reference.years) {
    const start = cumulative - year.upfrontInvestment;
    const slope = year.saving - year.spreadInvestment;
    const end = start + slope;
    if (Math.abs(start) <= 1e-8 * scale || Math.abs(end) <= 1e-8 * scale || Math.abs(slope) <= 1e-6 * scale) return true;
    cumulative = end;
  }
  return false;
}

/** Describes where a fast figure and the recompute differ beyond rounding; undefined when they agree. */
export function outputMismatch(fast: OutputSource, reference: ScenarioResult, tree: PreparedTree, output: OutputName, scenario: Scenario): string | undefined {
  const a = outputValue(fast, output);
  const b = outputValue(reference, output);
  if (Object.is(a, b)) return undefined;
  const scales = scalesOf(tree, reference, scenario);
  const npvScale = npvMagnitude(reference, scenario, scales.baseSaving);
  const fail = `${output}: fast ${a}, recompute ${b}`;
  if (output === 'paybackYears') {
    if (paybackFragile(reference, scales.saving + scales.investment)) return undefined;
    if (a === null || b === null) return fail;
    return Math.abs(a - b) <= 1e-7 ? undefined : fail;
  }
  if (a === null || b === null) return fail;
  switch (output) {
    case 'affectedShare':
      return close(a, b, tree.totalAmount > 0 ? scales.baseSaving / tree.totalAmount : 1) ? undefined : fail;
    case 'saving':
    case 'investment':
    case 'net':
      return close(a, b, scales.saving + scales.investment) ? undefined : fail;
    case 'npv':
      return close(a, b, npvScale) ? undefined : fail;
    case 'returnOnInvestment':
    case 'netRoi': {
      const investment = reference.totals.investment;
      return close(a, b, (scales.saving + scales.investment) / investment) ? undefined : fail;
    }
  }
}

function npvMagnitude(reference: ScenarioResult, scenario: Scenario, baseScale: number): number {
  let discount = 1;
  let growth = 1;
  let total = 0;
  for (const year of reference.years) {
    discount /= 1 + scenario.discountRate;
    const savingScale = baseScale * Math.abs(growth * (scenario.ramp?.[year.year - 1] ?? 1));
    total += (2 * savingScale + Math.abs(year.investment)) * Math.abs(discount);
    growth *= 1 + scenario.volumeGrowth;
  }
  return total;
}

export function allMismatches(fast: OutputSource, reference: ScenarioResult, tree: PreparedTree, scenario: Scenario): string[] {
  return OUTPUTS.map((output) => outputMismatch(fast, reference, tree, output, scenario)).filter((m): m is string => m !== undefined);
}

// ---------------------------------------------------------------------------------------
// Random inputs and values

/** Every input of the scenario, plus levers on nodes without one, shares and amounts of some nodes. */
export function candidateInputs(model: Model, scenario: Scenario, picks: readonly number[]): Input[] {
  const context = inputContext(model, scenario);
  const inputs = scenarioInputs(context);
  const seen = new Set(inputs.map((input) => input.address));
  const kinds = ['unitCost', 'throughput', 'volume'] as const;
  picks.forEach((pick, k) => {
    const node = model.costTree[pick % model.costTree.length]!;
    const texts = [`lever:${node.id}:${kinds[k % 3]}`, `${node.basis.kind}:${node.id}`];
    for (const text of texts) {
      const resolved = resolveInput(context, text, { idsOnly: true });
      if (resolved.ok && !seen.has(resolved.value.address)) {
        inputs.push(resolved.value);
        seen.add(resolved.value.address);
      }
    }
  });
  return inputs;
}

/** A value in the input's valid range: near its current value, at an end, or anywhere in it (u, v in [0, 1)). */
export function valueIn(context: InputContext, input: Input, u: number, rawV: number): number {
  // Real plans hold no subnormal amounts: v stays a billionth away from the ends.
  const v = Math.min(1 - 1e-9, Math.max(1e-9, rawV));
  const range = validRange(context, input);
  const lo = range.min;
  const hi = range.max;
  const current = inputValue(context, input);
  let value: number;
  if (u < 0.4) value = current + (v - 0.5) * Math.max(Math.abs(current) * 0.5, (hi - lo) * 1e-3);
  else if (u < 0.5) value = v < 0.5 ? lo : hi;
  else if (u < 0.8) value = lo + (hi - lo) * v;
  else value = current * (0.5 + v);
  return Math.min(hi, Math.max(lo, value));
}

export const unitPairs = fc.array(
  fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
  {
    minLength: 1,
    maxLength: 4,
  },
);

export function reference(model: Model, scenario: Scenario, assignments: readonly Assignment[], tree: PreparedTree): ScenarioResult {
  return recompute(model, scenario.id, assignments, tree);
}
