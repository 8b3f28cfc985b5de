import { performance } from 'node:perf_hooks';
import { HyperFormula, type SimpleCellAddress } from 'hyperformula';
import {
  createRandom,
  createSampler,
  goalSeek,
  inputContext,
  inputValue,
  recompute,
  resolveInput,
  ScenarioEvaluator,
  simulate,
  tornado,
  type Input,
} from '../shared/analysis';
import { computeScenario, prepareTree, type PreparedTree } from '../shared/engine';
import { createExampleModel, formatIssue, validateModel, type InputRange, type Model, type Scenario } from '../shared/model';
import { buildWorkbook, TREE_SHEET, type Workbook } from './hyperformula';
import { formatCount, formatMs, measure, median, type Timing } from './timing';

/**
 * What-if analyses on the 10,000-line model (its first scenario; the prepared tree and the
 * scenario's result reused, as the app holds them in its IncrementalEngine), with the same
 * work done by HyperFormula on the same model's workbook in the same run: a tornado is 40
 * recalculations after setting an input cell, a Monte Carlo trial one recalculation after
 * setting every uncertain input's cell. HyperFormula's figures are checked against the
 * engine's.
 */
export const ANALYSIS_TARGET = {
  tornadoMs: 16,
  goalSeekMs: 10,
  monteCarlo1000Ms: 150,
  monteCarlo5000Ms: 750,
  exampleMonteCarlo10000Ms: 50,
  /** An aim, printed but not counted as a target. */
  ratioOverHyperFormula: 300,
};

const TORNADO_INPUTS = 20;
const SEED = 20270101;
const HYPERFORMULA_TRIALS = 40;

type Report = (label: string, timing: Timing, targetMs?: number) => void;

export function benchAnalysis(large: Model, report: Report): void {
  const scenario = large.scenarios[0]!;
  const tree = prepareTree(large.costTree);
  const result = computeScenario(tree, scenario, large.firstPlanYear);
  const held = { tree, result };
  const inputs = benchInputs(large, scenario, tree);
  const addresses = inputs.map((input) => input.address);
  const kinds = countKinds(inputs);

  // Tornado over 20 inputs.
  let bars: { input: string; lowOutput: number | null; highOutput: number | null; low: number; high: number }[] = [];
  const tornadoTiming = measure(
    () => {
      const answer = tornado(large, { scenario: scenario.id, output: 'npv', inputs: addresses }, held);
      if (!answer.ok) throw new Error(answer.error.message);
      bars = answer.value.bars;
    },
    { warmup: 50, runs: 200 },
  );
  report(`tornado of NPV over ${TORNADO_INPUTS} inputs (${kinds}), 10,000 lines`, tornadoTiming, ANALYSIS_TARGET.tornadoMs);

  // Goal seek: the NPV that a 50% deeper unit-cost cut on a group of lines would give, found back.
  const groupLever = scenario.levers.find((lever) => !/-l\d+$/.test(lever.nodeId) && lever.unitCostChange !== undefined) ?? scenario.levers[0]!;
  const goalInput = `lever:${groupLever.nodeId}:unitCost`;
  const target = npvWith(large, scenario, tree, goalInput, (groupLever.unitCostChange ?? -0.1) * 1.5);
  const goal = { reachable: false };
  const goalTiming = measure(
    () => {
      const answer = goalSeek(large, { scenario: scenario.id, input: goalInput, output: 'npv', target }, held);
      if (!answer.ok) throw new Error(answer.error.message);
      goal.reachable = answer.value.reachable;
    },
    { warmup: 10, runs: 50 },
  );
  report(
    `goal seek: an NPV target by the unit cost of group ${groupLever.nodeId}, 10,000 lines (${goal.reachable ? 'reached' : 'NOT reached'})`,
    goalTiming,
    ANALYSIS_TARGET.goalSeekMs,
  );
  if (!goal.reachable) process.exitCode = 1;

  // Monte Carlo with ranges on the same 20 inputs.
  const ranges = benchRanges(large, scenario, inputs);
  const ranged = withRanges(large, scenario.id, ranges);
  // Ranges do not change the tree or the computed scenario: the same tree and result hold.
  const monteCarlo = (trials: number) => {
    const answer = simulate(ranged, { scenario: scenario.id, output: 'npv', trials, seed: SEED }, held);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  const mc1000 = measure(() => monteCarlo(1_000), { warmup: 10, runs: 31 });
  report(
    `Monte Carlo, 1,000 trials, ${ranges.length} uncertain inputs, NPV with percentiles and sensitivities, 10,000 lines`,
    mc1000,
    ANALYSIS_TARGET.monteCarlo1000Ms,
  );
  const mc5000 = measure(() => monteCarlo(5_000), { warmup: 3, runs: 11 });
  report('Monte Carlo, 5,000 trials, same', mc5000, ANALYSIS_TARGET.monteCarlo5000Ms);
  const again = monteCarlo(5_000);
  if (JSON.stringify(again) !== JSON.stringify(monteCarlo(5_000))) {
    console.log('Monte Carlo with a fixed seed DIFFERS between runs');
    process.exitCode = 1;
  }

  benchExampleMonteCarlo(report);
  compareWithHyperFormula(large, scenario, tree, inputs, ranges, bars, tornadoTiming, mc1000, mc5000);
}

/** 14 levers (groups first, then lines), growth, discount and 4 investment lines. */
function benchInputs(model: Model, scenario: Scenario, tree: PreparedTree): Input[] {
  const context = inputContext(model, scenario, tree);
  const isGroup = (id: string) => !/-l\d+$/.test(id);
  const levers = [...scenario.levers.filter((l) => isGroup(l.nodeId)).slice(0, 7), ...scenario.levers.filter((l) => !isGroup(l.nodeId))].slice(0, 14);
  const texts = [
    ...levers.map(
      (lever) => `lever:${lever.nodeId}:${lever.unitCostChange !== undefined ? 'unitCost' : lever.throughputChange !== undefined ? 'throughput' : 'volume'}`,
    ),
    'growth',
    'discount',
    ...scenario.investments
      .filter((line) => line.amount.kind !== 'yearly')
      .slice(0, 4)
      .map((line) => `investment:${line.id}`),
  ];
  return texts.map((text) => {
    const resolved = resolveInput(context, text);
    if (!resolved.ok) throw new Error(`${text}: ${resolved.error.message}`);
    return resolved.value;
  });
}

function countKinds(inputs: readonly Input[]): string {
  const count = (kind: Input['target']['kind']) => inputs.filter((input) => input.target.kind === kind).length;
  return `${count('lever')} levers, growth, discount, ${count('investment')} investment lines`;
}

/** Ranges of -/+20% around each input's value (PERT), growth from half to one and a half of it. */
function benchRanges(model: Model, scenario: Scenario, inputs: readonly Input[]): InputRange[] {
  const context = inputContext(model, scenario);
  return inputs.map((input) => {
    const value = inputValue(context, input);
    const spread = input.target.kind === 'growth' ? 0.5 : 0.2;
    const [low, high] = [value * (1 - spread), value * (1 + spread)].sort((a, b) => a - b) as [number, number];
    return { input: input.address, low, mostLikely: value, high, distribution: 'pert' };
  });
}

function withRanges(model: Model, scenarioId: string, ranges: InputRange[]): Model {
  const next: Model = { ...model, scenarios: model.scenarios.map((s) => (s.id === scenarioId ? { ...s, uncertainty: ranges } : s)) };
  const valid = validateModel(next);
  if (!valid.ok) throw new Error(`bench ranges are invalid: ${valid.error.slice(0, 3).map(formatIssue).join('; ')}`);
  return next;
}

/** The NPV with one input set, from the engine. */
function npvWith(model: Model, scenario: Scenario, tree: PreparedTree, address: string, value: number): number {
  const resolved = resolveInput(inputContext(model, scenario, tree), address);
  if (!resolved.ok) throw new Error(resolved.error.message);
  return recompute(model, scenario.id, [{ input: resolved.value, value }], tree).totals.npv;
}

function benchExampleMonteCarlo(report: Report): void {
  const example = createExampleModel('en');
  const ranges: InputRange[] = [
    { input: 'lever:contact-center-labor:unitCost', low: -0.2, mostLikely: -0.15, high: -0.1, distribution: 'pert' },
    { input: 'growth', low: 0.1, mostLikely: 0.2, high: 0.3, distribution: 'triangular' },
    { input: 'investment:digital-tools', low: 250_000, mostLikely: 300_000, high: 400_000, distribution: 'pert' },
  ];
  const model = withRanges(example, 'target-15', ranges);
  const tree = prepareTree(model.costTree);
  const held = { tree, result: computeScenario(tree, model.scenarios[0]!, model.firstPlanYear) };
  const timing = measure(
    () => {
      const result = simulate(model, { scenario: 'target-15', output: 'npv', trials: 10_000, seed: SEED }, held);
      if (!result.ok) throw new Error(result.error.message);
    },
    { warmup: 5, runs: 21 },
  );
  report('Monte Carlo on the example, 10,000 trials, 3 uncertain inputs', timing, ANALYSIS_TARGET.exampleMonteCarlo10000Ms);
}

// ---------------------------------------------------------------------------------------
// HyperFormula doing the same work on the same model

function compareWithHyperFormula(
  model: Model,
  scenario: Scenario,
  tree: PreparedTree,
  inputs: readonly Input[],
  ranges: readonly InputRange[],
  bars: readonly { input: string; low: number; high: number; lowOutput: number | null; highOutput: number | null }[],
  tornadoTiming: Timing,
  mc1000: Timing,
  mc5000: Timing,
): void {
  const workbook = buildWorkbook(model);
  const buildStart = performance.now();
  const hf = HyperFormula.buildFromSheets(workbook.sheets, { licenseKey: 'gpl-v3', smartRounding: false });
  const buildMs = performance.now() - buildStart;
  try {
    const scenarioIndex = model.scenarios.indexOf(scenario);
    const cells = inputs.map((input) => inputCell(hf, workbook, scenario, scenarioIndex, input));
    const npvRef = workbook.scenarios[scenarioIndex]!.npv;
    const npvCell: SimpleCellAddress = { sheet: hf.getSheetId(npvRef.sheet)!, col: npvRef.col, row: npvRef.row };
    const read = (): number => {
      const value = hf.getCellValue(npvCell);
      if (typeof value !== 'number') throw new Error(`HyperFormula NPV is ${String(value)}`);
      return value;
    };
    const set = (cell: SimpleCellAddress, value: number) => hf.setCellContents(cell, [[value]]);
    const baseValues = inputs.map((input) => inputValue(inputContext(model, scenario, tree), input));
    console.log(
      `HyperFormula ${HyperFormula.version}, the same 10,000-line model (${formatCount(workbook.formulaCount)} formulas, built in ${formatMs(buildMs)} ms), ` +
        `input cells set with setCellContents, one recalculation per evaluation:`,
    );

    // Tornado: each input to its low, then its high; the previous input restored in the same batch.
    const byAddress = new Map(bars.map((bar) => [bar.input, bar]));
    const runs: number[] = [];
    let worst = 0;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      let previous = -1;
      inputs.forEach((input, k) => {
        const bar = byAddress.get(input.address)!;
        hf.batch(() => {
          if (previous >= 0) set(cells[previous]!, baseValues[previous]!);
          set(cells[k]!, bar.low);
        });
        const low = read();
        set(cells[k]!, bar.high);
        const high = read();
        worst = Math.max(worst, relative(low, bar.lowOutput!), relative(high, bar.highOutput!));
        previous = k;
      });
      set(cells[previous]!, baseValues[previous]!);
      runs.push(performance.now() - start);
    }
    const hfTornado = median(runs);
    printRatio(
      `tornado (${inputs.length * 2} recalculations): HyperFormula ${formatMs(hfTornado)} ms / engine ${formatMs(tornadoTiming.medianMs)} ms`,
      hfTornado / tornadoTiming.medianMs,
      worst,
    );

    // Monte Carlo: the same draws as simulate(), every uncertain cell set, one recalculation per trial.
    const random = createRandom(SEED);
    const samplers = ranges.map((range) => createSampler(range.distribution, range.low, range.mostLikely, range.high));
    const evaluator = new ScenarioEvaluator(tree, scenario, inputs, baseValues);
    const trialMs: number[] = [];
    let mcWorst = 0;
    for (let t = 0; t < HYPERFORMULA_TRIALS; t++) {
      const values = samplers.map((sample) => sample(random));
      const start = performance.now();
      hf.batch(() => values.forEach((value, k) => set(cells[k]!, value)));
      const npv = read();
      trialMs.push(performance.now() - start);
      mcWorst = Math.max(mcWorst, relative(npv, evaluator.evaluate(values).totals.npv));
    }
    const perTrial = median(trialMs);
    console.log(`  one Monte Carlo trial in HyperFormula (${ranges.length} cells set): median ${formatMs(perTrial)} ms over ${HYPERFORMULA_TRIALS} trials`);
    printRatio(
      `Monte Carlo 1,000 trials: HyperFormula ~${formatCount(Math.round(perTrial * 1_000))} ms / engine ${formatMs(mc1000.medianMs)} ms`,
      (perTrial * 1_000) / mc1000.medianMs,
      mcWorst,
    );
    printRatio(
      `Monte Carlo 5,000 trials: HyperFormula ~${formatCount(Math.round(perTrial * 5_000))} ms / engine ${formatMs(mc5000.medianMs)} ms`,
      (perTrial * 5_000) / mc5000.medianMs,
      mcWorst,
    );
  } finally {
    hf.destroy();
  }
}

function printRatio(label: string, ratio: number, worstDifference: number): void {
  const agrees = worstDifference <= 1e-9;
  if (!agrees) process.exitCode = 1;
  const aim = ANALYSIS_TARGET.ratioOverHyperFormula;
  console.log(
    `  ${label} = ${formatCount(Math.round(ratio))}x (aim >= ${aim}x) ${ratio >= aim ? 'OK' : 'below aim'}; ` +
      `same NPVs (max relative difference ${worstDifference.toExponential(1)}) ${agrees ? 'OK' : 'MISMATCH'}`,
  );
}

function relative(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** The workbook cell that holds an input: a lever column of the tree sheet, or the scenario sheet's parameters. */
function inputCell(hf: HyperFormula, workbook: Workbook, scenario: Scenario, scenarioIndex: number, input: Input): SimpleCellAddress {
  const scenarioSheet = hf.getSheetId(`S${scenarioIndex + 1}`)!;
  const target = input.target;
  switch (target.kind) {
    case 'lever': {
      const rows = workbook.sheets[TREE_SHEET]!;
      const row = rows.findIndex((cells) => cells[0] === target.nodeId);
      const col = rows[0]!.indexOf(`${scenario.id} ${target.lever}`);
      return { sheet: hf.getSheetId(TREE_SHEET)!, col, row };
    }
    case 'growth':
      return { sheet: scenarioSheet, col: 1, row: 1 };
    case 'discount':
      return { sheet: scenarioSheet, col: 1, row: 2 };
    case 'investment': {
      // A per-year amount or a share of the saving sits in the parameter column after the years.
      const line = scenario.investments.findIndex((candidate) => candidate.id === target.lineId);
      return { sheet: scenarioSheet, col: scenario.horizonYears + 1, row: 6 + line };
    }
    default:
      throw new Error(`the bench does not move ${input.address} in HyperFormula`);
  }
}
