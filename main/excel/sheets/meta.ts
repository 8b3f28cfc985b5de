import type { Model } from '../../../shared/model/schema';
import type { Language } from '../../../shared/model/units';
import { META_SHEET } from '../layout';
import type { SheetWriter, WorkbookWriter } from '../xlsx-writer';
import type { RangeTable } from './analysis';

/**
 * The hidden sheet that makes an exported workbook importable: the model as exported (JSON,
 * split over cells of at most 30,000 characters, Excel's limit being 32,767) and the language
 * the sheets were written in. `import` reads the model from here, lays the workbook out
 * again, and takes over every input a user changed in the visible sheets.
 */
export const WORKBOOK_FORMAT = 'service-cost-planner/workbook';
export const WORKBOOK_FORMAT_VERSION = 1;
export const META_ROWS = { note: 1, format: 2, language: 3, chunks: 4, firstChunk: 5 } as const;
/** Where the uncertainty ranges stand on the Analyses sheet (JSON of RangeTable[]); absent in workbooks written before. */
export const META_RANGES = { row: META_ROWS.language, col: 4 } as const;
const CHUNK = 30_000;

export function metaSheet(writer: WorkbookWriter, model: Model, language: Language, rangeTables: readonly RangeTable[] = []): SheetWriter {
  const sheet = writer.sheet(META_SHEET, { state: 'hidden', widths: [60, 40] });
  const chunks = splitText(JSON.stringify(model), CHUNK);
  sheet.set(META_ROWS.note, 1, 'Service Cost Planner: the model as exported, read back by "costplan import". Do not edit this sheet.');
  sheet.set(META_ROWS.format, 1, WORKBOOK_FORMAT);
  sheet.set(META_ROWS.format, 2, WORKBOOK_FORMAT_VERSION);
  sheet.set(META_ROWS.language, 1, 'language');
  sheet.set(META_ROWS.language, 2, language);
  sheet.set(META_RANGES.row, META_RANGES.col - 1, 'uncertainty ranges on the Analyses sheet');
  sheet.set(META_RANGES.row, META_RANGES.col, JSON.stringify(rangeTables));
  sheet.set(META_ROWS.chunks, 1, 'model JSON: the cells below, joined in order');
  sheet.set(META_ROWS.chunks, 2, chunks.length);
  chunks.forEach((chunk, k) => sheet.set(META_ROWS.firstChunk + k, 1, chunk));
  return sheet;
}

/** Pieces of at most `size` UTF-16 units that never split a surrogate pair. */
export function splitText(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + size);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}
