import type { Problem, ValueUnit } from '../problems';

/** Analysis inputs and uncertainty ranges; `unit` says whether values are ratios or amounts (yuan). Amounts are in yuan; ratios as fractions (0.15 for 15%). */
export interface AnalysisProblemParams {
  'not-finite': { value: string };
  'input-out-of-range': { value: number; min: number; max: number; unit: ValueUnit };
  'range-order': { low: number; mostLikely: number; high: number; unit: ValueUnit };
  'range-twice': Record<string, never>;
  'range-address-form': { address: string };
  'no-such-scenario': { name: string; known: string };
  'same-input-twice': { input: string; earlier: string };
  'unknown-output': { name: string; choices: string };
  /** A tornado's swing (a fraction: 0.1 is +/-10%). */
  'swing-out-of-range': { value: number; max: number };
  'table-input-count': { count: number };
  'table-value-count': { count: number; max: number };
  /** The `position`-th value (from 1) of a data table's list. */
  'table-value-invalid': { position: number; problem: Problem };
  'trials-out-of-range': { value: number; max: number };
  'seed-invalid': { value: number };
  'bins-out-of-range': { value: number; max: number };
  'no-uncertainty-ranges': Record<string, never>;
}

export const ANALYSIS_CODES = [
  'not-finite',
  'input-out-of-range',
  'range-order',
  'range-twice',
  'range-address-form',
  'no-such-scenario',
  'same-input-twice',
  'unknown-output',
  'swing-out-of-range',
  'table-input-count',
  'table-value-count',
  'table-value-invalid',
  'trials-out-of-range',
  'seed-invalid',
  'bins-out-of-range',
  'no-uncertainty-ranges',
] as const satisfies readonly (keyof AnalysisProblemParams)[];
