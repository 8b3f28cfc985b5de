import type { ScenarioResult } from '../../../shared/engine/compute';
import { absolute, onSheet, ref } from '../formulas';
import { HEADER_ROW, LEGEND_ROW, SCENARIO_COL, TITLE_ROW, type ScenarioLayout } from '../layout';
import { HEADER_HEIGHT } from '../styles';
import type { SheetWriter } from '../xlsx-writer';
import { checksFlag } from './checks';
import { label, printSetup, type SheetContext } from './context';

/**
 * Every scenario side by side, each figure a formula referring to its scenario sheet; then the
 * differences of each scenario to the baseline (the first exported scenario); then the
 * figures year by year. The input-check flag sits above the figures.
 *
 * Figures are one table (`summaryFigures`): a new figure is one more row there.
 */
export interface SummaryFigure {
  caption: string;
  /** The cell of the figure on a scenario sheet. */
  cell: (at: ScenarioLayout) => string;
  /** The value the engine holds (the cached result). */
  value: (s: number) => number | string;
  style: number;
  /** Whether a difference to the baseline makes sense (not for text results). */
  difference: boolean;
}

export interface YearFigure {
  caption: string;
  row: (at: ScenarioLayout) => number;
  value: (year: ScenarioResult['years'][number]) => number;
}

export function summaryFigures(context: SheetContext): SummaryFigure[] {
  const { palette, text, results, scenarios, unitFactor } = context;
  const never = text('figures.never');
  const notApplicable = text('figures.notApplicable');
  const money = (value: number) => value / unitFactor;
  const total = (r: (at: ScenarioLayout) => number) => (at: ScenarioLayout) => onSheet(at.sheet, absolute(r(at), SCENARIO_COL.total));
  const totals = (s: number) => results.scenarios[s]!.totals;
  return [
    {
      caption: text('summary.rows.horizon'),
      cell: (at) => onSheet(at.sheet, absolute(at.row.planYear, at.col.lastYear)),
      value: (s) => scenarios[s]!.horizonYears,
      style: palette.integer,
      difference: true,
    },
    {
      caption: text('summary.rows.volumeGrowth'),
      cell: total((at) => at.row.volumeGrowth),
      value: (s) => scenarios[s]!.volumeGrowth,
      style: palette.percent,
      difference: true,
    },
    {
      caption: text('summary.rows.discountRate'),
      cell: total((at) => at.row.discountRate),
      value: (s) => scenarios[s]!.discountRate,
      style: palette.percent,
      difference: true,
    },
    {
      caption: label(context, text('summary.rows.baseSaving')),
      cell: total((at) => at.row.baseSaving),
      value: (s) => money(results.scenarios[s]!.baseSaving),
      style: palette.amount,
      difference: true,
    },
    {
      caption: text('summary.rows.affectedShare'),
      cell: total((at) => at.row.affectedShare),
      value: (s) => results.scenarios[s]!.affectedShare,
      style: palette.percentFine,
      difference: true,
    },
    {
      caption: label(context, text('summary.rows.saving')),
      cell: total((at) => at.row.totalSaving),
      value: (s) => money(totals(s).saving),
      style: palette.amount,
      difference: true,
    },
    {
      caption: label(context, text('summary.rows.investment')),
      cell: total((at) => at.row.totalInvestment),
      value: (s) => money(totals(s).investment),
      style: palette.amount,
      difference: true,
    },
    {
      caption: label(context, text('summary.rows.net')),
      cell: total((at) => at.row.totalNet),
      value: (s) => money(totals(s).net),
      style: palette.amount,
      difference: true,
    },
    {
      caption: text('summary.rows.returnOnInvestment'),
      cell: total((at) => at.row.returnOnInvestment),
      value: (s) => totals(s).returnOnInvestment ?? notApplicable,
      style: palette.ratio,
      difference: true,
    },
    {
      caption: text('summary.rows.netRoi'),
      cell: total((at) => at.row.netRoi),
      value: (s) => totals(s).netRoi ?? notApplicable,
      style: palette.ratio,
      difference: true,
    },
    {
      caption: label(context, text('summary.rows.npv')),
      cell: total((at) => at.row.npv),
      value: (s) => money(totals(s).npv),
      style: palette.amount,
      difference: true,
    },
    {
      caption: text('summary.rows.paybackYears'),
      cell: total((at) => at.row.paybackYears),
      value: (s) => totals(s).paybackYears ?? never,
      style: palette.years,
      difference: true,
    },
    {
      caption: text('summary.rows.paybackMonths'),
      cell: total((at) => at.row.paybackMonths),
      value: (s) => {
        const years = totals(s).paybackYears;
        return years === null ? never : years * 12;
      },
      style: palette.months,
      difference: true,
    },
  ];
}

export function yearFigures(context: SheetContext): YearFigure[] {
  const { text } = context;
  const strip = (caption: string) => caption.replace(/\s*[（(][^()（）]*\{unit\}[^()（）]*[)）]\s*$/u, '');
  return [
    { caption: strip(text('scenario.saving')), row: (at) => at.row.saving, value: (year) => year.saving },
    { caption: strip(text('scenario.investment')), row: (at) => at.row.investment, value: (year) => year.investment },
    { caption: strip(text('scenario.net')), row: (at) => at.row.net, value: (year) => year.net },
    { caption: strip(text('scenario.cumulativeNet')), row: (at) => at.row.cumulativeNet, value: (year) => year.cumulativeNet },
  ];
}

const FLAG_ROW = HEADER_ROW + 1;
const FIRST_FIGURE = FLAG_ROW + 1;

export function summarySheet(context: SheetContext): SheetWriter {
  const { model, layout, palette, text, client, results, scenarios, unitFactor } = context;
  const figures = summaryFigures(context);
  const count = scenarios.length;
  // Scenario columns from B, then one difference column per scenario but the baseline.
  const differenceCol = (s: number) => count + 2 + s;
  const horizon = Math.max(1, ...scenarios.map((scenario) => scenario.horizonYears));
  const columns = Math.max(count + (count > 1 ? count : 1), 1 + horizon);
  const widths = Array.from({ length: columns }, (_, i) => (i === 0 ? 40 : 18));
  const sheet = context.writer.sheet(layout.summarySheet, {
    freeze: { rows: HEADER_ROW, columns: 1 },
    widths,
    print: printSetup(context, [HEADER_ROW, HEADER_ROW], widths.reduce((a, b) => a + b, 0) <= 220),
    protect: true,
    alerts: [{ sqref: `B${FLAG_ROW}`, formula: `LEFT($B$${FLAG_ROW},1)="✗"` }],
  });
  sheet.set(TITLE_ROW, 1, text('summary.title', { model: model.name }), palette.title);
  sheet.set(LEGEND_ROW, 1, text('summary.seeDefinitions'), palette.legendFormula);
  sheet.set(LEGEND_ROW, 2, text('legend.unit', { amountUnit: context.unit }), palette.legendFormula);
  sheet.set(HEADER_ROW, 1, text('summary.figure'), palette.header);
  sheet.height(HEADER_ROW, HEADER_HEIGHT);
  sheet.set(FLAG_ROW, 1, client('summary.flagRow'), palette.section);
  sheet.set(FLAG_ROW, 2, checksFlag(context), palette.flagCell);

  figures.forEach((figure, k) => sheet.set(FIRST_FIGURE + k, 1, figure.caption, palette.section));
  layout.scenarios.forEach((at, s) => {
    const col = s + 2;
    sheet.set(HEADER_ROW, col, s === 0 && count > 1 ? client('summary.baseline', { name: scenarios[s]!.name }) : scenarios[s]!.name, palette.headerRight);
    figures.forEach((figure, k) => sheet.set(FIRST_FIGURE + k, col, { f: figure.cell(at), v: figure.value(s) }, figure.style));
    if (s === 0) return;
    // The difference to the baseline; a dash when either side is a text ("not within the horizon").
    const dc = differenceCol(s - 1);
    sheet.set(HEADER_ROW, dc, client('summary.difference', { name: scenarios[s]!.name }), palette.headerRight);
    figures.forEach((figure, k) => {
      if (!figure.difference) return;
      const row = FIRST_FIGURE + k;
      const mine = ref(row, col);
      const base = ref(row, 2);
      const a = figure.value(s);
      const b = figure.value(0);
      sheet.set(
        row,
        dc,
        { f: `IF(AND(ISNUMBER(${mine}),ISNUMBER(${base})),${mine}-${base},"–")`, v: typeof a === 'number' && typeof b === 'number' ? a - b : '–' },
        figure.style,
      );
    });
  });

  // Year by year: each scenario's yearly figures in rows, the plan years in columns.
  let row = FIRST_FIGURE + figures.length + 1;
  sheet.set(row, 1, label(context, client('summary.perYear')), palette.section);
  row++;
  sheet.set(row, 1, client('summary.perYearFigure'), palette.header);
  for (let y = 1; y <= horizon; y++) sheet.set(row, 1 + y, model.firstPlanYear + y - 1, palette.headerNumber);
  row++;
  const yearly = yearFigures(context);
  layout.scenarios.forEach((at, s) => {
    const result = results.scenarios[s]!;
    for (const figure of yearly) {
      sheet.set(row, 1, `${scenarios[s]!.name}: ${figure.caption}`, palette.text);
      for (let y = 1; y <= at.horizon; y++) {
        sheet.set(
          row,
          1 + y,
          { f: onSheet(at.sheet, absolute(figure.row(at), at.col.year(y))), v: figure.value(result.years[y - 1]!) / unitFactor },
          palette.amount,
        );
      }
      row++;
    }
  });
  return sheet;
}
