import { computeValidModel } from '../../shared/engine/compute';
import { prepareTree } from '../../shared/engine/tree';
import { unitLabel } from '../../shared/format/number';
import type { Model, Scenario } from '../../shared/model/schema';
import { UNIT_FACTOR, type Language } from '../../shared/model/units';
import { WORKBOOK_TEXT } from '../../shared/workbook/labels';
import { absolute, onSheet } from './formulas';
import { SCENARIO_COL, workbookLayout, type WorkbookLayout } from './layout';
import type { SheetContext } from './sheets/context';
import { analysisSheet } from './sheets/analysis';
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
}

export interface ExportedWorkbook {
  data: Buffer;
  layout: WorkbookLayout;
  /** The model the workbook holds (only the exported scenarios). */
  model: Model;
}

/**
 * The model as an Excel workbook that recalculates: a Summary, the Cost structure, a sheet per
 * scenario, the what-if Analyses (values, not formulas), Definitions, and a hidden sheet for importing it back. Every computed cell is a
 * formula over the input cells and carries the engine's value as its cached result. Expects a
 * validated model.
 */
export async function exportWorkbook(model: Model, options: ExportOptions = {}): Promise<ExportedWorkbook> {
  const language = options.language ?? model.language;
  const scenarios = selectScenarios(model, options.scenarios);
  const exported: Model = { ...model, scenarios };
  const tree = prepareTree(model.costTree);
  const results = computeValidModel(exported, tree, { contributions: false });
  const layout = workbookLayout(tree, scenarios, language, results.revenue.ids.length);
  const text = WORKBOOK_TEXT[language];
  const writer = new WorkbookWriter(
    { title: model.name, creator: 'Service Cost Planner', language: language === 'zh' ? 'zh-CN' : 'en-US' },
    { compressionLevel: options.compressionLevel ?? 6 },
  );
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
    unit: unitLabel(model.displayUnit, language, model.currency),
    unitFactor: UNIT_FACTOR[model.displayUnit],
  };
  writer.addSheet(summarySheet(context));
  writer.addSheet(costStructureSheet(context));
  layout.scenarios.forEach((at, s) => {
    writer.addSheet(scenarioSheet(context, scenarios[s]!, results.scenarios[s]!, at));
    writer.defineName({ name: at.names.volumeGrowth, ref: onSheet(at.sheet, absolute(at.row.volumeGrowth, SCENARIO_COL.total)) });
    writer.defineName({ name: at.names.discountRate, ref: onSheet(at.sheet, absolute(at.row.discountRate, SCENARIO_COL.total)) });
    writer.defineName({ name: at.names.ramp, ref: onSheet(at.sheet, `${absolute(at.row.ramp, at.col.year(1))}:${absolute(at.row.ramp, at.col.lastYear)}`) });
  });
  if (scenarios.length > 0) writer.addSheet(analysisSheet(context, exported));
  writer.addSheet(definitionsSheet(context));
  writer.addSheet(metaSheet(writer, exported, language));
  return { data: await writer.finish(), layout, model: exported };
}

/** The scenarios named (by name or id), in the model's order; unknown names are the caller's to report. */
export function selectScenarios(model: Model, wanted: readonly string[] | undefined): Scenario[] {
  if (!wanted || wanted.length === 0) return model.scenarios;
  return model.scenarios.filter((scenario) => wanted.includes(scenario.name) || wanted.includes(scenario.id));
}
