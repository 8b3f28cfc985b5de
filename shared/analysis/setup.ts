import { problem } from '../messages/problems';
import { prepareTree, type PreparedTree } from '../engine/tree';
import type { ScenarioResult } from '../engine/compute';
import { leverName, revenueLeverName } from '../i18n/figures';
import { text, type TextKey } from '../i18n/vocabulary';
import type { Model, Scenario } from '../model/schema';
import type { Language } from '../model/units';
import type { ModelIssue } from '../model/validate';
import { err, ok, type Result } from '../result';
import { findScenario, inputContext, inputValue, resolveInput, type Input, type InputContext } from './inputs';
import { isOutputName, OUTPUTS, type OutputName } from './outputs';

/** What every analysis of one scenario starts from. Expects a validated model. */
export interface Analysis {
  model: Model;
  scenario: Scenario;
  context: InputContext;
  /** Prepared from model.costTree. */
  tree: PreparedTree;
  /** The scenario's engine result over `tree`, when the caller has it. */
  result: ScenarioResult | undefined;
}

export interface AnalysisOptions {
  /** The model's prepared cost tree, when the caller has it already (IncrementalEngine). */
  tree?: PreparedTree;
  /**
   * The analysed scenario's result from the engine over that tree (IncrementalEngine has it):
   * moving levers are then folded without a pass over the tree.
   */
  result?: ScenarioResult;
}

export function startAnalysis(model: Model, scenarioReference: string, options: AnalysisOptions = {}): Result<Analysis, ModelIssue> {
  const scenario = findScenario(model, scenarioReference);
  if (!scenario) {
    const known = model.scenarios.map((s) => s.name);
    return err({
      path: 'scenario',
      message: `no scenario named ${JSON.stringify(scenarioReference)} (scenarios: ${known.map((name) => JSON.stringify(name)).join(', ') || 'none'})`,
      problem: problem('no-such-scenario', { name: scenarioReference, known }),
    });
  }
  const tree = options.tree ?? prepareTree(model.costTree);
  return ok({ model, scenario, context: inputContext(model, scenario, tree), tree, result: options.result });
}

export function inputPath(text: string): string {
  return `input ${JSON.stringify(text)}`;
}

/** Resolves addresses (ids or names); the same input twice is an error. */
export function resolveInputs(analysis: Analysis, texts: readonly string[]): Result<Input[], ModelIssue> {
  const inputs: Input[] = [];
  const seen = new Map<string, string>();
  for (const text of texts) {
    const resolved = resolveInput(analysis.context, text);
    if (!resolved.ok) return err({ path: inputPath(text), ...resolved.error });
    const earlier = seen.get(resolved.value.address);
    if (earlier !== undefined)
      return err({
        path: inputPath(text),
        message: `is the same input as ${JSON.stringify(earlier)} (${resolved.value.address})`,
        problem: problem('same-input-twice', { earlier, input: resolved.value.address }),
      });
    seen.set(resolved.value.address, text);
    inputs.push(resolved.value);
  }
  return ok(inputs);
}

export function checkOutput(output: unknown): Result<OutputName, ModelIssue> {
  return isOutputName(output)
    ? ok(output)
    : err({
        path: 'output',
        message: `must be one of ${OUTPUTS.join(', ')}, got ${JSON.stringify(output)}`,
        problem: problem('unknown-output', { name: String(output), choices: OUTPUTS.join(', ') }),
      });
}

export function currentValues(analysis: Analysis, inputs: readonly Input[]): Float64Array {
  return Float64Array.from(inputs, (input) => inputValue(analysis.context, input));
}

/** A readable name of an input in the model's words: "Contact-center labor: unit cost". */
export function inputLabel(context: InputContext, input: Input, language: Language): string {
  const words = (key: TextKey<'analysis'>, params?: Record<string, string>) => text(language, 'analysis', key, params);
  const target = input.target;
  const nodeName = (id: string) => context.nodeById(id)?.name ?? id;
  switch (target.kind) {
    case 'lever': {
      // The line's caption of the lever kind, where it has one ("inventory turnover (per-capita volume)").
      const node = context.nodeById(target.nodeId);
      if (!node?.captions?.[target.lever]?.[language]?.trim())
        return words('input.lever', { node: nodeName(target.nodeId), lever: text(language, 'figures', `leverInText.${target.lever}`) });
      return words('input.lever', { node: nodeName(target.nodeId), lever: leverName(node, target.lever, language) });
    }
    case 'growth':
      return words('input.growth');
    case 'discount':
      return words('input.discount');
    case 'share':
      return words('input.share', { node: nodeName(target.nodeId) });
    case 'amount':
      return words('input.amount', { node: nodeName(target.nodeId) });
    case 'investment':
      return words('input.investment', { line: context.scenario.investments.find((line) => line.id === target.lineId)?.name ?? target.lineId });
    case 'revenue':
    case 'margin':
    case 'revenueLever': {
      const line = context.model.revenueLines?.find((candidate) => candidate.id === target.lineId);
      const name = line?.name ?? target.lineId;
      if (target.kind === 'revenue') return words('input.revenue', { line: name });
      if (target.kind === 'margin') return words('input.margin', { line: name });
      return words('input.revenueLever', { line: name, lever: revenueLeverName(line, target.lever, language) });
    }
    case 'oneOff':
      return words('input.oneOff', { item: context.scenario.oneOffs?.find((item) => item.id === target.itemId)?.name ?? target.itemId });
  }
}
