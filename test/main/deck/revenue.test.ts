import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { generateModel } from '../../../bench/generate';
import { buildDeck } from '../../../main/deck/build-deck';
import { VOCABULARY } from '../../../shared/i18n/resources';
import { text as vocabularyText } from '../../../shared/i18n/vocabulary';
import { computeValidModel, prepareTree, type ModelResult } from '../../../shared/engine';
import { figureTexts } from '../../../shared/i18n/figures';
import { createExampleModel, type Model } from '../../../shared/model';
import { createTemplateModel } from '../../../shared/model/templates';
import type { Language } from '../../../shared/model/units';
import { readDeck, type ReadChart, type ReadDeck, type ReadSlide } from './support/pptx';

type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> };

/** The deck namespace in one language, every text resolved (shared words included), in its nested shape. */
function deckWords(language: Language): Words<(typeof VOCABULARY)['en']['deck']> {
  const build = (node: object, prefix: string): unknown =>
    Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        typeof value === 'string' ? vocabularyText(language, 'deck', `${prefix}${key}` as never) : build(value as object, `${prefix}${key}.`),
      ]),
    );
  return build(VOCABULARY.en.deck, '') as Words<(typeof VOCABULARY)['en']['deck']>;
}

/**
 * Margin gain and one-off cash in the deck: the service-revenue and spare-parts templates (the
 * worked examples of the domain document) read back from the file, every chart's cache and
 * data sheet equal to the engine to 1e-9, the figures on the slides in 万元, the arithmetic in
 * the notes; and a model without them gives the same deck as before.
 */
const DATE = new Date('2026-12-04T00:00:00Z');
const WAN = 10_000;

function close(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

interface Built {
  model: Model;
  deck: ReadDeck;
  computed: ModelResult;
  language: Language;
}

async function build(model: Model): Promise<Built> {
  const built = await buildDeck(model, { date: DATE });
  const deck = readDeck(built.data);
  expect(deck.slides.length).toBe(built.slides);
  return { model, deck, computed: computeValidModel(model, prepareTree(model.costTree)), language: model.language };
}

function slideWith(deck: ReadDeck, title: string): ReadSlide {
  const slide = deck.slides.find((s) => s.paragraphs[0] === title);
  if (!slide) throw new Error(`no slide titled ${title}: ${deck.slides.map((s) => s.paragraphs[0]).join(' | ')}`);
  return slide;
}

/** A slide's text with the lines a table cell wraps into joined again. */
function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function seriesNamed(chart: ReadChart, name: string) {
  const series = chart.series.find((s) => s.name === name);
  if (!series) throw new Error(`no series ${name}: ${chart.series.map((s) => s.name).join(', ')}`);
  return series;
}

async function checkDataSheet(chart: ReadChart): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(chart.workbook!).buffer);
  const sheet = workbook.worksheets[0]!;
  chart.series.forEach((series, s) => {
    expect(sheet.getRow(1).getCell(s + 2).text).toBe(series.name);
    series.values.forEach((value, i) => {
      if (value !== null) close(Number(sheet.getRow(i + 2).getCell(s + 2).value), value);
    });
  });
}

/** The yearly chart, the bridge and the compare chart of the headline (first) scenario against the engine, in 万元. */
async function checkCharts(built: Built): Promise<void> {
  const { deck, computed, language, model } = built;
  const text = deckWords(language);
  const figures = figureTexts(language);
  const result = computed.scenarios[0]!;
  const scenario = model.scenarios[0]!;
  const gain = (scenario.revenueLevers?.length ?? 0) > 0;
  const oneOff = (scenario.oneOffs?.length ?? 0) > 0;

  const combo = slideWith(deck, text.slides.cashflow).charts[0]!;
  expect(combo.kinds).toEqual(['barChart', 'lineChart']);
  const expectedNames = [
    text.cashflow.saving,
    ...(gain ? [figures.marginGain.label] : []),
    ...(oneOff ? [figures.oneOff.label] : []),
    text.cashflow.investment,
    text.cashflow.cumulativeNet,
  ];
  expect(combo.series.map((s) => s.name)).toEqual(expectedNames);
  result.years.forEach((year, k) => {
    close(seriesNamed(combo, text.cashflow.saving).values[k], year.saving / WAN);
    if (gain) close(seriesNamed(combo, figures.marginGain.label).values[k], year.marginGain / WAN);
    if (oneOff) close(seriesNamed(combo, figures.oneOff.label).values[k], year.oneOff / WAN);
    close(seriesNamed(combo, text.cashflow.investment).values[k], year.investment / WAN);
    close(seriesNamed(combo, text.cashflow.cumulativeNet).values[k], year.cumulativeNet / WAN);
    // The net the line follows: saving + margin gain + one-off cash - investment.
    close(year.net, year.saving + year.marginGain + year.oneOff - year.investment);
  });

  const bridge = slideWith(deck, text.slides.bridge).charts[0]!;
  const [, up, down, totals] = bridge.series;
  const last = totals!.values.length - 1;
  if (gain) {
    // The benefit bridge: the cost steps, then one step per top-level revenue line, to the year-1 benefit.
    let steps = 0;
    for (let k = 0; k < last; k++) steps += (up!.values[k] ?? 0) - (down!.values[k] ?? 0);
    close(steps, (result.baseSaving + result.baseMarginGain) / WAN);
    close(totals!.values[last], (result.baseSaving + result.baseMarginGain) / WAN);
    const revenue = computed.revenue;
    const lineSteps = revenue.ids.flatMap((_, i) => (revenue.parent[i]! < 0 && result.subtreeMarginGain[i] !== 0 ? [result.subtreeMarginGain[i]!] : []));
    const costSteps = last - lineSteps.length;
    lineSteps.forEach((gainOfLine, k) => close((up!.values[costSteps + k] ?? 0) - (down!.values[costSteps + k] ?? 0), gainOfLine / WAN));
    expect(up!.name).toBe(text.revenue.bridge.up);
  } else {
    const total = prepareTree(model.costTree).totalAmount;
    close(totals!.values[0], total / WAN);
    close(totals!.values[last], (total - result.baseSaving) / WAN);
  }

  const compare = deck.slides.find((s) => s.paragraphs[0]?.startsWith(text.slides.compare) && s.charts.length > 0)!.charts[0]!;
  const names = seriesNamed(compare, figures.saving.label).categories;
  names.forEach((label, k) => {
    const index = model.scenarios.findIndex((s) => label === s.name || label.startsWith(`${s.name} (`));
    const totalsOf = computed.scenarios[index]!.totals;
    close(seriesNamed(compare, figures.saving.label).values[k], totalsOf.saving / WAN);
    if (gain) close(seriesNamed(compare, figures.marginGain.label).values[k], totalsOf.marginGain / WAN);
    if (oneOff) close(seriesNamed(compare, figures.oneOff.label).values[k], totalsOf.oneOff / WAN);
    close(seriesNamed(compare, figures.investment.label).values[k], totalsOf.investment / WAN);
    close(seriesNamed(compare, figures.npv.label).values[k], totalsOf.npv / WAN);
  });

  for (const slide of deck.slides) for (const chart of slide.charts) await checkDataSheet(chart);
}

describe('the service-revenue template deck (margin gain, no cost levers)', () => {
  it('in Chinese: the benefit on the summary, margin gain in every chart and table, the arithmetic in the notes', async () => {
    const built = await build(createTemplateModel('service-revenue', 'zh'));
    await checkCharts(built);
    const text = deckWords('zh');
    const summary = slideWith(built.deck, text.slides.summary);
    // Year-1 benefit 162, horizon benefit 525.9168, investment 157.59168, return / investment 3.33721171, payback 0.4587156 years.
    for (const figure of ['162.0 万元', '525.9 万元', '157.6 万元', '333.7%', '5.5 个月']) expect(summary.paragraphs).toContain(figure);
    expect(summary.text).toContain('第 1 年收益');
    expect(summary.text).toContain('节省 0.0 + 边际贡献增加 525.9');
    expect(summary.notes).toContain('= 162.0000');
    expect(summary.notes).toContain('162.0000 + 174.9600 + 188.9568');
    expect(summary.notes).toContain('收益 = 0.0000 + 525.9168 = 525.9168 万元');
    expect(summary.notes).toContain('投入产出比 = 525.9168 / 157.5917 = 3.337212');
    expect(summary.notes).toContain('60.00 / 130.80 = 0.45872');

    const levers = slideWith(built.deck, text.slides.levers);
    expect(levers.text).toContain('二次消费率');
    expect(levers.text).toContain('+10.0%，边际贡献率 35.0%：每年增加 52.5 万元');
    expect(levers.paragraphs).toContain('102.0');
    expect(levers.paragraphs).toContain('60.0');
    expect(levers.text).toContain('边际贡献增加（收入杠杆）');

    const budget = slideWith(built.deck, text.slides.budget);
    expect(budget.text).toContain('当年收益（节省 + 边际贡献增加）');
    expect(budget.text).toContain('收益的 10.0%');

    const appendix = slideWith(built.deck, text.slides.appendix);
    for (const figure of ['162.00', '174.96', '188.96', '525.92']) expect(appendix.paragraphs).toContain(figure);
    expect(appendix.text).toContain('边际贡献增加（万元）');
    expect(appendix.text).not.toContain('一次性现金');
  });

  it('in English, with a one-off item added: its own tile, series, column and row, counted in the net but not in the ratio', async () => {
    const plain = createTemplateModel('service-revenue', 'en');
    const [first] = plain.scenarios;
    const model: Model = {
      ...plain,
      scenarios: [{ ...first!, oneOffs: [{ id: 'store-sold', name: 'Old parts store sold', amount: 120 * WAN, year: 2, timing: 'upfront' }] }],
    };
    const built = await build(model);
    await checkCharts(built);
    const text = deckWords('en');
    const summary = slideWith(built.deck, text.slides.summary);
    // The ratio stays 3.33721171: one-off cash never counts in it.
    for (const figure of ['+120.0 10k yuan', '525.9 10k yuan', '333.7%']) expect(summary.paragraphs).toContain(figure);
    expect(summary.notes).toContain('One-off cash = 0.0000 + 120.0000 + 0.0000 = 120.0000 10k yuan');
    const compare = slideWith(built.deck, text.slides.compare);
    expect(compare.text).toContain('One-off cash (10k yuan)');
    expect(compare.text).toContain('Margin gain (10k yuan)');
    const appendix = slideWith(built.deck, text.slides.appendix);
    expect(appendix.paragraphs).toContain('120.00');
    // Year 2: 0 + 174.96 + 120 - 32.496 = 262.464.
    expect(appendix.notes).toContain('0.0000 + 174.9600 + 120.0000 − 32.4960 = 262.4640');
    expect(flat(slideWith(built.deck, text.slides.levers).text)).toContain('repeat-purchase rate +10.0% at a 35.0% margin adds 52.5 10k yuan a year');
  });
});

describe('the spare-parts template deck (one-off cash, captioned levers)', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`in ${language}: stock released as its own figure, the net and payback with it, the captions on the levers`, async () => {
      const built = await build(createTemplateModel('spare-parts', language));
      await checkCharts(built);
      const text = deckWords(language);
      const unit = language === 'zh' ? '万元' : '10k yuan';
      const summary = slideWith(built.deck, text.slides.summary);
      // Year-1 saving 151, saving 848.62, one-off 400, investment 294.862, return / investment 2.8780243.
      for (const figure of [`151.0 ${unit}`, `848.6 ${unit}`, `+400.0 ${unit}`, `294.9 ${unit}`, '287.8%']) expect(summary.paragraphs).toContain(figure);
      expect(summary.notes).toContain('150.00 / 515.90 = 0.29075');
      const appendix = slideWith(built.deck, text.slides.appendix);
      // Net 365.9 / 278.98 / 308.878, cumulative 953.758.
      for (const figure of ['400.00', '365.90', '278.98', '308.88', '953.76']) expect(appendix.paragraphs).toContain(figure);
      expect(appendix.text).not.toContain(figureTexts(language).marginGain.label);
      const levers = slideWith(built.deck, text.slides.levers);
      expect(flat(levers.text)).toContain(language === 'zh' ? '库存周转率（人均业务量）' : 'inventory turnover (per-capita volume)');
      const bridge = slideWith(built.deck, text.slides.bridge);
      expect(bridge.charts[0]!.series[1]!.categories.join(' ')).toContain(language === 'zh' ? '库存周转率 +25.0%' : 'inventory turnover +25.0%');
    });
  }
});

describe('a model without revenue levers or one-off items', () => {
  it('gives the same deck whether or not the model holds (unused) revenue lines: no empty rows, series or columns', async () => {
    const example = createExampleModel('en');
    const withLines: Model = {
      ...example,
      revenueLines: [{ id: 'repairs', parentId: null, name: 'Paid repairs', basis: { kind: 'amount', amount: 500 * WAN }, margin: 0.3 }],
    };
    const [a, b] = await Promise.all([build(example), build(withLines)]);
    expect(b.deck.slides.length).toBe(a.deck.slides.length);
    a.deck.slides.forEach((slide, k) => {
      expect(b.deck.slides[k]!.xml).toBe(slide.xml);
      expect(b.deck.slides[k]!.notes).toBe(slide.notes);
      expect(b.deck.slides[k]!.charts.map((chart) => chart.xml)).toEqual(slide.charts.map((chart) => chart.xml));
    });
  });

  it('names no margin gain or one-off cash outside the definitions (example and a generated model, both languages)', async () => {
    for (const model of [createExampleModel('zh'), createExampleModel('en'), generateModel({ leafLines: 300, seed: 3, scenarios: 3 })]) {
      const built = await build(model);
      const figures = figureTexts(model.language);
      const definitions = deckWords(model.language).slides.assumptions;
      for (const slide of built.deck.slides) {
        if (slide.paragraphs[0]?.startsWith(definitions)) continue;
        // "收益" (benefit) is part of "净收益" (net): in Chinese only the other two are looked for.
        const words = [figures.marginGain.label, figures.oneOff.label, ...(model.language === 'en' ? [figures.benefit.label] : [])];
        for (const word of words) {
          expect(slide.text, `slide ${slide.index}`).not.toContain(word);
          // The definitions of the figures (payback's names the margin gain) are the same for every model.
          const notes = Object.values(figures).reduce((text, figure) => text.split(figure.definition).join(''), slide.notes);
          expect(notes, `slide ${slide.index} notes`).not.toContain(word);
          for (const chart of slide.charts) expect(chart.series.map((s) => s.name)).not.toContain(word);
        }
      }
    }
  }, 60_000);
});
