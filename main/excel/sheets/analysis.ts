import {
  bridge,
  inputContext,
  inputLabel,
  inputUnit,
  resolveInput,
  scenarioInputs,
  simulate,
  tornadoes,
  type Input,
  type InputContext,
  type OutputName,
  type SimulationResult,
  type TornadoResult,
} from '../../../shared/analysis';
import type { ScenarioResult } from '../../../shared/engine/compute';
import { text as vocabularyText } from '../../../shared/i18n/vocabulary';
import { distributionMessage } from '../../../shared/workbook/words';
import { DISTRIBUTIONS, type Model, type Scenario } from '../../../shared/model/schema';
import { absolute, onSheet, text as literal } from '../formulas';
import { SCENARIO_COL } from '../layout';
import { cellName, type CellContent, type DataValidation, type SheetWriter } from '../xlsx-writer';
import { label, printSetup, type SheetContext } from './context';

/**
 * The what-if analyses of every exported scenario, as values the engine computed (no formulas:
 * a note on the sheet says they do not recalculate): a tornado of NPV and of the horizon
 * saving (+/-10%), the bridge of the horizon saving, and, for a scenario with uncertainty
 * ranges, a Monte Carlo simulation with its seed and trial count written in the sheet.
 */
export const ANALYSIS_SWING = 0.1;
export const ANALYSIS_SEED = 20270101;
export const ANALYSIS_TRIALS = 10_000;
/** Cost lines x trials a scenario may simulate (per output) before the trials are lowered. */
const TRIAL_BUDGET = 10_000_000;
const MIN_TRIALS = 1_000;

/** The trials simulated for a model of `lines` cost lines: 10,000, fewer for a large model. */
export function analysisTrials(lines: number): number {
  return Math.max(MIN_TRIALS, Math.min(ANALYSIS_TRIALS, Math.floor(TRIAL_BUDGET / Math.max(1, lines) / 100) * 100));
}

/** Rows a tornado shows (the largest swings) and levers a bridge shows one by one: a big model's sheet stays small. */
export const MAX_TORNADO_BARS = 100;
export const MAX_BRIDGE_LEVERS = 100;

export const ANALYSIS_COL = { label: 1, low: 2, high: 3, atLow: 4, atHigh: 5, swing: 6, source: 7 } as const;
const TORNADO_OUTPUTS = ['npv', 'saving'] as const satisfies readonly OutputName[];

/** What the sheet shows for one scenario: the engine's results. */
export interface ScenarioAnalyses {
  tornado: Record<(typeof TORNADO_OUTPUTS)[number], TornadoResult | undefined>;
  bridge: ReturnType<typeof bridge>;
  simulation?: { npv: SimulationResult; saving: SimulationResult };
}

export function analyseScenario(model: Model, context: SheetContext, scenario: Scenario, result: ScenarioResult, trials: number): ScenarioAnalyses {
  const options = { tree: context.tree, result };
  const pair = tornadoes(model, { scenario: scenario.id, outputs: TORNADO_OUTPUTS, swing: ANALYSIS_SWING }, options);
  const [npvTornado, savingTornado] = pair.ok ? pair.value : [];
  const analyses: ScenarioAnalyses = { tornado: { npv: npvTornado, saving: savingTornado }, bridge: bridge(scenario, result) };
  if ((scenario.uncertainty ?? []).length > 0) {
    const simulation = (output: OutputName) => simulate(model, { scenario: scenario.id, output, trials, seed: ANALYSIS_SEED }, options);
    const npv = simulation('npv');
    const saving = simulation('saving');
    if (npv.ok && saving.ok) analyses.simulation = { npv: npv.value, saving: saving.value };
  }
  return analyses;
}

/** Where a scenario's uncertainty ranges stand on the Analyses sheet: inputs the import reads back. */
export interface RangeTable {
  /** The scenario's index among the exported ones. */
  scenario: number;
  firstRow: number;
  count: number;
}
export const RANGE_COL = { low: 2, mostLikely: 3, high: 4, distribution: 5 } as const;

/** `rangeTables` receives where each scenario's ranges were written (for the hidden sheet the import reads). */
export function analysisSheet(context: SheetContext, model: Model, rangeTables: RangeTable[] = []): SheetWriter {
  const { layout, palette, text, client, scenarios, results, unitFactor, language } = context;
  // Filled as the range tables are written; rendered when the sheet is added.
  const validations: DataValidation[] = [];
  const sheet = context.writer.sheet(layout.analysisSheet, {
    widths: [52, 18, 18, 22, 22, 22, 22],
    freeze: { rows: 3, columns: 1 },
    print: printSetup(context, [1, 3], true),
    protect: true,
    validations,
  });
  // Every row is streamed (a big model's tornado holds many rows); columns ascending.
  let row = 0;
  const put = (...cells: [col: number, content: CellContent, style: number][]) => {
    row++;
    if (cells.length === 0) return;
    sheet.beginRow(row);
    for (const [col, content, style] of cells) sheet.cell(col, content, style);
    sheet.endRow();
  };
  const headers = (...captions: string[]) => put(...captions.map((caption, k): [number, CellContent, number] => [k + 1, caption, palette.header]));
  put([1, text('analysis.title', { model: model.name }), palette.title]);
  put([1, `${client('analyses.stamp', { date: context.date, seed: ANALYSIS_SEED })} ${text('analysis.note')}`, palette.legendFormula]);
  // The one live cell of the sheet: have the inputs changed since these values were computed?
  put([1, changedSince(context), palette.flagCell]);
  put(
    [1, text('legend.unit', { amountUnit: context.unit }), palette.legendFormula],
    [4, client('analyses.liveElsewhere', { sheet: layout.chartsSheet }), palette.legendFormula],
  );
  const trials = analysisTrials(context.tree.ids.length);
  const money = (value: number | null): CellContent => (value === null ? text('figures.notApplicable') : value / unitFactor);

  scenarios.forEach((scenario, s) => {
    const inputs = inputContext(model, scenario, context.tree);
    const byAddress = new Map(scenarioInputs(inputs).map((input) => [input.address, input]));
    const find = (address: string) => byAddress.get(address) ?? resolved(inputs, address);
    const name = (address: string) => {
      const input = find(address);
      return input ? inputLabel(inputs, input, language) : address;
    };
    const value = (address: string, v: number): [number, number] => {
      const input = find(address);
      return input && inputUnit(inputs, input) === 'money' ? [v / unitFactor, palette.amount] : [v, palette.percent];
    };
    const analyses = analyseScenario(model, context, scenario, results.scenarios[s]!, trials);

    put([1, text('analysis.scenario', { name: scenario.name }), palette.title]);
    put();
    for (const output of TORNADO_OUTPUTS) {
      const result = analyses.tornado[output];
      const outputName = text(`analysis.outputs.${output}`);
      put([1, text('analysis.tornado', { output: outputName, swing: ANALYSIS_SWING * 100 }), palette.section]);
      if (!result) {
        put();
        continue;
      }
      put([1, label(context, text('analysis.base', { output: outputName })), palette.text], [2, money(result.base), palette.amount]);
      if (result.bars.length > MAX_TORNADO_BARS) put([1, text('analysis.largest', { shown: MAX_TORNADO_BARS, of: result.bars.length }), palette.note]);
      headers(
        text('analysis.input'),
        label(context, text('analysis.low')),
        label(context, text('analysis.high')),
        label(context, text('analysis.atLow', { output: outputName })),
        label(context, text('analysis.atHigh', { output: outputName })),
        label(context, text('analysis.swing', { output: outputName })),
        text('analysis.source'),
      );
      for (const bar of result.bars.slice(0, MAX_TORNADO_BARS)) {
        const [low, lowStyle] = value(bar.input, bar.low);
        const [high, highStyle] = value(bar.input, bar.high);
        put(
          [ANALYSIS_COL.label, name(bar.input), palette.text],
          [ANALYSIS_COL.low, low, lowStyle],
          [ANALYSIS_COL.high, high, highStyle],
          [ANALYSIS_COL.atLow, money(bar.lowOutput), palette.amount],
          [ANALYSIS_COL.atHigh, money(bar.highOutput), palette.amount],
          [ANALYSIS_COL.swing, money(bar.swing), palette.amount],
          [ANALYSIS_COL.source, text(`analysis.sources.${bar.source}`), palette.text],
        );
      }
      put();
    }

    put([1, text('analysis.bridge'), palette.section]);
    headers(text('analysis.step'), text('analysis.change'), label(context, text('analysis.yearOneSaving')), label(context, text('analysis.horizonSaving')));
    const { shown, others } = bridgeRows(analyses.bridge.steps);
    for (const step of shown) {
      if (step.kind === 'lever') {
        const node = inputs.nodeById(step.nodeId)?.name ?? step.nodeId;
        put(
          [
            1,
            vocabularyText(language, 'analysis', 'input.lever', { node, lever: vocabularyText(language, 'figures', `leverInText.${step.lever}`) }),
            palette.text,
          ],
          [2, step.change, palette.percent],
          [3, step.yearOneSaving / unitFactor, palette.amount],
          [4, step.saving / unitFactor, palette.amount],
        );
      } else put([1, text('analysis.growthStep'), palette.text], [4, step.saving / unitFactor, palette.amount]);
    }
    if (others)
      put(
        [1, text('analysis.otherLevers', { levers: others.count }), palette.text],
        [3, others.yearOneSaving / unitFactor, palette.amount],
        [4, others.saving / unitFactor, palette.amount],
      );
    put(
      [1, text('analysis.total'), palette.section],
      [3, analyses.bridge.yearOneSaving / unitFactor, palette.amount],
      [4, analyses.bridge.saving / unitFactor, palette.amount],
    );
    put();

    put([1, text('analysis.monteCarlo'), palette.section]);
    const simulation = analyses.simulation;
    if (!simulation) {
      put([1, text('analysis.noRanges'), palette.note]);
      put();
      put();
      return;
    }
    put([1, text('analysis.seed'), palette.text], [2, simulation.npv.seed, palette.integer]);
    if (simulation.npv.trials < ANALYSIS_TRIALS)
      put(
        [1, text('analysis.trials'), palette.text],
        [2, simulation.npv.trials, palette.integer],
        [3, text('analysis.trialsLowered', { full: ANALYSIS_TRIALS }), palette.note],
      );
    else put([1, text('analysis.trials'), palette.text], [2, simulation.npv.trials, palette.integer]);
    put();
    headers(
      text('analysis.input'),
      label(context, text('analysis.low')),
      label(context, text('analysis.mostLikely')),
      label(context, text('analysis.high')),
      text('analysis.distribution'),
    );
    // The ranges are inputs (the import reads them back): low, most likely, high and the
    // distribution, chosen from a drop-down in the workbook's language.
    const ranges = scenario.uncertainty ?? [];
    const firstRow = row + 1;
    for (const range of ranges) {
      const cells: [number, CellContent, number][] = [[1, name(range.input), palette.text]];
      [range.low, range.mostLikely, range.high].forEach((v, k) => {
        const [shown, style] = value(range.input, v);
        cells.push([k + 2, shown, style === palette.amount ? palette.inputAmount : palette.inputPercent]);
      });
      cells.push([RANGE_COL.distribution, vocabularyText(language, 'analysis', `distribution.${range.distribution}`), palette.inputText]);
      put(...cells);
    }
    if (ranges.length > 0) {
      rangeTables.push({ scenario: s, firstRow, count: ranges.length });
      const words = DISTRIBUTIONS.map((distribution) => vocabularyText(language, 'analysis', `distribution.${distribution}`));
      validations.push({
        sqref: `${cellName(firstRow, RANGE_COL.distribution)}:${cellName(row, RANGE_COL.distribution)}`,
        type: 'list',
        formula1: `"${words.join(',')}"`,
        prompt: { title: client('input.title'), text: distributionMessage(client, words) },
        error: { title: client('input.title'), text: client('input.bad') },
      });
    }
    put();
    headers(
      text('analysis.figure'),
      label(context, text('analysis.amount', { output: text('analysis.outputs.npv') })),
      label(context, text('analysis.amount', { output: text('analysis.outputs.saving') })),
    );
    const figures: [string, (result: SimulationResult) => number | null][] = [
      ['P10', (r) => r.p10],
      ['P50', (r) => r.p50],
      ['P90', (r) => r.p90],
      [text('analysis.mean'), (r) => r.mean],
    ];
    for (const [caption, pick] of figures)
      put([1, caption, palette.text], [2, money(pick(simulation.npv)), palette.amount], [3, money(pick(simulation.saving)), palette.amount]);
    put([1, text('analysis.probabilityRoi'), palette.text], [2, simulation.npv.probabilityRoiAboveOne, palette.ratio]);
    put([1, text('analysis.probabilityPayback'), palette.text], [2, simulation.npv.probabilityPaybackWithinHorizon, palette.ratio]);
    put();
    put();
  });
  return sheet;
}

type Step = ScenarioAnalyses['bridge']['steps'][number];

/**
 * "Unchanged since export" while every scenario's year-1 saving, horizon saving, investment
 * and NPV are still the values these analyses were computed from (within 10^-9), else the
 * warning that the sheet is stale.
 */
function changedSince(context: SheetContext): { f: string; v: string } {
  const { layout, results, unitFactor, client } = context;
  const terms: string[] = [];
  layout.scenarios.forEach((at, s) => {
    const result = results.scenarios[s]!;
    const figures: [number, number][] = [
      [at.row.baseSaving, result.baseSaving],
      [at.row.totalSaving, result.totals.saving],
      [at.row.totalInvestment, result.totals.investment],
      [at.row.npv, result.totals.npv],
    ];
    for (const [row, value] of figures) {
      const exported = value / unitFactor;
      terms.push(`(ABS(${onSheet(at.sheet, absolute(row, SCENARIO_COL.total))}-(${exported}))>0.000000001*(1+ABS(${exported})))`);
    }
  });
  const changed = terms.length > 0 ? terms.join('+') : '0';
  return {
    f: `IF(${changed}>0,${literal(`✗ ${client('analyses.changed')}`)},${literal(`✓ ${client('analyses.unchanged')}`)})`,
    v: `✓ ${client('analyses.unchanged')}`,
  };
}

/**
 * The bridge steps to show: every step when there are at most MAX_BRIDGE_LEVERS levers, else the
 * largest levers (by |horizon saving|, in the bridge's order) and one row for all the others, so
 * the rows still add up to the horizon saving.
 */
export function bridgeRows(steps: readonly Step[]): { shown: Step[]; others?: { count: number; yearOneSaving: number; saving: number } } {
  const levers = steps.filter((step) => step.kind === 'lever');
  if (levers.length <= MAX_BRIDGE_LEVERS) return { shown: [...steps] };
  const keep = new Set(
    levers
      .map((step, k) => ({ k, size: Math.abs(step.saving) }))
      .sort((a, b) => b.size - a.size || a.k - b.k)
      .slice(0, MAX_BRIDGE_LEVERS - 1)
      .map((entry) => levers[entry.k]!),
  );
  let yearOneSaving = 0;
  let saving = 0;
  for (const step of levers)
    if (!keep.has(step)) {
      yearOneSaving += step.yearOneSaving;
      saving += step.saving;
    }
  return { shown: steps.filter((step) => step.kind !== 'lever' || keep.has(step)), others: { count: levers.length - keep.size, yearOneSaving, saving } };
}

function resolved(context: InputContext, address: string): Input | undefined {
  const found = resolveInput(context, address, { idsOnly: true });
  return found.ok ? found.value : undefined;
}
