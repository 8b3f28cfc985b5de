import type { Problem, FieldName, CellShown, PlacedProblem } from '../problems';

/** Imports of a workbook or a CSV file: `import-failed` lists where each problem is (main/excel). Amounts are in yuan; ratios as fractions (0.15 for 15%). */
export interface ImportProblemParams {
  'import-failed': { file: string; problems: PlacedProblem[]; more: number };
  'import-file-type': { found: string };
  /** The chosen file cannot be opened (the import names the file before this). */
  'file-cannot-open': { reason: 'missing' | 'permission' | 'folder' | 'other'; detail?: string };
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
  'no-structure-sheet': { sheets: string[] };
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
  /** A zip package the import refuses to read: damaged, or built in a way no workbook is; `entry` names the part. */
  'zip-refused': { reason: ZipRefusal; entry?: string; method?: number; bytes?: number; declared?: number };
  /** A zip that would inflate far beyond its size (a zip bomb). Sizes in bytes; `ratio` inflated / compressed. */
  'zip-bomb': {
    reason: 'total-size' | 'entry-ratio' | 'ratio' | 'past-declared';
    entry?: string;
    max?: number;
    ratio?: number;
    compressed?: number;
    bytes?: number;
  };
  /** More of something than an import reads: zip entries (a count), text (characters), the cells' data (bytes), the reader's memory (MB). */
  'workbook-over-limit': { limit: 'entries' | 'text' | 'data' | 'memory'; count?: number; max: number };
  /** A zip that is not an .xlsx workbook: an OpenDocument spreadsheet, or a package without [Content_Types].xml. */
  'not-xlsx-package': { kind: 'ods' | 'other' };
  'workbook-macros': { kind: 'vba' | 'macro-enabled' };
  /** A cell beyond the rows and columns an import reads; when no place does, `cell` or `row` says where, in the `sheet` (its name) or else the `part` ("xl/worksheets/sheet1.xml"). */
  'cell-outside-area': { part?: string; sheet?: string; cell?: string; row?: number; maxRow: number; maxColumn: string };
  /** A text longer than a cell holds; when no place does, the `sheet` or else the workbook's `part` that holds it. */
  'cell-text-too-long': { part?: string; sheet?: string; length?: number; max: number };
  /** Text a name or note may not hold: half a character, a control character, a line break or a direction control (`char` as "U+202E", `position` from 1). */
  'cell-text-unclean': { field: FieldName; reason: 'surrogate' | 'control' | 'line-break' | 'bidi'; char: string; position: number };
  /** An id with characters other than letters, digits and _ . : -, or too long. */
  'id-invalid': { id: string; reason: 'characters' | 'too-long'; max: number };
  /** The process that reads the workbook failed: it did not start, answered nonsense, or stopped (`signal` or exit `code`). */
  'workbook-reader-failed': { reason: 'start' | 'answer' | 'stopped'; signal?: string; code?: number; detail?: string };
  /** A revenue line's row holds another line (rows inserted, deleted or sorted). */
  'revenue-rows-moved': { name: string };
  /** A revenue line's margin differs between two scenario sheets (ratios). */
  'margin-differs': { line: string; value: number; other: number; sheet: string; row: number };
  /** A one-off item with amounts in several plan years. */
  'one-off-several-years': { years: number[] };
  /** A warning: formula cells of an exported workbook typed over (`cell` is the first, "F5"); their values are not kept. */
  'formulas-replaced': { count: number; cell: string };
  /** A value a rule of the model refuses that has no code of its own yet: the rule's English words as `detail`. */
  'value-refused': { detail: string };
}

/** Why a zip package is refused (see main/excel/zip-guard.ts). */
export type ZipRefusal =
  | 'truncated'
  | 'zip64'
  | 'directory-outside'
  | 'directory-damaged'
  | 'entry-encrypted'
  | 'compression'
  | 'two-sizes'
  | 'no-local-header'
  | 'local-name'
  | 'past-end'
  | 'checksum'
  | 'not-inflating'
  | 'wrong-size'
  | 'name-invalid'
  | 'name-absolute'
  | 'name-outside'
  | 'name-twice';

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
  'zip-refused',
  'zip-bomb',
  'workbook-over-limit',
  'not-xlsx-package',
  'workbook-macros',
  'cell-outside-area',
  'cell-text-too-long',
  'cell-text-unclean',
  'id-invalid',
  'workbook-reader-failed',
  'revenue-rows-moved',
  'margin-differs',
  'one-off-several-years',
  'formulas-replaced',
  'value-refused',
] as const satisfies readonly (keyof ImportProblemParams)[];
