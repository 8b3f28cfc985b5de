import type { ScenarioResult } from '../../../shared/engine/compute';
import { rampForYear } from '../../../shared/engine/compute';
import { LIMITS, type Scenario } from '../../../shared/model/schema';
import { paybackSteps } from '../../../shared/workbook/payback-steps';
import { categoryWords } from '../../../shared/workbook/words';
import { absolute, costFactorFormula, fixedColumn, fixedRow, onSheet, ref, rowRange, text as literal } from '../formulas';
import { HEADER_ROW, LEGEND_ROW, SCENARIO_COL as COL, STRUCTURE_COL, TITLE_ROW, type ScenarioLayout } from '../layout';
import { HEADER_HEIGHT } from '../styles';
import { columnName, type DataValidation, type SheetWriter } from '../xlsx-writer';
import { label, printSetup, type SheetContext } from './context';
import { writeRevenueBlock } from './revenue-block';

/**
 * One scenario: its inputs (volume growth, discount rate, ramp, investment lines, each lever
 * on each cost line), the year-by-year saving, investment, net and cumulative net, the
 * payback working, the results, and the cost lines with their factor and saving. Every
 * computed cell mirrors the engine (shared/engine/compute.ts, levers.ts, payback.ts) and
 * carries the engine's value as its cached result.
 */
export function scenarioSheet(context: SheetContext, scenario: Scenario, result: ScenarioResult, at: ScenarioLayout): SheetWriter {
  const { tree, palette, text, unitFactor, layout } = context;
  const { row, col, horizon } = at;
  // With revenue levers or one-off items the net, payback, NPV and ratios take them in (revenue-block.ts).
  const revenue = row.revenue;
  const years = Array.from({ length: horizon }, (_, y) => y + 1);
  const first = col.year(1);
  const last = col.lastYear;
  const widths = Array.from({ length: Math.max(COL.lineSaving, col.category) }, (_, i) => (i === 0 ? 46 : i + 1 === col.parameter ? 20 : 14));
  // A short horizon fits one page wide; a long one prints across pages with the labels repeated.
  const fitWidth = widths.reduce((a, b) => a + b, 0) <= 200;
  const sheet = context.writer.sheet(at.sheet, {
    freeze: { rows: HEADER_ROW, columns: 1 },
    widths,
    print: { ...printSetup(context, [HEADER_ROW, HEADER_ROW], fitWidth), ...(fitWidth ? {} : { titleColumns: [1, 1] as const }) },
    outlineAbove: true,
    protect: true,
    validations: scenarioValidations(context, scenario, at),
  });
  const money = (value: number) => value / unitFactor;

  sheet.set(TITLE_ROW, 1, scenario.name, palette.inputTitle);
  sheet.set(LEGEND_ROW, 1, text('legend.input'), palette.legendInput);
  sheet.set(LEGEND_ROW, 2, text('legend.formula'), palette.legendFormula);
  sheet.set(LEGEND_ROW, 5, text('legend.unit', { amountUnit: context.unit }), palette.legendFormula);

  // Column headers: the years, then the columns that describe investment lines.
  sheet.set(HEADER_ROW, 1, text('scenario.year'), palette.header);
  sheet.set(HEADER_ROW, COL.total, text('scenario.totalOrValue'), palette.headerRight);
  for (const y of years) sheet.set(HEADER_ROW, col.year(y), result.years[y - 1]!.calendarYear, palette.headerNumber);
  sheet.set(HEADER_ROW, col.timing, text('scenario.timing'), palette.header);
  sheet.set(HEADER_ROW, col.amountKind, text('scenario.amountKind'), palette.header);
  sheet.set(HEADER_ROW, col.parameter, label(context, text('scenario.parameter')), palette.headerRight);
  sheet.set(HEADER_ROW, col.category, text('scenario.category'), palette.header);
  sheet.height(HEADER_ROW, HEADER_HEIGHT);

  sheet.set(row.planYear, 1, text('scenario.planYear'), palette.text);
  for (const y of years) sheet.set(row.planYear, col.year(y), y, palette.integer);
  sheet.set(row.volumeGrowth, 1, text('scenario.volumeGrowth'), palette.text);
  sheet.set(row.volumeGrowth, COL.total, scenario.volumeGrowth, palette.inputPercent);
  sheet.set(row.discountRate, 1, text('scenario.discountRate'), palette.text);
  sheet.set(row.discountRate, COL.total, scenario.discountRate, palette.inputPercent);
  sheet.set(row.ramp, 1, text('scenario.ramp'), palette.text);
  for (const y of years) sheet.set(row.ramp, col.year(y), rampForYear(scenario, y), palette.inputPercent);

  const total = (r: number, value: number) => sheet.set(r, COL.total, { f: `SUM(${rowRange(r, first, last)})`, v: money(value) }, palette.amount);
  const sum = (pick: (year: ScenarioResult['years'][number]) => number) => result.years.reduce((acc, year) => acc + pick(year), 0);

  // Saving in year y = base saving x (1 + growth)^(y - 1) x ramp of year y.
  sheet.set(row.saving, 1, label(context, text('scenario.saving')), palette.section);
  total(row.saving, result.totals.saving);
  const base = absolute(row.baseSaving, COL.total);
  for (const y of years) {
    const c = col.year(y);
    sheet.set(
      row.saving,
      c,
      { f: `${base}*(1+${at.names.volumeGrowth})^(${fixedRow(row.planYear, c)}-1)*${fixedRow(row.ramp, c)}`, v: money(result.years[y - 1]!.saving) },
      palette.amount,
    );
  }

  sheet.set(row.investmentsLabel, 1, label(context, text('scenario.investmentLines')), palette.section);
  scenario.investments.forEach((line, k) => {
    const r = row.line(k);
    const parameter = fixedColumn(r, col.parameter);
    sheet.set(r, 1, line.name, palette.inputName(1));
    total(
      r,
      sum((year) => year.investmentByLine[k]!),
    );
    sheet.set(r, col.timing, text(`words.timing.${line.timing}`), palette.inputText);
    sheet.set(r, col.amountKind, text(`words.amountKind.${line.amount.kind}`), palette.text);
    sheet.set(r, col.category, text(`words.category.${line.category}`), palette.inputText);
    const amount = line.amount;
    if (amount.kind === 'perYear') sheet.set(r, col.parameter, money(amount.amount), palette.inputAmount);
    if (amount.kind === 'shareOfSaving') sheet.set(r, col.parameter, amount.share, palette.inputPercent);
    for (const y of years) {
      const c = col.year(y);
      const value = money(result.years[y - 1]!.investmentByLine[k]!);
      if (amount.kind === 'yearly') sheet.set(r, c, money(amount.amounts[y - 1] ?? 0), palette.inputAmount);
      else if (amount.kind === 'perYear') sheet.set(r, c, { f: parameter, v: value }, palette.amount);
      // A pool funded from the gain: no gain, no pool.
      else sheet.set(r, c, { f: `${parameter}*MAX(0,${fixedRow(revenue ? revenue.benefit : row.saving, c)})`, v: value }, palette.amount);
    }
  });

  const lines = scenario.investments.length;
  const timingRange = `${absolute(row.line(0), col.timing)}:${absolute(row.line(Math.max(0, lines - 1)), col.timing)}`;
  const byTiming = (c: number, word: string) =>
    lines === 0 ? '0' : `SUMIF(${timingRange},${literal(word)},${ref(row.line(0), c)}:${ref(row.line(lines - 1), c)})`;
  sheet.set(row.upfront, 1, label(context, text('scenario.upfront')), palette.text);
  sheet.set(row.spread, 1, label(context, text('scenario.spread')), palette.text);
  sheet.set(row.investment, 1, label(context, text('scenario.investment')), palette.section);
  sheet.set(row.net, 1, label(context, text('scenario.net')), palette.section);
  sheet.set(row.cumulativeNet, 1, label(context, text('scenario.cumulativeNet')), palette.text);
  total(
    row.upfront,
    sum((year) => year.upfrontInvestment),
  );
  total(
    row.spread,
    sum((year) => year.spreadInvestment),
  );
  total(row.investment, result.totals.investment);
  sheet.set(
    row.net,
    COL.total,
    {
      f: revenue
        ? `${ref(row.saving, COL.total)}+${ref(revenue.marginGain, COL.total)}+${ref(revenue.oneOff, COL.total)}-${ref(row.investment, COL.total)}`
        : `${ref(row.saving, COL.total)}-${ref(row.investment, COL.total)}`,
      v: money(result.totals.net),
    },
    palette.amount,
  );

  sheet.set(row.workingLabel, 1, text('scenario.paybackWorking'), palette.note);
  sheet.set(row.moved, 1, label(context, text('scenario.moved')), palette.note);
  sheet.set(row.tolerance, 1, label(context, text('scenario.tolerance')), palette.note);
  sheet.set(row.start, 1, label(context, text('scenario.startOfYear')), palette.note);
  sheet.set(row.lastBelowZero, 1, text('scenario.lastBelowZero'), palette.note);
  const payback = paybackSteps(result.years);
  const tolerance = absolute(row.tolerance, COL.total);
  sheet.set(row.tolerance, COL.total, { f: `0.000000001*MAX(${rowRange(row.moved, first, last)})`, v: money(payback.tolerance) }, palette.amount);

  for (const y of years) {
    const c = col.year(y);
    const year = result.years[y - 1]!;
    const step = payback.steps[y - 1]!;
    const previous = c - 1;
    sheet.set(row.upfront, c, { f: byTiming(c, text('words.timing.upfront')), v: money(year.upfrontInvestment) }, palette.amount);
    sheet.set(row.spread, c, { f: byTiming(c, text('words.timing.spread')), v: money(year.spreadInvestment) }, palette.amount);
    sheet.set(row.investment, c, { f: `${ref(row.upfront, c)}+${ref(row.spread, c)}`, v: money(year.investment) }, palette.amount);
    const gains = revenue ? `+${ref(revenue.marginGain, c)}+${ref(revenue.oneOff, c)}` : '';
    sheet.set(row.net, c, { f: `${ref(row.saving, c)}${gains}-${ref(row.investment, c)}`, v: money(year.net) }, palette.amount);
    sheet.set(
      row.cumulativeNet,
      c,
      { f: y === 1 ? ref(row.net, c) : `${ref(row.cumulativeNet, previous)}+${ref(row.net, c)}`, v: money(year.cumulativeNet) },
      palette.amount,
    );
    // The payback (shared/engine/payback.ts): the start of a year is the cumulative net of the
    // year before less the upfront payments; the end is the year's cumulative net; a shortfall
    // within the tolerance counts as zero.
    const moved = revenue
      ? `ABS(${ref(row.saving, c)})+ABS(${ref(revenue.marginGain, c)})+${ref(row.upfront, c)}+${ref(row.spread, c)}+ABS(${ref(revenue.oneOffUpfront, c)})+ABS(${ref(revenue.oneOffSpread, c)})`
      : `ABS(${ref(row.saving, c)})+${ref(row.upfront, c)}+${ref(row.spread, c)}`;
    sheet.set(row.moved, c, { f: moved, v: money(step.moved) }, palette.amount);
    // Upfront one-off cash falls at the start of the year, as upfront investment does.
    const upfrontCash = revenue ? `+${ref(revenue.oneOffUpfront, c)}` : '';
    sheet.set(
      row.start,
      c,
      {
        f: y === 1 ? `0-${ref(row.upfront, c)}${upfrontCash}` : `${ref(row.cumulativeNet, previous)}-${ref(row.upfront, c)}${upfrontCash}`,
        v: money(step.start),
      },
      palette.amount,
    );
    const start = ref(row.start, c);
    const end = ref(row.cumulativeNet, c);
    const planYear = fixedRow(row.planYear, c);
    const before = y === 1 ? '0' : ref(row.lastBelowZero, previous);
    sheet.set(
      row.lastBelowZero,
      c,
      {
        f: `IF(${end}<-${tolerance},${planYear},IF(${start}<-${tolerance},(${planYear}-1)+MIN(1,-${start}/(${end}-${start})),${before}))`,
        v: step.lastBelowZero,
      },
      palette.years,
    );
  }

  // Results.
  const r = row;
  const totals = result.totals;
  const b = (rowNumber: number) => ref(rowNumber, COL.total);
  const never = text('figures.never');
  const notApplicable = text('figures.notApplicable');
  const structureTotal = onSheet(layout.structure.sheet, absolute(layout.structure.firstRow, STRUCTURE_COL.amount));
  const firstNode = r.firstNode;
  const lastNode = r.firstNode + tree.order.length - 1;
  sheet.set(r.resultsLabel, 1, text('scenario.results'), palette.section);
  // Benefit = saving + margin gain: what the profit ratios divide; the net adds one-off cash.
  const benefitTotal = revenue ? `(${b(r.totalSaving)}+${b(revenue.totalMarginGain)})` : b(r.totalSaving);
  const netTotal = revenue
    ? `${b(r.totalSaving)}+${b(revenue.totalMarginGain)}+${b(revenue.totalOneOff)}-${b(r.totalInvestment)}`
    : `${b(r.totalSaving)}-${b(r.totalInvestment)}`;
  const profitTotal = revenue ? `(${benefitTotal}-${b(r.totalInvestment)})` : b(r.totalNet);
  const rows: [number, string, string, number | string, number][] = [
    [
      r.baseSaving,
      label(context, text('summary.rows.baseSaving')),
      `SUM(${ref(firstNode, COL.lineSaving)}:${ref(lastNode, COL.lineSaving)})`,
      money(result.baseSaving),
      palette.amount,
    ],
    [
      r.affectedShare,
      text('summary.rows.affectedShare'),
      `IF(${structureTotal}>0,${b(r.baseSaving)}/${structureTotal},0)`,
      result.affectedShare,
      palette.percentFine,
    ],
    [r.totalSaving, label(context, text('summary.rows.saving')), b(r.saving), money(totals.saving), palette.amount],
    [r.totalInvestment, label(context, text('summary.rows.investment')), b(r.investment), money(totals.investment), palette.amount],
    [r.totalNet, label(context, text('summary.rows.net')), netTotal, money(totals.net), palette.amount],
    [
      r.returnOnInvestment,
      text('summary.rows.returnOnInvestment'),
      `IFERROR(IF(${b(r.totalInvestment)}>0,${benefitTotal}/${b(r.totalInvestment)},${literal(notApplicable)}),${literal(notApplicable)})`,
      totals.returnOnInvestment ?? notApplicable,
      palette.ratio,
    ],
    [
      r.netRoi,
      text('summary.rows.netRoi'),
      `IFERROR(IF(${b(r.totalInvestment)}>0,${profitTotal}/${b(r.totalInvestment)},${literal(notApplicable)}),${literal(notApplicable)})`,
      totals.netRoi ?? notApplicable,
      palette.ratio,
    ],
    [r.npv, label(context, text('summary.rows.npv')), `NPV(${at.names.discountRate},${rowRange(r.net, first, last)})`, money(totals.npv), palette.amount],
    [
      r.paybackYears,
      text('summary.rows.paybackYears'),
      `IF(${ref(r.cumulativeNet, last)}<-${tolerance},${literal(never)},${ref(r.lastBelowZero, last)})`,
      totals.paybackYears ?? never,
      palette.years,
    ],
    [
      r.paybackMonths,
      text('summary.rows.paybackMonths'),
      `IF(ISNUMBER(${b(r.paybackYears)}),${b(r.paybackYears)}*12,${b(r.paybackYears)})`,
      totals.paybackYears === null ? never : totals.paybackYears * 12,
      palette.months,
    ],
  ];
  for (const [rowNumber, caption, formula, value, style] of rows) {
    sheet.set(rowNumber, 1, caption, palette.section);
    sheet.set(rowNumber, COL.total, { f: formula, v: value }, style);
  }

  // The cost lines: levers (inputs; an empty one counts as 0), cost factor, saving.
  sheet.set(r.linesHeader, 1, text('scenario.lines'), palette.header);
  sheet.set(r.linesHeader, COL.unitCostChange, text('scenario.unitCostChange'), palette.headerRight);
  sheet.set(r.linesHeader, COL.throughputChange, text('scenario.throughputChange'), palette.headerRight);
  sheet.set(r.linesHeader, COL.volumeChange, text('scenario.volumeChange'), palette.headerRight);
  sheet.set(r.linesHeader, COL.costFactor, text('scenario.costFactor'), palette.headerRight);
  sheet.set(r.linesHeader, COL.lineSaving, label(context, text('scenario.lineSaving')), palette.headerRight);
  sheet.height(r.linesHeader, HEADER_HEIGHT);
  const levers = new Map(scenario.levers.map((lever) => [lever.nodeId, lever]));
  const structureRow = layout.structure.rowOfNode;
  for (let k = 0; k < tree.order.length; k++) {
    const i = tree.order[k]!;
    const nodeRow = firstNode + k;
    const p = tree.parent[i]!;
    const lever = levers.get(tree.ids[i]!);
    sheet.beginRow(nodeRow, tree.depth[i]);
    sheet.cell(1, tree.nodes[i]!.name, palette.name(tree.depth[i]!));
    sheet.cell(COL.unitCostChange, lever?.unitCostChange ?? null, palette.inputPercent);
    sheet.cell(COL.throughputChange, lever?.throughputChange ?? null, palette.inputPercent);
    sheet.cell(COL.volumeChange, lever?.volumeChange ?? null, palette.inputPercent);
    const parentFactor = p >= 0 ? ref(firstNode + (structureRow[p]! - layout.structure.firstRow), COL.costFactor) : null;
    sheet.cell(
      COL.costFactor,
      {
        f: costFactorFormula(parentFactor, ref(nodeRow, COL.unitCostChange), ref(nodeRow, COL.throughputChange), ref(nodeRow, COL.volumeChange)),
        v: result.costFactor[i]!,
      },
      palette.factor,
    );
    const own = onSheet(layout.structure.sheet, absolute(structureRow[i]!, STRUCTURE_COL.ownAmount));
    sheet.cell(COL.lineSaving, { f: `${own}*(1-${ref(nodeRow, COL.costFactor)})`, v: money(result.lineSaving[i]!) }, palette.amount);
    sheet.endRow();
  }
  if (revenue) writeRevenueBlock(context, sheet, scenario, result, at, revenue, context.results.revenue);
  return sheet;
}

/** Ranges and drop-downs for every input of the sheet, with input messages in the workbook's language. */
function scenarioValidations(context: SheetContext, scenario: Scenario, at: ScenarioLayout): DataValidation[] {
  const { text, client, unitFactor, tree } = context;
  const { row, col } = at;
  const prompt = (body: string) => ({ title: client('input.title'), text: body });
  const error = { title: client('input.title'), text: client('input.bad') };
  const years = `${ref(row.ramp, col.year(1))}:${ref(row.ramp, col.lastYear)}`;
  const maxAmount = String(LIMITS.maxAmount / unitFactor);
  const between = (sqref: string, low: number | string, high: number | string, body: string): DataValidation => ({
    sqref,
    type: 'decimal',
    operator: 'between',
    formula1: String(low),
    formula2: String(high),
    prompt: prompt(body),
    error,
  });
  const rules: DataValidation[] = [
    {
      sqref: ref(TITLE_ROW, 1),
      type: 'custom',
      formula1: `AND(LEN(TRIM(A${TITLE_ROW}))>0,LEN(A${TITLE_ROW})<=${LIMITS.nameMaxLength})`,
      prompt: prompt(client('input.name')),
      error,
    },
    between(`${ref(row.volumeGrowth, COL.total)} ${ref(row.discountRate, COL.total)}`, LIMITS.minRate, LIMITS.maxRate, client('input.rate')),
    between(years, 0, 1, client('input.ramp')),
  ];
  const lines = scenario.investments.length;
  if (lines > 0) {
    const first = row.line(0);
    const last = row.line(lines - 1);
    rules.push({ sqref: `${ref(first, 1)}:${ref(last, 1)}`, type: 'custom', formula1: `LEN(TRIM(A${first}))>0`, prompt: prompt(client('input.name')), error });
    rules.push({
      sqref: `${ref(first, col.timing)}:${ref(last, col.timing)}`,
      type: 'list',
      formula1: `"${text('words.timing.upfront')},${text('words.timing.spread')}"`,
      prompt: prompt(client('input.timing', { upfront: text('words.timing.upfront'), spread: text('words.timing.spread') })),
      error,
    });
    rules.push({
      sqref: `${ref(first, col.category)}:${ref(last, col.category)}`,
      type: 'list',
      formula1: `"${categoryWords(text).join(',')}"`,
      prompt: prompt(client('input.category')),
      error,
    });
    const perYear: string[] = [];
    const shares: string[] = [];
    const yearly: string[] = [];
    scenario.investments.forEach((line, k) => {
      if (line.amount.kind === 'perYear') perYear.push(ref(row.line(k), col.parameter));
      else if (line.amount.kind === 'shareOfSaving') shares.push(ref(row.line(k), col.parameter));
      else yearly.push(`${ref(row.line(k), col.year(1))}:${ref(row.line(k), col.lastYear)}`);
    });
    if (perYear.length > 0) rules.push(between(perYear.join(' '), 0, maxAmount, client('input.perYear')));
    if (shares.length > 0) rules.push(between(shares.join(' '), 0, 1, client('input.share')));
    if (yearly.length > 0) rules.push(between(yearly.join(' '), 0, maxAmount, client('input.yearly')));
  }
  const firstNode = row.firstNode;
  const lastNode = row.firstNode + tree.order.length - 1;
  const lever = (c: number) => `${columnName(c)}${firstNode}:${columnName(c)}${lastNode}`;
  rules.push(between(lever(COL.unitCostChange), -1, LIMITS.maxCostIncrease, client('input.unitCost')));
  rules.push(between(lever(COL.throughputChange), LIMITS.minRate, LIMITS.maxThroughputIncrease, client('input.throughput')));
  rules.push(between(lever(COL.volumeChange), -1, LIMITS.maxCostIncrease, client('input.volume')));
  return rules;
}
