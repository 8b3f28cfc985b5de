import { computeValidModel, prepareTree, type ScenarioResult } from '../../../shared/engine';
import type { Language } from '../../../shared/model/units';
import { LANGUAGES } from '../../../shared/model/units';
import { renderComputeReport } from '../compute-report';
import { problem } from '../../../shared/messages/problems';
import type { Model } from '../../../shared/model/schema';
import { UsageError } from '../errors';
import { loadModel } from '../load-model';
import type { CommandContext } from '../types';

export const computeUsage = 'compute FILE [--scenario NAME ...] [--json] [--lang zh|en]';

export function runCompute(context: CommandContext): void {
  const { positionals, values } = context.parse({
    scenario: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    lang: { type: 'string' },
  });
  const file = single(positionals, computeUsage);
  const model = loadModel(file);
  const wanted = (values['scenario'] as string[] | undefined) ?? [];
  for (const name of wanted) requireScenario(file, model, name);
  const scenarios = wanted.length === 0 ? model.scenarios : model.scenarios.filter((s) => wanted.includes(s.name) || wanted.includes(s.id));
  const results = computeValidModel({ ...model, scenarios }, prepareTree(model.costTree)).scenarios;
  if (values['json']) {
    context.out(`${JSON.stringify({ model: model.name, currency: model.currency, scenarios: results.map(toJson) }, null, 2)}\n`);
    return;
  }
  context.out(renderComputeReport(model, results, language(values['lang'], model.language)));
}

export function language(option: unknown, fallback: Language): Language {
  if (option === undefined) return fallback;
  if (typeof option === 'string' && (LANGUAGES as readonly string[]).includes(option)) return option as Language;
  throw new UsageError(
    problem('option-choice', { option: '--lang', value: typeof option === 'string' ? option : JSON.stringify(option), choices: [...LANGUAGES] }),
  );
}

/** A scenario named by its name or id on the command line; `baseline`: the one a comparison is made against. */
export function requireScenario(file: string, model: Model, reference: string, baseline = false): void {
  if (model.scenarios.some((s) => s.name === reference || s.id === reference)) return;
  const known = model.scenarios.map((s) => s.name);
  throw new UsageError(problem('in-file', { file, problem: problem('no-such-scenario', { name: reference, known, ...(baseline ? { baseline } : {}) }) }));
}

export function single(positionals: readonly string[], usage: string): string {
  if (positionals.length !== 1) throw new UsageError(problem('file-argument-count', { usage }));
  return positionals[0]!;
}

/** The `compute --json` shape documented in the README; amounts in base currency units. */
function toJson(result: ScenarioResult) {
  return {
    id: result.scenarioId,
    name: result.name,
    affectedShare: result.affectedShare,
    baseSaving: result.baseSaving,
    baseMarginGain: result.baseMarginGain,
    years: result.years.map((year) => ({
      year: year.year,
      calendarYear: year.calendarYear,
      saving: year.saving,
      marginGain: year.marginGain,
      oneOff: year.oneOff,
      investment: year.investment,
      /** saving + marginGain + oneOff - investment. */
      net: year.net,
      cumulativeNet: year.cumulativeNet,
    })),
    totals: result.totals,
    contributions: result.contributions,
  };
}
