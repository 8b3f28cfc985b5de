import type { StyleTable } from './xlsx-writer';

/**
 * The look of the exported workbook. Inputs have one fill colour everywhere (and a legend on
 * every sheet says so); formulas are plain. Amounts show two decimals and percentages as
 * percentages; the stored values are exact, only the formats round.
 */
export const INPUT_FILL = 'FFFFF2CC';
const HEADER_FILL = 'FFDDEBF7';
const NOTE_COLOR = 'FF595959';

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
  const input = { fill: INPUT_FILL };
  const names = Array.from({ length: 16 }, (_, depth) => styles.id(depth ? { horizontal: 'left', indent: depth } : {}));
  const inputNames = Array.from({ length: 16 }, (_, depth) => styles.id(depth ? { ...input, horizontal: 'left', indent: depth } : input));
  return {
    title: styles.id({ font: { bold: true, size: 14 } }),
    header: styles.id({ font: { bold: true }, fill: HEADER_FILL, borderBottom: true, wrap: true, vertical: 'top' }),
    headerNumber: styles.id({ font: { bold: true }, fill: HEADER_FILL, borderBottom: true, numFmt: FORMATS.integer, horizontal: 'right', vertical: 'top' }),
    section: styles.id({ font: { bold: true } }),
    term: styles.id({ font: { bold: true }, vertical: 'top', wrap: true }),
    note: styles.id({ font: { italic: true, color: NOTE_COLOR } }),
    text: 0,
    wrap: styles.id({ wrap: true, vertical: 'top' }),
    integer: styles.id({ numFmt: FORMATS.integer }),
    level: styles.id({ numFmt: FORMATS.integer, horizontal: 'center' }),
    legendInput: styles.id({ ...input, font: { italic: true } }),
    legendFormula: styles.id({ font: { italic: true, color: NOTE_COLOR } }),
    inputText: styles.id(input),
    inputPercent: styles.id({ ...input, numFmt: FORMATS.percent }),
    inputAmount: styles.id({ ...input, numFmt: FORMATS.amount }),
    inputBlankPercent: styles.id({ ...input, numFmt: FORMATS.percent }),
    amount: styles.id({ numFmt: FORMATS.amount }),
    percent: styles.id({ numFmt: FORMATS.percent }),
    percentFine: styles.id({ numFmt: FORMATS.percentFine }),
    ratio: styles.id({ numFmt: FORMATS.ratio }),
    factor: styles.id({ numFmt: FORMATS.factor }),
    years: styles.id({ numFmt: FORMATS.years }),
    months: styles.id({ numFmt: FORMATS.months }),
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
