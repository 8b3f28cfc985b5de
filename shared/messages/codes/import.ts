import type { Problem, FieldName, CellShown, PlacedProblem } from '../problems';

/** Imports of a workbook or a CSV file: `import-failed` lists where each problem is (main/excel). Amounts are in yuan; ratios as fractions (0.15 for 15%). */
export interface ImportProblemParams {
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
}

export const IMPORT_CODES = [
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
] as const satisfies readonly (keyof ImportProblemParams)[];
