/**
 * The one vocabulary of problems the engine, the store and the file system report: a closed
 * set of codes, each with its typed parameters. Nothing here is worded: `renderProblem`
 * (render.ts) words a problem in zh or en, with amounts in the display unit the planner
 * typed them in. The API's errors, the CLI and the UI all carry these.
 *
 * Amounts are in yuan (base currency units); ratios as fractions (0.15 for 15%).
 */
export interface ProblemParams {
  /** A typed text that is not a number. */
  'not-a-number': { text: string };
  'amount-negative': { amount: number };
  'amount-too-large': { amount: number; max: number };
  /** A ratio (lever, rate, share, ramp) outside its range; `reason` says why the bound exists. */
  'ratio-out-of-range': { value: number; min: number; max: number; exclusiveMin: boolean; reason?: 'unitCost' | 'throughput' | 'volume' };
  'name-empty': Record<string, never>;
  'name-too-long': { length: number; max: number };
  'horizon-invalid': { value: number; max: number };
  'year-invalid': { value: number };
  /** Shares of the children of one parent add up past 100%. */
  'shares-over-parent': { parent: string; total: number };
  /** Shares and amounts of the children add up past the parent (total Infinity: the parent is 0). */
  'children-over-parent': { parent: string; total: number };
  'duplicate-sibling-name': { parent: string; name: string };
  'duplicate-scenario-name': { name: string };
  'root-cannot-move': Record<string, never>;
  'root-cannot-delete': Record<string, never>;
  'move-under-itself': { target: string };
  // The store and the file system.
  'no-model': Record<string, never>;
  'nothing-to-undo': Record<string, never>;
  'nothing-to-redo': Record<string, never>;
  'file-not-found': { path: string };
  'folder-missing': { path: string };
  'no-permission': { path: string };
  'disk-full': { path: string };
  'file-in-use': { path: string };
  'file-read-only': { path: string };
  'file-damaged': { path: string; detail: string };
  'file-newer-version': { path: string };
  'file-exists': { path: string };
  /** Not yet given a code: the English text as it was written, shown as it is. */
  other: { text: string };
}

export type ProblemCode = keyof ProblemParams;
export type Problem = { [C in ProblemCode]: { code: C; params: ProblemParams[C] } }[ProblemCode];

export const PROBLEM_CODES = [
  'not-a-number',
  'amount-negative',
  'amount-too-large',
  'ratio-out-of-range',
  'name-empty',
  'name-too-long',
  'horizon-invalid',
  'year-invalid',
  'shares-over-parent',
  'children-over-parent',
  'duplicate-sibling-name',
  'duplicate-scenario-name',
  'root-cannot-move',
  'root-cannot-delete',
  'move-under-itself',
  'no-model',
  'nothing-to-undo',
  'nothing-to-redo',
  'file-not-found',
  'folder-missing',
  'no-permission',
  'disk-full',
  'file-in-use',
  'file-read-only',
  'file-damaged',
  'file-newer-version',
  'file-exists',
  'other',
] as const satisfies readonly ProblemCode[];

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
