import { HyperFormula } from 'hyperformula';
import { computeScenario, computeValidModel, IncrementalEngine, prepareTree, type ComputeOptions, type ModelResult } from '../shared/engine';
import type { Model } from '../shared/model/schema';
import { formatIssue, validateModel } from '../shared/model/validate';
import { DEFAULT_SEED, generateModel } from './generate';
import { withRevenue } from './generate-revenue';
import { buildWorkbook, computeWithHyperFormula, type ScenarioFigures } from './hyperformula';
import { benchAnalysis } from './analysis';
import { benchCli } from './cli';
import { benchDeck } from './deck';
import { benchExcel, benchExport } from './excel';
import { benchStore } from './store';
import { formatCount, formatMs, measure, median, type Timing } from './timing';

/**
 * `npm run bench`: how fast the engine computes large models, and how that compares with a
 * formula engine (HyperFormula) computing the same workbook. Exits 0 when a target is missed
 * (it is marked MISSED), 1 only when HyperFormula and the engine disagree on a figure.
 */
const TARGET = {
  fullComputeMs: 50,
  oneLeverMs: 1,
  speedupOverHyperFormula: 100,
};
const RELATIVE_TOLERANCE = 1e-9;
const HYPERFORMULA_RUNS = 3;

let targetsMet = 0;
let targetsMissed = 0;

async function main(): Promise<void> {
  console.log(`Service Cost Planner benchmark: Node ${process.version}, generated models (seed ${DEFAULT_SEED}), medians after warm-up`);
  const small = validGeneratedModel(1_000);
  const large = validGeneratedModel(10_000);

  report(
    'full compute, 1,000 lines x 10 scenarios',
    measure(() => fullCompute(small), { warmup: 10, runs: 50 }),
  );
  const full = measure(() => fullCompute(large), { warmup: 5, runs: 50 });
  report('full compute, 10,000 lines x 10 scenarios', full, TARGET.fullComputeMs);
  const fullWithoutAttribution = measure(() => fullCompute(large, { contributions: false }), { warmup: 5, runs: 50 });
  report('full compute, 10,000 lines x 10 scenarios, contributions off', fullWithoutAttribution);
  benchOneScenario(large);
  benchOneLeverRecompute(large, {}, 'one-lever recompute, 10,000 lines, every figure (bridge attribution on first read)', TARGET.oneLeverMs);
  benchOneLeverRecompute(large, { contributions: false }, 'one-lever recompute, 10,000 lines, contributions off');
  benchHyperFormula(large, full, fullWithoutAttribution);
  // Not an engine figure, but every load and CLI run pays it before computing (computeModel validates first).
  report(
    'validateModel, 10,000 lines x 10 scenarios',
    measure(() => validateModel(large), { warmup: 1, runs: 3 }),
  );
  await benchRevenue(large);
  benchAnalysis(large, report);
  await benchStore(large, report);
  await benchExcel(large, report, countTarget);
  benchCli(report);
  await benchDeck(large, report);

  const total = targetsMet + targetsMissed;
  console.log(targetsMissed === 0 ? `all ${total} targets met` : `${targetsMissed} of ${total} targets MISSED`);
}

/** Reads a lazy value so that it is computed. */
function touch(value: unknown): void {
  if (value === undefined) throw new Error('a lazy value was missing');
}

/** What a model load or a tree edit costs: resolve the tree, then every scenario (with attribution by default). */
function fullCompute(model: Model, options: ComputeOptions = {}): ModelResult {
  const result = computeValidModel(model, prepareTree(model.costTree), options);
  // Attribution is lazy; a full compute includes it, as a model load that draws every bridge would.
  for (const scenario of result.scenarios) touch(scenario.contributions);
  return result;
}

function validGeneratedModel(leafLines: number): Model {
  const model = generateModel({ leafLines });
  const validated = validateModel(model);
  if (!validated.ok) throw new Error(`generated model is invalid: ${validated.error.slice(0, 3).map(formatIssue).join('; ')}`);
  const depth = Math.max(...prepareTree(model.costTree).depth);
  const levers = model.scenarios.reduce((sum, scenario) => sum + scenario.levers.length, 0);
  const investments = model.scenarios.reduce((sum, scenario) => sum + scenario.investments.length, 0);
  console.log(
    `model: ${formatCount(leafLines)} lines (${formatCount(model.costTree.length)} nodes, depth ${depth}), ` +
      `${model.scenarios.length} scenarios, ${formatCount(levers)} levers, ${investments} investment lines, horizon ${model.scenarios[0]?.horizonYears} years`,
  );
  return model;
}

function benchOneScenario(model: Model): void {
  const tree = prepareTree(model.costTree);
  const scenario = model.scenarios[0]!;
  const withoutAttribution = measure(() => computeScenario(tree, scenario, model.firstPlanYear, { contributions: false }), { warmup: 10, runs: 50 });
  report('one scenario, 10,000 lines, contributions off (computeScenario)', withoutAttribution);
  const withAttribution = measure(() => computeScenario(tree, scenario, model.firstPlanYear).contributions, { warmup: 10, runs: 50 });
  report(`one scenario, 10,000 lines, contributions on (${formatCount(scenario.levers.length)} levers)`, withAttribution);
}

/**
 * A planner drags one lever: the model is edited immutably (a new scenario with a new levers
 * array, the same cost tree), so IncrementalEngine reuses the prepared tree and the other
 * nine results and recomputes one scenario.
 */
function benchOneLeverRecompute(model: Model, options: ComputeOptions, label: string, targetMs?: number): void {
  const engine = new IncrementalEngine(options);
  let next = model;
  let step = 0;
  let result = engine.compute(next);
  const timing = measure(
    () => {
      result = engine.compute(next);
    },
    { warmup: 10, runs: 50, before: () => (next = withOneLeverChanged(next, step++)) },
  );
  // One more edit, checked: only its scenario is new, and it equals a from-scratch compute.
  const previous = result;
  const edited = withOneLeverChanged(next, step);
  const after = engine.compute(edited);
  const reused = after.scenarios.filter((scenario, i) => scenario === previous.scenarios[i]).length;
  const fresh = fullCompute(edited);
  const agrees = after.scenarios.every(
    (scenario, i) => scenario.totals.saving === fresh.scenarios[i]!.totals.saving && scenario.totals.npv === fresh.scenarios[i]!.totals.npv,
  );
  const check = `${reused} of ${after.scenarios.length} results reused, ${agrees ? 'same totals as a full compute' : 'totals DIFFER from a full compute'}`;
  report(`${label} (IncrementalEngine; ${check})`, timing, targetMs);
  if (!agrees) process.exitCode = 1;
}

/**
 * The same 10,000-line model with 1,000 revenue lines, revenue levers on a fifth of them in
 * every scenario and two one-off items per scenario: the targets of the cost-only model hold.
 */
async function benchRevenue(large: Model): Promise<void> {
  const model = withRevenue(large, 1_000);
  const validated = validateModel(model);
  if (!validated.ok) throw new Error(`generated revenue model is invalid: ${validated.error.slice(0, 3).map(formatIssue).join('; ')}`);
  const revenueLevers = model.scenarios.reduce((sum, scenario) => sum + (scenario.revenueLevers?.length ?? 0), 0);
  console.log(
    `model with revenue: ${formatCount(model.revenueLines!.length)} revenue lines, ${formatCount(revenueLevers)} revenue levers, 2 one-off items per scenario`,
  );
  report(
    'full compute, 10,000 lines + 1,000 revenue lines x 10 scenarios',
    measure(() => fullCompute(model), { warmup: 5, runs: 50 }),
    TARGET.fullComputeMs,
  );
  benchOneLeverRecompute(model, {}, 'one-lever recompute, 10,000 lines + 1,000 revenue lines, every figure', TARGET.oneLeverMs);
  // A revenue lever edit: one scenario's revenue levers change; the cost tree and revenue lines are reused.
  const engine = new IncrementalEngine();
  let next = model;
  let step = 0;
  engine.compute(next);
  const timing = measure(
    () => {
      engine.compute(next);
    },
    {
      warmup: 10,
      runs: 50,
      before: () => {
        const s = step % next.scenarios.length;
        const changed = step++;
        next = {
          ...next,
          scenarios: next.scenarios.map((scenario, i) =>
            i !== s
              ? scenario
              : {
                  ...scenario,
                  revenueLevers: (scenario.revenueLevers ?? []).map((lever, l) =>
                    l === changed % 50 ? { ...lever, volumeChange: 0.01 * (changed % 30) } : lever,
                  ),
                },
          ),
        };
      },
    },
  );
  const fresh = fullCompute(next);
  const agrees = engine.compute(next).scenarios.every((scenario, i) => scenario.totals.npv === fresh.scenarios[i]!.totals.npv);
  report(
    `revenue-lever recompute, 10,000 lines + 1,000 revenue lines (${agrees ? 'same totals as a full compute' : 'totals DIFFER'})`,
    timing,
    TARGET.oneLeverMs,
  );
  if (!agrees) process.exitCode = 1;
  report(
    'validateModel, 10,000 lines + 1,000 revenue lines x 10 scenarios',
    measure(() => validateModel(model), { warmup: 1, runs: 3 }),
  );
  // Open, a revenue-lever edit and its undo, and the export: the targets of the cost-only model.
  const what = '10,000 lines + 1,000 revenue lines';
  await benchStore(model, report, {
    what,
    edit: (current, i) => {
      const scenario = current.scenarios[0]!;
      const lever = scenario.revenueLevers![0]!;
      return { type: 'setRevenueLever', scenarioId: scenario.id, lineId: lever.lineId, kind: 'volumeChange', value: 0.01 + 0.001 * i };
    },
  });
  await benchExport(model, report, countTarget, what);
}

/** Changes the unit cost of one lever of one scenario; a different lever each step, so no result is cached. */
function withOneLeverChanged(model: Model, step: number): Model {
  const scenarioIndex = step % model.scenarios.length;
  return {
    ...model,
    scenarios: model.scenarios.map((scenario, s) => {
      if (s !== scenarioIndex || scenario.levers.length === 0) return scenario;
      const leverIndex = (step * 7919) % scenario.levers.length;
      const levers = scenario.levers.map((lever, l) => (l === leverIndex ? { ...lever, unitCostChange: -0.05 - 0.001 * (step % 100) } : lever));
      return { ...scenario, levers };
    }),
  };
}

function benchHyperFormula(model: Model, engineFull: Timing, engineWithoutAttribution: Timing): void {
  const workbook = buildWorkbook(model);
  const runs = Array.from({ length: HYPERFORMULA_RUNS }, () => computeWithHyperFormula(workbook));
  const hyperFormulaMs = median(runs.map((run) => run.ms));
  console.log(
    `HyperFormula ${HyperFormula.version} build+compute (buildFromSheets), 10,000 lines x 10 scenarios, ` +
      `${formatCount(workbook.formulaCount)} formulas: median ${formatMs(hyperFormulaMs)} ms over ${HYPERFORMULA_RUNS} runs`,
  );
  checkAgainstEngine(runs[0]!.figures, fullCompute(model));
  const speedup = hyperFormulaMs / engineFull.medianMs;
  const ok = speedup >= TARGET.speedupOverHyperFormula;
  countTarget(ok);
  console.log(
    `HyperFormula time / engine full compute: ${formatCount(Math.round(speedup))}x (target >= ${TARGET.speedupOverHyperFormula}x) ${ok ? 'OK' : 'MISSED'}`,
  );
  // The workbook has no Shapley attribution, so this is the like-for-like ratio.
  const likeForLike = hyperFormulaMs / engineWithoutAttribution.medianMs;
  console.log(`HyperFormula time / engine full compute with contributions off: ${formatCount(Math.round(likeForLike))}x`);
}

function countTarget(ok: boolean): void {
  if (ok) targetsMet++;
  else targetsMissed++;
}

/** The comparison only means something if both compute the same figures. */
function checkAgainstEngine(figures: readonly ScenarioFigures[], engine: ModelResult): void {
  let worst = 0;
  const mismatches: string[] = [];
  figures.forEach((sheet, i) => {
    const result = engine.scenarios[i]!;
    const pairs: [string, number, number][] = [
      ['base saving', sheet.baseSaving, result.baseSaving],
      ['horizon saving', sheet.saving, result.totals.saving],
      ['investment', sheet.investment, result.totals.investment],
      ['NPV', sheet.npv, result.totals.npv],
    ];
    for (const [label, fromSheet, fromEngine] of pairs) {
      const difference = relativeDifference(fromSheet, fromEngine);
      worst = Math.max(worst, difference);
      if (!(difference <= RELATIVE_TOLERANCE)) mismatches.push(`${sheet.scenarioId} ${label}: HyperFormula ${fromSheet}, engine ${fromEngine}`);
    }
  });
  const first = engine.scenarios[0]!;
  console.log(
    `HyperFormula check: base saving, horizon saving, investment and NPV of ${figures.length} scenarios, ` +
      `max relative difference ${worst.toExponential(1)} (tolerance ${RELATIVE_TOLERANCE}) ${mismatches.length === 0 ? 'OK' : 'MISMATCH'}` +
      ` [e.g. ${first.scenarioId}: horizon saving ${formatCount(Math.round(first.totals.saving))}, NPV ${formatCount(Math.round(first.totals.npv))}]`,
  );
  for (const mismatch of mismatches.slice(0, 10)) console.log(`  ${mismatch}`);
  if (mismatches.length > 0 || figures.length !== engine.scenarios.length) process.exitCode = 1;
}

function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

function report(label: string, timing: Timing, targetMs?: number): void {
  let line = `${label}: median ${formatMs(timing.medianMs)} ms`;
  if (targetMs !== undefined) {
    const ok = timing.medianMs < targetMs;
    countTarget(ok);
    line += ` (target < ${targetMs} ms) ${ok ? 'OK' : 'MISSED'}`;
  }
  console.log(line);
}

await main();
