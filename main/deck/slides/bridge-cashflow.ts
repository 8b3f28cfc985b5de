import type PptxGenJS from 'pptxgenjs';
import { bridge } from '../../../shared/analysis/bridge';
import { revenueLeverKindName } from '../../../shared/i18n/figures';
import {
  money,
  number,
  paybackText,
  percent,
  shortLeverName,
  showsGain,
  showsOneOff,
  signedMoney,
  signedPercent,
  withUnit,
  type DeckContext,
} from '../context';
import { tint } from '../style';
import { cutToLines } from '../fit';
import { addFittedText, AMOUNT_FORMAT, BAD, chartBase, CONTENT, contentSlide, GOOD, INK, MUTED, NEUTRAL } from '../layout';

/** Lever steps the waterfall shows one by one; the rest are one "other levers" step. */
export const MAX_BRIDGE_STEPS = 8;

export interface WaterfallColumn {
  label: string;
  kind: 'total' | 'step';
  /** For a step: the year-1 saving it brings (positive lowers the cost). For a total: the cost. */
  value: number;
  /** The invisible part below the visible bar. */
  base: number;
  down: number;
  up: number;
  total: number;
}

/**
 * Today's cost, one step per lever (its Shapley value of the year-1 saving, from the shared
 * bridge), the cost after the targets. A stacked column chart: an invisible base series
 * lifts each step to where the cost stands; savings and increases are their own series.
 */
export function waterfallColumns(context: DeckContext): WaterfallColumn[] {
  const { tree, headline, headlineResult: result, text } = context;
  const steps = bridge(headline, result)
    .steps.flatMap((step) => (step.kind === 'lever' ? [step] : []))
    .sort((a, b) => Math.abs(b.yearOneSaving) - Math.abs(a.yearOneSaving));
  const named = steps.slice(0, steps.length > MAX_BRIDGE_STEPS ? MAX_BRIDGE_STEPS - 1 : MAX_BRIDGE_STEPS).map((step) => {
    const node = tree.nodes[tree.indexById.get(step.nodeId)!];
    const nodeName = node?.name ?? step.nodeId;
    const kind = shortLeverName(context, node, step.lever, text(`levers.kinds.${step.lever}`));
    const change = signedPercent(context, step.change);
    return { label: `${cutToLines(nodeName, 14, 1)}${text('labelSeparator')}${kind} ${change}`, saving: step.yearOneSaving };
  });
  const rest = steps.slice(named.length);
  if (rest.length > 0) named.push({ label: text('levers.others', { levers: rest.length }), saving: rest.reduce((sum, step) => sum + step.yearOneSaving, 0) });
  if (showsGain(headline)) return benefitColumns(context, named);
  const today = tree.totalAmount;
  const columns: WaterfallColumn[] = [{ label: text('bridge.today'), kind: 'total', value: today, base: 0, down: 0, up: 0, total: today }];
  let running = today;
  for (const step of named) {
    const next = running - step.saving;
    columns.push({
      label: step.label,
      kind: 'step',
      value: step.saving,
      base: Math.min(running, next),
      down: Math.max(step.saving, 0),
      up: Math.max(-step.saving, 0),
      total: 0,
    });
    running = next;
  }
  const after = today - result.baseSaving;
  columns.push({ label: text('bridge.after'), kind: 'total', value: after, base: 0, down: 0, up: 0, total: after });
  return columns;
}

/**
 * With revenue levers the bridge is one of the year-1 benefit, built up from zero: the cost
 * levers' steps (as in the cost bridge), then the margin gain of each top-level revenue line
 * (the engine's subtree gain, its levers captioned), to the benefit (saving + margin gain).
 */
function benefitColumns(context: DeckContext, levers: readonly { label: string; saving: number }[]): WaterfallColumn[] {
  const { headline, headlineResult: result, text, language, revenue } = context;
  const byLine = new Map((headline.revenueLevers ?? []).map((lever) => [lever.lineId, lever]));
  const steps = [...levers];
  for (let k = 0; k < revenue.order.length; k++) {
    const i = revenue.order[k]!;
    if (revenue.parent[i]! >= 0) continue;
    const gain = result.subtreeMarginGain[i] ?? 0;
    if (gain === 0) continue;
    const line = revenue.lines[i]!;
    const lever = byLine.get(line.id);
    const kinds = (['volumeChange', 'priceChange'] as const).filter((kind) => lever?.[kind] !== undefined);
    const drivers = kinds
      .map((kind) => `${shortLeverName(context, line, kind, revenueLeverKindName(language, kind))} ${signedPercent(context, lever![kind]!)}`)
      .join(', ');
    steps.push({ label: `${cutToLines(line.name, 14, 1)}${drivers ? `${text('labelSeparator')}${drivers}` : ''}`, saving: gain });
  }
  const columns: WaterfallColumn[] = [];
  let running = 0;
  for (const step of steps) {
    const next = running + step.saving;
    columns.push({
      label: step.label,
      kind: 'step',
      value: step.saving,
      base: Math.min(running, next),
      down: Math.max(step.saving, 0),
      up: Math.max(-step.saving, 0),
      total: 0,
    });
    running = next;
  }
  // Close on the engine's figure, not the running sum.
  const benefit = result.baseSaving + result.baseMarginGain;
  columns.push({ label: text('revenue.bridge.end'), kind: 'total', value: benefit, base: 0, down: 0, up: 0, total: benefit });
  return columns;
}

/** Where the value axis starts: low enough to show the steps, a round number, never below zero. */
export function axisStart(columns: readonly WaterfallColumn[]): number {
  let low = Infinity;
  let high = -Infinity;
  for (const column of columns) {
    const bottom = column.kind === 'total' ? column.total : column.base;
    const top = column.kind === 'total' ? column.total : column.base + column.down + column.up;
    low = Math.min(low, bottom);
    high = Math.max(high, top);
  }
  const range = high - low;
  if (!(range > 0) || low <= 0 || range > high * 0.4) return 0;
  const start = low - range * 0.8;
  const step = 10 ** Math.floor(Math.log10(Math.max(range, 1e-12)));
  return Math.max(0, Math.floor(start / step) * step);
}

/** Slide 5: the savings bridge as a native stacked-column waterfall. */
export function bridgeSlide(context: DeckContext): void {
  const { pptx, text, headline, headlineResult: result, style } = context;
  const slide = contentSlide(context, text('slides.bridge'), text('scenarioLine', { name: headline.name, u: context.unitLabel }));
  const columns = waterfallColumns(context);
  const factor = context.unitFactor;
  const labels = columns.map((column) => column.label);
  const series = (name: string, pick: (column: WaterfallColumn) => number) => ({ name, labels, values: columns.map((column) => pick(column) / factor) });
  const minimum = axisStart(columns) / factor;
  const gain = showsGain(headline);
  slide.addChart(
    pptx.ChartType.bar,
    [
      series(text('bridge.base'), (c) => (c.kind === 'step' ? c.base : 0)),
      series(gain ? text('revenue.bridge.up') : text('bridge.down'), (c) => c.down),
      series(gain ? text('revenue.bridge.down') : text('bridge.up'), (c) => c.up),
      series(gain ? text('revenue.bridge.total') : text('bridge.total'), (c) => c.total),
    ],
    {
      ...chartBase(context),
      x: CONTENT.x,
      y: CONTENT.y,
      w: CONTENT.w,
      h: CONTENT.h - 0.75,
      barDir: 'col',
      barGrouping: 'stacked',
      barGapWidthPct: 50,
      chartColors: ['transparent', style.accent, BAD, '5B6770'],
      showValue: true,
      dataLabelFormatCode: AMOUNT_FORMAT,
      dataLabelPosition: 'ctr',
      valAxisLabelFormatCode: '#,##0',
      valAxisMinVal: minimum,
      valAxisTitle: context.unitLabel,
      showValAxisTitle: true,
      valAxisTitleFontSize: 10,
      valAxisTitleColor: MUTED,
      catAxisLabelFontSize: columns.length > 7 ? 8 : 10,
      showLegend: true,
      legendPos: 'b',
      altText: text('slides.bridge'),
    },
  );
  const full = bridge(headline, result);
  let levers = 0;
  let growth = 0;
  for (const step of full.steps) {
    if (step.kind === 'lever') levers += step.saving;
    else growth += step.saving;
  }
  const horizon = text('bridge.horizon', {
    levers: money(context, levers),
    growth: money(context, growth),
    total: money(context, full.saving),
    u: context.unitLabel,
  });
  const note = gain
    ? `${text('revenue.bridge.axisNote')} ${text('revenue.bridge.horizon', { saving: money(context, result.totals.saving), gain: money(context, result.totals.marginGain), benefit: money(context, result.totals.benefit), u: context.unitLabel })}`
    : `${minimum > 0 ? text('bridge.axisNote') : ''} ${horizon}`.trim();
  addFittedText(context, slide, note, { x: CONTENT.x, y: CONTENT.y + CONTENT.h - 0.7, w: CONTENT.w, h: 0.65 }, { max: 12, min: 8, color: MUTED });

  const m = (value: number) => money(context, value, 4);
  const lines = [text('notes.unit', { u: context.unitLabel })];
  if (gain) {
    let running = 0;
    for (const column of columns.slice(0, -1)) {
      running += column.value;
      lines.push(`${column.label}: ${signedMoney(context, column.value, 4)} → ${m(running)}`);
    }
    lines.push(`${text('revenue.bridge.end')}: ${m(result.baseSaving)} + ${m(result.baseMarginGain)} = ${m(result.baseSaving + result.baseMarginGain)}`);
  } else {
    lines.push(`${text('bridge.today')}: ${m(context.tree.totalAmount)}`);
    let running = context.tree.totalAmount;
    for (const column of columns.slice(1, -1)) {
      running -= column.value;
      lines.push(`${column.label}: −${m(column.value)} → ${m(running)}`);
    }
    lines.push(`${text('bridge.after')}: ${m(context.tree.totalAmount)} − ${m(result.baseSaving)} = ${m(context.tree.totalAmount - result.baseSaving)}`);
  }
  lines.push(text('notes.bridgeArithmetic', { ramps: number(context, full.rampYears, 4), levers: m(levers), growth: m(growth), total: m(full.saving) }));
  if (gain) lines.push(text('notes.bridgeBenefit', { saving: m(result.totals.saving), gain: m(result.totals.marginGain), benefit: m(result.totals.benefit) }));
  slide.addNotes(lines.join('\n'));
}

/** Category labels of the yearly charts; the payback year carries a mark. */
export function yearLabels(context: DeckContext): string[] {
  const { headlineResult: result, text } = context;
  const payback = result.totals.paybackYears;
  const paybackYear = payback === null ? null : Math.max(1, Math.ceil(payback - 1e-12));
  return result.years.map((year) => {
    const label = result.years.length > 6 ? String(year.calendarYear) : text('cashflow.year', { n: year.year, calendar: year.calendarYear });
    return year.year === paybackYear ? `${label} ▲ ${text('cashflow.paybackMark')}` : label;
  });
}

/** Slide 6: saving and investment by year (columns) with the cumulative net (line), payback marked. */
export function cashflowSlide(context: DeckContext): void {
  const { pptx, text, headline, headlineResult: result, style } = context;
  const slide = contentSlide(context, text('slides.cashflow'), text('scenarioLine', { name: headline.name, u: context.unitLabel }));
  const labels = yearLabels(context);
  const values = (pick: (year: (typeof result.years)[number]) => number) => result.years.map((year) => pick(year) / context.unitFactor);
  // Margin gain and one-off cash are their own series when the scenario has them; the line is the cumulative net of all of it.
  const gain = showsGain(headline);
  const oneOff = showsOneOff(headline);
  const f = context.figures;
  const bars: { name: string; pick: (year: (typeof result.years)[number]) => number; color: string }[] = [
    { name: text('cashflow.saving'), pick: (year) => year.saving, color: style.accent },
    ...(gain ? [{ name: f.marginGain.label, pick: (year: (typeof result.years)[number]) => year.marginGain, color: tint(style.accent, 0.45) }] : []),
    ...(oneOff ? [{ name: f.oneOff.label, pick: (year: (typeof result.years)[number]) => year.oneOff, color: GOOD }] : []),
    { name: text('cashflow.investment'), pick: (year) => year.investment, color: NEUTRAL },
  ];
  const types: PptxGenJS.IChartMulti[] = [
    {
      type: pptx.ChartType.bar,
      data: bars.map((bar) => ({ name: bar.name, labels, values: values(bar.pick) })),
      options: {
        barDir: 'col',
        barGrouping: 'clustered',
        barGapWidthPct: 60,
        chartColors: bars.map((bar) => bar.color),
        showValue: true,
        dataLabelFormatCode: AMOUNT_FORMAT,
        dataLabelPosition: 'outEnd',
      },
    },
    {
      type: pptx.ChartType.line,
      data: [{ name: text('cashflow.cumulativeNet'), labels, values: values((year) => year.cumulativeNet) }],
      options: {
        chartColors: [INK],
        lineSize: 2,
        lineDataSymbol: 'circle',
        lineDataSymbolSize: 7,
        showValue: true,
        dataLabelFormatCode: '#,##0.0',
        dataLabelPosition: 't',
      },
    },
  ];
  // Multi-type charts take their options in the data argument's place when it is empty (pptxgenjs' addChartDefinition).
  slide.addChart(types, null as unknown as [], {
    ...chartBase(context),
    x: CONTENT.x,
    y: CONTENT.y + 0.55,
    w: CONTENT.w,
    h: CONTENT.h - 0.6,
    valAxisLabelFormatCode: '#,##0',
    valAxisTitle: context.unitLabel,
    showValAxisTitle: true,
    valAxisTitleFontSize: 10,
    valAxisTitleColor: MUTED,
    showLegend: true,
    legendPos: 'b',
    catAxisLabelFontSize: labels.length > 8 ? 8 : 10,
    altText: text('slides.cashflow'),
  });
  const payback = result.totals.paybackYears;
  const headlineText =
    payback === null
      ? text('cashflow.noPayback')
      : `${text('cashflow.payback', { value: paybackText(context, payback) })} (${number(context, payback, 2)} ${text('notes.yearsUnit')}) ▲`;
  addFittedText(
    context,
    slide,
    headlineText,
    { x: CONTENT.x, y: CONTENT.y, w: CONTENT.w, h: 0.45 },
    { max: 16, min: 10, bold: true, color: style.accent, valign: 'middle' },
  );
  const m = (value: number) => money(context, value, 4);
  const lines = [text('notes.unit', { u: context.unitLabel })];
  for (const year of result.years) {
    if (gain || oneOff) {
      lines.push(
        text('notes.cashflowYearRevenue', {
          n: year.year,
          calendar: year.calendarYear,
          saving: m(year.saving),
          gain: m(year.marginGain),
          oneOff: m(year.oneOff),
          upfrontOneOff: m(year.upfrontOneOff),
          spreadOneOff: m(year.spreadOneOff),
          investment: m(year.investment),
          upfront: m(year.upfrontInvestment),
          spread: m(year.spreadInvestment),
          net: m(year.net),
          cumulative: m(year.cumulativeNet),
        }),
      );
      continue;
    }
    lines.push(
      text('notes.cashflowYear', {
        n: year.year,
        calendar: year.calendarYear,
        saving: m(year.saving),
        investment: m(year.investment),
        upfront: m(year.upfrontInvestment),
        spread: m(year.spreadInvestment),
        net: m(year.net),
        cumulative: m(year.cumulativeNet),
      }),
    );
  }
  lines.push(
    `${context.figures.paybackYears.label}: ${payback === null ? text('never') : `${number(context, payback, 5)} = ${paybackText(context, payback)}`}. ${context.figures.paybackYears.definition}`,
  );
  lines.push(`${withUnit(context, context.figures.saving.label)}: ${m(result.totals.saving)}; ${percent(context, result.affectedShare, 3)}`);
  if (gain)
    lines.push(`${withUnit(context, f.marginGain.label)}: ${m(result.totals.marginGain)}; ${withUnit(context, f.benefit.label)}: ${m(result.totals.benefit)}`);
  if (oneOff) lines.push(`${withUnit(context, f.oneOff.label)}: ${m(result.totals.oneOff)}`);
  slide.addNotes(lines.join('\n'));
}
