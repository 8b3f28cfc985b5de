/**
 * Payback under the timing convention of ../shared/domain.md: savings and spread
 * investments accrue evenly through each year; upfront investments are paid at the start
 * of the year. Payback is the earliest moment from which the cumulative net stays at or
 * above zero until the end of the horizon: 0 when it is never negative, null when the
 * horizon ends below zero.
 */
export interface PaybackYear {
  saving: number;
  upfrontInvestment: number;
  spreadInvestment: number;
}

export function paybackYears(years: readonly PaybackYear[]): number | null {
  let cumulative = 0;
  let lastNegativeEnd = 0;
  let everNegative = false;
  for (let y = 0; y < years.length; y++) {
    const year = years[y]!;
    const start = cumulative - year.upfrontInvestment;
    const slope = year.saving - year.spreadInvestment;
    const end = start + slope;
    if (start < 0 || end < 0) everNegative = true;
    if (end < 0) {
      lastNegativeEnd = y + 1;
    } else if (start < 0) {
      // Negative at the start, at or above zero at the end: it crosses within the year.
      lastNegativeEnd = y + -start / slope;
    }
    // A year that starts at or above zero and ends at or above zero is non-negative
    // throughout, because the net moves in a straight line within a year.
    cumulative = end;
  }
  if (cumulative < 0) return null;
  return everNegative ? lastNegativeEnd : 0;
}
