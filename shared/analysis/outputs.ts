import type { ScenarioTotals } from '../engine/compute';

/**
 * The outputs a what-if analysis can aim at or report: the result names of `compute --json`.
 * Each is a number, or null where the figure is not defined (return / investment and net
 * ROI without investment; payback when the cumulative net ends the horizon below zero).
 */
export const OUTPUTS = ['affectedShare', 'saving', 'investment', 'net', 'returnOnInvestment', 'netRoi', 'npv', 'paybackYears'] as const;
export type OutputName = (typeof OUTPUTS)[number];

/** How an output is shown: a ratio (percent), money (base currency units) or years. */
export const OUTPUT_UNIT: Record<OutputName, 'ratio' | 'money' | 'years'> = {
  affectedShare: 'ratio',
  saving: 'money',
  investment: 'money',
  net: 'money',
  returnOnInvestment: 'ratio',
  netRoi: 'ratio',
  npv: 'money',
  paybackYears: 'years',
};

export function isOutputName(name: unknown): name is OutputName {
  return typeof name === 'string' && (OUTPUTS as readonly string[]).includes(name);
}

/** The figures an output is read from: a scenario result or a fast evaluation. */
export interface OutputSource {
  affectedShare: number;
  totals: Pick<ScenarioTotals, 'saving' | 'investment' | 'net' | 'returnOnInvestment' | 'netRoi' | 'npv' | 'paybackYears'>;
}

export function outputValue(source: OutputSource, output: OutputName): number | null {
  return output === 'affectedShare' ? source.affectedShare : source.totals[output];
}

/**
 * An output as a number that orders: payback "not within the horizon" is +Infinity (later
 * than any payback); the ratios without investment are NaN (no value).
 */
export function orderedOutput(value: number | null, output: OutputName): number {
  if (value !== null) return value;
  return output === 'paybackYears' ? Number.POSITIVE_INFINITY : Number.NaN;
}
