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
import { DISTRIBUTION_TEXT } from '../../../shared/i18n/analysis';
import { FIGURE_TEXT } from '../../../shared/i18n/figures';
import { DISTRIBUTIONS, type Distribution, type InputRange, type Model, type Scenario } from '../../../shared/model/schema';
import type { Language } from '../../../shared/model/units';
import { checkUncertainty, formatIssue, type ModelIssue } from '../../../shared/model/validate';
import type { Result } from '../../../shared/result';
import { UsageError } from '../errors';
import { loadModel } from '../load-model';
import { renderTable } from '../table';
import type { CommandContext } from '../types';
import { readTypedNumber } from '../../../shared/format/typed-number';
import { language, single } from './compute';

export const goalSeekUsage = 'goal-seek FILE --scenario NAME --input INPUT --output OUTPUT --target VALUE [--json] [--lang zh|en]';
export const tornadoUsage = 'tornado FILE --scenario NAME --output OUTPUT [--swing 0.1] [--input INPUT ...] [--json] [--lang zh|en]';
export const dataTableUsage = 'data-table FILE --scenario NAME --input INPUT=v1,v2,... [--input INPUT2=...] --output OUTPUT [--json] [--lang zh|en]';
export const simulateUsage =
  'simulate FILE --scenario NAME --trials N --seed S --output OUTPUT [--range INPUT=low,likely,high[,pert|triangular] ...] [--bins 20] [--json] [--lang zh|en]';

const WORDS = {
  en: {
    model: 'Model',
    unit: 'amounts in',
    scenario: 'Scenario',
    goal: 'Goal seek',
    input: 'Input',
    now: 'now',
    validRange: 'valid range',
    to: 'to',
    reachable: 'Reachable',
    yes: 'yes',
    unreachable: "no: the target is out of reach within the input's valid range",
    found: 'Value found',
    closest: 'Closest value',
    reached: 'Output there',
    tornado: (output: string, base: string, swing: string) => `Tornado of ${output} (now ${base}); each input to its range, else ${swing} of its value`,
    low: 'Low',
    high: 'High',
    atLow: 'at low',
    atHigh: 'at high',
    swing: 'Swing',
    marks: "(r) the range of the scenario's uncertainty; (c) cut to the input's valid range",
    table: (output: string, rows: string, columns?: string) => (columns ? `${output} by ${rows} (rows) and ${columns} (columns)` : `${output} by ${rows}`),
    monteCarlo: (trials: string, seed: number, output: string) => `Monte Carlo: ${trials} trials, seed ${seed}, ${output}`,
    uncertain: 'Uncertain inputs (low / most likely / high)',
    deterministic: 'As planned',
    mean: 'mean',
    range: 'range',
    undefinedTrials: (count: string, output: string) => `${count} trials without a defined ${output}`,
    roi: 'Chance that return / investment exceeds 1',
    payback: 'Chance of payback within the horizon',
    histogram: 'Histogram',
    sensitivity: (output: string) => `Sensitivity (rank correlation with ${output})`,
    notDefined: 'n/a',
    never: 'not within the horizon',
    noInvestment: 'n/a (no investment)',
    years: (value: string) => `${value} years`,
    definitions:
      "P10 / P50 / P90: 10th, 50th and 90th percentiles over the trials (linear interpolation, as Excel PERCENTILE.INC). Rank correlation: Spearman's, between each input's draws and the output.",
  },
  zh: {
    model: '模型',
    unit: '金额单位',
    scenario: '情景',
    goal: '单变量求解',
    input: '输入',
    now: '当前',
    validRange: '有效范围',
    to: '至',
    reachable: '能否达到',
    yes: '能',
    unreachable: '不能：在输入的有效范围内无法达到目标',
    found: '所求取值',
    closest: '最接近的取值',
    reached: '该取值下的结果',
    tornado: (output: string, base: string, swing: string) => `${output}的龙卷风图（当前 ${base}）；每个输入取其不确定范围，否则取其值的 ${swing}`,
    low: '低值',
    high: '高值',
    atLow: '低值时',
    atHigh: '高值时',
    swing: '摆幅',
    marks: '(r) 取情景的不确定范围；(c) 已截至输入的有效范围',
    table: (output: string, rows: string, columns?: string) => (columns ? `${output}：行为${rows}，列为${columns}` : `${output}：随${rows}变化`),
    monteCarlo: (trials: string, seed: number, output: string) => `蒙特卡洛模拟：${trials} 次，随机种子 ${seed}，${output}`,
    uncertain: '不确定输入（低值 / 最可能值 / 高值）',
    deterministic: '按计划',
    mean: '均值',
    range: '范围',
    undefinedTrials: (count: string, output: string) => `${count} 次模拟的${output}无定义`,
    roi: '投入产出比大于 1 的概率',
    payback: '期内收回投入的概率',
    histogram: '分布直方图',
    sensitivity: (output: string) => `敏感性（与${output}的秩相关系数）`,
    notDefined: '不适用',
    never: '期内无法收回',
    noInvestment: '不适用（无投入）',
    years: (value: string) => `${value} 年`,
    definitions:
      'P10 / P50 / P90：各次模拟结果的第 10、50、90 百分位数（线性插值，同 Excel PERCENTILE.INC）。秩相关：各输入抽样值与结果的 Spearman 秩相关系数。',
  },
} as const;

type Words = (typeof WORDS)[Language];

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
  words: Words;
  context: InputContext;
}

function common(positionals: readonly string[], values: Record<string, unknown>, usage: string): Common {
  const file = single(positionals, usage);
  const scenarioName = requireString(values['scenario'], '--scenario NAME', usage);
  const outputName = requireString(values['output'], '--output OUTPUT', usage);
  if (!(OUTPUTS as readonly string[]).includes(outputName))
    throw new UsageError(`--output must be one of ${OUTPUTS.join(', ')}, got ${JSON.stringify(outputName)}`);
  const lang = values['lang'];
  const model = loadModel(file);
  const scenario = model.scenarios.find((s) => s.id === scenarioName) ?? model.scenarios.find((s) => s.name === scenarioName);
  if (!scenario) {
    const known = model.scenarios.map((s) => JSON.stringify(s.name)).join(', ') || 'none';
    throw new UsageError(`${file}: no scenario named ${JSON.stringify(scenarioName)} (scenarios: ${known})`);
  }
  const chosen = language(lang, model.language);
  return {
    file,
    model,
    scenario,
    output: outputName as OutputName,
    json: values['json'] === true,
    language: chosen,
    words: WORDS[chosen],
    context: inputContext(model, scenario),
  };
}

function requireString(value: unknown, what: string, usage: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`${what} is required: ${usage}`);
  return value;
}

/** A number as typed: 0.15, -1e6, 1,000, or a percent such as -16.42%. */
export function parseNumber(text: string, what: string): number {
  const typed = readTypedNumber(text);
  if (!typed) throw new UsageError(`${what} must be a number (such as 0.15, -2e6 or 15%), got ${JSON.stringify(text)}`);
  return typed.percent ? typed.value / 100 : typed.value;
}

/** Turns an analysis error into one line naming the option (or the place in the model). */
function unwrap<T>(file: string, result: Result<T, ModelIssue>): T {
  if (result.ok) return result.value;
  const issue = result.error;
  const path = issue.path.startsWith('input ') ? `--${issue.path}` : /^[a-z]+$/.test(issue.path) ? `--${issue.path}` : issue.path;
  throw new UsageError(
    `${file}: ${formatIssue({ path, message: issue.message })}`,
    issue.problem ? problem('option-invalid', { file, option: path, problem: issue.problem }) : undefined,
  );
}

function resolveOrFail(c: Common, text: string, option: string): Input {
  const resolved = resolveInput(c.context, text);
  if (!resolved.ok) throw new UsageError(`${c.file}: ${option} ${JSON.stringify(text)}: ${resolved.error}`);
  return resolved.value;
}

// ---------------------------------------------------------------------------------------
// Formatting in the model's unit and language

function header(c: Common): string[] {
  return [
    `${c.words.model}: ${c.model.name}  (${c.words.unit} ${unitLabel(c.model.displayUnit, c.language, c.model.currency)})`,
    `${c.words.scenario}: ${c.scenario.name}`,
  ];
}

function outputLabel(c: Common): string {
  return FIGURE_TEXT[c.language][c.output].label;
}

function showOutput(c: Common, value: number | null): string {
  if (value === null)
    return c.output === 'paybackYears' ? c.words.never : c.output === 'returnOnInvestment' || c.output === 'netRoi' ? c.words.noInvestment : c.words.notDefined;
  switch (OUTPUT_UNIT[c.output]) {
    case 'ratio':
      return formatPercent(value, c.language);
    case 'money':
      return formatAmount(value, c.model.displayUnit, c.language);
    case 'years':
      return c.words.years(formatNumber(value, c.language, 2));
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
  const range = `${showInput(c, input, result.range.min)} ${w.to} ${showInput(c, input, result.range.max)}`;
  write(context, [
    ...header(c),
    `${w.goal}: ${outputLabel(c)} = ${showOutput(c, target)}`,
    `${w.input}: ${label(c, input)} (${result.input}), ${w.now} ${showInput(c, input, result.current.value)}, ${w.validRange} ${range}`,
    `${w.reachable}: ${result.reachable ? w.yes : w.unreachable}`,
    `${result.reachable ? w.found : w.closest}: ${showInput(c, input, result.value)} (${result.value})`,
    `${w.reached}: ${showOutput(c, result.reached)} (${w.now} ${showOutput(c, result.current.output)})`,
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
        ? w.notDefined
        : OUTPUT_UNIT[c.output] === 'money'
          ? formatAmount(bar.swing, c.model.displayUnit, c.language)
          : showOutput(c, bar.swing),
    ];
  });
  write(context, [
    ...header(c),
    w.tornado(name, showOutput(c, result.base), `±${formatPercent(result.swing, c.language, 1)}`),
    '',
    indent(renderTable([w.input, w.low, w.high, `${name} ${w.atLow}`, `${name} ${w.atHigh}`, w.swing], rows)),
    '',
    w.marks,
  ]);
}

// ---------------------------------------------------------------------------------------
// data-table

export function runDataTable(context: CommandContext): void {
  const { positionals, values } = context.parse({ ...COMMON_OPTIONS, input: { type: 'string', multiple: true } });
  const c = common(positionals, values, dataTableUsage);
  const specs = (values['input'] as string[] | undefined) ?? [];
  if (specs.length < 1 || specs.length > 2) throw new UsageError(`give one or two --input INPUT=v1,v2,...: ${dataTableUsage}`);
  const parsed = specs.map((spec) => {
    const at = spec.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--input ${JSON.stringify(spec)}: expected INPUT=v1,v2,... (for example growth=0.1,0.2,0.3)`);
    const input = resolveOrFail(c, spec.slice(0, at), '--input');
    const numbers = spec
      .slice(at + 1)
      .split(',')
      .map((text) => parseNumber(text, `--input ${JSON.stringify(spec.slice(0, at))} value`));
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
    `${c.words.table(name, label(c, rowsInput!.input), columnsInput ? label(c, columnsInput.input) : undefined)} (${c.words.now} ${showOutput(c, result.base)})`,
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
    throw new UsageError(
      `${c.file}: scenario ${JSON.stringify(scenario.name)} has no uncertainty ranges to simulate; give inputs a range in the model ` +
        '("uncertainty" in the JSON, the setInputRange edit) or here with --range INPUT=low,likely,high',
    );
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
    return [label(view, input), DISTRIBUTION_TEXT[c.language][range.distribution], bounds];
  });
  const largest = Math.max(1, ...result.histogram.map((bin) => bin.count));
  const binLabels = result.histogram.map((bin) => `${show(bin.from)} – ${show(bin.to)}`);
  const labelWidth = Math.max(0, ...binLabels.map((text) => text.length));
  const histogramLines = result.histogram.map(
    (bin, k) => `${binLabels[k]!.padStart(labelWidth)} | ${'#'.repeat(Math.round((bin.count / largest) * 40))} ${formatNumber(bin.count, c.language, 0)}`,
  );
  const sensitivityRows = result.sensitivity.map((entry) => [
    label(view, inputOf(entry.input)),
    entry.rankCorrelation === null ? w.notDefined : formatNumber(entry.rankCorrelation, c.language, 3),
  ]);
  const lines = [
    ...header(view),
    w.monteCarlo(formatNumber(result.trials, c.language, 0), result.seed, name),
    '',
    `${w.uncertain}:`,
    indent(renderTable([w.input, '', ''], rangeRows).split('\n').slice(2).join('\n')),
    '',
    `${w.deterministic}: ${show(result.deterministic)}`,
    `P10: ${show(result.p10)}   P50: ${show(result.p50)}   P90: ${show(result.p90)}`,
    `${w.mean}: ${show(result.mean)}   ${w.range}: ${show(result.min)} – ${show(result.max)}`,
  ];
  if (result.undefinedTrials > 0) lines.push(w.undefinedTrials(formatNumber(result.undefinedTrials, c.language, 0), name));
  lines.push(
    `${w.roi}: ${formatPercent(result.probabilityRoiAboveOne, c.language, 1)}`,
    `${w.payback}: ${formatPercent(result.probabilityPaybackWithinHorizon, c.language, 1)}`,
    '',
    `${w.histogram}:`,
    indent(histogramLines.join('\n')),
    '',
    `${w.sensitivity(name)}:`,
    indent(renderTable(['', ''], sensitivityRows).split('\n').slice(2).join('\n')),
    '',
    w.definitions,
  );
  write(context, lines);
}

/** The model with the --range options added to the scenario's ranges (replacing a range of the same input), checked. */
function withCommandLineRanges(c: Common, specs: readonly string[]): Model {
  if (specs.length === 0) return c.model;
  const ranges: InputRange[] = [...(c.scenario.uncertainty ?? [])];
  for (const spec of specs) {
    const at = spec.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--range ${JSON.stringify(spec)}: expected INPUT=low,likely,high[,pert|triangular]`);
    const input = resolveOrFail(c, spec.slice(0, at), '--range');
    const parts = spec.slice(at + 1).split(',');
    const distribution = parts.length === 4 ? parts[3]!.trim().toLowerCase() : 'pert';
    if (parts.length < 3 || parts.length > 4 || !(DISTRIBUTIONS as readonly string[]).includes(distribution))
      throw new UsageError(`--range ${JSON.stringify(spec)}: expected INPUT=low,likely,high[,pert|triangular]`);
    const [low, mostLikely, high] = parts.slice(0, 3).map((text) => parseNumber(text, `--range ${JSON.stringify(spec.slice(0, at))}`)) as [
      number,
      number,
      number,
    ];
    const range: InputRange = { input: input.address, low, mostLikely, high, distribution: distribution as Distribution };
    const existing = ranges.findIndex((r) => r.input === input.address);
    if (existing >= 0) ranges[existing] = range;
    else ranges.push(range);
  }
  const scenario: Scenario = { ...c.scenario, uncertainty: ranges };
  const model: Model = { ...c.model, scenarios: c.model.scenarios.map((s) => (s.id === scenario.id ? scenario : s)) };
  const issues = checkUncertainty({ ...model, scenarios: [scenario] });
  if (issues.length > 0) throw new UsageError(`${c.file}: --range: ${formatIssue(issues[0]!)}`);
  return model;
}
