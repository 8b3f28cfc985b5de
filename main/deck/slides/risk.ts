import { inputContext, inputLabel, resolveInput, scenarioInputs, simulate, tornado, type SimulationResult, type TornadoResult } from '../../../shared/analysis';
import { text as vocabularyText } from '../../../shared/i18n/vocabulary';
import { ANALYSIS_SEED, ANALYSIS_SWING, analysisTrials } from '../../excel/sheets/analysis';
import { money, number, percent, withUnit, type DeckContext } from '../context';
import { cutToLines } from '../fit';
import { addFittedText, BAD, chartBase, CONTENT, contentSlide, MUTED, RULE } from '../layout';

/** Bars the tornado shows: the largest swings. */
export const MAX_TORNADO_BARS = 10;

export interface RiskAnalyses {
  tornado: TornadoResult | null;
  simulation: { npv: SimulationResult; saving: SimulationResult } | null;
  /** Input address -> its label in the deck's language. */
  label: (address: string) => string;
}

/**
 * The tornado of NPV (each input alone to its uncertainty range, else -/+10%) and, when the
 * scenario has ranges, the Monte Carlo of NPV and of the horizon saving, with the seed and
 * trial count of the workbook's Analyses sheet: the same figures as there and as
 * `costplan simulate --seed 20270101`.
 */
export function riskAnalyses(context: DeckContext): RiskAnalyses {
  const { model, headline, tree, headlineResult: result, language } = context;
  const options = { tree, result };
  const bars = tornado(model, { scenario: headline.id, output: 'npv', swing: ANALYSIS_SWING }, options);
  const inputs = inputContext(model, headline, tree);
  const byAddress = new Map(scenarioInputs(inputs).map((input) => [input.address, input]));
  const label = (address: string) => {
    const input =
      byAddress.get(address) ??
      (() => {
        const found = resolveInput(inputs, address, { idsOnly: true });
        return found.ok ? found.value : undefined;
      })();
    return input ? inputLabel(inputs, input, language) : address;
  };
  let simulation: RiskAnalyses['simulation'] = null;
  if ((headline.uncertainty ?? []).length > 0) {
    const trials = analysisTrials(tree.ids.length);
    const npv = simulate(model, { scenario: headline.id, output: 'npv', trials, seed: ANALYSIS_SEED }, options);
    const saving = simulate(model, { scenario: headline.id, output: 'saving', trials, seed: ANALYSIS_SEED }, options);
    if (npv.ok && saving.ok) simulation = { npv: npv.value, saving: saving.value };
  }
  return { tornado: bars.ok ? bars.value : null, simulation, label };
}

/** The tornado's bars as the chart holds them: the change of NPV from its base at each end, largest swing on top. */
export function tornadoSeries(context: DeckContext, analyses: RiskAnalyses): { labels: string[]; low: number[]; high: number[]; bars: TornadoResult['bars'] } {
  const result = analyses.tornado;
  if (!result || result.base === null) return { labels: [], low: [], high: [], bars: [] };
  const base = result.base;
  const bars = result.bars.slice(0, MAX_TORNADO_BARS).reverse();
  return {
    labels: bars.map((bar) => cutToLines(analyses.label(bar.input), 22, 1)),
    low: bars.map((bar) => ((bar.lowOutput ?? base) - base) / context.unitFactor),
    high: bars.map((bar) => ((bar.highOutput ?? base) - base) / context.unitFactor),
    bars,
  };
}

/** Slide 9: the tornado of NPV and the Monte Carlo P10 / P50 / P90 with its seed and trials. */
export function riskSlide(context: DeckContext): void {
  const { pptx, text, headline, style, figures, language } = context;
  const slide = contentSlide(context, text('slides.risk'), text('scenarioLine', { name: headline.name, u: context.unitLabel }));
  const analyses = riskAnalyses(context);
  const series = tornadoSeries(context, analyses);
  const chartW = 7.7;
  addFittedText(
    context,
    slide,
    text('risk.tornado', { output: figures.npv.label }),
    { x: CONTENT.x, y: CONTENT.y, w: chartW, h: 0.4 },
    { max: 13, min: 9, bold: true },
  );
  if (series.labels.length > 0) {
    // A symmetric axis with room beyond the longest bar for its label, which would else run into the names.
    const longest = Math.max(...series.low.map(Math.abs), ...series.high.map(Math.abs)) * 1.3 || 1;
    const step = niceStep(longest / 3);
    const reach = Math.ceil(longest / step) * step;
    slide.addChart(
      pptx.ChartType.bar,
      [
        { name: text('risk.low'), labels: series.labels, values: series.low },
        { name: text('risk.high'), labels: series.labels, values: series.high },
      ],
      {
        ...chartBase(context),
        x: CONTENT.x,
        y: CONTENT.y + 0.45,
        w: chartW,
        h: CONTENT.h - 0.5,
        barDir: 'bar',
        barGrouping: 'clustered',
        barOverlapPct: 100,
        barGapWidthPct: 40,
        chartColors: [BAD, style.accent],
        showValue: true,
        dataLabelFormatCode: '+#,##0.0;-#,##0.0;;',
        valAxisLabelFormatCode: '#,##0',
        valAxisMinVal: -reach,
        valAxisMaxVal: reach,
        valAxisMajorUnit: step,
        valAxisTitle: withUnit(context, `Δ ${figures.npv.label}`),
        showValAxisTitle: true,
        valAxisTitleFontSize: 10,
        valAxisTitleColor: MUTED,
        catAxisLabelPos: 'low',
        catAxisLabelFontSize: series.labels.length > 7 ? 8 : 10,
        showLegend: true,
        legendPos: 'b',
        altText: text('risk.tornado', { output: figures.npv.label }),
      },
    );
  } else addFittedText(context, slide, text('risk.noInputs'), { x: CONTENT.x, y: CONTENT.y + 0.6, w: chartW, h: 0.5 }, { max: 14, min: 10, color: MUTED });

  const panelX = CONTENT.x + chartW + 0.3;
  const panelW = CONTENT.w - chartW - 0.3;
  slide.addShape(pptx.ShapeType.rect, { x: panelX, y: CONTENT.y, w: panelW, h: CONTENT.h, fill: { color: 'F7F9FB' }, line: { color: RULE, width: 0.75 } });
  addFittedText(context, slide, text('risk.monteCarlo'), { x: panelX + 0.15, y: CONTENT.y + 0.1, w: panelW - 0.3, h: 0.45 }, { max: 13, min: 9, bold: true });
  const sim = analyses.simulation;
  const m = (value: number | null) => (value === null ? '—' : money(context, value));
  if (!sim)
    addFittedText(context, slide, text('risk.noRanges'), { x: panelX + 0.15, y: CONTENT.y + 0.6, w: panelW - 0.3, h: 2 }, { max: 12, min: 8, color: MUTED });
  else {
    const rows: [string, string, string][] = [
      ['', withUnit(context, figures.npv.label), withUnit(context, figures.saving.label)],
      ['P10', m(sim.npv.p10), m(sim.saving.p10)],
      ['P50', m(sim.npv.p50), m(sim.saving.p50)],
      ['P90', m(sim.npv.p90), m(sim.saving.p90)],
    ];
    slide.addTable(
      rows.map((row, r) =>
        row.map((cell, c) => ({
          text: cell,
          options: { bold: r === 0 || c === 0, align: c === 0 ? ('left' as const) : ('right' as const), fontSize: r === 0 ? 9 : 12 },
        })),
      ),
      {
        x: panelX + 0.15,
        y: CONTENT.y + 0.65,
        w: panelW - 0.3,
        colW: [0.7, (panelW - 1) / 2, (panelW - 1) / 2],
        fontFace: context.font,
        fontSize: 12,
        border: { type: 'solid', color: RULE, pt: 0.5 },
        margin: 3,
      },
    );
    const facts = [
      `${text('risk.probabilityRoi')}: ${percent(context, sim.npv.probabilityRoiAboveOne)}`,
      `${text('risk.probabilityPayback')}: ${percent(context, sim.npv.probabilityPaybackWithinHorizon)}`,
      text('risk.seedTrials', { seed: sim.npv.seed, trials: number(context, sim.npv.trials, 0) }),
    ].join('\n');
    addFittedText(context, slide, facts, { x: panelX + 0.15, y: CONTENT.y + 2.45, w: panelW - 0.3, h: 1.3 }, { max: 12, min: 8 });
    const ranges = sim.npv.ranges
      .map((range) => `${analyses.label(range.input)}: ${vocabularyText(language, 'analysis', `distribution.${range.distribution}`)}`)
      .join('\n');
    addFittedText(context, slide, ranges, { x: panelX + 0.15, y: CONTENT.y + 3.8, w: panelW - 0.3, h: CONTENT.h - 3.9 }, { max: 10, min: 7, color: MUTED });
  }
  slide.addNotes(riskNotes(context, analyses));
}

/** The smallest of 1, 2, 5 x 10^k at or above `raw`: round tick steps. */
export function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((factor) => factor * magnitude >= raw) ?? 10) * magnitude;
}

function riskNotes(context: DeckContext, analyses: RiskAnalyses): string {
  const { text } = context;
  const m = (value: number | null) => (value === null ? '—' : money(context, value, 4));
  const lines = [text('notes.unit', { u: context.unitLabel })];
  const result = analyses.tornado;
  if (result) {
    lines.push(text('notes.tornado', { swing: ANALYSIS_SWING * 100, base: m(result.base) }));
    for (const bar of result.bars.slice(0, MAX_TORNADO_BARS))
      lines.push(
        `${analyses.label(bar.input)}: ${number(context, bar.low, 6)} → ${m(bar.lowOutput)}; ${number(context, bar.high, 6)} → ${m(bar.highOutput)}; ${text('notes.swing')} ${m(bar.swing)}`,
      );
  }
  const sim = analyses.simulation;
  if (sim) {
    lines.push(text('notes.monteCarlo', { seed: sim.npv.seed, trials: sim.npv.trials }));
    lines.push(`NPV: P10 ${m(sim.npv.p10)}, P50 ${m(sim.npv.p50)}, P90 ${m(sim.npv.p90)}, ${text('notes.mean')} ${m(sim.npv.mean)}`);
    lines.push(
      `${context.figures.saving.label}: P10 ${m(sim.saving.p10)}, P50 ${m(sim.saving.p50)}, P90 ${m(sim.saving.p90)}, ${text('notes.mean')} ${m(sim.saving.mean)}`,
    );
    for (const range of sim.npv.ranges)
      lines.push(`${analyses.label(range.input)}: ${range.low} / ${range.mostLikely} / ${range.high} (${range.distribution})`);
  } else lines.push(text('risk.noRanges'));
  return lines.join('\n');
}
