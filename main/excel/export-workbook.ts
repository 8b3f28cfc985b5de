import { computeValidModel } from '../../shared/engine/compute';
import { prepareTree } from '../../shared/engine/tree';
import { unitLabel } from '../../shared/format/number';
import type { Model, Scenario } from '../../shared/model/schema';
import { UNIT_FACTOR, type Language } from '../../shared/model/units';
import { clientWords, workbookWords } from '../../shared/workbook/words';
import { appVersion } from './app-version';
import { absolute, onSheet } from './formulas';
import { SCENARIO_COL, workbookLayout, type WorkbookLayout } from './layout';
import type { SheetContext } from './sheets/context';
import { analysisSheet, type RangeTable } from './sheets/analysis';
import { assumptionsSheet } from './sheets/assumptions';
import { checksSheet, checksTotalCell } from './sheets/checks';
import { chartsSheet } from './sheets/charts';
import { coverSheet } from './sheets/cover';
import { costStructureSheet } from './sheets/cost-structure';
import { definitionsSheet } from './sheets/definitions';
import { metaSheet } from './sheets/meta';
import { scenarioSheet } from './sheets/scenario';
import { summarySheet } from './sheets/summary';
import { createPalette } from './styles';
import { WorkbookWriter } from './xlsx-writer';

export interface ExportOptions {
  /** The language of the labels; the model's own by default. */
  language?: Language;
  /** Scenario names or ids to export (in the model's order); all by default. */
  scenarios?: readonly string[];
  /** zlib level of the package (default 6). */
  compressionLevel?: number;
  /** The export date the cover, the page headers and the Analyses stamp show (default: today). */
  date?: Date;
}

export interface ExportedWorkbook {
  data: Buffer;
  layout: WorkbookLayout;
  /** The model the workbook holds (only the exported scenarios). */
  model: Model;
}

/**
 * The model as an Excel workbook that recalculates: a Cover, the Summary (with the input-check
 * flag, differences to the baseline, the years side by side), Checks, Assumptions, the Cost
 * structure, a sheet per scenario, Charts (native charts and live sensitivity tables), the
 * what-if Analyses (values at export, with a live changed-since check), Definitions with this
 * model's numbers, and a hidden sheet for importing it back. Every computed cell is a formula
 * over the input cells and carries the engine's value as its cached result; inputs are
 * unlocked and validated, every sheet protected without a password. Expects a validated model.
 */
export async function exportWorkbook(model: Model, options: ExportOptions = {}): Promise<ExportedWorkbook> {
  const language = options.language ?? model.language;
  const scenarios = selectScenarios(model, options.scenarios);
  const exported: Model = { ...model, scenarios };
  const tree = prepareTree(model.costTree);
  // Each lever's part of the saving is computed when first read (the Analyses sheet's bridge), once.
  const results = computeValidModel(exported, tree);
  const layout = workbookLayout(tree, scenarios, language, results.revenue.ids.length);
  const text = workbookWords(language);
  const client = clientWords(language);
  // Chinese workbooks in DengXian (GB2312 charset, so a reader without it picks another CJK font).
  const writer = new WorkbookWriter(
    { title: model.name, creator: 'Service Cost Planner', language: language === 'zh' ? 'zh-CN' : 'en-US' },
    { compressionLevel: options.compressionLevel ?? 6, fontName: client('font'), ...(language === 'zh' ? { fontCharset: 134 } : {}) },
  );
  const partial = { layout };
  const context: SheetContext = {
    writer,
    model,
    scenarios,
    tree,
    results,
    layout,
    palette: createPalette(writer.styles),
    language,
    text,
    client,
    date: (options.date ?? new Date()).toISOString().slice(0, 10),
    appVersion: appVersion(),
    checksTotal: checksTotalCell(partial),
    unit: unitLabel(model.displayUnit, language, model.currency),
    unitFactor: UNIT_FACTOR[model.displayUnit],
  };
  writer.addSheet(coverSheet(context));
  writer.addSheet(summarySheet(context));
  writer.addSheet(checksSheet(context));
  writer.addSheet(assumptionsSheet(context));
  writer.addSheet(costStructureSheet(context));
  await writer.flush();
  for (const [s, at] of layout.scenarios.entries()) {
    writer.addSheet(scenarioSheet(context, scenarios[s]!, results.scenarios[s]!, at));
    // A 10,000-line scenario sheet is megabytes of XML: compress before building the next.
    await writer.flush();
    writer.defineName({ name: at.names.volumeGrowth, ref: onSheet(at.sheet, absolute(at.row.volumeGrowth, SCENARIO_COL.total)) });
    writer.defineName({ name: at.names.discountRate, ref: onSheet(at.sheet, absolute(at.row.discountRate, SCENARIO_COL.total)) });
    writer.defineName({ name: at.names.ramp, ref: onSheet(at.sheet, `${absolute(at.row.ramp, at.col.year(1))}:${absolute(at.row.ramp, at.col.lastYear)}`) });
  }
  const rangeTables: RangeTable[] = [];
  if (scenarios.length > 0) {
    writer.addSheet(chartsSheet(context));
    writer.addSheet(analysisSheet(context, exported, rangeTables));
  }
  // The last parts (the model's JSON, the string table) are the largest held at once: let every
  // sheet before them be compressed and its text released first (a lower peak of memory).
  await writer.flush(0);
  writer.addSheet(definitionsSheet(context));
  writer.addSheet(metaSheet(writer, exported, language, rangeTables));
  return { data: await writer.finish(), layout, model: exported };
}

/** The scenarios named (by name or id), in the model's order; unknown names are the caller's to report. */
export function selectScenarios(model: Model, wanted: readonly string[] | undefined): Scenario[] {
  if (!wanted || wanted.length === 0) return model.scenarios;
  return model.scenarios.filter((scenario) => wanted.includes(scenario.name) || wanted.includes(scenario.id));
}
