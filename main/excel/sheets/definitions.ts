import { workbookDefinitions } from '../../../shared/workbook/definitions';
import { HEADER_ROW, TITLE_ROW } from '../layout';
import { wrappedRowHeight } from '../styles';
import type { SheetWriter } from '../xlsx-writer';
import type { SheetContext } from './context';

const TERM_WIDTH = 34;
const DEFINITION_WIDTH = 120;

/** Every formula of the workbook stated in words. */
export function definitionsSheet(context: SheetContext): SheetWriter {
  const { layout, palette, text } = context;
  const sheet = context.writer.sheet(layout.definitionsSheet, {
    freeze: { rows: HEADER_ROW, columns: 0 },
    widths: [TERM_WIDTH, DEFINITION_WIDTH],
    print: { titleRows: [HEADER_ROW, HEADER_ROW] },
  });
  sheet.set(TITLE_ROW, 1, text.definitions.title, palette.title);
  sheet.set(HEADER_ROW, 1, text.definitions.term, palette.header);
  sheet.set(HEADER_ROW, 2, text.definitions.definition, palette.header);
  workbookDefinitions(context.language, context.unit).forEach((row, k) => {
    sheet.set(HEADER_ROW + 1 + k, 1, row.term, palette.term);
    sheet.set(HEADER_ROW + 1 + k, 2, row.definition, palette.wrap);
    sheet.height(HEADER_ROW + 1 + k, Math.max(wrappedRowHeight(row.definition, DEFINITION_WIDTH), wrappedRowHeight(row.term, TERM_WIDTH)));
  });
  return sheet;
}
