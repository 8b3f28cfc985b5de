import type { StyleTable } from './xlsx-writer';

/**
 * The look of the exported workbook. Inputs have one fill colour everywhere (and a legend on
 * every sheet says so); formulas are plain. Amounts show two decimals, more where a figure is
 * small in its unit (the app's display rule: no non-zero amount shows as 0.00), and
 * percentages as percentages; the stored values are exact, only the formats round.
 */
export const INPUT_FILL = 'FFFFF2CC';
const HEADER_FILL = 'FFDDEBF7';
const NOTE_COLOR = 'FF595959';
const SOURCE_FILL = 'FFF2F2F2';

/** Header rows hold up to three lines of wrapped text. */
export const HEADER_HEIGHT = 32;

export const FORMATS = {
  amount: '#,##0.00',
  percent: '0.00%',
  percentFine: '0.000%',
  ratio: '0.0%',
  factor: '0.000000',
  years: '0.00',
  months: '0.0',
  integer: '0',
} as const;

export interface Palette {
  title: number;
  header: number;
  headerNumber: number;
  /** A header over a number column. */
  headerRight: number;
  /** The scenario name at the top of its sheet: an input (the import reads it). */
  inputTitle: number;
  coverTitle: number;
  flagCell: number;
  /** A free-text source column for the reader (unlocked, not imported): a lighter fill than inputs. */
  inputSource: number;
  percentWhole: number;
  inputPercentWhole: number;
  dateText: number;
  section: number;
  term: number;
  note: number;
  text: number;
  wrap: number;
  integer: number;
  level: number;
  legendInput: number;
  legendFormula: number;
  inputText: number;
  inputPercent: number;
  inputAmount: number;
  inputBlankPercent: number;
  amount: number;
  percent: number;
  percentFine: number;
  ratio: number;
  factor: number;
  years: number;
  months: number;
  /** Names indented by depth (0..15). */
  name: (depth: number) => number;
  inputName: (depth: number) => number;
}

export function createPalette(styles: StyleTable): Palette {
  // Inputs: one fill, and unlocked so that they stay editable on a protected sheet.
  const input = { fill: INPUT_FILL, unlocked: true };
  // Numbers, and the text that stands in number columns ("not within the horizon"), align right.
  const right = { horizontal: 'right' } as const;
  const names = Array.from({ length: 16 }, (_, depth) => styles.id(depth ? { horizontal: 'left', indent: depth } : {}));
  const inputNames = Array.from({ length: 16 }, (_, depth) => styles.id(depth ? { ...input, horizontal: 'left', indent: depth } : input));
  return {
    title: styles.id({ font: { bold: true, size: 14 } }),
    header: styles.id({ font: { bold: true }, fill: HEADER_FILL, borderBottom: true, wrap: true, vertical: 'top' }),
    headerNumber: styles.id({ font: { bold: true }, fill: HEADER_FILL, borderBottom: true, numFmt: FORMATS.integer, horizontal: 'right', vertical: 'top' }),
    headerRight: styles.id({ font: { bold: true }, fill: HEADER_FILL, borderBottom: true, wrap: true, vertical: 'top', horizontal: 'right' }),
    inputTitle: styles.id({ ...input, font: { bold: true, size: 14 } }),
    coverTitle: styles.id({ font: { bold: true, size: 20 } }),
    flagCell: styles.id({ font: { bold: true }, horizontal: 'left' }),
    inputSource: styles.id({ fill: SOURCE_FILL, unlocked: true, wrap: true, vertical: 'top' }),
    percentWhole: styles.id({ ...right, numFmt: '0%' }),
    inputPercentWhole: styles.id({ ...input, ...right, numFmt: '0%' }),
    dateText: styles.id({ horizontal: 'left' }),
    section: styles.id({ font: { bold: true } }),
    term: styles.id({ font: { bold: true }, vertical: 'top', wrap: true }),
    note: styles.id({ font: { italic: true, color: NOTE_COLOR } }),
    text: 0,
    wrap: styles.id({ wrap: true, vertical: 'top' }),
    integer: styles.id({ ...right, numFmt: FORMATS.integer }),
    level: styles.id({ numFmt: FORMATS.integer, horizontal: 'center' }),
    legendInput: styles.id({ ...input, font: { italic: true } }),
    legendFormula: styles.id({ font: { italic: true, color: NOTE_COLOR } }),
    inputText: styles.id(input),
    inputPercent: styles.id({ ...input, ...right, numFmt: FORMATS.percent }),
    inputAmount: styles.adaptiveAmount({ ...input, ...right, numFmt: FORMATS.amount }),
    inputBlankPercent: styles.id({ ...input, ...right, numFmt: FORMATS.percent }),
    amount: styles.adaptiveAmount({ ...right, numFmt: FORMATS.amount }),
    percent: styles.id({ ...right, numFmt: FORMATS.percent }),
    percentFine: styles.id({ ...right, numFmt: FORMATS.percentFine }),
    ratio: styles.id({ ...right, numFmt: FORMATS.ratio }),
    factor: styles.id({ ...right, numFmt: FORMATS.factor }),
    years: styles.id({ ...right, numFmt: FORMATS.years }),
    months: styles.id({ ...right, numFmt: FORMATS.months }),
    name: (depth) => names[Math.min(15, Math.max(0, depth))]!,
    inputName: (depth) => inputNames[Math.min(15, Math.max(0, depth))]!,
  };
}

/**
 * The height a row of wrapped text needs in a column `width` characters wide (a Chinese
 * character counts two). Readers do not all size such rows themselves (LibreOffice keeps the
 * default height), so the export sets it.
 */
export function wrappedRowHeight(text: string, width: number): number {
  let units = 0;
  for (const char of text) units += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  const lines = Math.max(1, Math.ceil(units / Math.max(1, width - 4)));
  return Math.round(lines * 15 + 3);
}
