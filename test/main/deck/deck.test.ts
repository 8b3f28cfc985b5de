import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateModel } from '../../../bench/generate';
import { buildDeck, DECK_SLIDES, DeckError } from '../../../main/deck/build-deck';
import { ANALYSIS_SWING } from '../../../main/excel/sheets/analysis';
import { tornado } from '../../../shared/analysis';
import { computeValidModel, prepareTree, type ScenarioResult } from '../../../shared/engine';
import { createExampleModel, type Model } from '../../../shared/model';
import { UNIT_FACTOR, type DisplayUnit } from '../../../shared/model/units';
import { arbitraryModel } from '../../support/arbitraries';
import { readDeck, type ReadChart, type ReadDeck, type ReadSlide } from './support/pptx';

/**
 * The deck read back as a zip: every slide's text and notes, every chart's cached series and
 * its embedded data sheet, checked against the engine's figures for the example (Chinese and
 * English) and a generated 1,000-line model; and every shape inside the 16:9 slide.
 */
const DATE = new Date('2026-12-04T00:00:00Z');

function close(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

interface Built {
  model: Model;
  deck: ReadDeck;
  results: Map<string, ScenarioResult>;
  unit: number;
  headline: string;
}

async function build(model: Model, options: Parameters<typeof buildDeck>[1] = {}): Promise<Built> {
  const built = await buildDeck(model, { date: DATE, ...options });
  const deck = readDeck(built.data);
  expect(deck.slides.length).toBe(built.slides);
  const tree = prepareTree(model.costTree);
  const results = new Map(computeValidModel(model, tree).scenarios.map((result) => [result.scenarioId, result]));
  const unit: DisplayUnit = options.unit ?? model.displayUnit;
  const headlineRef = options.scenarios?.[0];
  const headline = (headlineRef ? model.scenarios.find((s) => s.id === headlineRef || s.name === headlineRef) : model.scenarios[0])!.id;
  return { model, deck, results, unit: UNIT_FACTOR[unit], headline };
}

function slideWith(deck: ReadDeck, title: string): ReadSlide {
  const slide = deck.slides.find((s) => s.paragraphs[0] === title);
  if (!slide) throw new Error(`no slide titled ${title}: ${deck.slides.map((s) => s.paragraphs[0]).join(' | ')}`);
  return slide;
}

/** Every chart's embedded workbook holds the cached values, column by column. */
async function checkDataSheet(chart: ReadChart): Promise<void> {
  expect(chart.workbook, `${chart.part} has an embedded data sheet`).toBeDefined();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(chart.workbook!).buffer);
  const sheet = workbook.worksheets[0]!;
  chart.series.forEach((series, s) => {
    expect(sheet.getRow(1).getCell(s + 2).text).toBe(series.name);
    series.values.forEach((value, i) => {
      const cell = sheet.getRow(i + 2).getCell(s + 2).value;
      if (value === null) return;
      close(Number(cell), value);
    });
  });
}

/** Checks every chart of a deck against the engine. */
async function checkCharts(built: Built, words: { structure: string; bridge: string; cashflow: string; compare: string; risk: string }): Promise<void> {
  const { deck, model, results, unit, headline } = built;
  const result = results.get(headline)!;
  const tree = prepareTree(model.costTree);
  const total = tree.totalAmount;

  // Where the cost sits: each bar is one line's amount, in the series of acted-on lines when the scenario saves on it.
  const structure = slideWith(deck, words.structure);
  const [bars, doughnut] = structure.charts;
  expect(bars!.kinds).toEqual(['barChart']);
  const [acted, notActed] = bars!.series;
  let barTotal = 0;
  let matched = 0;
  acted!.categories.forEach((label, k) => {
    const amount = (acted!.values[k] ?? 0) + (notActed!.values[k] ?? 0);
    barTotal += amount;
    // Names may repeat under different parents: the bar is one of the lines of its name.
    const same = tree.nodes.map((node, i) => (node.name === label ? i : -1)).filter((i) => i >= 0);
    if (same.length === 0) return; // "other lines", or a name cut to fit
    const match = same.find(
      (i) => Math.abs(tree.resolvedAmount[i]! / unit - amount) <= 1e-9 * Math.max(1, amount) && (acted!.values[k] !== 0) === (result.subtreeSaving[i] !== 0),
    );
    expect(match, `bar ${label}`).toBeDefined();
    matched++;
  });
  expect(matched).toBeGreaterThan(0);
  expect(barTotal).toBeLessThanOrEqual(total / unit + 1e-6);
  let strong = 0;
  let weak = 0;
  tree.nodes.forEach((node, i) => (node.relevance === 'strong' ? (strong += tree.unallocatedAmount[i]!) : (weak += tree.unallocatedAmount[i]!)));
  expect(doughnut!.kinds).toEqual(['doughnutChart']);
  close(doughnut!.series[0]!.values[0], strong / unit);
  close(doughnut!.series[0]!.values[1], weak / unit);

  // The waterfall: today's cost, steps that add up to the year-1 saving, the cost after the targets.
  const bridge = slideWith(deck, words.bridge).charts[0]!;
  expect(bridge.kinds).toEqual(['barChart']);
  expect(bridge.xml).toContain('<c:grouping val="stacked"/>');
  const [base, down, up, totals] = bridge.series;
  const last = totals!.values.length - 1;
  close(totals!.values[0], total / unit);
  close(totals!.values[last], (total - result.baseSaving) / unit);
  let steps = 0;
  for (let k = 1; k < last; k++) steps += (down!.values[k] ?? 0) - (up!.values[k] ?? 0);
  close(steps, result.baseSaving / unit);
  const contributions = [...result.contributions].sort((a, b) => Math.abs(b.saving) - Math.abs(a.saving));
  if (contributions.length <= 8) contributions.forEach((c, k) => close((down!.values[k + 1] ?? 0) - (up!.values[k + 1] ?? 0), c.saving / unit));
  // The base is invisible: no fill, no labels, no legend entry.
  expect(bridge.xml).toMatch(/<c:ser>\s*<c:idx val="0"\/>[\s\S]*?<c:spPr><a:noFill\/>[\s\S]*?<c:showVal val="0"\/>/);
  expect(bridge.xml).toContain('<c:legendEntry><c:idx val="0"/><c:delete val="1"/></c:legendEntry>');
  expect(base!.values.length).toBe(totals!.values.length);

  // Savings vs investment by year: columns and the cumulative net as a line.
  const combo = slideWith(deck, words.cashflow).charts[0]!;
  expect(combo.kinds).toEqual(['barChart', 'lineChart']);
  const [saving, investment, cumulative] = combo.series;
  result.years.forEach((year, k) => {
    close(saving!.values[k], year.saving / unit);
    close(investment!.values[k], year.investment / unit);
    close(cumulative!.values[k], year.cumulativeNet / unit);
  });

  // Scenarios compared: saving, investment and NPV of each.
  const compare = deck.slides.find((s) => s.paragraphs[0]?.startsWith(words.compare) && s.charts.length > 0)!.charts[0]!;
  const [cSaving, cInvestment, cNpv] = compare.series;
  cSaving!.categories.forEach((label, k) => {
    const scenario = model.scenarios.find((s) => label === s.name || label.startsWith(`${s.name} (`))!;
    const totals = results.get(scenario.id)!.totals;
    close(cSaving!.values[k], totals.saving / unit);
    close(cInvestment!.values[k], totals.investment / unit);
    close(cNpv!.values[k], totals.npv / unit);
  });

  // The tornado: the change of NPV at each input's low and high, largest swing on top.
  const risk = slideWith(deck, words.risk).charts[0]!;
  const expected = tornado(model, { scenario: headline, output: 'npv', swing: ANALYSIS_SWING });
  if (!expected.ok) throw new Error(expected.error.message);
  const top = expected.value.bars.slice(0, 10).reverse();
  const [low, high] = risk.series;
  top.forEach((bar, k) => {
    close(low!.values[k], (bar.lowOutput! - expected.value.base!) / unit);
    close(high!.values[k], (bar.highOutput! - expected.value.base!) / unit);
  });

  for (const slide of deck.slides) for (const chart of slide.charts) await checkDataSheet(chart);
}

function checkGeometry(deck: ReadDeck): void {
  // 16:9, and nothing placed beyond the slide's edges.
  expect(deck.slideSize.w / deck.slideSize.h).toBeCloseTo(16 / 9, 2);
  for (const slide of deck.slides) {
    for (const frame of slide.frames) {
      expect(frame.x, `slide ${slide.index} ${frame.name}`).toBeGreaterThanOrEqual(0);
      expect(frame.y, `slide ${slide.index} ${frame.name}`).toBeGreaterThanOrEqual(0);
      expect(frame.x + frame.w, `slide ${slide.index} ${frame.name}`).toBeLessThanOrEqual(deck.slideSize.w + 1);
      expect(frame.y + frame.h, `slide ${slide.index} ${frame.name}`).toBeLessThanOrEqual(deck.slideSize.h + 1);
    }
    expect(slide.notes.length, `slide ${slide.index} has speaker notes`).toBeGreaterThan(15);
    // One paragraph per line of the notes, never a line break inside a run.
    expect(slide.notesXml).not.toMatch(/<a:t>[^<]*\n/);
    // A chart is a chart, never a picture: the only pictures are logos.
    expect(slide.xml).not.toMatch(/<p:pic>(?![\s\S]*?descr)/);
  }
}

const ZH = { structure: '成本在哪里', bridge: '节省分解（瀑布图）', cashflow: '各年节省与投入', compare: '情景对比', risk: '风险' };
const EN = {
  structure: 'Where the cost sits',
  bridge: 'The savings bridge',
  cashflow: 'Savings vs investment by year',
  compare: 'Scenarios compared',
  risk: 'Risk',
};

describe('the example deck in Chinese', () => {
  let built: Built;
  beforeAll(async () => {
    built = await build(createExampleModel('zh'));
  });

  it('has the ten slides (and the appendix) in order, 16:9, everything on its slide, notes on each', () => {
    const titles = built.deck.slides.map((slide) => slide.paragraphs[0]);
    expect(titles).toEqual([
      '售后服务成本示例',
      '摘要',
      '成本在哪里',
      '从目标到指标',
      '节省分解（瀑布图）',
      '各年节省与投入',
      '激励预算',
      '情景对比',
      '风险',
      '假设与定义',
      '附录：各年数据',
    ]);
    checkGeometry(built.deck);
  });

  it('shows the headline figures on the summary: 130.0 万元, 473.2 万元, 225.3%, 4.0 个月', () => {
    const summary = built.deck.slides[1]!;
    for (const figure of ['130.0 万元', '473.2 万元', '210.0 万元', '225.3%', '222.4 万元', '4.0 个月', '1.827%']) expect(summary.paragraphs).toContain(figure);
    expect(summary.text).toContain('本情景即基准情景（目标 15%）');
    // The notes carry the arithmetic.
    expect(summary.notes).toContain('130.0093 + 156.0112 + 187.2134');
    expect(summary.notes).toContain('473.2339 / 210.0000 = 2.253495');
    expect(summary.notes).toContain('30.00 / 90.01 = 0.33330');
  });

  it('puts the title, the date and "prepared with" on the first slide', () => {
    const title = built.deck.slides[0]!;
    expect(title.paragraphs).toContain('2026年12月4日');
    expect(title.paragraphs).toContain('由 Service Cost Planner 编制');
  });

  it('states the lever arithmetic in words and its saving', () => {
    const levers = slideWith(built.deck, '从目标到指标');
    expect(levers.text).toContain('人均单价 −15.0%：该项成本下降 15.0%');
    expect(levers.text).toContain('866.7 → 736.7');
    expect(levers.paragraphs).toContain('130.0');
  });

  it("holds the engine figures in every chart and in each chart's data sheet", async () => {
    await checkCharts(built, ZH);
  });

  it('marks the payback year and says when it comes', () => {
    const cashflow = slideWith(built.deck, '各年节省与投入');
    expect(cashflow.text).toContain('回收期：4.0 个月（0.33 年）'.replace('（0.33 年）', ' (0.33 年)'));
    expect(cashflow.charts[0]!.series[0]!.categories[0]).toBe('第 1 年（2027） ▲ 收回');
  });
});

describe('the example deck in English', () => {
  let built: Built;
  beforeAll(async () => {
    built = await build(createExampleModel('en'), {
      scenarios: ['Digital tools 20%', 'Target 15%'],
      baseline: 'Target 15%',
      style: { client: 'ACME Appliances (China) Co., Ltd.', accent: 'C0392B' },
    });
  });

  it('shows the chosen headline scenario against the baseline, in 10k yuan', async () => {
    const summary = built.deck.slides[1]!;
    for (const figure of ['173.3 10k yuan', '631.0 10k yuan', '300.5%', '356.6 10k yuan', '2.7 months', '2.436%']) expect(summary.paragraphs).toContain(figure);
    expect(summary.text).toContain('Against the baseline "Target 15%":');
    expect(summary.text).toContain('horizon saving: +157.7 10k yuan');
    expect(built.deck.slides[0]!.paragraphs).toContain('ACME Appliances (China) Co., Ltd.');
    expect(built.deck.slides[2]!.xml).toContain('C0392B');
    await checkCharts(built, EN);
    checkGeometry(built.deck);
  });

  it('the Target 15% deck shows the same figures as the Chinese one, in 10k yuan', async () => {
    const target = await build(createExampleModel('en'));
    for (const figure of ['130.0 10k yuan', '473.2 10k yuan', '225.3%', '4.0 months']) expect(target.deck.slides[1]!.paragraphs).toContain(figure);
  });

  it('follows another display unit and a chosen set of slides', async () => {
    const million = await build(createExampleModel('en'), { unit: 'million', slides: ['summary', 'cashflow'] });
    expect(million.deck.slides.map((s) => s.paragraphs[0])).toEqual(['Executive summary', 'Savings vs investment by year']);
    expect(million.deck.slides[0]!.paragraphs).toContain('1.3 million yuan');
    close(million.deck.slides[1]!.charts[0]!.series[0]!.values[0], 1.3000932);
  });

  it('refuses what it cannot present, with a message', async () => {
    await expect(buildDeck(createExampleModel('en'), { scenarios: ['Nope'] })).rejects.toThrow(DeckError);
    await expect(buildDeck({ ...createExampleModel('en'), scenarios: [] })).rejects.toThrow(/no scenario/);
  });
});

describe('a generated 1,000-line model', () => {
  let built: Built;
  beforeAll(async () => {
    const model = generateModel({ leafLines: 1000, seed: 7, scenarios: 4, horizonYears: 5 });
    // Ranges on the headline scenario: the risk slide runs the Monte Carlo.
    const scenario = model.scenarios[0]!;
    const lever = scenario.levers.find((l) => l.unitCostChange !== undefined)!;
    const change = lever.unitCostChange!;
    scenario.uncertainty = [
      {
        input: `lever:${lever.nodeId}:unitCost`,
        low: Math.min(change * 1.3, change * 0.7),
        mostLikely: change,
        high: Math.max(change * 1.3, change * 0.7),
        distribution: 'pert',
      },
      { input: 'growth', low: 0, mostLikely: scenario.volumeGrowth, high: scenario.volumeGrowth + 0.1, distribution: 'triangular' },
    ];
    built = await build(model, { language: 'en' });
  }, 60_000);

  it('holds the engine figures in every chart, keeps every shape on its slide and pages long tables', async () => {
    await checkCharts(built, EN);
    checkGeometry(built.deck);
    const levers = built.deck.slides.filter((s) => s.paragraphs[0]?.startsWith('From targets to metrics'));
    expect(levers.length).toBeGreaterThanOrEqual(1);
    expect(levers[0]!.text).toMatch(/Other levers \([\d,]+\)/);
  });

  it('shows the Monte Carlo with its seed and trials', () => {
    const risk = slideWith(built.deck, 'Risk');
    expect(risk.text).toMatch(/Seed 20270101, [\d,]+ trials/);
    expect(risk.paragraphs).toContain('P50');
  });

  it('lists all ten slide kinds', () => {
    expect(DECK_SLIDES).toHaveLength(10);
  });
});

describe('any valid model', () => {
  it('gives a deck of every slide with every shape on its slide and notes on each (random models, any value the schema accepts)', async () => {
    const models = fc.sample(arbitraryModel({ minScenarios: 1, maxScenarios: 3, range: 'full' }), { numRuns: 12, seed: 1616 });
    for (const model of models) {
      const built = await buildDeck(model, { date: DATE });
      const deck = readDeck(built.data);
      expect(deck.slides.length).toBe(built.slides);
      expect(deck.slides.length).toBeGreaterThanOrEqual(11);
      checkGeometry(deck);
      for (const slide of deck.slides)
        for (const chart of slide.charts)
          for (const series of chart.series) for (const value of series.values) expect(value === null || Number.isFinite(value)).toBe(true);
    }
  }, 120_000);
});
