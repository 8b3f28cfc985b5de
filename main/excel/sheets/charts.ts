import type { ScenarioResult } from '../../../shared/engine/compute';
import { rampForYear } from '../../../shared/engine/compute';
import type { Scenario } from '../../../shared/model/schema';
import type { ChartSeries, ChartSpec } from '../chart-xml';
import { absolute, onSheet, ref, text as literal } from '../formulas';
import { SCENARIO_COL, STRUCTURE_COL, type ScenarioLayout } from '../layout';
import type { CellContent, DataValidation, SheetWriter } from '../xlsx-writer';
import { columnName } from '../xlsx-writer';
import { label, printSetup, type SheetContext } from './context';

/**
 * The Charts sheet: native charts bound to live cells, and the small formula tables they
 * read. The composition of the cost base; then per scenario the bridge of the horizon
 * saving, the saving and investment by year with the cumulative net line, a tornado of NPV
 * from a live one-way sensitivity table, and a live two-way table of NPV by saving achieved
 * and investment. Every number here is a formula over the input cells (the swing and the
 * factors of the two-way table are inputs of this sheet), cached with the engine's value.
 */
const CHART_ROWS = 20;
const COLUMNS = 8;
const MAX_COMPOSITION = 10;
const MAX_BRIDGE_BRANCHES = 8;
export const SENSITIVITY_SWING = 0.1;
const FACTORS = [0.8, 0.9, 1, 1.1, 1.2];
const COLORS = { saving: '2E75B6', investment: 'C55A11', net: '548235', up: '70AD47', down: 'C00000', total: '2E75B6', low: 'C55A11', high: '2E75B6' };

interface Drivers {
  base: number;
  growth: number;
  discount: number;
  fixed: number;
  rate: number;
}

/** NPV of the scenario with its drivers moved: the same arithmetic as the sheet's SUMPRODUCT. */
export function sensitivityNpv(years: readonly { planYear: number; ramp: number; fixed: number }[], d: Drivers): number {
  let npv = 0;
  for (const year of years) {
    const grown = Math.pow(1 + d.growth, year.planYear - 1) * year.ramp;
    npv += (d.base * grown - d.fixed * year.fixed - d.rate * Math.max(0, d.base) * grown) / Math.pow(1 + d.discount, year.planYear);
  }
  return npv;
}

export function chartsSheet(context: SheetContext): SheetWriter {
  const { layout, palette, client, text, scenarios, results, tree, unitFactor, language } = context;
  const charts: ChartSpec[] = [];
  const validations: DataValidation[] = [];
  const sheetName = layout.chartsSheet;
  const here = (row: number, col: number) => onSheet(sheetName, absolute(row, col));
  const money = (value: number) => value / unitFactor;
  const chartBase = { font: client('font'), language: language === 'zh' ? 'zh-CN' : 'en-US' };
  const cells: [row: number, col: number, content: CellContent, style: number][] = [];
  const set = (row: number, col: number, content: CellContent, style: number) => cells.push([row, col, content, style]);
  const anchor = (row: number) => ({ fromCol: 0, fromRow: row - 1, toCol: COLUMNS, toRow: row - 1 + CHART_ROWS });
  const series = (name: [number, number, string], categories: ChartSeries['categories'], values: ChartSeries['values'], color: string): ChartSeries => ({
    name: { ref: here(name[0], name[1]), text: name[2] },
    categories,
    values,
    color,
  });

  set(1, 1, client('charts.title'), palette.title);
  set(2, 1, client('charts.note'), palette.legendFormula);
  set(3, 1, text('legend.unit', { amountUnit: context.unit }), palette.legendFormula);
  let row = 5;

  // Composition of the cost base: the root's parts, the largest first, the rest as one slice.
  const root = tree.rootIndex;
  const parts: number[] = [];
  for (let k = 0; k < tree.order.length; k++) if (tree.parent[tree.order[k]!] === root) parts.push(tree.order[k]!);
  // The first parts in tree order (the layout depends on the structure only, never on values).
  const largest = parts.slice(0, MAX_COMPOSITION);
  const structure = layout.structure;
  const rootAmount = onSheet(structure.sheet, absolute(structure.firstRow, STRUCTURE_COL.amount));
  set(row, 1, client('charts.composition'), palette.section);
  row++;
  set(row, 1, text('structure.name'), palette.header);
  set(row, 2, label(context, text('structure.amount')), palette.headerRight);
  const compositionHeader = row;
  row++;
  const firstPart = row;
  const names: string[] = [];
  const amounts: number[] = [];
  let shownSum = 0;
  for (const i of largest) {
    names.push(tree.nodes[i]!.name);
    amounts.push(money(tree.resolvedAmount[i]!));
    shownSum += tree.resolvedAmount[i]!;
    set(row, 1, { f: onSheet(structure.sheet, absolute(structure.rowOfNode[i]!, STRUCTURE_COL.name)), v: tree.nodes[i]!.name }, palette.text);
    set(row, 2, { f: onSheet(structure.sheet, absolute(structure.rowOfNode[i]!, STRUCTURE_COL.amount)), v: money(tree.resolvedAmount[i]!) }, palette.amount);
    row++;
  }
  // The rest of the root: the other parts and the root's own amount (never below 0).
  const rest = Math.max(0, tree.totalAmount - shownSum);
  {
    names.push(largest.length === 0 ? tree.nodes[root]!.name : client('charts.other'));
    amounts.push(money(rest));
    set(row, 1, largest.length === 0 ? tree.nodes[root]!.name : client('charts.other'), palette.text);
    set(
      row,
      2,
      {
        f: `MAX(0,${rootAmount}-SUM(${ref(firstPart, 2)}:${ref(Math.max(firstPart, row - 1), 2)}))`,
        v: largest.length === 0 ? money(tree.totalAmount) : money(rest),
      },
      palette.amount,
    );
    if (largest.length === 0) cells[cells.length - 1]![2] = { f: rootAmount, v: money(tree.totalAmount) };
    row++;
  }
  const lastPart = row - 1;
  charts.push({
    ...chartBase,
    kind: 'pie',
    title: label(context, client('charts.compositionTitle')),
    series: [
      series(
        [compositionHeader, 2, label(context, text('structure.amount'))],
        { ref: here(firstPart, 1) + ':' + absolute(lastPart, 1), values: names },
        { ref: here(firstPart, 2) + ':' + absolute(lastPart, 2), values: amounts },
        COLORS.saving,
      ),
    ],
    at: anchor(row + 1),
  });
  row += CHART_ROWS + 2;

  layout.scenarios.forEach((at, s) => {
    row = scenarioBlock(context, scenarios[s]!, results.scenarios[s]!, at, row, { set, charts, validations, here, series, anchor, chartBase });
  });

  const sheet = context.writer.sheet(sheetName, {
    widths: [36, ...Array.from({ length: COLUMNS - 1 }, () => 14)],
    print: printSetup(context, undefined, true),
    protect: true,
    charts,
    validations,
  });
  for (const [r, col, content, style] of cells) sheet.set(r, col, content, style);
  return sheet;
}

interface BlockTools {
  set: (row: number, col: number, content: CellContent, style: number) => void;
  charts: ChartSpec[];
  validations: DataValidation[];
  here: (row: number, col: number) => string;
  series: (name: [number, number, string], categories: ChartSeries['categories'], values: ChartSeries['values'], color: string) => ChartSeries;
  anchor: (row: number) => ChartSpec['at'];
  chartBase: { font: string; language: string };
}

function scenarioBlock(context: SheetContext, scenario: Scenario, result: ScenarioResult, at: ScenarioLayout, start: number, tools: BlockTools): number {
  const { palette, client, text, tree, unitFactor, layout } = context;
  const { set, charts, validations, here, series, anchor, chartBase } = tools;
  const money = (value: number) => value / unitFactor;
  const on = (r: number, col: number) => onSheet(at.sheet, absolute(r, col));
  const onRange = (r: number, fromCol: number, toCol: number) => onSheet(at.sheet, `${absolute(r, fromCol)}:${absolute(r, toCol)}`);
  const H = at.horizon;
  const firstYear = at.col.year(1);
  const lastYear = at.col.lastYear;
  let row = start;
  set(row, 1, client('charts.scenario', { name: scenario.name }), palette.title);
  row += 2;

  // 1. Saving and investment by year, cumulative net: read straight from the scenario sheet.
  const calendar = result.years.map((year) => year.calendarYear);
  const categories = { ref: onRange(3, firstYear, lastYear), values: calendar };
  const yearly = (r: number, values: number[], color: string, caption: string): ChartSeries => ({
    name: { ref: on(r, 1), text: label(context, caption) },
    categories,
    values: { ref: onRange(r, firstYear, lastYear), values },
    color,
  });
  set(row, 1, label(context, client('charts.years')), palette.section);
  charts.push({
    ...chartBase,
    kind: 'column',
    title: label(context, client('charts.years')),
    valueTitle: context.unit,
    series: [
      yearly(
        at.row.saving,
        result.years.map((y) => money(y.saving)),
        COLORS.saving,
        text('scenario.saving'),
      ),
      yearly(
        at.row.investment,
        result.years.map((y) => money(y.investment)),
        COLORS.investment,
        text('scenario.investment'),
      ),
    ],
    lines: [
      yearly(
        at.row.cumulativeNet,
        result.years.map((y) => money(y.cumulativeNet)),
        COLORS.net,
        text('scenario.cumulativeNet'),
      ),
    ],
    at: anchor(row + 1),
  });
  row += CHART_ROWS + 2;

  // 2. Bridge of the horizon saving: each branch of the tree at its year-1 saving for every
  // year, the rest of the lines, then volume growth and ramp, up to the horizon saving.
  set(row, 1, label(context, client('charts.bridge')), palette.section);
  set(row + 1, 1, client('charts.bridgeNote'), palette.note);
  row += 2;
  const header = row;
  [client('charts.step'), client('charts.change'), client('charts.base'), client('charts.up'), client('charts.down'), client('charts.total')].forEach(
    (caption, k) => set(header, k + 1, caption, k === 0 ? palette.header : palette.headerRight),
  );
  row++;
  const position = new Int32Array(tree.ids.length);
  for (let k = 0; k < tree.order.length; k++) position[tree.order[k]!] = k;
  const subtreeEnd = new Int32Array(tree.ids.length);
  for (let k = tree.order.length - 1; k >= 0; k--) {
    const i = tree.order[k]!;
    subtreeEnd[i] = Math.max(subtreeEnd[i]!, k);
    const p = tree.parent[i]!;
    if (p >= 0) subtreeEnd[p] = Math.max(subtreeEnd[p]!, subtreeEnd[i]);
  }
  const branchSaving = (i: number) => {
    let sum = 0;
    for (let k = position[i]!; k <= subtreeEnd[i]!; k++) sum += result.lineSaving[tree.order[k]!]!;
    return sum;
  };
  const root = tree.rootIndex;
  const branches: { i: number; saving: number }[] = [];
  for (let k = 0; k < tree.order.length; k++)
    if (tree.parent[tree.order[k]!] === root) branches.push({ i: tree.order[k]!, saving: branchSaving(tree.order[k]!) });
  const shown = branches.slice(0, MAX_BRIDGE_BRANCHES);
  const baseSaving = on(at.row.baseSaving, SCENARIO_COL.total);
  const horizonSaving = on(at.row.totalSaving, SCENARIO_COL.total);
  const steps: { caption: CellContent; formula: string; value: number }[] = [];
  let shownSum = 0;
  for (const branch of shown) {
    const from = at.row.firstNode + position[branch.i]!;
    const to = at.row.firstNode + subtreeEnd[branch.i]!;
    const value = money(branch.saving) * H;
    shownSum += value;
    steps.push({
      caption: { f: onSheet(layout.structure.sheet, absolute(layout.structure.rowOfNode[branch.i]!, STRUCTURE_COL.name)), v: tree.nodes[branch.i]!.name },
      formula: `SUM(${onSheet(at.sheet, `${absolute(from, SCENARIO_COL.lineSaving)}:${absolute(to, SCENARIO_COL.lineSaving)}`)})*${H}`,
      value,
    });
  }
  const hidden = branches.length - shown.length;
  {
    const caption = hidden > 0 ? client('charts.otherLines', { lines: hidden }) : client('charts.rootOwn', { name: tree.nodes[root]!.name });
    const firstStep = header + 1;
    const shownRange = steps.length > 0 ? `-SUM(${ref(firstStep, 2)}:${ref(firstStep + steps.length - 1, 2)})` : '';
    const value = money(result.baseSaving) * H - shownSum;
    steps.push({ caption, formula: `${baseSaving}*${H}${shownRange}`, value });
  }
  steps.push({
    caption: client('charts.growthAndRamp'),
    formula: `${horizonSaving}-${baseSaving}*${H}`,
    value: money(result.totals.saving) - money(result.baseSaving) * H,
  });
  const firstStep = row;
  let cumulative = 0;
  for (const step of steps) {
    set(row, 1, step.caption, palette.text);
    set(row, 2, { f: step.formula, v: step.value }, palette.amount);
    const before = row === firstStep ? '0' : `SUM(${ref(firstStep, 2)}:${ref(row - 1, 2)})`;
    const change = ref(row, 2);
    const after = cumulative + step.value;
    set(row, 3, { f: `MAX(0,MIN(${before},${before}+${change}))`, v: Math.max(0, Math.min(cumulative, after)) }, palette.amount);
    set(row, 4, { f: `MAX(0,${change})`, v: Math.max(0, step.value) }, palette.amount);
    set(row, 5, { f: `MAX(0,-${change})`, v: Math.max(0, -step.value) }, palette.amount);
    cumulative = after;
    row++;
  }
  set(row, 1, client('charts.total'), palette.section);
  set(row, 6, { f: horizonSaving, v: money(result.totals.saving) }, palette.amount);
  const lastStep = row;
  const stepNames = [
    ...steps.map((step) => (typeof step.caption === 'object' && step.caption !== null ? String(step.caption.v) : String(step.caption))),
    client('charts.total'),
  ];
  const bridgeCategories = { ref: `${here(firstStep, 1)}:${absolute(lastStep, 1)}`, values: stepNames };
  const column = (col: number, values: number[]) => ({ ref: `${here(firstStep, col)}:${absolute(lastStep, col)}`, values });
  let running = 0;
  const baseValues = steps.map((step) => {
    const value = Math.max(0, Math.min(running, running + step.value));
    running += step.value;
    return value;
  });
  charts.push({
    ...chartBase,
    kind: 'stackedColumn',
    title: label(context, client('charts.bridge')),
    valueTitle: context.unit,
    series: [
      series([header, 3, client('charts.base')], bridgeCategories, column(3, [...baseValues, 0]), 'none'),
      series([header, 4, client('charts.up')], bridgeCategories, column(4, [...steps.map((step) => Math.max(0, step.value)), 0]), COLORS.up),
      series([header, 5, client('charts.down')], bridgeCategories, column(5, [...steps.map((step) => Math.max(0, -step.value)), 0]), COLORS.down),
      series([header, 6, client('charts.total')], bridgeCategories, column(6, [...steps.map(() => 0), money(result.totals.saving)]), COLORS.total),
    ],
    hideLegendFor: [0],
    at: anchor(row + 2),
  });
  row += CHART_ROWS + 3;

  // 3. Live one-way sensitivity of NPV (the tornado) and 4. the two-way table, over helpers:
  // the fixed investment by year and the share of saving paid out.
  const lines = scenario.investments.length;
  const shareWord = literal(text('words.amountKind.shareOfSaving'));
  const kindRange = lines > 0 ? onSheet(at.sheet, `${absolute(at.row.line(0), at.col.amountKind)}:${absolute(at.row.line(lines - 1), at.col.amountKind)}`) : '';
  const planYears = onRange(at.row.planYear, firstYear, lastYear);
  const ramp = onRange(at.row.ramp, firstYear, lastYear);
  const growth = on(at.row.volumeGrowth, SCENARIO_COL.total);
  const discount = on(at.row.discountRate, SCENARIO_COL.total);

  set(row, 1, label(context, client('charts.tornado')), palette.section);
  set(row + 1, 1, client('charts.tornadoNote'), palette.note);
  row += 2;
  const swingRow = row;
  set(swingRow, 1, client('charts.swing'), palette.text);
  set(swingRow, 2, SENSITIVITY_SWING, palette.inputPercent);
  validations.push({
    sqref: ref(swingRow, 2),
    type: 'decimal',
    operator: 'between',
    formula1: '0',
    formula2: '0.99',
    prompt: { title: client('input.title'), text: client('input.swing') },
    error: { title: client('input.title'), text: client('input.bad') },
  });
  row++;
  const baseNpvRow = row;
  set(baseNpvRow, 1, label(context, client('charts.baseNpv')), palette.text);
  set(baseNpvRow, 2, { f: on(at.row.npv, SCENARIO_COL.total), v: money(result.totals.npv) }, palette.amount);
  row += 2;

  // Helpers (the tables below read them): fixed investment per year, the share of saving paid out.
  const fixedRow = row + 10 + FACTORS.length + 4;
  const rateRow = fixedRow + 1;
  const fixedByYear = result.years.map((year) => {
    let shares = 0;
    scenario.investments.forEach((line, k) => {
      if (line.amount.kind === 'shareOfSaving') shares += year.investmentByLine[k]!;
    });
    return money(year.investment - shares);
  });
  const rate = scenario.investments.reduce((sum, line) => sum + (line.amount.kind === 'shareOfSaving' ? line.amount.share : 0), 0);
  const years = result.years.map((year, y) => ({ planYear: y + 1, ramp: rampForYear(scenario, y + 1), fixed: fixedByYear[y]! }));
  const drivers: Drivers = { base: money(result.baseSaving), growth: scenario.volumeGrowth, discount: scenario.discountRate, fixed: 1, rate };
  const fixedRange = `${absolute(fixedRow, 2)}:${absolute(fixedRow, 1 + H)}`;
  const rateCell = absolute(rateRow, 2);
  const npvFormula = (b: string, g: string, r: string, mF: string, mR: string) =>
    `SUMPRODUCT((${b}*(1+${g})^(${planYears}-1)*${ramp}-${mF}*${fixedRange}-${mR}*${rateCell}*MAX(0,${b})*(1+${g})^(${planYears}-1)*${ramp})/(1+${r})^${planYears})`;

  set(row, 1, client('charts.driver'), palette.header);
  [client('charts.low'), client('charts.high'), client('charts.npvLow'), client('charts.npvHigh'), client('charts.lowBar'), client('charts.highBar')].forEach(
    (caption, k) => set(row, k + 2, caption, palette.headerRight),
  );
  const tornadoHeader = row;
  row++;
  const swing = absolute(swingRow, 2);
  const base = on(at.row.baseSaving, SCENARIO_COL.total);
  const fixedTotal = `SUM(${fixedRange})`;
  type Driver = { caption: string; low: [string, number]; high: [string, number]; style: number; npv: (side: -1 | 1) => [string, number] };
  const moved = (side: -1 | 1) => (side < 0 ? `(1-${swing})` : `(1+${swing})`);
  const factor = (side: -1 | 1) => 1 + side * SENSITIVITY_SWING;
  const fixedSum = fixedByYear.reduce((a, b) => a + b, 0);
  const list: Driver[] = [
    {
      caption: client('charts.drivers.saving'),
      low: [`${base}*${moved(-1)}`, drivers.base * factor(-1)],
      high: [`${base}*${moved(1)}`, drivers.base * factor(1)],
      style: palette.amount,
      npv: (side) => [
        npvFormula(`${base}*${moved(side)}`, growth, discount, '1', '1'),
        sensitivityNpv(years, { ...drivers, base: drivers.base * factor(side) }),
      ],
    },
    {
      caption: client('charts.drivers.growth'),
      low: [`${growth}*${moved(-1)}`, drivers.growth * factor(-1)],
      high: [`${growth}*${moved(1)}`, drivers.growth * factor(1)],
      style: palette.percent,
      npv: (side) => [
        npvFormula(base, `${growth}*${moved(side)}`, discount, '1', '1'),
        sensitivityNpv(years, { ...drivers, growth: drivers.growth * factor(side) }),
      ],
    },
    {
      caption: client('charts.drivers.discount'),
      low: [`${discount}*${moved(-1)}`, drivers.discount * factor(-1)],
      high: [`${discount}*${moved(1)}`, drivers.discount * factor(1)],
      style: palette.percent,
      npv: (side) => [
        npvFormula(base, growth, `${discount}*${moved(side)}`, '1', '1'),
        sensitivityNpv(years, { ...drivers, discount: drivers.discount * factor(side) }),
      ],
    },
    {
      caption: client('charts.drivers.fixedInvestment'),
      low: [`${fixedTotal}*${moved(-1)}`, fixedSum * factor(-1)],
      high: [`${fixedTotal}*${moved(1)}`, fixedSum * factor(1)],
      style: palette.amount,
      npv: (side) => [npvFormula(base, growth, discount, moved(side), '1'), sensitivityNpv(years, { ...drivers, fixed: factor(side) })],
    },
    {
      caption: client('charts.drivers.shareRate'),
      low: [`${rateCell}*${moved(-1)}`, rate * factor(-1)],
      high: [`${rateCell}*${moved(1)}`, rate * factor(1)],
      style: palette.percent,
      npv: (side) => [npvFormula(base, growth, discount, '1', moved(side)), sensitivityNpv(years, { ...drivers, rate: rate * factor(side) })],
    },
  ];
  // A fixed order (the formulas must not depend on the values); the bars follow the inputs.
  const baseNpv = money(result.totals.npv);
  const ranked = list;
  const firstDriver = row;
  const lowBars: number[] = [];
  const highBars: number[] = [];
  for (const driver of ranked) {
    const [lowFormula, lowValue] = driver.npv(-1);
    const [highFormula, highValue] = driver.npv(1);
    set(row, 1, driver.caption, palette.text);
    set(row, 2, { f: driver.low[0], v: driver.low[1] }, driver.style);
    set(row, 3, { f: driver.high[0], v: driver.high[1] }, driver.style);
    set(row, 4, { f: lowFormula, v: lowValue }, palette.amount);
    set(row, 5, { f: highFormula, v: highValue }, palette.amount);
    set(row, 6, { f: `${ref(row, 4)}-${absolute(baseNpvRow, 2)}`, v: lowValue - baseNpv }, palette.amount);
    set(row, 7, { f: `${ref(row, 5)}-${absolute(baseNpvRow, 2)}`, v: highValue - baseNpv }, palette.amount);
    lowBars.push(lowValue - baseNpv);
    highBars.push(highValue - baseNpv);
    row++;
  }
  const lastDriver = row - 1;
  const driverCategories = { ref: `${here(firstDriver, 1)}:${absolute(lastDriver, 1)}`, values: ranked.map((driver) => driver.caption) };
  row++;

  // Two-way: NPV for saving achieved (rows) x investment (columns), both as factors of the plan.
  set(row, 1, label(context, client('charts.twoWay')), palette.section);
  set(row + 1, 1, client('charts.twoWayNote'), palette.note);
  row += 2;
  const gridHeader = row;
  set(gridHeader, 1, `${client('charts.savingFactor')} \\ ${client('charts.investmentFactor')}`, palette.header);
  FACTORS.forEach((f, k) => set(gridHeader, 2 + k, f, palette.inputPercentWhole));
  const xRow = rateRow + 1;
  const yRow = xRow + 1;
  const zRow = yRow + 1;
  let x = 0;
  let yValue = 0;
  let z = 0;
  for (const year of years) {
    const grown = Math.pow(1 + drivers.growth, year.planYear - 1) * year.ramp;
    const discountFactor = Math.pow(1 + drivers.discount, year.planYear);
    x += (drivers.base * grown) / discountFactor;
    yValue += year.fixed / discountFactor;
    z += (Math.max(0, drivers.base) * grown) / discountFactor;
  }
  z *= rate;
  FACTORS.forEach((a, i) => {
    const r = gridHeader + 1 + i;
    set(r, 1, a, palette.inputPercentWhole);
    FACTORS.forEach((b, k) => {
      const col = 2 + k;
      set(
        r,
        col,
        {
          f: `$A${r}*${absolute(xRow, 2)}-${columnName(col)}$${gridHeader}*(${absolute(yRow, 2)}+$A${r}*${absolute(zRow, 2)})`,
          v: a * x - b * (yValue + a * z),
        },
        palette.amount,
      );
    });
  });
  const factorCells = `${ref(gridHeader, 2)}:${ref(gridHeader, 1 + FACTORS.length)} ${ref(gridHeader + 1, 1)}:${ref(gridHeader + FACTORS.length, 1)}`;
  validations.push({
    sqref: factorCells,
    type: 'decimal',
    operator: 'between',
    formula1: '0',
    formula2: '10',
    prompt: { title: client('input.title'), text: client('input.factor') },
    error: { title: client('input.title'), text: client('input.bad') },
  });
  row = gridHeader + FACTORS.length + 2;

  // The helpers, below the results they serve.
  if (row > fixedRow) throw new Error('chart helper rows overlap the tables');
  set(fixedRow, 1, label(context, client('charts.helper.fixed')), palette.note);
  result.years.forEach((_, y) => {
    const col = at.col.year(y + 1);
    const lineRange = lines > 0 ? onSheet(at.sheet, `${absolute(at.row.line(0), col)}:${absolute(at.row.line(lines - 1), col)}`) : '';
    const formula = lines > 0 ? `${on(at.row.investment, col)}-SUMIF(${kindRange},${shareWord},${lineRange})` : on(at.row.investment, col);
    set(fixedRow, 2 + y, { f: formula, v: fixedByYear[y]! }, palette.amount);
  });
  const parameterRange =
    lines > 0 ? onSheet(at.sheet, `${absolute(at.row.line(0), at.col.parameter)}:${absolute(at.row.line(lines - 1), at.col.parameter)}`) : '';
  set(rateRow, 1, client('charts.helper.rate'), palette.note);
  set(rateRow, 2, { f: lines > 0 ? `SUMIF(${kindRange},${shareWord},${parameterRange})` : '0', v: rate }, palette.percent);
  set(xRow, 1, client('charts.helper.x'), palette.note);
  set(xRow, 2, { f: `SUMPRODUCT(${base}*(1+${growth})^(${planYears}-1)*${ramp}/(1+${discount})^${planYears})`, v: x }, palette.amount);
  set(yRow, 1, client('charts.helper.y'), palette.note);
  set(yRow, 2, { f: `SUMPRODUCT(${fixedRange}/(1+${discount})^${planYears})`, v: yValue }, palette.amount);
  set(zRow, 1, client('charts.helper.z'), palette.note);
  set(zRow, 2, { f: `${rateCell}*SUMPRODUCT(MAX(0,${base})*(1+${growth})^(${planYears}-1)*${ramp}/(1+${discount})^${planYears})`, v: z }, palette.amount);
  row = zRow + 2;

  charts.push({
    ...chartBase,
    kind: 'bar',
    title: label(context, client('charts.tornado')),
    valueTitle: context.unit,
    reverseCategories: true,
    series: [
      series(
        [tornadoHeader, 6, client('charts.lowBar')],
        driverCategories,
        { ref: `${here(firstDriver, 6)}:${absolute(lastDriver, 6)}`, values: lowBars },
        COLORS.low,
      ),
      series(
        [tornadoHeader, 7, client('charts.highBar')],
        driverCategories,
        { ref: `${here(firstDriver, 7)}:${absolute(lastDriver, 7)}`, values: highBars },
        COLORS.high,
      ),
    ],
    at: anchor(row),
  });
  return row + CHART_ROWS + 3;
}
