/**
 * The cells of an imported file, as the importers read them: sheets by position, cells in
 * Maps keyed by row and column numbers. Nothing that comes from a file (sheet names, header
 * texts, cell text) is ever used as a key of a plain object.
 */
export type CellKind = 'number' | 'text' | 'boolean' | 'date' | 'error' | 'missing';

export interface GridCell {
  kind: CellKind;
  /** number for 'number', string for the others; null for 'missing' (a formula without a saved result). */
  value: number | string | boolean | null;
  formula: string | null;
  /** The cell's number format shows a percentage (0.44 shown as 44%). */
  percent: boolean;
}

export interface GridSheet {
  name: string;
  hidden: boolean;
  rows: Map<number, Map<number, GridCell>>;
  cellCount: number;
}

export interface Grid {
  source: 'xlsx' | 'csv';
  sheets: GridSheet[];
}

export function emptySheet(name: string, hidden = false): GridSheet {
  return { name, hidden, rows: new Map(), cellCount: 0 };
}

export function putCell(sheet: GridSheet, row: number, col: number, cell: GridCell): void {
  let cells = sheet.rows.get(row);
  if (!cells) {
    cells = new Map();
    sheet.rows.set(row, cells);
  }
  if (!cells.has(col)) sheet.cellCount++;
  cells.set(col, cell);
}

export function getCell(sheet: GridSheet, row: number, col: number): GridCell | undefined {
  return sheet.rows.get(row)?.get(col);
}

/** Row numbers in ascending order. */
export function rowNumbers(sheet: GridSheet): number[] {
  return [...sheet.rows.keys()].sort((a, b) => a - b);
}

/** The text of a cell as a person reads it; '' for an empty cell. */
export function cellText(cell: GridCell | undefined): string {
  if (!cell || cell.value === null) return '';
  return typeof cell.value === 'string' ? cell.value : String(cell.value);
}
