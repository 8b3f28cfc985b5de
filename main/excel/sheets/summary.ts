import { absolute, onSheet } from '../formulas';
import { HEADER_ROW, LEGEND_ROW, SCENARIO_COL, TITLE_ROW, type ScenarioLayout } from '../layout';
import { HEADER_HEIGHT } from '../styles';
import type { SheetWriter } from '../xlsx-writer';
import { label, type SheetContext } from './context';

/** Every scenario side by side; each figure is a formula referring to its scenario sheet. */
export function summarySheet(context: SheetContext): SheetWriter {
  const { model, layout, palette, text, results, scenarios, unitFactor } = context;
  const rows = text.summary.rows;
  const sheet = context.writer.sheet(layout.summarySheet, {
    freeze: { rows: HEADER_ROW, columns: 1 },
    widths: [40, ...scenarios.map(() => 20)],
    print: { titleRows: [HEADER_ROW, HEADER_ROW] },
    selected: true,
  });
  sheet.set(TITLE_ROW, 1, text.summary.title(model.name), palette.title);
  sheet.set(LEGEND_ROW, 1, text.summary.seeDefinitions, palette.legendFormula);
  sheet.set(LEGEND_ROW, 2, text.legend.unit(context.unit), palette.legendFormula);
  sheet.set(HEADER_ROW, 1, text.summary.figure, palette.header);
  sheet.height(HEADER_ROW, HEADER_HEIGHT);
  const never = text.figures.never;
  const notApplicable = text.figures.notApplicable;

  type Row = [caption: string, pick: (at: ScenarioLayout) => string, value: (s: number) => number | string, style: number];
  const money = (value: number) => value / unitFactor;
  const valueCell = (r: (at: ScenarioLayout) => number) => (at: ScenarioLayout) => onSheet(at.sheet, absolute(r(at), SCENARIO_COL.total));
  const figures: Row[] = [
    [rows.horizon, (at) => onSheet(at.sheet, absolute(at.row.planYear, at.col.lastYear)), (s) => scenarios[s]!.horizonYears, palette.integer],
    [rows.volumeGrowth, valueCell((at) => at.row.volumeGrowth), (s) => scenarios[s]!.volumeGrowth, palette.percent],
    [rows.discountRate, valueCell((at) => at.row.discountRate), (s) => scenarios[s]!.discountRate, palette.percent],
    [label(context, rows.baseSaving), valueCell((at) => at.row.baseSaving), (s) => money(results.scenarios[s]!.baseSaving), palette.amount],
    [rows.affectedShare, valueCell((at) => at.row.affectedShare), (s) => results.scenarios[s]!.affectedShare, palette.percentFine],
    [label(context, rows.saving), valueCell((at) => at.row.totalSaving), (s) => money(results.scenarios[s]!.totals.saving), palette.amount],
    [label(context, rows.investment), valueCell((at) => at.row.totalInvestment), (s) => money(results.scenarios[s]!.totals.investment), palette.amount],
    [label(context, rows.net), valueCell((at) => at.row.totalNet), (s) => money(results.scenarios[s]!.totals.net), palette.amount],
    [rows.returnOnInvestment, valueCell((at) => at.row.returnOnInvestment), (s) => results.scenarios[s]!.totals.returnOnInvestment ?? notApplicable, palette.ratio],
    [rows.netRoi, valueCell((at) => at.row.netRoi), (s) => results.scenarios[s]!.totals.netRoi ?? notApplicable, palette.ratio],
    [label(context, rows.npv), valueCell((at) => at.row.npv), (s) => money(results.scenarios[s]!.totals.npv), palette.amount],
    [rows.paybackYears, valueCell((at) => at.row.paybackYears), (s) => results.scenarios[s]!.totals.paybackYears ?? never, palette.years],
    [
      rows.paybackMonths,
      valueCell((at) => at.row.paybackMonths),
      (s) => {
        const years = results.scenarios[s]!.totals.paybackYears;
        return years === null ? never : years * 12;
      },
      palette.months,
    ],
  ];
  layout.scenarios.forEach((at, s) => {
    const col = s + 2;
    sheet.set(HEADER_ROW, col, scenarios[s]!.name, palette.header);
    figures.forEach(([, pick, value, style], k) => sheet.set(HEADER_ROW + 1 + k, col, { f: pick(at), v: value(s) }, style));
  });
  figures.forEach(([caption], k) => sheet.set(HEADER_ROW + 1 + k, 1, caption, palette.section));
  return sheet;
}
