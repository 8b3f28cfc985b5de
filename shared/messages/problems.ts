import { MODEL_CODES, type ModelProblemParams } from './codes/model';
import { API_CODES, type ApiProblemParams } from './codes/api';
import { STORE_CODES, type StoreProblemParams } from './codes/store';
import { ANALYSIS_CODES, type AnalysisProblemParams } from './codes/analysis';
import { IMPORT_CODES, type ImportProblemParams } from './codes/import';
import { CLI_CODES, type CliProblemParams } from './codes/cli';

/**
 * The one vocabulary of problems the engine, the store and the file system report: a closed
 * set of codes, each with its typed parameters, one file per area in ./codes. Nothing here is worded: `renderProblem`
 * (render.ts) words a problem in zh or en, with amounts in the display unit the planner
 * typed them in. The API's errors, the CLI and the UI all carry these.
 *
 * Amounts are in yuan (base currency units); ratios as fractions (0.15 for 15%).
 */
export interface ProblemParams extends ModelProblemParams, ApiProblemParams, StoreProblemParams, AnalysisProblemParams, ImportProblemParams, CliProblemParams {}

/** The kind of value an input or range holds: a ratio (0.15 is 15%) or an amount in yuan. */
export type ValueUnit = 'ratio' | 'money';

/** A field of an imported sheet, named as the workbook's header names it. */
export const FIELD_NAMES = [
  'name',
  'value',
  'notes',
  'basis',
  'relevance',
  'level',
  'parent',
  'id',
  'scenarioName',
  'volumeGrowth',
  'discountRate',
  'ramp',
  'investmentName',
  'timing',
  'category',
  'amountKind',
  'amountPerYear',
  'shareOfSaving',
  'yearAmount',
  'unitCostChange',
  'throughputChange',
  'volumeChange',
  'margin',
  'revenueVolumeChange',
  'revenuePriceChange',
  'oneOffName',
  'oneOffAmount',
  'oneOffYearAmount',
  'rangeLow',
  'rangeMostLikely',
  'rangeHigh',
  'distribution',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** What a cell holds, for a message that says what was found instead. */
export type CellShown = { kind: 'empty' | 'missing' } | { kind: 'number' | 'text' | 'boolean' | 'date' | 'error'; text: string };

/** One problem of an import and where it is: the sheet (the file name of a CSV), row and column as a spreadsheet shows them. */
export interface PlacedProblem {
  sheet?: string;
  row?: number;
  /** The column's letters ("D"). */
  column?: string;
  /** The column's header in the file ("Value", "数值"). */
  header?: string;
  problem: Problem;
}

export type ProblemCode = keyof ProblemParams;
export type Problem = { [C in ProblemCode]: { code: C; params: ProblemParams[C] } }[ProblemCode];

export const PROBLEM_CODES = [
  ...MODEL_CODES,
  ...API_CODES,
  ...STORE_CODES,
  ...ANALYSIS_CODES,
  ...IMPORT_CODES,
  ...CLI_CODES,
] as const satisfies readonly ProblemCode[];

/** Fails to compile when a code of ProblemParams is missing from PROBLEM_CODES. */
export const EVERY_CODE_LISTED: [Exclude<ProblemCode, (typeof PROBLEM_CODES)[number]>] extends [never] ? true : never = true;

export function problem<C extends ProblemCode>(code: C, params: ProblemParams[C]): Problem {
  return { code, params } as Problem;
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; params?: unknown };
  return (
    typeof candidate.code === 'string' &&
    (PROBLEM_CODES as readonly string[]).includes(candidate.code) &&
    typeof candidate.params === 'object' &&
    candidate.params !== null
  );
}

/** Node's file-system error codes, as a planner reads them. */
export function fileSystemProblem(errorCode: string | undefined, path: string): Problem | undefined {
  switch (errorCode) {
    case 'ENOENT':
    case 'ENOTDIR':
      return problem('folder-missing', { path });
    case 'EACCES':
    case 'EPERM':
      return problem('no-permission', { path });
    case 'EROFS':
      return problem('file-read-only', { path });
    case 'ENOSPC':
    case 'EDQUOT':
      return problem('disk-full', { path });
    case 'EBUSY':
    case 'ETXTBSY':
      return problem('file-in-use', { path });
    default:
      return undefined;
  }
}
