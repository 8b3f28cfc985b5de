import { performance } from 'node:perf_hooks';
import { HyperFormula, type RawCellContent, type Sheet, type Sheets } from 'hyperformula';
import type { CostNode, InvestmentLine, Lever, Model, Scenario } from '../shared/model/schema';

/**
 * The same model as a spreadsheet, the way a consultant would build it in Excel: one formula
 * per node and scenario for the cost factor, the line saving and the rolled-up saving, and a
 * sheet per scenario for the years, the investments, the net and the NPV. Timing HyperFormula
 * on it tells how the engine compares with a formula engine doing the same arithmetic.
 */
export const TREE_SHEET = 'Tree';

/** Zero-based, as HyperFormula addresses cells. */
export interface CellRef {
  sheet: string;
  col: number;
  row: number;
}

export interface ScenarioCells {
  scenarioId: string;
  baseSaving: CellRef;
  saving: CellRef;
  investment: CellRef;
  npv: CellRef;
}

export interface Workbook {
  sheets: Sheets;
  formulaCount: number;
  scenarios: ScenarioCells[];
}

export interface ScenarioFigures {
  scenarioId: string;
  baseSaving: number;
  saving: number;
  investment: number;
  npv: number;
}

/** Tree sheet: id, basis input, amount, unallocated, then these six columns per scenario. */
const TREE_FIXED_COLUMNS = 4;
const SCENARIO_COLUMN = { unitCostChange: 0, throughputChange: 1, volumeChange: 2, factor: 3, lineSaving: 4, subtreeSaving: 5 } as const;
const COLUMNS_PER_SCENARIO = Object.keys(SCENARIO_COLUMN).length;
const LEVER_INPUTS = ['unitCostChange', 'throughputChange', 'volumeChange'] as const satisfies readonly (keyof Lever)[];

export function buildWorkbook(model: Model): Workbook {
  const tree = buildTreeSheet(model);
  const sheets: Sheets = { [TREE_SHEET]: tree };
  const scenarios = model.scenarios.map((scenario, s) => {
    const name = `S${s + 1}`;
    const subtreeSavingOfRoot = cell(treeColumn(s, 'subtreeSaving'), 1);
    const { sheet, cells } = buildScenarioSheet(name, scenario, `=${TREE_SHEET}!${subtreeSavingOfRoot}`);
    sheets[name] = sheet;
    return cells;
  });
  const formulaCount = Object.values(sheets)
    .flat(2)
    .filter((value) => typeof value === 'string' && value.startsWith('=')).length;
  return { sheets, formulaCount, scenarios };
}

/** Builds and computes the whole workbook; returns the time of HyperFormula's build alone. */
export function computeWithHyperFormula(workbook: Workbook): { ms: number; figures: ScenarioFigures[] } {
  const start = performance.now();
  // Without smart rounding HyperFormula exports full doubles, not 10 significant digits,
  // so the check against the engine compares the arithmetic and not the display rounding.
  const hf = HyperFormula.buildFromSheets(workbook.sheets, { licenseKey: 'gpl-v3', smartRounding: false });
  const ms = performance.now() - start;
  const read = (ref: CellRef): number => {
    const sheet = hf.getSheetId(ref.sheet);
    const value = sheet === undefined ? undefined : hf.getCellValue({ sheet, col: ref.col, row: ref.row });
    if (typeof value !== 'number') throw new Error(`${ref.sheet}!${cell(ref.col, ref.row)} is ${String(value)}, not a number`);
    return value;
  };
  const figures = workbook.scenarios.map((cells) => ({
    scenarioId: cells.scenarioId,
    baseSaving: read(cells.baseSaving),
    saving: read(cells.saving),
    investment: read(cells.investment),
    npv: read(cells.npv),
  }));
  hf.destroy();
  return { ms, figures };
}

/**
 * Rows in breadth-first order, so the children of a node are one contiguous block and a
 * roll-up is a single SUM over a range.
 */
function buildTreeSheet(model: Model): Sheet {
  const { order, childRows } = breadthFirst(model.costTree);
  const rowOf = new Map(order.map((node, k) => [node.id, k + 1]));
  const leversByScenario = model.scenarios.map((scenario) => new Map(scenario.levers.map((lever) => [lever.nodeId, lever])));
  const header: RawCellContent[] = ['id', 'basis', 'amount', 'unallocated'];
  model.scenarios.forEach((scenario) =>
    header.push(
      ...LEVER_INPUTS.map((kind) => `${scenario.id} ${kind}`),
      `${scenario.id} factor`,
      `${scenario.id} line saving`,
      `${scenario.id} subtree saving`,
    ),
  );
  const rows: Sheet = [header];
  order.forEach((node, k) => {
    const row = k + 1;
    const parentRow = node.parentId === null ? undefined : rowOf.get(node.parentId);
    const children = childRows.get(node.id);
    const amount = cell(2, row);
    const cells: RawCellContent[] = [
      node.id,
      node.basis.kind === 'amount' ? node.basis.amount : node.basis.share,
      node.basis.kind === 'amount' || parentRow === undefined ? `=${cell(1, row)}` : `=${cell(2, parentRow)}*${cell(1, row)}`,
      // Shares adding up to 100% can leave a -1e-9 remainder; the engine clamps it to zero too.
      children ? `=MAX(0,${amount}-SUM(${cell(2, children.first)}:${cell(2, children.last)}))` : `=${amount}`,
    ];
    leversByScenario.forEach((levers, s) => {
      const lever = levers.get(node.id);
      const at = (column: keyof typeof SCENARIO_COLUMN, atRow = row): string => cell(treeColumn(s, column), atRow);
      // An empty lever input counts as 0, so the factor of a node without levers is 1.
      const ownFactor = `(1+${at('unitCostChange')})/(1+${at('throughputChange')})*(1+${at('volumeChange')})`;
      cells.push(
        ...LEVER_INPUTS.map((kind) => lever?.[kind] ?? null),
        parentRow === undefined ? `=${ownFactor}` : `=${at('factor', parentRow)}*${ownFactor}`,
        `=${cell(3, row)}*(1-${at('factor')})`,
        children ? `=${at('lineSaving')}+SUM(${at('subtreeSaving', children.first)}:${at('subtreeSaving', children.last)})` : `=${at('lineSaving')}`,
      );
    });
    rows.push(cells);
  });
  return rows;
}

function breadthFirst(nodes: readonly CostNode[]): { order: CostNode[]; childRows: Map<string, { first: number; last: number }> } {
  const children = new Map<string | null, CostNode[]>();
  for (const node of nodes) {
    const siblings = children.get(node.parentId);
    if (siblings) siblings.push(node);
    else children.set(node.parentId, [node]);
  }
  const order = [...(children.get(null) ?? [])];
  const childRows = new Map<string, { first: number; last: number }>();
  for (let k = 0; k < order.length; k++) {
    const list = children.get(order[k]!.id);
    if (!list) continue;
    // Sheet rows are 1-based below the header: the node at position k sits on row k + 1.
    childRows.set(order[k]!.id, { first: order.length + 1, last: order.length + list.length });
    order.push(...list);
  }
  return { order, childRows };
}

/**
 * One scenario: base saving, growth, discount rate and ramp at the top, then a row per year
 * column for the saving, each investment line, their total and the net, then the totals.
 */
function buildScenarioSheet(name: string, scenario: Scenario, baseSavingFormula: string): { sheet: Sheet; cells: ScenarioCells } {
  const years = Array.from({ length: scenario.horizonYears }, (_, y) => y + 1);
  const yearColumns = years.map((year) => columnLetter(year));
  const parameterColumn = scenario.horizonYears + 1;
  const lineRows = scenario.investments.map((_, i) => 6 + i);
  const investmentRow = 6 + scenario.investments.length;
  const netRow = investmentRow + 1;
  const totalsRow = netRow + 2;
  const range = (row: number): string => `${cell(1, row)}:${cell(scenario.horizonYears, row)}`;

  const sheet: Sheet = [
    ['base saving', baseSavingFormula],
    ['volume growth', scenario.volumeGrowth],
    ['discount rate', scenario.discountRate],
    ['year', ...years],
    ['ramp', ...years.map((year) => scenario.ramp?.[year - 1] ?? 1)],
    ['saving', ...yearColumns.map((col) => `=$B$1*(1+$B$2)^(${col}4-1)*${col}5`)],
    ...scenario.investments.map((line, i) => investmentLineCells(line, lineRows[i]!, yearColumns, parameterColumn)),
    ['investment', ...yearColumns.map((col) => (lineRows.length > 0 ? `=SUM(${col}7:${col}${investmentRow})` : 0))],
    ['net', ...yearColumns.map((col) => `=${col}6-${col}${investmentRow + 1}`)],
    [],
    ['horizon saving', `=SUM(${range(5)})`],
    ['horizon investment', `=SUM(${range(investmentRow)})`],
    ['horizon net', `=${cell(1, totalsRow)}-${cell(1, totalsRow + 1)}`],
    ['NPV', `=NPV(B3,${range(netRow)})`],
  ];
  return {
    sheet,
    cells: {
      scenarioId: scenario.id,
      baseSaving: { sheet: name, col: 1, row: 0 },
      saving: { sheet: name, col: 1, row: totalsRow },
      investment: { sheet: name, col: 1, row: totalsRow + 1 },
      npv: { sheet: name, col: 1, row: totalsRow + 3 },
    },
  };
}

/** perYear and shareOfSaving read their figure from the parameter column, as a sheet author would. */
function investmentLineCells(line: InvestmentLine, row: number, yearColumns: readonly string[], parameterColumn: number): RawCellContent[] {
  const parameter = `$${cell(parameterColumn, row)}`;
  const amount = line.amount;
  switch (amount.kind) {
    case 'perYear':
      return [line.name, ...yearColumns.map(() => `=${parameter}`), amount.amount];
    case 'yearly':
      return [line.name, ...yearColumns.map((_, y) => amount.amounts[y] ?? 0)];
    case 'shareOfSaving':
      return [line.name, ...yearColumns.map((col) => `=${parameter}*${col}$6`), amount.share];
  }
}

function treeColumn(scenarioIndex: number, column: keyof typeof SCENARIO_COLUMN): number {
  return TREE_FIXED_COLUMNS + scenarioIndex * COLUMNS_PER_SCENARIO + SCENARIO_COLUMN[column];
}

/** A1 address of a zero-based cell. */
function cell(col: number, row: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** 0 -> A, 25 -> Z, 26 -> AA. */
function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
