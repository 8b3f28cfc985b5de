import type { PaybackYear } from '../engine/payback';

/**
 * The engine's payback (shared/engine/payback.ts) year by year, as the workbook lays it out in
 * helper rows: the money moved in each year (|saving| + investment, whose largest value times
 * 10^-9 is the rounding tolerance), the cumulative net at the start of a year after its
 * upfront payments, and the last moment so far that the cumulative net was below zero (by
 * more than the tolerance). The arithmetic is the engine's, step for step, so the result is
 * `paybackYears` (a test holds the two together).
 */
export interface PaybackStep {
  /** |saving| + |margin gain| + upfront + spread investment + |one-off cash| of the year. */
  moved: number;
  /** Cumulative net at the end of the year before, minus this year's upfront investment. */
  start: number;
  /** In years from the start of the plan; 0 while the cumulative net has never been below zero. */
  lastBelowZero: number;
}

export function paybackSteps(years: readonly PaybackYear[]): { steps: PaybackStep[]; tolerance: number; paybackYears: number | null } {
  let scale = 0;
  // The engine's order of terms; margin gain and one-off cash add nothing when absent.
  const moved = years.map(
    (year) =>
      Math.abs(year.saving) +
      Math.abs(year.marginGain ?? 0) +
      year.upfrontInvestment +
      year.spreadInvestment +
      Math.abs(year.upfrontOneOff ?? 0) +
      Math.abs(year.spreadOneOff ?? 0),
  );
  for (const value of moved) scale = Math.max(scale, value);
  const tolerance = scale * 1e-9;
  const steps: PaybackStep[] = [];
  let cumulative = 0;
  let lastNegativeEnd = 0;
  for (let y = 0; y < years.length; y++) {
    const year = years[y]!;
    const start = cumulative - year.upfrontInvestment + (year.upfrontOneOff ?? 0);
    const end = year.cumulativeNet;
    if (end < -tolerance) lastNegativeEnd = y + 1;
    else if (start < -tolerance) lastNegativeEnd = y + Math.min(1, -start / (end - start));
    steps.push({ moved: moved[y]!, start, lastBelowZero: lastNegativeEnd });
    cumulative = end;
  }
  // lastNegativeEnd stays 0 unless the net was below zero at some point: the engine's
  // "everNegative ? lastNegativeEnd : 0".
  return { steps, tolerance, paybackYears: cumulative < -tolerance ? null : lastNegativeEnd };
}
