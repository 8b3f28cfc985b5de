import ExcelJS from 'exceljs';
import { HyperFormula, type RawCellContent } from 'hyperformula';

/**
 * Test helpers that look at a workbook from the outside: ExcelJS reads it (an independent
 * reader of what main/excel/ writes), HyperFormula evaluates its formulas, and the cached
 * results are compared with what an engine recalculated.
 */
export interface ReadCell {
  sheet: string;
  address: string;
  row: number;
  col: number;
  /** Formula text without "=", or undefined for a value cell. */
  formula?: string;
  /** The value, or the cached result of a formula. */
  value: number | string | boolean | null;
  fill?: string;
  numFmt?: string;
}

export interface ReadWorkbook {
  workbook: ExcelJS.Workbook;
  sheets: { name: string; state: string; cells: ReadCell[] }[];
  names: { name: string; ref: string }[];
}

export async function readWorkbook(data: Buffer | Uint8Array): Promise<ReadWorkbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = Uint8Array.from(data);
  await workbook.xlsx.load(bytes.buffer);
  const sheets = workbook.worksheets.map((worksheet) => {
    const cells: ReadCell[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        // ExcelJS types say every cell has a fill; a cell with no style has none.
        const cellFill = cell.fill as ExcelJS.Fill | undefined;
        const fill = cellFill?.type === 'pattern' && cellFill.pattern === 'solid' ? cellFill.fgColor?.argb : undefined;
        const base = {
          sheet: worksheet.name,
          address: cell.address,
          row: rowNumber,
          col: colNumber,
          ...(fill ? { fill } : {}),
          ...(cell.numFmt ? { numFmt: cell.numFmt } : {}),
        };
        if (cell.type === ExcelJS.ValueType.Formula) {
          cells.push({ ...base, formula: cell.formula, value: plain(cell.result) });
          return;
        }
        cells.push({ ...base, value: plain(cell.value) });
      });
    });
    return { name: worksheet.name, state: worksheet.state, cells };
  });
  const names = workbook.definedNames.model.map((entry) => ({ name: entry.name, ref: entry.ranges[0] ?? '' }));
  return { workbook, sheets, names };
}

function plain(value: unknown): number | string | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && 'richText' in value) return (value as { richText: { text: string }[] }).richText.map((run) => run.text).join('');
  if (typeof value === 'object' && 'error' in value) return `#ERROR ${String(value.error)}`;
  return JSON.stringify(value);
}

export function cellAt(book: ReadWorkbook, sheet: string, address: string): ReadCell | undefined {
  return book.sheets.find((s) => s.name === sheet)?.cells.find((cell) => cell.address === address);
}

export function formulaCells(book: ReadWorkbook): ReadCell[] {
  return book.sheets.flatMap((sheet) => sheet.cells.filter((cell) => cell.formula !== undefined));
}

/** Sets input values (sheet, address, value) before HyperFormula evaluates. */
export interface CellEdit {
  sheet: string;
  address: string;
  value: number | string | null;
}

/**
 * Every formula of the workbook evaluated by HyperFormula (IEEE doubles, no smart rounding,
 * no epsilon snapping), after the given input edits. Keyed by "sheet!address".
 */
export function recalcWithHyperFormula(book: ReadWorkbook, edits: readonly CellEdit[] = []): Map<string, number | string | boolean | null> {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of book.sheets) {
    const grid: RawCellContent[][] = [];
    for (const cell of sheet.cells) {
      grid[cell.row - 1] ??= [];
      // A text that starts with "=" is text in the workbook; HyperFormula would parse it.
      const text = typeof cell.value === 'string' && cell.value.startsWith('=') ? `'${cell.value}` : cell.value;
      grid[cell.row - 1]![cell.col - 1] = cell.formula !== undefined ? `=${cell.formula}` : text;
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    sheets[sheet.name] = grid;
  }
  for (const edit of edits) {
    const { row, col } = decodeAddress(edit.address);
    const grid = sheets[edit.sheet];
    if (!grid) throw new Error(`no sheet ${edit.sheet}`);
    grid[row - 1] ??= [];
    grid[row - 1]![col - 1] = edit.value;
  }
  const hf = HyperFormula.buildFromSheets(
    sheets,
    { licenseKey: 'gpl-v3', smartRounding: false, precisionEpsilon: 0, useArrayArithmetic: true },
    book.names.map((entry) => ({ name: entry.name, expression: `=${entry.ref}` })),
  );
  const values = new Map<string, number | string | boolean | null>();
  try {
    for (const sheet of book.sheets) {
      const id = hf.getSheetId(sheet.name);
      if (id === undefined) throw new Error(`HyperFormula lost sheet ${sheet.name}`);
      for (const cell of sheet.cells) {
        if (cell.formula === undefined) continue;
        const value = hf.getCellValue({ sheet: id, row: cell.row - 1, col: cell.col - 1 });
        values.set(`${sheet.name}!${cell.address}`, typeof value === 'object' && value !== null ? `#ERROR ${JSON.stringify(value)}` : value);
      }
    }
  } finally {
    hf.destroy();
  }
  return values;
}

export function decodeAddress(address: string): { row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/u.exec(address);
  if (!match) throw new Error(`bad address ${address}`);
  let col = 0;
  for (const char of match[1]!) col = col * 26 + char.charCodeAt(0) - 64;
  return { row: Number(match[2]), col };
}

export interface Mismatch {
  cell: string;
  formula: string;
  expected: unknown;
  actual: unknown;
}

/**
 * Compares each formula cell's expected value with a recalculated one: numbers to 1e-9
 * relative, or within 1e-12 of the largest figure on the sheet (cancellation such as
 * 1 - factor or a sum of savings and cost increases leaves a few ulps of a large figure);
 * text exactly.
 */
export function compareValues(
  expected: readonly ReadCell[],
  actual: (cell: ReadCell) => unknown,
  options: { relative?: number; floorOfSheetMax?: number } = {},
): { compared: number; worst: number; mismatches: Mismatch[] } {
  const relative = options.relative ?? 1e-9;
  const floorFactor = options.floorOfSheetMax ?? 1e-12;
  const sheetMax = new Map<string, number>();
  for (const cell of expected) {
    if (typeof cell.value === 'number' && Number.isFinite(cell.value)) sheetMax.set(cell.sheet, Math.max(sheetMax.get(cell.sheet) ?? 0, Math.abs(cell.value)));
  }
  const mismatches: Mismatch[] = [];
  let worst = 0;
  for (const cell of expected) {
    const got = normalise(actual(cell));
    const want = normalise(cell.value);
    if (typeof want === 'number' && typeof got === 'number') {
      const difference = Math.abs(want - got);
      const scale = Math.max(Math.abs(want), Math.abs(got));
      const floor = floorFactor * (sheetMax.get(cell.sheet) ?? 0);
      if (difference > floor && scale > 0) worst = Math.max(worst, difference / scale);
      if (!(difference <= relative * scale || difference <= floor))
        mismatches.push({ cell: `${cell.sheet}!${cell.address}`, formula: cell.formula ?? '', expected: want, actual: got });
    } else if (want !== got) {
      mismatches.push({ cell: `${cell.sheet}!${cell.address}`, formula: cell.formula ?? '', expected: want, actual: got });
    }
  }
  return { compared: expected.length, worst, mismatches };
}

/** A formula cached as null (no <v>) or 0 reads the same; -0 is 0. */
function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value + 0;
  return value;
}
