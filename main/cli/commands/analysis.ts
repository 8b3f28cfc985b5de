import { problem } from '../../../shared/messages/problems';
import {
  dataTable,
  goalSeek,
  inputContext,
  inputLabel,
  inputUnit,
  OUTPUT_UNIT,
  OUTPUTS,
  resolveInput,
  simulate,
  tornado,
  type Input,
  type InputContext,
  type OutputName,
} from '../../../shared/analysis';
import { prepareTree } from '../../../shared/engine';
import { formatAmount, formatNumber, formatPercent, unitLabel } from '../../../shared/format/number';
import { figureTexts } from '../../../shared/i18n/figures';
import { namespaceText, text, type NamespaceText } from '../../../shared/i18n/vocabulary';
import { DISTRIBUTIONS, type Distribution, type InputRange, type Model, type Scenario } from '../../../shared/model/schema';
import type { Language } from '../../../shared/model/units';
import { checkUncertainty, type ModelIssue } from '../../../shared/model/validate';
import { issueProblem } from '../../io/model-json';
import type { Result } from '../../../shared/result';
import { UsageError } from '../errors';
import { loadModel } from '../load-model';
import { renderTable } from '../table';
import type { CommandContext } from '../types';
import { readTypedNumber } from '../../../shared/format/typed-number';
import { language, requireScenario, single } from './compute';

export const goalSeekUsage = 'goal-seek FILE --scenario NAME --input INPUT --output OUTPUT --target VALUE [--json] [--lang zh|en]';
export const tornadoUsage = 'tornado FILE --scenario NAME --output OUTPUT [--swing 0.1] [--input INPUT ...] [--json] [--lang zh|en]';
export const dataTableUsage = 'data-table FILE --scenario NAME --input INPUT=v1,v2,... [--input INPUT2=...] --output OUTPUT [--json] [--lang zh|en]';
export const simulateUsage =
  'simulate FILE --scenario NAME --trials N --seed S --output OUTPUT [--range INPUT=low,likely,high[,pert|triangular] ...] [--bins 20] [--json] [--lang zh|en]';

const COMMON_OPTIONS = {
  scenario: { type: 'string' },
  output: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

interface Common {
  file: string;
  model: Model;
  scenario: Scenario;
  output: OutputName;
  json: boolean;
  language: Language;
  /** The cli namespace of the vocabulary in the chosen language. */
  words: NamespaceText<'cli'>;
  context: InputContext;
}

function common(positionals: readonly string[], values: Record<string, unknown>, usage: string): Common {
  const file = single(positionals, usage);
  const scenarioName = requireString(values['scenario'], '--scenario NAME', usage);
  const outputName = requireString(values['output'], '--output OUTPUT', usage);
  if (!(OUTPUTS as readonly string[]).includes(outputName))
    throw new UsageError(problem('option-choice', { option: '--output', value: outputName, choices: [...OUTPUTS] }));
  const lang = values['lang'];
  const model = loadModel(file);
  requireScenario(file, model, scenarioName);
  const scenario = (model.scenarios.find((s) => s.id === scenarioName) ?? model.scenarios.find((s) => s.name === scenarioName))!;
  const chosen = language(lang, model.language);
  return {
    file,
    model,
    scenario,
    output: outputName as OutputName,
    json: values['json'] === true,
    language: chosen,
    words: namespaceText(chosen, 'cli'),
    context: inputContext(model, scenario),
  };
}

function requireString(value: unknown, option: string, usage: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(problem('option-required', { option, usage }));
  return value;
}

/** A number as typed: 0.15, -1e6, 1,000, or a percent such as -16.42%; `input`: the input of an --input or --range spec it is a value of. */
export function parseNumber(text: string, option: string, input?: string): number {
  const typed = readTypedNumber(text);
  if (!typed) throw new UsageError(problem('option-not-a-number', { option, value: text, ...(input === undefined ? {} : { input }) }));
  return typed.percent ? typed.value / 100 : typed.value;
}

/** Turns an analysis error into one line naming the option (or the place in the model). */
function unwrap<T>(file: string, result: Result<T, ModelIssue>): T {
  if (result.ok) return result.value;
  const issue = result.error;
  const path = issue.path.startsWith('input ') ? `--${issue.path}` : /^[a-z]+$/.test(issue.path) ? `--${issue.path}` : issue.path;
  throw new UsageError(problem('option-invalid', { file, option: path, problem: issueProblem(issue) }));
}

function resolveOrFail(c: Common, text: string, option: string): Input {
  const resolved = resolveInput(c.context, text);
  if (!resolved.ok) throw new UsageError(problem('option-invalid', { file: c.file, option, input: text, problem: resolved.error.problem }));
  return resolved.value;
}

// ---------------------------------------------------------------------------------------
// Formatting in the model's unit and language

function header(c: Common): string[] {
  return [
    `${c.words('analysis.model')}: ${c.model.name}  (${c.words('analysis.unit')} ${unitLabel(c.model.displayUnit, c.language, c.model.currency)})`,
    `${c.words('analysis.scenario')}: ${c.scenario.name}`,
  ];
}

function outputLabel(c: Common): string {
  return figureTexts(c.language)[c.output].label;
}

function showOutput(c: Common, value: number | null): string {
  if (value === null)
    return c.output === 'paybackYears'
      ? c.words('analysis.never')
      : c.output === 'returnOnInvestment' || c.output === 'netRoi'
        ? c.words('analysis.noInvestment')
        : c.words('analysis.notDefined');
  switch (OUTPUT_UNIT[c.output]) {
    case 'ratio':
      return formatPercent(value, c.language);
    case 'money':
      return formatAmount(value, c.model.displayUnit, c.language);
    case 'years':
      return c.words('analysis.years', { value: formatNumber(value, c.language, 2) });
  }
}

function showInput(c: Common, input: Input, value: number): string {
  return inputUnit(c.context, input) === 'ratio' ? formatPercent(value, c.language, 2) : formatAmount(value, c.model.displayUnit, c.language);
}

function label(c: Common, input: Input): string {
  return inputLabel(c.context, input, c.language);
}

function write(context: CommandContext, lines: readonly string[]): void {
  context.out(`${lines.join('\n')}\n`);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------
// goal-seek

export function runGoalSeek(context: CommandContext): void {
  const { positionals, values } = context.parse({ ...COMMON_OPTIONS, input: { type: 'string' }, target: { type: 'string' } });
  const c = common(positionals, values, goalSeekUsage);
  const inputText = requireString(values['input'], '--input INPUT', goalSeekUsage);
  const target = parseNumber(requireString(values['target'], '--target VALUE', goalSeekUsage), '--target');
  const input = resolveOrFail(c, inputText, '--input');
  const result = unwrap(c.file, goalSeek(c.model, { scenario: c.scenario.id, input: input.address, output: c.output, target }));
  if (c.json) {
    context.out(`${JSON.stringify({ model: c.model.name, scenario: c.scenario.name, label: label(c, input), ...result }, null, 2)}\n`);
    return;
  }
  const w = c.words;
  const range = `${showInput(c, input, result.range.min)} ${w('analysis.to')} ${showInput(c, input, result.range.max)}`;
  write(context, [
    ...header(c),
    `${w('analysis.goal')}: ${outputLabel(c)} = ${showOutput(c, target)}`,
    `${w('analysis.input')}: ${label(c, input)} (${result.input}), ${w('analysis.now')} ${showInput(c, input, result.current.value)}, ${w('analysis.validRange')} ${range}`,
    `${w('analysis.reachable')}: ${result.reachable ? w('analysis.yes') : w('analysis.unreachable')}`,
    `${result.reachable ? w('analysis.found') : w('analysis.closest')}: ${showInput(c, input, result.value)} (${result.value})`,
    `${w('analysis.reached')}: ${showOutput(c, result.reached)} (${w('analysis.now')} ${showOutput(c, result.current.output)})`,
  ]);
}

// ---------------------------------------------------------------------------------------
// tornado

export function runTornado(context: CommandContext): void {
  const { positionals, values } = context.parse({ ...COMMON_OPTIONS, swing: { type: 'string' }, input: { type: 'string', multiple: true } });
  const c = common(positionals, values, tornadoUsage);
  const swingText = values['swing'];
  const swing = typeof swingText === 'string' ? parseNumber(swingText, '--swing') : undefined;
  const texts = values['input'] as string[] | undefined;
  const inputs = texts?.map((text) => resolveOrFail(c, text, '--input'));
  const result = unwrap(
    c.file,
    tornado(c.model, {
      scenario: c.scenario.id,
      output: c.output,
      ...(inputs ? { inputs: inputs.map((input) => input.address) } : {}),
      ...(swing !== undefined ? { swing } : {}),
    }),
  );
  const byAddress = new Map((inputs ?? []).map((input) => [input.address, input]));
  const inputOf = (address: string): Input => byAddress.get(address) ?? resolveOrFail(c, address, '--input');
  if (c.json) {
    const bars = result.bars.map((bar) => ({ ...bar, label: label(c, inputOf(bar.input)) }));
    context.out(`${JSON.stringify({ model: c.model.name, scenario: c.scenario.name, ...result, bars }, null, 2)}\n`);
    return;
  }
  const w = c.words;
  const name = outputLabel(c);
  const rows = result.bars.map((bar) => {
    const input = inputOf(bar.input);
    const mark = bar.source === 'range' ? ' (r)' : bar.clipped ? ' (c)' : '';
    return [
      `${label(c, input)}${mark}`,
      showInput(c, input, bar.low),
      showInput(c, input, bar.high),
      showOutput(c, bar.lowOutput),
      showOutput(c, bar.highOutput),
      bar.swing === null
        ? w('analysis.notDefined')
        : OUTPUT_UNIT[c.output] === 'money'
          ? formatAmount(bar.swing, c.model.displayUnit, c.language)
          : showOutput(c, bar.swing),
    ];
  });
  write(context, [
    ...header(c),
    w('analysis.tornado', { output: name, base: showOutput(c, result.base), swing: `±${formatPercent(result.swing, c.language, 1)}` }),
    '',
    indent(
      renderTable(
        [w('analysis.input'), w('analysis.low'), w('analysis.high'), `${name} ${w('analysis.atLow')}`, `${name} ${w('analysis.atHigh')}`, w('analysis.swing')],
        rows,
      ),
    ),
    '',
    w('analysis.marks'),
  ]);
}

// ---------------------------------------------------------------------------------------
// data-table

export function runDataTable(context: CommandContext): void {
  const { positionals, values } = context.parse({ ...COMMON_OPTIONS, input: { type: 'string', multiple: true } });
  const c = common(positionals, values, dataTableUsage);
  const specs = (values['input'] as string[] | undefined) ?? [];
  if (specs.length < 1 || specs.length > 2) throw new UsageError(problem('data-table-inputs', { usage: dataTableUsage }));
  const parsed = specs.map((spec) => {
    const at = spec.lastIndexOf('=');
    if (at <= 0) throw new UsageError(problem('option-spec-form', { option: '--input', spec, form: 'table' }));
    const input = resolveOrFail(c, spec.slice(0, at), '--input');
    const numbers = spec
      .slice(at + 1)
      .split(',')
      .map((text) => parseNumber(text, '--input', spec.slice(0, at)));
    return { input, values: numbers };
  });
  const result = unwrap(
    c.file,
    dataTable(c.model, { scenario: c.scenario.id, output: c.output, inputs: parsed.map((p) => ({ input: p.input.address, values: p.values })) }),
  );
  if (c.json) {
    const inputs = result.inputs.map((entry, k) => ({ ...entry, label: label(c, parsed[k]!.input) }));
    context.out(`${JSON.stringify({ model: c.model.name, scenario: c.scenario.name, ...result, inputs }, null, 2)}\n`);
    return;
  }
  const [rowsInput, columnsInput] = parsed;
  const name = outputLabel(c);
  const headerRow = columnsInput
    ? [`${label(c, rowsInput!.input)} \\ ${label(c, columnsInput.input)}`, ...columnsInput.values.map((v) => showInput(c, columnsInput.input, v))]
    : [label(c, rowsInput!.input), name];
  const rows = result.cells.map((cells, r) => [showInput(c, rowsInput!.input, rowsInput!.values[r]!), ...cells.map((cell) => showOutput(c, cell))]);
  write(context, [
    ...header(c),
    `${columnsInput ? c.words('analysis.tableTwo', { output: name, rows: label(c, rowsInput!.input), columns: label(c, columnsInput.input) }) : c.words('analysis.tableOne', { output: name, rows: label(c, rowsInput!.input) })} (${c.words('analysis.now')} ${showOutput(c, result.base)})`,
    '',
    indent(renderTable(headerRow, rows)),
  ]);
}

// ---------------------------------------------------------------------------------------
// simulate

export function runSimulate(context: CommandContext): void {
  const { positionals, values } = context.parse({
    ...COMMON_OPTIONS,
    trials: { type: 'string' },
    seed: { type: 'string' },
    bins: { type: 'string' },
    range: { type: 'string', multiple: true },
  });
  const c = common(positionals, values, simulateUsage);
  const trials = parseNumber(requireString(values['trials'], '--trials N', simulateUsage), '--trials');
  const seed = parseNumber(requireString(values['seed'], '--seed S', simulateUsage), '--seed');
  const bins = typeof values['bins'] === 'string' ? parseNumber(values['bins'], '--bins') : undefined;
  const model = withCommandLineRanges(c, (values['range'] as string[] | undefined) ?? []);
  const scenario = model.scenarios.find((s) => s.id === c.scenario.id)!;
  if (!scenario.uncertainty || scenario.uncertainty.length === 0)
    throw new UsageError(problem('simulate-no-ranges', { file: c.file, scenario: scenario.name }));
  const result = unwrap(
    c.file,
    simulate(model, { scenario: scenario.id, output: c.output, trials, seed, ...(bins !== undefined ? { bins } : {}) }, { tree: prepareTree(model.costTree) }),
  );
  const view: Common = { ...c, model, scenario, context: inputContext(model, scenario) };
  const inputOf = (address: string): Input => resolveOrFail(view, address, '--range');
  if (c.json) {
    const sensitivity = result.sensitivity.map((entry) => ({ ...entry, label: label(view, inputOf(entry.input)) }));
    context.out(`${JSON.stringify({ model: c.model.name, scenario: scenario.name, ...result, sensitivity }, null, 2)}\n`);
    return;
  }
  const w = c.words;
  const name = outputLabel(c);
  const show = (value: number | null) => showOutput(view, value);
  const rangeRows = result.ranges.map((range) => {
    const input = inputOf(range.input);
    const bounds = [range.low, range.mostLikely, range.high].map((v) => showInput(view, input, v)).join(' / ');
    return [label(view, input), text(c.language, 'analysis', `distribution.${range.distribution}`), bounds];
  });
  const largest = Math.max(1, ...result.histogram.map((bin) => bin.count));
  const binLabels = result.histogram.map((bin) => `${show(bin.from)} – ${show(bin.to)}`);
  const labelWidth = Math.max(0, ...binLabels.map((text) => text.length));
  const histogramLines = result.histogram.map(
    (bin, k) => `${binLabels[k]!.padStart(labelWidth)} | ${'#'.repeat(Math.round((bin.count / largest) * 40))} ${formatNumber(bin.count, c.language, 0)}`,
  );
  const sensitivityRows = result.sensitivity.map((entry) => [
    label(view, inputOf(entry.input)),
    entry.rankCorrelation === null ? w('analysis.notDefined') : formatNumber(entry.rankCorrelation, c.language, 3),
  ]);
  const lines = [
    ...header(view),
    w('analysis.monteCarlo', { trials: formatNumber(result.trials, c.language, 0), seed: result.seed, output: name }),
    '',
    `${w('analysis.uncertain')}:`,
    indent(
      renderTable([w('analysis.input'), '', ''], rangeRows)
        .split('\n')
        .slice(2)
        .join('\n'),
    ),
    '',
    `${w('analysis.deterministic')}: ${show(result.deterministic)}`,
    `P10: ${show(result.p10)}   P50: ${show(result.p50)}   P90: ${show(result.p90)}`,
    `${w('analysis.mean')}: ${show(result.mean)}   ${w('analysis.range')}: ${show(result.min)} – ${show(result.max)}`,
  ];
  if (result.undefinedTrials > 0) lines.push(w('analysis.undefinedTrials', { trials: formatNumber(result.undefinedTrials, c.language, 0), output: name }));
  lines.push(
    `${w('analysis.roi')}: ${formatPercent(result.probabilityRoiAboveOne, c.language, 1)}`,
    `${w('analysis.payback')}: ${formatPercent(result.probabilityPaybackWithinHorizon, c.language, 1)}`,
    '',
    `${w('analysis.histogram')}:`,
    indent(histogramLines.join('\n')),
    '',
    `${w('analysis.sensitivity', { output: name })}:`,
    indent(renderTable(['', ''], sensitivityRows).split('\n').slice(2).join('\n')),
    '',
    w('analysis.definitions'),
  );
  write(context, lines);
}

/** The model with the --range options added to the scenario's ranges (replacing a range of the same input), checked. */
function withCommandLineRanges(c: Common, specs: readonly string[]): Model {
  if (specs.length === 0) return c.model;
  const ranges: InputRange[] = [...(c.scenario.uncertainty ?? [])];
  for (const spec of specs) {
    const at = spec.lastIndexOf('=');
    if (at <= 0) throw new UsageError(problem('option-spec-form', { option: '--range', spec, form: 'range' }));
    const input = resolveOrFail(c, spec.slice(0, at), '--range');
    const parts = spec.slice(at + 1).split(',');
    const distribution = parts.length === 4 ? parts[3]!.trim().toLowerCase() : 'pert';
    if (parts.length < 3 || parts.length > 4 || !(DISTRIBUTIONS as readonly string[]).includes(distribution))
      throw new UsageError(problem('option-spec-form', { option: '--range', spec, form: 'range' }));
    const [low, mostLikely, high] = parts.slice(0, 3).map((text) => parseNumber(text, '--range', spec.slice(0, at))) as [number, number, number];
    const range: InputRange = { input: input.address, low, mostLikely, high, distribution: distribution as Distribution };
    const existing = ranges.findIndex((r) => r.input === input.address);
    if (existing >= 0) ranges[existing] = range;
    else ranges.push(range);
  }
  const scenario: Scenario = { ...c.scenario, uncertainty: ranges };
  const model: Model = { ...c.model, scenarios: c.model.scenarios.map((s) => (s.id === scenario.id ? scenario : s)) };
  const issues = checkUncertainty({ ...model, scenarios: [scenario] });
  if (issues.length > 0)
    throw new UsageError(
      problem('option-invalid', {
        file: c.file,
        option: '--range',
        problem: problem('model-rule', { where: issues[0]!.path, problem: issueProblem(issues[0]!), more: 0 }),
      }),
    );
  return model;
}
