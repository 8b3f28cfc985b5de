import { workbookWords } from '../../../shared/workbook/words';
import type { Scenario } from '../../../shared/model/schema';
import { inUnit, money, paybackText, percent, ratioText, showsGain, showsOneOff, signedMoney, withUnit, type DeckContext } from '../context';
import { addFittedText, addPagedTable, AMOUNT_FORMAT, BAD, chartBase, CONTENT, contentSlide, continuedSlide, GOOD, MUTED, NEUTRAL, type Cell } from '../layout';
import { cutToLines } from '../fit';
import { tint } from '../style';

/** Year columns the budget table shows; a longer horizon folds the later years into one column. */
const MAX_YEAR_COLUMNS = 9;

/** Slide 7: the incentive budget: each line per year, the total, the saving it comes from and whether that saving funds it. */
export function budgetSlide(context: DeckContext): void {
  const { text, headline, headlineResult: result, style, language } = context;
  const book = workbookWords(language);
  const title = text('slides.budget');
  const subtitle = text('scenarioLine', { name: headline.name, u: context.unitLabel });
  const slide = contentSlide(context, title, subtitle);
  if (headline.investments.length === 0) {
    addFittedText(context, slide, text('budget.none'), { x: CONTENT.x, y: CONTENT.y + 0.2, w: CONTENT.w, h: 0.6 }, { max: 16, min: 10, color: MUTED });
    slide.addNotes(`${text('notes.unit', { u: context.unitLabel })}\n${text('budget.none')}`);
    return;
  }
  const years = result.years;
  // With revenue levers, share-of-saving lines take their share of the benefit (saving + margin gain): the rows below say so.
  const gain = showsGain(headline);
  const earned = (year: (typeof years)[number]) => (gain ? year.benefit : year.saving);
  const earnedTotal = gain ? result.totals.benefit : result.totals.saving;
  const folded = years.length > MAX_YEAR_COLUMNS + 1;
  const shownYears = folded ? years.slice(0, MAX_YEAR_COLUMNS) : years;
  const laterYears = folded ? years.slice(MAX_YEAR_COLUMNS) : [];
  const columns = [
    ...shownYears.map((year) => text('cashflow.year', { n: year.year, calendar: year.calendarYear })),
    ...(folded ? [text('budget.later', { from: MAX_YEAR_COLUMNS + 1 })] : []),
    text('levers.total'),
  ];
  const perYear = (pick: (year: (typeof years)[number]) => number): number[] => [
    ...shownYears.map(pick),
    ...(folded ? [laterYears.reduce((sum, year) => sum + pick(year), 0)] : []),
  ];
  const amountCells = (values: number[], total: number, options: Partial<Cell> = {}): Cell[] => [
    ...values.map((value) => ({ text: money(context, value), align: 'right' as const, ...options })),
    { text: money(context, total), align: 'right', bold: true, ...options },
  ];
  const rows: Cell[][] = headline.investments.map((line, l) => {
    const values = perYear((year) => year.investmentByLine[l] ?? 0);
    const total = years.reduce((sum, year) => sum + (year.investmentByLine[l] ?? 0), 0);
    const basis =
      line.amount.kind === 'shareOfSaving'
        ? text(gain ? 'revenue.budget.shareOfBenefit' : 'budget.shareOfSaving', { share: percent(context, line.amount.share) })
        : book(`words.amountKind.${line.amount.kind}`);
    return [
      { text: line.name },
      { text: `${book(`words.category.${line.category}`)} · ${basis}` },
      { text: book(`words.timing.${line.timing}`) },
      ...amountCells(values, total),
    ];
  });
  const fill = tint(style.accent, 0.9);
  rows.push([
    { text: context.figures.investment.label, bold: true, fill },
    { text: '', fill },
    { text: '', fill },
    ...amountCells(
      perYear((year) => year.investment),
      result.totals.investment,
      { fill, bold: true },
    ),
  ]);
  rows.push([
    { text: gain ? text('revenue.budget.benefit') : text('budget.saving') },
    { text: '' },
    { text: '' },
    ...amountCells(perYear(earned), earnedTotal),
  ]);
  const shares = [...shownYears.map((year) => (earned(year) > 0 ? percent(context, year.investment / earned(year)) : '—')), ...(folded ? [''] : [])];
  rows.push([
    { text: gain ? text('revenue.budget.spent') : text('budget.spent') },
    { text: '' },
    { text: '' },
    ...shares.map((share): Cell => ({ text: share, align: 'right' })),
    { text: earnedTotal > 0 ? percent(context, result.totals.investment / earnedTotal) : '—', align: 'right' },
  ]);
  const funded = [
    ...shownYears.map((year): Cell =>
      earned(year) >= year.investment
        ? { text: text('budget.fundedYes', { year: year.year }), align: 'right', color: GOOD }
        : { text: text('budget.fundedNo', { short: money(context, year.investment - earned(year)) }), align: 'right', color: BAD },
    ),
    ...(folded
      ? [
          {
            text: laterYears.every((year) => earned(year) >= year.investment) ? '✓' : '✗',
            align: 'right' as const,
            color: laterYears.every((year) => earned(year) >= year.investment) ? GOOD : BAD,
          },
        ]
      : []),
  ];
  rows.push([{ text: gain ? text('revenue.budget.funded') : text('budget.funded') }, { text: '' }, { text: '' }, ...funded, { text: '' }]);
  const fixed = columns.length > 6 ? [2.1, 1.65, 0.85] : [2.4, 2.0, 1.1];
  const rest = CONTENT.w - fixed.reduce((a, b) => a + b, 0);
  const colW = [...fixed, ...columns.map(() => rest / columns.length)];
  addPagedTable(
    context,
    { slide, x: CONTENT.x, y: CONTENT.y + 0.05, bottom: CONTENT.y + CONTENT.h },
    {
      header: [
        { text: text('budget.line') },
        { text: text('budget.category') },
        { text: text('budget.timing') },
        ...columns.map((caption): Cell => ({ text: caption, align: 'right' })),
      ],
      rows,
      colW,
      fontSize: columns.length > 8 ? 8 : columns.length > 6 ? 9 : 11,
    },
    () => ({ slide: continuedSlide(context, title, subtitle), y: CONTENT.y + 0.05 }),
  );
  const m = (value: number) => money(context, value, 4);
  const notes = [text('notes.unit', { u: context.unitLabel }), text('notes.shareOfSaving')];
  headline.investments.forEach((line, l) =>
    notes.push(
      `${line.name} (${book(`words.timing.${line.timing}`)}): ${years.map((year) => m(year.investmentByLine[l] ?? 0)).join(' + ')} = ${m(years.reduce((sum, year) => sum + (year.investmentByLine[l] ?? 0), 0))}`,
    ),
  );
  if (gain)
    notes.push(
      text('notes.sharesOfBenefit', {
        years: years.map((year) => `${m(year.saving)} + ${m(year.marginGain)} = ${m(year.benefit)}`).join(text('notes.listJoin')),
      }),
    );
  for (const year of years)
    if (gain)
      notes.push(
        text(year.benefit >= year.investment ? 'notes.budgetYearBenefitFunded' : 'notes.budgetYearBenefitShort', {
          n: year.year,
          benefit: m(year.benefit),
          investment: m(year.investment),
          net: m(year.benefit - year.investment),
        }),
      );
    else
      notes.push(
        text(year.saving >= year.investment ? 'notes.budgetYearFunded' : 'notes.budgetYearShort', {
          n: year.year,
          saving: m(year.saving),
          investment: m(year.investment),
          net: m(year.saving - year.investment),
        }),
      );
  slide.addNotes(notes.join('\n'));
}

/** The scenarios the compare slide lists: the chosen ones and the baseline. */
export function comparedScenarios(context: DeckContext): Scenario[] {
  const list = [...context.chosen];
  if (!list.some((scenario) => scenario.id === context.baseline.id)) list.unshift(context.baseline);
  return list;
}

/** Slide 8: every chosen scenario beside the baseline: a table and a native grouped column chart. */
export function compareSlide(context: DeckContext): void {
  const { pptx, text, style, results } = context;
  const f = context.figures;
  const title = text('slides.compare');
  const subtitle = text('unitNote', { u: context.unitLabel });
  const slide = contentSlide(context, title, subtitle);
  const scenarios = comparedScenarios(context);
  const base = context.baselineResult.totals;
  // Margin gain and one-off cash are their own columns and series when a compared scenario has them.
  const gain = scenarios.some(showsGain);
  const oneOff = scenarios.some(showsOneOff);
  const rows: Cell[][] = scenarios.map((scenario) => {
    const totals = results.get(scenario.id)!.totals;
    const isBase = scenario.id === context.baseline.id;
    const fill = isBase ? tint(style.accent, 0.9) : 'FFFFFF';
    return [
      { text: isBase ? `${scenario.name} (${text('compare.baselineTag')})` : scenario.name, bold: isBase, fill },
      { text: money(context, totals.saving), align: 'right', fill },
      { text: isBase ? '—' : signedMoney(context, totals.saving - base.saving), align: 'right', fill },
      ...(gain ? [{ text: money(context, totals.marginGain), align: 'right' as const, fill }] : []),
      ...(oneOff ? [{ text: money(context, totals.oneOff), align: 'right' as const, fill }] : []),
      { text: money(context, totals.investment), align: 'right', fill },
      { text: ratioText(context, totals.returnOnInvestment), align: 'right', fill },
      { text: money(context, totals.npv), align: 'right', fill },
      { text: isBase ? '—' : signedMoney(context, totals.npv - base.npv), align: 'right', fill },
      { text: paybackText(context, totals.paybackYears), align: 'right', fill },
    ];
  });
  const header: Cell[] = [
    { text: text('compare.scenario') },
    { text: withUnit(context, f.saving.label), align: 'right' },
    { text: text('compare.deltaSaving'), align: 'right' },
    ...(gain ? [{ text: withUnit(context, f.marginGain.label), align: 'right' as const }] : []),
    ...(oneOff ? [{ text: withUnit(context, f.oneOff.label), align: 'right' as const }] : []),
    { text: withUnit(context, f.investment.label), align: 'right' },
    { text: f.returnOnInvestment.label, align: 'right' },
    { text: withUnit(context, f.npv.label), align: 'right' },
    { text: text('compare.deltaNpv'), align: 'right' },
    { text: f.paybackYears.label, align: 'right' },
  ];
  const small = scenarios.length <= 5;
  const tableBottom = small ? CONTENT.y + 2.45 : CONTENT.y + CONTENT.h;
  addPagedTable(
    context,
    { slide, x: CONTENT.x, y: CONTENT.y + 0.05, bottom: tableBottom },
    { header, rows, colW: compareWidths(gain, oneOff), fontSize: 10 },
    () => ({ slide: continuedSlide(context, title, subtitle), y: CONTENT.y + 0.05 }),
  );
  const chartSlide = small ? slide : continuedSlide(context, title, subtitle);
  const chartY = small ? CONTENT.y + 2.6 : CONTENT.y;
  // Long names would make the chart turn its labels and shrink the plot to nothing: one line each.
  const labels = scenarios.map((scenario) => {
    const name = cutToLines(scenario.name, scenarios.length > 4 ? 12 : 20, 1);
    return scenario.id === context.baseline.id ? `${name} (${text('compare.baselineTag')})` : name;
  });
  const values = (pick: (totals: ReturnType<typeof totalsOf>) => number) => scenarios.map((scenario) => inUnit(context, pick(totalsOf(context, scenario))));
  chartSlide.addChart(
    pptx.ChartType.bar,
    [
      { name: f.saving.label, labels, values: values((totals) => totals.saving) },
      ...(gain ? [{ name: f.marginGain.label, labels, values: values((totals) => totals.marginGain) }] : []),
      ...(oneOff ? [{ name: f.oneOff.label, labels, values: values((totals) => totals.oneOff) }] : []),
      { name: f.investment.label, labels, values: values((totals) => totals.investment) },
      { name: f.npv.label, labels, values: values((totals) => totals.npv) },
    ],
    {
      ...chartBase(context),
      x: CONTENT.x,
      y: chartY,
      w: CONTENT.w,
      h: CONTENT.y + CONTENT.h - chartY,
      barDir: 'col',
      barGrouping: 'clustered',
      barGapWidthPct: 80,
      chartColors: [style.accent, ...(gain ? [tint(style.accent, 0.7)] : []), ...(oneOff ? [GOOD] : []), NEUTRAL, tint(style.accent, 0.45)],
      showValue: scenarios.length <= 6,
      dataLabelFormatCode: AMOUNT_FORMAT,
      dataLabelPosition: 'outEnd',
      valAxisLabelFormatCode: '#,##0',
      valAxisTitle: context.unitLabel,
      showValAxisTitle: true,
      valAxisTitleFontSize: 10,
      valAxisTitleColor: MUTED,
      catAxisLabelFontSize: scenarios.length > 6 ? 8 : 10,
      showLegend: true,
      legendPos: 'r',
      altText: text('compare.chartTitle'),
    },
  );
  const m = (value: number) => money(context, value, 4);
  const notes = [text('notes.unit', { u: context.unitLabel })];
  for (const scenario of scenarios) {
    const totals = totalsOf(context, scenario);
    const extra = [
      ...(gain ? [`${f.marginGain.label} ${m(totals.marginGain)}, ${f.benefit.label} ${m(totals.benefit)} (${m(totals.benefit - base.benefit)})`] : []),
      ...(oneOff ? [`${f.oneOff.label} ${m(totals.oneOff)}`] : []),
    ]
      .map((part) => `${part}, `)
      .join('');
    notes.push(
      `${scenario.name}: ${f.saving.label} ${m(totals.saving)} (${m(totals.saving - base.saving)}), ${extra}${f.investment.label} ${m(totals.investment)}, ${f.returnOnInvestment.label} ${ratioText(context, totals.returnOnInvestment)}, ${f.npv.label} ${m(totals.npv)} (${m(totals.npv - base.npv)}), ${f.paybackYears.label} ${paybackText(context, totals.paybackYears)}`,
    );
  }
  slide.addNotes(notes.join('\n'));
}

function totalsOf(context: DeckContext, scenario: Scenario) {
  return context.results.get(scenario.id)!.totals;
}

/** Column widths of the compare table (12.13 in): the scenario name gives room to the margin gain and one-off columns. */
function compareWidths(gain: boolean, oneOff: boolean): number[] {
  if (!gain && !oneOff) return [3.13, 1.35, 1.3, 1.3, 1.25, 1.3, 1.3, 1.2];
  const extra = (gain ? 1 : 0) + (oneOff ? 1 : 0);
  const figures = extra === 2 ? [1.15, 1.15, 1.15, 1.15, 1.15, 1.05, 1.15, 1.1, 1.05] : [1.25, 1.2, 1.25, 1.2, 1.1, 1.2, 1.2, 1.1];
  const name = 12.13 - figures.reduce((a, b) => a + b, 0);
  return [Number(name.toFixed(2)), ...figures];
}
