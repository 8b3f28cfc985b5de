import { FIGURES } from '../../../shared/i18n/figures';
import { money, percent, showsGain, showsOneOff, withUnit, type DeckContext } from '../context';
import { addFittedText, addPagedTable, CONTENT, contentSlide, continuedSlide, MUTED, type Cell } from '../layout';
import { tint } from '../style';

/** Slide 10: growth, ramp, discount rate, the timing conventions, the definition of every figure; then the yearly figures. */
export function assumptionsSlide(context: DeckContext): void {
  const { text, headline, style, figures } = context;
  const title = text('slides.assumptions');
  const subtitle = text('scenarioLine', { name: headline.name, u: context.unitLabel });
  const slide = contentSlide(context, title, subtitle);
  const ramp =
    headline.ramp && headline.ramp.length > 0
      ? Array.from({ length: headline.horizonYears }, (_, k) => percent(context, headline.ramp?.[k] ?? 1, 0)).join(' / ')
      : text('assumptions.rampDefault');
  const leftW = 4.6;
  const facts: Cell[][] = [
    [{ text: text('assumptions.horizon') }, { text: text('years', { y: String(headline.horizonYears) }), align: 'right' }],
    [{ text: text('assumptions.firstYear') }, { text: String(context.model.firstPlanYear), align: 'right' }],
    [{ text: text('assumptions.growth') }, { text: percent(context, headline.volumeGrowth), align: 'right' }],
    [{ text: text('assumptions.discount') }, { text: percent(context, headline.discountRate), align: 'right' }],
    [{ text: text('assumptions.ramp') }, { text: ramp, align: 'right' }],
  ];
  addPagedTable(
    context,
    { slide, x: CONTENT.x, y: CONTENT.y + 0.05, bottom: CONTENT.y + 2.6 },
    {
      header: [{ text: text('assumptions.assumption') }, { text: text('assumptions.value'), align: 'right' }],
      rows: facts,
      colW: [2.6, leftW - 2.6],
      fontSize: 11,
    },
    () => ({ slide: continuedSlide(context, title, subtitle), y: CONTENT.y + 0.05 }),
  );
  addFittedText(
    context,
    slide,
    text('assumptions.timing'),
    { x: CONTENT.x, y: CONTENT.y + 2.7, w: leftW, h: 0.35 },
    { max: 13, min: 9, bold: true, color: style.accent },
  );
  addFittedText(
    context,
    slide,
    text('assumptions.timingText'),
    { x: CONTENT.x, y: CONTENT.y + 3.05, w: leftW, h: CONTENT.h - 3.1 },
    { max: 12, min: 8, color: MUTED },
  );
  const rightX = CONTENT.x + leftW + 0.3;
  const rightW = CONTENT.w - leftW - 0.3;
  const definitions: Cell[][] = FIGURES.map((figure) => [{ text: figures[figure].label, bold: true }, { text: figures[figure].definition }]);
  addPagedTable(
    context,
    { slide, x: rightX, y: CONTENT.y + 0.05, bottom: CONTENT.y + CONTENT.h },
    { header: [{ text: text('assumptions.definitions') }, { text: '' }], rows: definitions, colW: [1.8, rightW - 1.8], fontSize: 9, maxLines: 4 },
    () => ({ slide: continuedSlide(context, title, subtitle), y: CONTENT.y + 0.05 }),
  );
  slide.addNotes([...FIGURES.map((figure) => `${figures[figure].label}: ${figures[figure].definition}`), text('assumptions.timingText')].join('\n'));
  appendixSlide(context, tint(style.accent, 0.9));
}

/** The appendix: the year-by-year figures of the headline scenario, with each year's discounted net. */
function appendixSlide(context: DeckContext, totalFill: string): void {
  const { text, headline, headlineResult: result } = context;
  const title = text('slides.appendix');
  const subtitle = text('scenarioLine', { name: headline.name, u: context.unitLabel });
  const slide = contentSlide(context, title, subtitle);
  const rate = 1 + headline.discountRate;
  // Margin gain and one-off cash are their own columns when the scenario has them.
  const gain = showsGain(headline);
  const oneOff = showsOneOff(headline);
  const extraCells = (source: { marginGain: number; oneOff: number }): Cell[] => [
    ...(gain ? [{ text: money(context, source.marginGain, 2), align: 'right' as const }] : []),
    ...(oneOff ? [{ text: money(context, source.oneOff, 2), align: 'right' as const }] : []),
  ];
  const rows: Cell[][] = result.years.map((year) => [
    { text: String(year.year) },
    { text: String(year.calendarYear) },
    { text: money(context, year.saving, 2), align: 'right' },
    ...extraCells(year),
    { text: money(context, year.investment, 2), align: 'right' },
    { text: money(context, year.net, 2), align: 'right' },
    { text: money(context, year.cumulativeNet, 2), align: 'right' },
    { text: money(context, year.net / rate ** year.year, 2), align: 'right' },
  ]);
  const totals = result.totals;
  rows.push([
    { text: text('levers.total'), bold: true, fill: totalFill },
    { text: '', fill: totalFill },
    { text: money(context, totals.saving, 2), align: 'right', bold: true, fill: totalFill },
    ...extraCells(totals).map((cell) => ({ ...cell, bold: true, fill: totalFill })),
    { text: money(context, totals.investment, 2), align: 'right', bold: true, fill: totalFill },
    { text: money(context, totals.net, 2), align: 'right', bold: true, fill: totalFill },
    { text: '', fill: totalFill },
    { text: money(context, totals.npv, 2), align: 'right', bold: true, fill: totalFill },
  ]);
  const header: Cell[] = [
    { text: text('appendix.year') },
    { text: text('appendix.calendarYear') },
    { text: withUnit(context, text('appendix.saving')), align: 'right' },
    ...(gain ? [{ text: withUnit(context, context.figures.marginGain.label), align: 'right' as const }] : []),
    ...(oneOff ? [{ text: withUnit(context, context.figures.oneOff.label), align: 'right' as const }] : []),
    { text: withUnit(context, text('appendix.investment')), align: 'right' },
    { text: withUnit(context, text('appendix.net')), align: 'right' },
    { text: withUnit(context, text('appendix.cumulativeNet')), align: 'right' },
    { text: withUnit(context, text('appendix.discounted')), align: 'right' },
  ];
  addPagedTable(
    context,
    { slide, x: CONTENT.x, y: CONTENT.y + 0.05, bottom: CONTENT.y + CONTENT.h },
    { header, rows, colW: appendixWidths(gain, oneOff), fontSize: 11 },
    () => ({ slide: continuedSlide(context, title, subtitle), y: CONTENT.y + 0.05 }),
  );
  const m = (value: number) => money(context, value, 4);
  const lines = [text('notes.unit', { u: context.unitLabel })];
  for (const year of result.years)
    lines.push(
      `${year.year} (${year.calendarYear}): ${m(year.saving)}${gain ? ` + ${m(year.marginGain)}` : ''}${oneOff ? ` + ${m(year.oneOff)}` : ''} − ${m(year.investment)} = ${m(year.net)}; ${m(year.net)} / ${rate}^${year.year} = ${m(year.net / rate ** year.year)}`,
    );
  lines.push(`NPV = ${m(totals.npv)}`);
  slide.addNotes(lines.join('\n'));
}

/** Column widths of the appendix table (12.13 in), with room for the margin gain and one-off columns. */
function appendixWidths(gain: boolean, oneOff: boolean): number[] {
  const extra = (gain ? 1 : 0) + (oneOff ? 1 : 0);
  if (extra === 0) return [0.9, 1.3, 2.0, 2.0, 1.95, 2.0, 1.98];
  const amount = (12.13 - 0.8 - 1.1) / (5 + extra);
  return [0.8, 1.1, ...Array.from({ length: 5 + extra }, () => Number(amount.toFixed(3)))];
}
