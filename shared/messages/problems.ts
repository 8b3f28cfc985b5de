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
  /** A note or caption longer than its field takes. */
  'text-too-long': { length: number; max: number };
  /** A one-off amount (negative for a cost) beyond the largest amount either way. */
  'signed-amount-too-large': { amount: number; max: number };
  'plan-year-invalid': { value: number; max: number };
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
  /** An edit names something that is no longer there (another window deleted it, say). */
  'edit-target-missing': { kind: 'node' | 'scenario' | 'revenueLine' | 'oneOff'; id: string };
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
  'not-a-model': { path: string; reason: 'folder' | 'empty' | 'not-sqlite' | 'foreign-sqlite' };
  'snapshot-not-found': { path: string; id: string };
  /** A model file (or JSON) whose model breaks a rule: the rule as its own problem where it has one. */
  'model-breaks-rule': { path: string; where: string; problem: Problem };
  // The shape of the cost tree and the scenarios (a file or an import, never a single edit).
  'duplicate-node-id': { id: string };
  'no-root': Record<string, never>;
  'several-roots': { count: number; names: string };
  'orphan-line': { parentId: string };
  'own-parent': Record<string, never>;
  'parent-cycle': Record<string, never>;
  'too-deep': { depth: number; max: number };
  'root-needs-amount': Record<string, never>;
  'lever-line-missing': { id: string };
  'lever-twice': Record<string, never>;
  'duplicate-investment-id': { id: string };
  'duplicate-scenario-id': { id: string };
  // Analysis inputs and uncertainty ranges; `unit` says whether values are ratios or amounts (yuan).
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
  // Imports of a workbook or a CSV file: `import-failed` lists where each problem is.
  'import-failed': { file: string; problems: PlacedProblem[]; more: number };
  'import-file-type': { found: string };
  /** The chosen file cannot be opened (the import names the file before this). */
  'file-cannot-open': { reason: 'missing' | 'permission' | 'folder' };
  'file-too-large': { bytes: number; max: number };
  'too-many-cells': { max: number };
  'not-a-workbook': Record<string, never>;
  'old-excel-file': Record<string, never>;
  'workbook-encrypted': Record<string, never>;
  'workbook-unreadable': { detail: string };
  'workbook-timeout': { seconds: number };
  'csv-encoding': Record<string, never>;
  'csv-open-quote': { row: number };
  /** "1,234" in a file that could mean either: the two readings (1234 and 1.234). */
  'number-ambiguous': { text: string; grouped: number; decimal: number };
  'no-header-row': { rows: number };
  'no-structure-sheet': { sheets: string };
  'duplicate-column': { column: string; first: string };
  'no-cost-lines': Record<string, never>;
  'too-many-lines': { count: number; max: number };
  'sheet-missing': { sheet: string };
  'workbook-newer': { version: number; supported: number };
  'workbook-changed': { sheet: string };
  'rows-moved': { id: string };
  'cell-empty': { field: FieldName; year?: number };
  'cell-not-a-number': { field: FieldName; year?: number; found: CellShown };
  'cell-not-text': { field: FieldName; found: CellShown };
  /** A word cell (basis, relevance, timing, category) holding none of its words. */
  'cell-not-a-choice': { field: FieldName; choices: string[]; found: CellShown };
  /** A cell's value that breaks a rule of its field: the rule as its own problem. */
  'cell-invalid': { field: FieldName; year?: number; problem: Problem };
  'level-invalid': { found: CellShown };
  'first-level-not-root': { level: number };
  'second-root': Record<string, never>;
  'level-jump': { level: number; above: number };
  'parent-not-found': { name: string };
  'parent-ambiguous': { name: string; count: number; rows: string };
  'second-line-without-parent': { rootRow: number };
  'no-line-without-parent': Record<string, never>;
  'duplicate-line-name': { name: string };
  'id-twice': { id: string };
  'basis-empty': Record<string, never>;
  'amount-written-as-percentage': Record<string, never>;
  /** A share typed outside 0..1; `percent` when it was typed with a % sign (44 without one hints at 44%). */
  'share-out-of-range': { value: number; percent: boolean };
  // The command line.
  'unknown-command': { name: string; commands: string };
  'unknown-option': { option: string; usage: string };
  'option-needs-value': { option: string; usage: string };
  'model-file-kind': { path: string };
  /** An option (or a place in the model) of a command that the analysis refused. */
  'option-invalid': { file: string; option: string; problem: Problem };
  /** Not yet given a code: the English text as it was written, shown as it is. */
  other: { text: string };
}

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
  'not-a-number',
  'amount-negative',
  'amount-too-large',
  'ratio-out-of-range',
  'name-empty',
  'name-too-long',
  'text-too-long',
  'signed-amount-too-large',
  'plan-year-invalid',
  'horizon-invalid',
  'year-invalid',
  'shares-over-parent',
  'children-over-parent',
  'duplicate-sibling-name',
  'duplicate-scenario-name',
  'root-cannot-move',
  'root-cannot-delete',
  'move-under-itself',
  'edit-target-missing',
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
  'not-a-model',
  'snapshot-not-found',
  'model-breaks-rule',
  'duplicate-node-id',
  'no-root',
  'several-roots',
  'orphan-line',
  'own-parent',
  'parent-cycle',
  'too-deep',
  'root-needs-amount',
  'lever-line-missing',
  'lever-twice',
  'duplicate-investment-id',
  'duplicate-scenario-id',
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
  'import-failed',
  'import-file-type',
  'file-cannot-open',
  'file-too-large',
  'too-many-cells',
  'not-a-workbook',
  'old-excel-file',
  'workbook-encrypted',
  'workbook-unreadable',
  'workbook-timeout',
  'csv-encoding',
  'csv-open-quote',
  'number-ambiguous',
  'no-header-row',
  'no-structure-sheet',
  'duplicate-column',
  'no-cost-lines',
  'too-many-lines',
  'sheet-missing',
  'workbook-newer',
  'workbook-changed',
  'rows-moved',
  'cell-empty',
  'cell-not-a-number',
  'cell-not-text',
  'cell-not-a-choice',
  'cell-invalid',
  'level-invalid',
  'first-level-not-root',
  'second-root',
  'level-jump',
  'parent-not-found',
  'parent-ambiguous',
  'second-line-without-parent',
  'no-line-without-parent',
  'duplicate-line-name',
  'id-twice',
  'basis-empty',
  'amount-written-as-percentage',
  'share-out-of-range',
  'unknown-command',
  'unknown-option',
  'option-needs-value',
  'model-file-kind',
  'option-invalid',
  'other',
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
