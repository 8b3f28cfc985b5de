import { money, number, paybackText, percent, ratioText, showsGain, showsOneOff, signedMoney, signedPercent, type DeckContext } from '../context';
import type PptxGenJS from 'pptxgenjs';
import { TEXT_MARGIN_PT, textWidthEm } from '../fit';
import { addFittedText, addLogo, CONTENT, contentSlide, INK, MUTED, SLIDE, RULE } from '../layout';
import { tint } from '../style';

/** Slide 1: model name, client, date, "prepared with Service Cost Planner". */
export function titleSlide(context: DeckContext): void {
  const { pptx, text, style } = context;
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  slide.addShape(pptx.ShapeType.rect, { x: 0, y: 0, w: SLIDE.w, h: 0.35, fill: { color: style.accent }, line: { type: 'none' } });
  slide.addShape(pptx.ShapeType.rect, { x: 0, y: SLIDE.h - 0.12, w: SLIDE.w, h: 0.12, fill: { color: style.accent }, line: { type: 'none' } });
  addLogo(context, slide, { x: SLIDE.w - 0.8 - 2.2, y: 0.75, w: 2.2, h: 1.1 });
  addFittedText(context, slide, context.model.name, { x: 0.8, y: 2.1, w: 11.7, h: 1.7 }, { max: 44, min: 20, bold: true, color: INK, valign: 'bottom' });
  slide.addShape(pptx.ShapeType.line, { x: 0.8, y: 3.95, w: 3.2, h: 0, line: { color: style.accent, width: 3 } });
  if (style.client) addFittedText(context, slide, style.client, { x: 0.8, y: 4.15, w: 11.7, h: 0.9 }, { max: 28, min: 14, color: style.accent, bold: true });
  const date = new Intl.DateTimeFormat(text('dateLocale'), { year: 'numeric', month: 'long', day: 'numeric' }).format(context.date);
  addFittedText(context, slide, date, { x: 0.8, y: 5.15, w: 11.7, h: 0.45 }, { max: 16, min: 10, color: MUTED });
  addFittedText(context, slide, text('preparedWith'), { x: 0.8, y: 6.5, w: 11.7, h: 0.4 }, { max: 12, min: 9, color: MUTED });
  const names = context.chosen.map((scenario) => scenario.name).join(text('listSeparator'));
  slide.addNotes(
    [context.model.name, style.client ?? '', date, text('scenariosLine', { names }), text('notes.unit', { u: context.unitLabel })].filter(Boolean).join('\n'),
  );
  context.pages.push(slide);
}

interface Tile {
  label: string;
  value: string;
  /** The unit after an amount, set smaller: "130.0 万元". */
  unit?: string;
  meaning: string;
}

/** Slide 2: the headline figures as large numbers, one sentence each, and the difference to the baseline. */
export function summarySlide(context: DeckContext): void {
  const { text, figures, headline, headlineResult: result, style } = context;
  const totals = result.totals;
  const yearOne = result.years[0]?.saving ?? 0;
  const roi = ratioText(context, totals.returnOnInvestment);
  const gain = showsGain(headline);
  const first = result.years[0];
  // With revenue levers the headline figures are the benefit (saving + margin gain), as the ratios use it.
  const tiles: Tile[] = [
    gain
      ? {
          label: text('revenue.yearOneBenefit'),
          value: money(context, first?.benefit ?? 0),
          unit: context.unitLabel,
          meaning: text('revenue.meaning.yearOneBenefit', { saving: money(context, yearOne), gain: money(context, first?.marginGain ?? 0) }),
        }
      : { label: figures.yearOneSaving.label, value: money(context, yearOne), unit: context.unitLabel, meaning: text('summary.meaning.yearOneSaving') },
    gain
      ? {
          label: figures.benefit.label,
          value: money(context, totals.benefit),
          unit: context.unitLabel,
          meaning: text('revenue.meaning.benefit', {
            years: headline.horizonYears,
            saving: money(context, totals.saving),
            gain: money(context, totals.marginGain),
          }),
        }
      : {
          label: figures.saving.label,
          value: money(context, totals.saving),
          unit: context.unitLabel,
          meaning: text('summary.meaning.saving', { years: headline.horizonYears }),
        },
    { label: figures.investment.label, value: money(context, totals.investment), unit: context.unitLabel, meaning: text('summary.meaning.investment') },
    {
      label: figures.returnOnInvestment.label,
      value: roi,
      meaning:
        totals.returnOnInvestment === null
          ? text('notApplicable')
          : text(gain ? 'revenue.meaning.returnOnInvestment' : 'summary.meaning.returnOnInvestment', {
              perYuan: number(context, totals.returnOnInvestment, 2),
            }),
    },
    {
      label: figures.npv.label,
      value: money(context, totals.npv),
      unit: context.unitLabel,
      meaning: text('summary.meaning.npv', { rate: percent(context, headline.discountRate, 1) }),
    },
    { label: figures.paybackYears.label, value: paybackText(context, totals.paybackYears), meaning: text('summary.meaning.paybackYears') },
    { label: figures.affectedShare.label, value: percent(context, result.affectedShare, 3), meaning: text('summary.meaning.affectedShare') },
  ];
  if (showsOneOff(headline))
    tiles.splice(3, 0, {
      label: figures.oneOff.label,
      value: signedMoney(context, totals.oneOff),
      unit: context.unitLabel,
      meaning: text('revenue.meaning.oneOff', { count: headline.oneOffs?.length ?? 0 }),
    });
  const slide = contentSlide(context, text('slides.summary'), text('scenarioLine', { name: headline.name, u: context.unitLabel }));
  // Four tiles a row and the baseline in the eighth place; a ninth figure (one-off cash) makes rows of five.
  const columns = tiles.length > 7 ? 5 : 4;
  const gap = 0.18;
  const tileW = (CONTENT.w - gap * (columns - 1)) / columns;
  const tileH = 2.05;
  tiles.forEach((tile, index) => {
    const x = CONTENT.x + (index % columns) * (tileW + gap);
    const y = CONTENT.y + 0.1 + Math.floor(index / columns) * (tileH + gap);
    slide.addShape(context.pptx.ShapeType.rect, {
      x,
      y,
      w: tileW,
      h: tileH,
      fill: { color: tint(style.accent, 0.92) },
      line: { color: tint(style.accent, 0.7), width: 0.75 },
    });
    addFittedText(context, slide, tile.label, { x: x + 0.12, y: y + 0.08, w: tileW - 0.24, h: 0.42 }, { max: 12, min: 8, color: MUTED, bold: true });
    addValue(context, slide, tile, { x: x + 0.12, y: y + 0.5, w: tileW - 0.24, h: 0.75 });
    addFittedText(context, slide, tile.meaning, { x: x + 0.12, y: y + 1.27, w: tileW - 0.24, h: tileH - 1.35 }, { max: 11, min: 7, color: INK });
  });
  // The place after the tiles (the eighth of four a row): the baseline difference.
  const x = CONTENT.x + (tiles.length % columns) * (tileW + gap);
  const y = CONTENT.y + 0.1 + Math.floor(tiles.length / columns) * (tileH + gap);
  slide.addShape(context.pptx.ShapeType.rect, { x, y, w: tileW, h: tileH, fill: { color: 'FFFFFF' }, line: { color: RULE, width: 0.75 } });
  addFittedText(context, slide, baselineText(context), { x: x + 0.12, y: y + 0.1, w: tileW - 0.24, h: tileH - 0.2 }, { max: 12, min: 7, color: INK });
  slide.addNotes(summaryNotes(context));
}

/** A big figure, its unit after it at half the size, sized so that both fit on one line of the box. */
function addValue(context: DeckContext, slide: PptxGenJS.Slide, tile: Tile, box: { x: number; y: number; w: number; h: number }): void {
  const widthEm = textWidthEm(tile.value) + (tile.unit ? 0.5 * textWidthEm(` ${tile.unit}`) : 0);
  const room = box.w * 72 - 2 * TEXT_MARGIN_PT - 4;
  const size = Math.max(12, Math.min(34, Math.floor(room / widthEm), Math.floor((box.h * 72 - 2 * TEXT_MARGIN_PT) / 1.2)));
  const runs: PptxGenJS.TextProps[] = [{ text: tile.value, options: { fontSize: size, bold: true, color: context.style.accent } }];
  if (tile.unit) runs.push({ text: ` ${tile.unit}`, options: { fontSize: Math.max(9, Math.round(size * 0.5)), bold: false, color: MUTED } });
  slide.addText(runs, { ...box, fontFace: context.font, valign: 'middle', margin: TEXT_MARGIN_PT, fit: 'shrink', wrap: true });
}

function baselineText(context: DeckContext): string {
  const { text, headline, headlineResult: result, baseline, baselineResult } = context;
  if (baseline.id === headline.id) return text('summary.isBaseline', { name: baseline.name });
  const lines = [
    text('summary.versusBaseline', { name: baseline.name }),
    `${text('summary.diff.saving')}: ${signedMoney(context, result.totals.saving - baselineResult.totals.saving)} ${context.unitLabel}`,
    ...(showsGain(headline) || showsGain(baseline)
      ? [`${text('revenue.diffBenefit')}: ${signedMoney(context, result.totals.benefit - baselineResult.totals.benefit)} ${context.unitLabel}`]
      : []),
    `${text('summary.diff.npv')}: ${signedMoney(context, result.totals.npv - baselineResult.totals.npv)} ${context.unitLabel}`,
  ];
  const a = result.totals.returnOnInvestment;
  const b = baselineResult.totals.returnOnInvestment;
  if (a !== null && b !== null) lines.push(`${text('summary.diff.returnOnInvestment')}: ${signedPercent(context, a - b)}`);
  return lines.join('\n');
}

/** The arithmetic behind every figure on the summary, with the engine's numbers. */
function summaryNotes(context: DeckContext): string {
  const { text } = context;
  const { headline, headlineResult: result, figures } = context;
  const totals = result.totals;
  const u = context.unitLabel;
  const m = (v: number, digits = 4) => money(context, v, digits);
  const savings = result.years.map((year) => m(year.saving)).join(' + ');
  const lines: string[] = [];
  lines.push(text('notes.unit', { u }));
  lines.push(
    text('notes.yearOneSaving', { saving: m(result.baseSaving), share: percent(context, result.affectedShare, 4), total: m(context.tree.totalAmount, 2) }),
  );
  lines.push(text('notes.yearlySavings', { growth: percent(context, headline.volumeGrowth, 1), savings, total: m(totals.saving), u }));
  const gain = showsGain(headline);
  const oneOff = showsOneOff(headline);
  if (gain) lines.push(...gainNotes(context));
  if (oneOff)
    lines.push(
      text('notes.oneOffLine', { label: figures.oneOff.label, years: result.years.map((year) => m(year.oneOff)).join(' + '), total: m(totals.oneOff), u }),
    );
  lines.push(`${figures.investment.label} = ${result.years.map((year) => m(year.investment)).join(' + ')} = ${m(totals.investment)} ${u}.`);
  // The ratios are profit ratios: of the benefit (saving + margin gain), never of one-off cash.
  const profit = gain ? totals.benefit : totals.saving;
  if (totals.returnOnInvestment !== null)
    lines.push(
      `${figures.returnOnInvestment.label} = ${m(profit)} / ${m(totals.investment)} = ${number(context, totals.returnOnInvestment, 6)} = ${percent(context, totals.returnOnInvestment, 1)}`,
    );
  if (totals.netRoi !== null)
    lines.push(`${figures.netRoi.label} = (${m(profit)} − ${m(totals.investment)}) / ${m(totals.investment)} = ${percent(context, totals.netRoi, 1)}`);
  if (gain || oneOff)
    lines.push(
      text('notes.netOfYear', {
        years: result.years
          .map((year) => `${m(year.saving)} + ${m(year.marginGain)} + ${m(year.oneOff)} ${text('notes.minus')} ${m(year.investment)} = ${m(year.net)}`)
          .join(text('notes.listJoin')),
      }),
    );
  const r = number(context, 1 + headline.discountRate, 4);
  lines.push(`${figures.npv.label} = ${result.years.map((year) => `${m(year.net)} / ${r}^${year.year}`).join(' + ')} = ${m(totals.npv)} ${u}`);
  lines.push(
    `${figures.paybackYears.label}: ${figures.paybackYears.definition} ${text('notes.cumulativeNetByYear')}: ${result.years.map((year) => m(year.cumulativeNet, 2)).join(', ')}. ${
      totals.paybackYears === null
        ? text('never')
        : `${number(context, totals.paybackYears, 5)} ${text('notes.yearsUnit')} = ${number(context, totals.paybackYears * 12, 2)} ${text('notes.monthsUnit')}`
    }`,
  );
  const first = result.years[0];
  if ((gain || oneOff) && first && totals.paybackYears !== null && totals.paybackYears > 0 && totals.paybackYears < 1) {
    // The cumulative net starts the year at the upfront one-off cash less the upfront investment, and climbs at the rest of the year's net.
    const start = first.upfrontOneOff - first.upfrontInvestment;
    const rate = first.saving + first.marginGain + first.spreadOneOff - first.spreadInvestment;
    if (start < 0 && rate > 0)
      lines.push(
        text('notes.paybackFirstYearNet', {
          upfront: m(-start, 2),
          saving: m(first.saving, 2),
          gain: m(first.marginGain, 2),
          oneOff: m(first.spreadOneOff, 2),
          spread: m(first.spreadInvestment, 2),
          rate: m(rate, 2),
          years: number(context, totals.paybackYears, 5),
        }),
      );
  } else if (first && first.upfrontInvestment > 0 && totals.paybackYears !== null && totals.paybackYears > 0 && totals.paybackYears < 1) {
    const rate = first.saving - first.spreadInvestment;
    lines.push(
      text('notes.paybackFirstYear', {
        upfront: m(first.upfrontInvestment, 2),
        saving: m(first.saving, 2),
        spread: m(first.spreadInvestment, 2),
        rate: m(rate, 2),
        years: number(context, totals.paybackYears, 5),
      }),
    );
  }
  if (context.baseline.id !== headline.id) {
    const b = context.baselineResult.totals;
    lines.push(
      text('notes.baseline', {
        name: context.baseline.name,
        saving: m(b.saving),
        npv: m(b.npv),
        savingDiff: m(totals.saving - b.saving),
        npvDiff: m(totals.npv - b.npv),
      }),
    );
    if (gain || showsGain(context.baseline))
      lines.push(text('notes.baselineBenefit', { benefit: m(totals.benefit), baseline: m(b.benefit), difference: m(totals.benefit - b.benefit) }));
  }
  return lines.join('\n');
}

/** The margin gain's arithmetic: R x (m x v + p x (1 + v)) per revenue line, grown and ramped like the saving. */
function gainNotes(context: DeckContext): string[] {
  const { headline, headlineResult: result, figures, revenue, text } = context;
  const totals = result.totals;
  const u = context.unitLabel;
  const m = (v: number, digits = 4) => money(context, v, digits);
  const lines: string[] = [];
  const parts: string[] = [];
  for (let k = 0; k < revenue.order.length; k++) {
    const i = revenue.order[k]!;
    const gain = result.lineMarginGain[i] ?? 0;
    if (gain !== 0) parts.push(`${revenue.lines[i]!.name} ${m(gain)}`);
  }
  lines.push(text('notes.gainYearOne', { parts: parts.join(' + ') || '0', total: m(result.baseMarginGain) }));
  lines.push(
    text('notes.gainYearly', {
      growth: percent(context, headline.volumeGrowth, 1),
      gains: result.years.map((year) => m(year.marginGain)).join(' + '),
      total: m(totals.marginGain),
      u,
    }),
  );
  lines.push(`${figures.benefit.label} = ${m(totals.saving)} + ${m(totals.marginGain)} = ${m(totals.benefit)} ${u}.`);
  return lines;
}
