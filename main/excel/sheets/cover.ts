import type { Model } from '../../../shared/model/schema';
import { coverSheetsList } from '../../../shared/workbook/words';
import { wrappedRowHeight } from '../styles';
import type { SheetWriter } from '../xlsx-writer';
import { checksFlag } from './checks';
import { printSetup, type SheetContext } from './context';

const LABEL_WIDTH = 30;
const VALUE_WIDTH = 100;

/** The client or company a model is for, when the model names one (an optional field of newer models). */
export function clientName(model: Model): string {
  const fields = model as unknown as Record<string, unknown>;
  for (const key of ['client', 'clientName', 'company']) {
    const value = fields[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return '';
}

/** The first page: what the workbook is, for whom, when, from which version, and how to read it. */
export function coverSheet(context: SheetContext): SheetWriter {
  const { model, layout, palette, client, scenarios, text } = context;
  const sheet = context.writer.sheet(layout.coverSheet, {
    widths: [LABEL_WIDTH, VALUE_WIDTH],
    print: printSetup(context, undefined, true),
    protect: true,
    selected: true,
    alerts: [{ sqref: 'B9', formula: 'LEFT($B$9,1)="✗"' }],
    validations: [{ sqref: 'B4', type: 'custom', formula1: 'LEN(B4)<=200', prompt: { title: client('input.title'), text: client('input.client') } }],
  });
  sheet.set(1, 1, client('cover.title'), palette.coverTitle);
  sheet.height(1, 30);
  const fields: [string, string | { f: string; v: string }, number][] = [
    [client('cover.model'), model.name, palette.section],
    [client('cover.client'), clientName(model), palette.inputText],
    [client('cover.date'), context.date, palette.dateText],
    [client('cover.version'), context.appVersion, palette.dateText],
    [client('cover.unit'), context.unit, palette.text],
    [client('cover.scenarios'), scenarios.map((scenario) => scenario.name).join(client('cover.listSeparator')), palette.wrap],
    [client('cover.checks'), checksFlag(context), palette.flagCell],
  ];
  fields.forEach(([caption, content, style], k) => {
    sheet.set(3 + k, 1, caption, palette.section);
    sheet.set(3 + k, 2, content, style);
  });
  const scenarioText = scenarios.map((scenario) => scenario.name).join(client('cover.listSeparator'));
  sheet.height(8, wrappedRowHeight(scenarioText, VALUE_WIDTH));
  let row = 3 + fields.length + 1;
  sheet.set(row++, 1, client('cover.contents'), palette.section);
  const names = {
    summary: layout.summarySheet,
    checks: layout.checksSheet,
    assumptions: layout.assumptionsSheet,
    structure: layout.structure.sheet,
    charts: layout.chartsSheet,
    analyses: layout.analysisSheet,
    definitions: text('sheets.definitions'),
  };
  for (const line of coverSheetsList(client, names)) sheet.set(row++, 2, line, palette.text);
  row++;
  sheet.set(row, 1, client('cover.note'), palette.term);
  sheet.set(row, 2, client('cover.disclaimer'), palette.wrap);
  sheet.height(row, wrappedRowHeight(client('cover.disclaimer'), VALUE_WIDTH));
  return sheet;
}
