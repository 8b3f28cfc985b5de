import type { PreparedTree } from '../../shared/engine/tree';
import type { Scenario } from '../../shared/model/schema';
import type { Language } from '../../shared/model/units';
import { clientWords, workbookWords } from '../../shared/workbook/words';

/**
 * Where everything sits in the exported workbook. The export writes by it and the import of
 * an exported workbook reads by it, so the two cannot drift apart.
 */
export const META_SHEET = '_costplan';

/** Rows 1-3 of every visible sheet: title, legend, column headers (frozen). */
export const TITLE_ROW = 1;
export const LEGEND_ROW = 2;
export const HEADER_ROW = 3;

export const STRUCTURE_COL = {
  level: 1,
  name: 2,
  basis: 3,
  value: 4,
  relevance: 5,
  amount: 6,
  ownAmount: 7,
  shareOfTotal: 8,
  notes: 9,
  id: 10,
  /** The sub-lines' amounts as a share of the line (the sibling check reads it). */
  subLines: 11,
} as const;

export interface StructureLayout {
  sheet: string;
  /** Row of each node, by its index in the prepared tree. */
  rowOfNode: Int32Array;
  firstRow: number;
  lastRow: number;
}

export const SCENARIO_COL = {
  label: 1,
  total: 2,
  firstYear: 3,
  unitCostChange: 2,
  throughputChange: 3,
  volumeChange: 4,
  costFactor: 5,
  lineSaving: 6,
} as const;

/** The rows of a scenario sheet's revenue and one-off block. */
export interface RevenueBlockRows {
  label: number;
  linesHeader: number;
  /** Revenue lines in the prepared revenue's order. */
  firstLine: number;
  lineCount: number;
  baseMarginGain: number;
  marginGain: number;
  benefit: number;
  itemsHeader: number;
  firstItem: number;
  itemCount: number;
  oneOffUpfront: number;
  oneOffSpread: number;
  oneOff: number;
  totalMarginGain: number;
  totalOneOff: number;
}

export interface ScenarioLayout {
  sheet: string;
  /** 1-based position among the exported scenarios: the defined names are numbered by it. */
  number: number;
  horizon: number;
  col: {
    /** Column of plan year y (1-based). */
    year: (y: number) => number;
    lastYear: number;
    timing: number;
    amountKind: number;
    parameter: number;
    category: number;
  };
  row: {
    planYear: number;
    volumeGrowth: number;
    discountRate: number;
    ramp: number;
    saving: number;
    investmentsLabel: number;
    /** Row of investment line k (0-based). */
    line: (k: number) => number;
    upfront: number;
    spread: number;
    investment: number;
    net: number;
    cumulativeNet: number;
    workingLabel: number;
    moved: number;
    tolerance: number;
    start: number;
    lastBelowZero: number;
    resultsLabel: number;
    baseSaving: number;
    affectedShare: number;
    totalSaving: number;
    totalInvestment: number;
    totalNet: number;
    returnOnInvestment: number;
    netRoi: number;
    npv: number;
    paybackYears: number;
    paybackMonths: number;
    linesHeader: number;
    /** Below the cost lines when the scenario has revenue levers or one-off items (sheets/revenue-block.ts). */
    revenue?: RevenueBlockRows;
    /** Row of the node at position k of the tree order. */
    firstNode: number;
  };
  names: { volumeGrowth: string; discountRate: string; ramp: string };
}

export interface WorkbookLayout {
  language: Language;
  coverSheet: string;
  checksSheet: string;
  assumptionsSheet: string;
  chartsSheet: string;
  summarySheet: string;
  definitionsSheet: string;
  /** The what-if analyses (values, not formulas); named after the scenarios so that no scenario sheet's name changes. */
  analysisSheet: string;
  structure: StructureLayout;
  scenarios: ScenarioLayout[];
}

export function workbookLayout(tree: PreparedTree, scenarios: readonly Scenario[], language: Language, revenueLineCount = 0): WorkbookLayout {
  const text = workbookWords(language);
  const client = clientWords(language);
  const sheets = {
    summary: text('sheets.summary'),
    structure: text('sheets.structure'),
    definitions: text('sheets.definitions'),
    cover: client('sheets.cover'),
    checks: client('sheets.checks'),
    assumptions: client('sheets.assumptions'),
    charts: client('sheets.charts'),
  };
  const fixed = [sheets.summary, sheets.structure, sheets.definitions, sheets.cover, sheets.checks, sheets.assumptions, sheets.charts, META_SHEET];
  const taken = new Set(fixed.map((name) => name.toLowerCase()));
  const rowOfNode = new Int32Array(tree.ids.length);
  const firstRow = HEADER_ROW + 1;
  for (let k = 0; k < tree.order.length; k++) rowOfNode[tree.order[k]!] = firstRow + k;
  const scenarioLayouts = scenarios.map((scenario, i) => {
    const sheet = uniqueSheetName(sheetNameFor(scenario.name, text('sheets.scenarioFallback', { index: i + 1 })), taken);
    taken.add(sheet.toLowerCase());
    const layout = scenarioLayout(sheet, i + 1, scenario.horizonYears, scenario.investments.length);
    const items = scenario.oneOffs?.length ?? 0;
    if ((scenario.revenueLevers?.length ?? 0) > 0 || items > 0) {
      const start = layout.row.firstNode + tree.order.length + 1;
      const firstLine = start + 2;
      const afterLines = firstLine + revenueLineCount;
      const firstItem = afterLines + 4;
      const afterItems = firstItem + items;
      layout.row.revenue = {
        label: start,
        linesHeader: start + 1,
        firstLine,
        lineCount: revenueLineCount,
        baseMarginGain: afterLines,
        marginGain: afterLines + 1,
        benefit: afterLines + 2,
        itemsHeader: afterLines + 3,
        firstItem,
        itemCount: items,
        oneOffUpfront: afterItems,
        oneOffSpread: afterItems + 1,
        oneOff: afterItems + 2,
        totalMarginGain: afterItems + 3,
        totalOneOff: afterItems + 4,
      };
    }
    return layout;
  });
  return {
    language,
    coverSheet: sheets.cover,
    checksSheet: sheets.checks,
    assumptionsSheet: sheets.assumptions,
    chartsSheet: sheets.charts,
    summarySheet: sheets.summary,
    definitionsSheet: sheets.definitions,
    analysisSheet: uniqueSheetName(text('sheets.analysis'), taken),
    structure: { sheet: sheets.structure, rowOfNode, firstRow, lastRow: firstRow + tree.order.length - 1 },
    scenarios: scenarioLayouts,
  };
}

/**
 * The rows of a scenario sheet. The results come right after the yearly rows and the payback
 * working below them; the input cells sit where the first workbook format had them, so that
 * an older export still imports.
 */
function scenarioLayout(sheet: string, number: number, horizon: number, lines: number): ScenarioLayout {
  const firstLine = 10;
  const upfront = firstLine + lines;
  const resultsLabel = upfront + 6;
  return {
    sheet,
    number,
    horizon,
    col: {
      year: (y) => SCENARIO_COL.firstYear + y - 1,
      lastYear: SCENARIO_COL.firstYear + horizon - 1,
      timing: SCENARIO_COL.firstYear + horizon,
      amountKind: SCENARIO_COL.firstYear + horizon + 1,
      parameter: SCENARIO_COL.firstYear + horizon + 2,
      category: SCENARIO_COL.firstYear + horizon + 3,
    },
    row: {
      planYear: 4,
      volumeGrowth: 5,
      discountRate: 6,
      ramp: 7,
      saving: 8,
      investmentsLabel: 9,
      line: (k) => firstLine + k,
      upfront,
      spread: upfront + 1,
      investment: upfront + 2,
      net: upfront + 3,
      cumulativeNet: upfront + 4,
      workingLabel: resultsLabel + 11,
      moved: resultsLabel + 12,
      tolerance: resultsLabel + 13,
      start: resultsLabel + 14,
      lastBelowZero: resultsLabel + 15,
      resultsLabel,
      baseSaving: resultsLabel + 1,
      affectedShare: resultsLabel + 2,
      totalSaving: resultsLabel + 3,
      totalInvestment: resultsLabel + 4,
      totalNet: resultsLabel + 5,
      returnOnInvestment: resultsLabel + 6,
      netRoi: resultsLabel + 7,
      npv: resultsLabel + 8,
      paybackYears: resultsLabel + 9,
      paybackMonths: resultsLabel + 10,
      linesHeader: resultsLabel + 17,
      firstNode: resultsLabel + 18,
    },
    names: { volumeGrowth: `Scenario${number}_VolumeGrowth`, discountRate: `Scenario${number}_DiscountRate`, ramp: `Scenario${number}_Ramp` },
  };
}

const MAX_SHEET_NAME = 31;

/**
 * A scenario name as a sheet tab: Excel forbids [ ] : * ? / \ and more than 31 characters,
 * and a quote would have to be escaped in every formula, so quotes become typographic ones.
 */
export function sheetNameFor(name: string, fallback: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/gu, '_')
    .replace(/'/gu, '’')

    .replace(/[\u0000-\u001f\u007f]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  const clipped = clip(cleaned, MAX_SHEET_NAME).trim();
  return clipped === '' || clipped.toLowerCase() === 'history' ? fallback : clipped;
}

function uniqueSheetName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${clip(name, MAX_SHEET_NAME - suffix.length).trim()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** At most `length` UTF-16 units, never splitting a surrogate pair. */
function clip(text: string, length: number): string {
  if (text.length <= length) return text;
  let end = length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end).replace(/[\ud800-\udbff]$/u, '');
}
