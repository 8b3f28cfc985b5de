import type { PreparedRevenue, ScenarioResult } from '../../../shared/engine';
import type { Scenario } from '../../../shared/model/schema';
import { absolute, fixedRow, ref, rowRange, text as literal } from '../formulas';
import type { RevenueBlockRows, ScenarioLayout } from '../layout';
import { SCENARIO_COL } from '../layout';
import type { SheetWriter } from '../xlsx-writer';
import { label, type SheetContext } from './context';

/** Columns of the revenue lines in the block (the year columns are the scenario sheet's). */
export const REVENUE_COL = { name: 1, revenue: 2, margin: 3, volume: 4, price: 5, volumeFactor: 6, priceFactor: 7, gain: 8 } as const;

/**
 * The block below the cost lines of a scenario with revenue levers or one-off items: each
 * revenue line with its margin and levers (inputs), the volume and price factors down the
 * lines (products of 1 + v and 1 + p), its gain R x (m x (V - 1) + (P - 1) x V), the margin
 * gain and benefit per year, and the one-off items in their plan years split by timing. The
 * scenario sheet's net, payback, NPV and ratios refer to these rows (sheets/scenario.ts).
 */
export function writeRevenueBlock(
  context: SheetContext,
  sheet: SheetWriter,
  scenario: Scenario,
  result: ScenarioResult,
  at: ScenarioLayout,
  rows: RevenueBlockRows,
  prepared: PreparedRevenue,
): void {
  const { palette, text, unitFactor } = context;
  const money = (value: number) => value / unitFactor;
  const { col, row } = at;
  const first = col.year(1);
  const last = col.lastYear;
  const years = Array.from({ length: at.horizon }, (_, y) => y + 1);

  sheet.set(rows.label, 1, text('revenue.block'), palette.section);
  const headers: [number, string][] = [
    [REVENUE_COL.name, text('revenue.line')],
    [REVENUE_COL.revenue, label(context, text('revenue.revenue'))],
    [REVENUE_COL.margin, text('revenue.margin')],
    [REVENUE_COL.volume, text('revenue.volume')],
    [REVENUE_COL.price, text('revenue.price')],
    [REVENUE_COL.volumeFactor, text('revenue.volumeFactor')],
    [REVENUE_COL.priceFactor, text('revenue.priceFactor')],
    [REVENUE_COL.gain, label(context, text('revenue.gain'))],
  ];
  for (const [c, caption] of headers) sheet.set(rows.linesHeader, c, caption, palette.header);

  const levers = new Map((scenario.revenueLevers ?? []).map((lever) => [lever.lineId, lever]));
  const rowOfLine = new Map<number, number>();
  for (let k = 0; k < prepared.order.length; k++) rowOfLine.set(prepared.order[k]!, rows.firstLine + k);
  for (let k = 0; k < prepared.order.length; k++) {
    const i = prepared.order[k]!;
    const r = rows.firstLine + k;
    const line = prepared.lines[i]!;
    const lever = levers.get(line.id);
    const p = prepared.parent[i]!;
    const parentRow = p >= 0 ? rowOfLine.get(p) : undefined;
    sheet.set(r, REVENUE_COL.name, line.name, palette.name(1));
    sheet.set(r, REVENUE_COL.revenue, money(prepared.unallocatedAmount[i]!), palette.amount);
    sheet.set(r, REVENUE_COL.margin, line.margin, palette.inputPercent);
    sheet.set(r, REVENUE_COL.volume, lever?.volumeChange ?? null, palette.inputPercent);
    sheet.set(r, REVENUE_COL.price, lever?.priceChange ?? null, palette.inputPercent);
    const above = (c: number) => (parentRow === undefined ? '' : `${ref(parentRow, c)}*`);
    const volume = volumeOf(prepared, levers, i);
    const price = priceOf(prepared, levers, i);
    sheet.set(r, REVENUE_COL.volumeFactor, { f: `${above(REVENUE_COL.volumeFactor)}(1+N(${ref(r, REVENUE_COL.volume)}))`, v: volume }, palette.factor);
    sheet.set(r, REVENUE_COL.priceFactor, { f: `${above(REVENUE_COL.priceFactor)}(1+N(${ref(r, REVENUE_COL.price)}))`, v: price }, palette.factor);
    const R = ref(r, REVENUE_COL.revenue);
    const V = ref(r, REVENUE_COL.volumeFactor);
    const P = ref(r, REVENUE_COL.priceFactor);
    sheet.set(
      r,
      REVENUE_COL.gain,
      { f: `${R}*(${ref(r, REVENUE_COL.margin)}*(${V}-1)+(${P}-1)*${V})`, v: money(result.lineMarginGain[i] ?? 0) },
      palette.amount,
    );
  }
  const lastLine = rows.firstLine + Math.max(0, rows.lineCount - 1);
  sheet.set(rows.baseMarginGain, 1, label(context, text('revenue.baseMarginGain')), palette.section);
  sheet.set(
    rows.baseMarginGain,
    SCENARIO_COL.total,
    { f: rows.lineCount === 0 ? '0' : `SUM(${ref(rows.firstLine, REVENUE_COL.gain)}:${ref(lastLine, REVENUE_COL.gain)})`, v: money(result.baseMarginGain) },
    palette.amount,
  );

  // Margin gain in year y = base margin gain x (1 + growth)^(y - 1) x ramp of year y, as savings.
  const total = (r: number, value: number) => sheet.set(r, SCENARIO_COL.total, { f: `SUM(${rowRange(r, first, last)})`, v: money(value) }, palette.amount);
  const sum = (pick: (year: ScenarioResult['years'][number]) => number) => result.years.reduce((acc, year) => acc + pick(year), 0);
  sheet.set(rows.marginGain, 1, label(context, text('revenue.marginGain')), palette.section);
  sheet.set(rows.benefit, 1, label(context, text('revenue.benefit')), palette.section);
  total(rows.marginGain, result.totals.marginGain);
  total(rows.benefit, result.totals.benefit);
  const base = absolute(rows.baseMarginGain, SCENARIO_COL.total);
  for (const y of years) {
    const c = col.year(y);
    const year = result.years[y - 1]!;
    sheet.set(
      rows.marginGain,
      c,
      { f: `${base}*(1+${at.names.volumeGrowth})^(${fixedRow(row.planYear, c)}-1)*${fixedRow(row.ramp, c)}`, v: money(year.marginGain) },
      palette.amount,
    );
    sheet.set(rows.benefit, c, { f: `${ref(row.saving, c)}+${ref(rows.marginGain, c)}`, v: money(year.benefit) }, palette.amount);
  }

  // One-off items: the amount in its plan year (an input), nothing in the others.
  sheet.set(rows.itemsHeader, 1, label(context, text('revenue.items')), palette.header);
  sheet.set(rows.itemsHeader, col.timing, text('scenario.timing'), palette.header);
  const items = scenario.oneOffs ?? [];
  items.forEach((item, k) => {
    const r = rows.firstItem + k;
    sheet.set(r, 1, item.name, palette.name(1));
    sheet.set(r, col.timing, text(`words.timing.${item.timing}`), palette.inputText);
    total(
      r,
      sum((year) => year.oneOffByItem[k] ?? 0),
    );
    for (const y of years) sheet.set(r, col.year(y), y === item.year ? money(item.amount) : 0, palette.inputAmount);
  });
  const timingRange = `${absolute(rows.firstItem, col.timing)}:${absolute(rows.firstItem + Math.max(0, items.length - 1), col.timing)}`;
  const byTiming = (c: number, word: string) =>
    items.length === 0 ? '0' : `SUMIF(${timingRange},${literal(word)},${ref(rows.firstItem, c)}:${ref(rows.firstItem + items.length - 1, c)})`;
  sheet.set(rows.oneOffUpfront, 1, label(context, text('revenue.upfront')), palette.text);
  sheet.set(rows.oneOffSpread, 1, label(context, text('revenue.spread')), palette.text);
  sheet.set(rows.oneOff, 1, label(context, text('revenue.oneOff')), palette.section);
  total(
    rows.oneOffUpfront,
    sum((year) => year.upfrontOneOff),
  );
  total(
    rows.oneOffSpread,
    sum((year) => year.spreadOneOff),
  );
  total(rows.oneOff, result.totals.oneOff);
  for (const y of years) {
    const c = col.year(y);
    const year = result.years[y - 1]!;
    sheet.set(rows.oneOffUpfront, c, { f: byTiming(c, text('words.timing.upfront')), v: money(year.upfrontOneOff) }, palette.amount);
    sheet.set(rows.oneOffSpread, c, { f: byTiming(c, text('words.timing.spread')), v: money(year.spreadOneOff) }, palette.amount);
    sheet.set(rows.oneOff, c, { f: `${ref(rows.oneOffUpfront, c)}+${ref(rows.oneOffSpread, c)}`, v: money(year.oneOff) }, palette.amount);
  }
  sheet.set(rows.totalMarginGain, 1, label(context, text('revenue.totalMarginGain')), palette.section);
  sheet.set(rows.totalMarginGain, SCENARIO_COL.total, { f: ref(rows.marginGain, SCENARIO_COL.total), v: money(result.totals.marginGain) }, palette.amount);
  sheet.set(rows.totalOneOff, 1, label(context, text('revenue.totalOneOff')), palette.section);
  sheet.set(rows.totalOneOff, SCENARIO_COL.total, { f: ref(rows.oneOff, SCENARIO_COL.total), v: money(result.totals.oneOff) }, palette.amount);
}

function volumeOf(prepared: PreparedRevenue, levers: Map<string, { volumeChange?: number | undefined }>, index: number): number {
  let factor = 1;
  for (let i = index; i >= 0; i = prepared.parent[i]!) factor *= 1 + (levers.get(prepared.ids[i]!)?.volumeChange ?? 0);
  return factor;
}

function priceOf(prepared: PreparedRevenue, levers: Map<string, { priceChange?: number | undefined }>, index: number): number {
  let factor = 1;
  for (let i = index; i >= 0; i = prepared.parent[i]!) factor *= 1 + (levers.get(prepared.ids[i]!)?.priceChange ?? 0);
  return factor;
}
