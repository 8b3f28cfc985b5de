import { problem } from '../../shared/messages/problems';
import { detectCsvSeparator, parseCsvNumber, type CsvSeparator } from './csv-number';
import { emptySheet, putCell, type GridSheet } from './cell-grid';
import { unneutralise } from './csv';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { fileProblem, ImportError, placed } from './problems';
import { columnName } from './xlsx-writer';

/**
 * A CSV file as a grid sheet (RFC 4180: quoted fields may hold the separator, quotes doubled,
 * and line breaks). The text is UTF-8 (with or without a byte order mark) or, when it is not
 * valid UTF-8, GB18030 (what Excel saves as "CSV" on a Chinese Windows). The separator is the
 * one of , ; and tab that splits the header row (in the first 20 lines) into column names.
 * Fields that look like numbers become numbers by csv-number.ts's rules ("44%" a share of
 * 0.44 marked as a percentage, "1234,5" in a ; file 1234.5; "1,234" there is refused); a leading apostrophe that
 * neutralised a formula-like text (as our CSV export writes it) is removed.
 */
export function parseCsv(data: Buffer, sheetName: string, limits: ImportLimits = IMPORT_LIMITS): GridSheet {
  // Bounded before a character is decoded: the text costs twice the bytes as a string.
  if (data.length > limits.maxCsvBytes) throw fileProblem(problem('file-too-large', { bytes: data.length, max: limits.maxCsvBytes }));
  const text = decode(data);
  const separator = detectCsvSeparator(text);
  const sheet = emptySheet(sheetName);
  let row = 1;
  let col = 1;
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const commit = () => {
    if (field !== '' || wasQuoted) {
      if (sheet.cellCount >= limits.maxCells) throw fileProblem(problem('too-many-cells', { max: limits.maxCells }));
      if (row > limits.maxRow || col > limits.maxColumn)
        throw new ImportError([
          placed({ sheet: sheetName, row, column: col }, problem('cell-outside-area', { maxRow: limits.maxRow, maxColumn: columnName(limits.maxColumn) })),
        ]);
      putField(sheet, row, col, field, wasQuoted, separator);
    }
    field = '';
    wasQuoted = false;
  };
  for (; i < text.length; i++) {
    // One field within a cell's size: a 45 MB field once took 1.75 GB to build.
    if (field.length > limits.maxCsvFieldChars)
      throw new ImportError([placed({ sheet: sheetName, row, column: col }, problem('cell-text-too-long', { max: limits.maxCsvFieldChars }))]);
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (char === separator) {
      commit();
      col++;
    } else if (char === '\r' || char === '\n') {
      commit();
      if (char === '\r' && text[i + 1] === '\n') i++;
      row++;
      col = 1;
    } else field += char;
  }
  if (quoted) throw fileProblem(problem('csv-open-quote', { row }));
  commit();
  return sheet;
}

function putField(sheet: GridSheet, row: number, col: number, raw: string, quoted: boolean, separator: CsvSeparator): void {
  const text = unneutralise(raw);
  const number = quoted ? ({ kind: 'text' } as const) : parseCsvNumber(text, separator);
  if (number.kind === 'ambiguous') {
    const [grouped, decimal] = number.readings;
    throw new ImportError([placed({ sheet: sheet.name, row, column: col }, problem('number-ambiguous', { text: text.trim(), grouped, decimal }))]);
  }
  if (number.kind === 'number') putCell(sheet, row, col, { kind: 'number', value: number.value, formula: null, percent: number.percent });
  else putCell(sheet, row, col, { kind: 'text', value: text, formula: null, percent: false });
}

function decode(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(data);
    } catch {
      throw fileProblem(problem('csv-encoding', {}));
    }
  }
}
