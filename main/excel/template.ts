import { prepareTree } from '../../shared/engine/tree';
import { unitLabel } from '../../shared/format/number';
import { createExampleModel } from '../../shared/model/example';
import type { Model } from '../../shared/model/schema';
import { UNIT_FACTOR, type Language } from '../../shared/model/units';
import { withUnit, workbookWords } from '../../shared/workbook/words';
import { structureLayoutDoc } from '../../shared/workbook/structure-layout';
import { csvField } from './csv';
import { HEADER_ROW, TITLE_ROW } from './layout';
import { createPalette, HEADER_HEIGHT, wrappedRowHeight } from './styles';
import { WorkbookWriter } from './xlsx-writer';

/**
 * A cost structure in the import layout (shared/workbook/structure-layout.ts): Level, Name,
 * Basis, Value (amounts in the model's display unit, named in the header), Relevance, Notes;
 * in a workbook, with an About sheet that explains every column. The import template is the
 * built-in example's structure.
 */
const COLUMNS = ['level', 'name', 'basis', 'value', 'relevance', 'notes'] as const;

interface TemplateRow {
  level: number;
  name: string;
  basis: string;
  value: number;
  relevance: string;
  notes: string;
}

function templateRows(model: Model, language: Language): { headers: string[]; rows: TemplateRow[]; percent: boolean[] } {
  const tree = prepareTree(model.costTree);
  const text = workbookWords(language);
  const unit = unitLabel(model.displayUnit, language, model.currency);
  const headers = [
    text('structure.level'),
    text('structure.name'),
    text('structure.basis'),
    withUnit(text('structure.value'), unit),
    text('structure.relevance'),
    text('structure.notes'),
  ];
  const rows: TemplateRow[] = [];
  const percent: boolean[] = [];
  for (const i of tree.order) {
    const node = tree.nodes[i]!;
    const share = node.basis.kind === 'share';
    rows.push({
      level: tree.depth[i]! + 1,
      name: node.name,
      basis: share ? text('words.basis.share') : text('words.basis.amount'),
      value: node.basis.kind === 'share' ? node.basis.share : node.basis.amount / UNIT_FACTOR[model.displayUnit],
      relevance: text(`words.relevance.${node.relevance}`),
      notes: node.notes ?? '',
    });
    percent.push(share);
  }
  return { headers, rows, percent };
}

export async function templateWorkbook(language: Language): Promise<Buffer> {
  return structureWorkbook(createExampleModel(language), language);
}

/** A model's cost structure in the import layout (the template is the example's). */
export async function structureWorkbook(model: Model, language: Language): Promise<Buffer> {
  const text = workbookWords(language);
  const { headers, rows, percent } = templateRows(model, language);
  const writer = new WorkbookWriter({ title: text('template.title'), creator: 'Service Cost Planner', language: language === 'zh' ? 'zh-CN' : 'en-US' });
  const palette = createPalette(writer.styles);
  const sheet = writer.sheet(text('sheets.structure'), {
    freeze: { rows: HEADER_ROW, columns: 0 },
    widths: [7, 42, 9, 24, 11, 60],
    selected: true,
    outlineAbove: true,
    print: { titleRows: [HEADER_ROW, HEADER_ROW] },
  });
  sheet.set(TITLE_ROW, 1, text('template.title'), palette.title);
  sheet.set(TITLE_ROW + 1, 1, text('template.hint'), palette.note);
  headers.forEach((header, k) => sheet.set(HEADER_ROW, k + 1, header, palette.header));
  sheet.height(HEADER_ROW, HEADER_HEIGHT);
  rows.forEach((row, k) => {
    sheet.beginRow(HEADER_ROW + 1 + k, row.level - 1);
    COLUMNS.forEach((column, c) => {
      const value = row[column];
      if (value === '') return;
      const style =
        column === 'value'
          ? percent[k]
            ? palette.inputPercent
            : palette.inputAmount
          : column === 'name'
            ? palette.inputName(row.level - 1)
            : column === 'level'
              ? palette.level
              : palette.inputText;
      sheet.cell(c + 1, value, style);
    });
    sheet.endRow();
  });
  writer.addSheet(sheet);

  const about = writer.sheet(text('template.about'), { widths: [34, 22, 110], print: { titleRows: [HEADER_ROW, HEADER_ROW] } });
  about.set(TITLE_ROW, 1, text('template.sheet'), palette.title);
  about.set(HEADER_ROW, 1, text('template.column'), palette.header);
  about.set(HEADER_ROW, 2, text('template.required'), palette.header);
  about.set(HEADER_ROW, 3, text('template.meaning'), palette.header);
  structureLayoutDoc(language, unitLabel('tenThousand', language)).forEach((doc, k) => {
    about.set(HEADER_ROW + 1 + k, 1, doc.header, palette.term);
    about.set(HEADER_ROW + 1 + k, 2, doc.required, palette.wrap);
    about.set(HEADER_ROW + 1 + k, 3, doc.meaning, palette.wrap);
    about.height(HEADER_ROW + 1 + k, Math.max(wrappedRowHeight(doc.meaning, 110), wrappedRowHeight(doc.required, 22)));
  });
  writer.addSheet(about);
  return writer.finish();
}

export function templateCsv(language: Language): string {
  return structureCsv(createExampleModel(language), language);
}

export function structureCsv(model: Model, language: Language): string {
  const { headers, rows } = templateRows(model, language);
  const lines = [headers.map(csvField).join(',')];
  for (const row of rows) lines.push(COLUMNS.map((column) => csvField(row[column])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
