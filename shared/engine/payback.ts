/**
 * Payback under the timing convention of ../shared/domain.md: savings, margin gains, spread
 * investments and spread one-off cash accrue evenly through each year; upfront investments
 * and upfront one-off cash are paid (or received) at the start of the year. Payback is the earliest moment from which the cumulative net stays at or
 * above zero until the end of the horizon: 0 when it is never negative, null when the
 * horizon ends below zero.
 */
export interface PaybackYear {
  saving: number;
  /** Margin gain accrues evenly like the saving (0 when absent). */
  marginGain?: number;
  upfrontInvestment: number;
  spreadInvestment: number;
  /** One-off cash paid or received at the start of the year (signed; 0 when absent). */
  upfrontOneOff?: number;
  /** One-off cash spread through the year (signed; 0 when absent). */
  spreadOneOff?: number;
  /** The cumulative net at the end of the year, as the year table shows it. */
  cumulativeNet: number;
}

/**
 * Works on the same cumulative net as the year table, and counts a shortfall smaller than a
 * billionth of the money moved as zero: a plan that exactly breaks even must not read "not
 * within the horizon" because of float rounding.
 */
export function paybackYears(years: readonly PaybackYear[]): number | null {
  let scale = 0;
  for (const year of years)
    scale = Math.max(
      scale,
      Math.abs(year.saving) +
        Math.abs(year.marginGain ?? 0) +
        year.upfrontInvestment +
        year.spreadInvestment +
        Math.abs(year.upfrontOneOff ?? 0) +
        Math.abs(year.spreadOneOff ?? 0),
    );
  const tolerance = scale * 1e-9;
  let cumulative = 0;
  let lastNegativeEnd = 0;
  let everNegative = false;
  for (let y = 0; y < years.length; y++) {
    const year = years[y]!;
    const start = cumulative - year.upfrontInvestment + (year.upfrontOneOff ?? 0);
    const end = year.cumulativeNet;
    const startNegative = start < -tolerance;
    const endNegative = end < -tolerance;
    if (startNegative || endNegative) everNegative = true;
    if (endNegative) {
      lastNegativeEnd = y + 1;
    } else if (startNegative) {
      // Negative at the start, at or above zero at the end: it crosses within the year,
      // because the net moves in a straight line within a year.
      lastNegativeEnd = y + Math.min(1, -start / (end - start));
    }
    cumulative = end;
  }
  if (cumulative < -tolerance) return null;
  return everNegative ? lastNegativeEnd : 0;
}
