import { problem } from '../messages/problems';
import type { z } from 'zod';
import { err, ok, type Result } from '../result';
import { inputContext, inputUnit, rangeIssue, resolveInput, validRange } from './inputs';
import { modelSchema, type Model, type Scenario } from './schema';
import { quoteText } from './text';
import { checkChildren, checkTreeShape, indexTree, type TreeIndex } from './tree-rules';
import { checkRevenueLines, checkScenarioRevenue } from './revenue-rules';
import { modelIssue, type ModelIssue } from './issues';
import { issueProblem, placeOfPath } from './shape';
import type { PlaceStep } from '../messages/codes/model';

export { nodePath } from './tree-rules';
export { formatIssue, issueMessage, modelIssue, type ModelIssue } from './issues';
export { problemOfIssue } from './shape';

/** Parses an untrusted value into a model and checks every rule; never throws. */
export function validateModel(input: unknown): Result<Model, ModelIssue[]> {
  const parsed = modelSchema.safeParse(input);
  if (!parsed.success) return err(parsed.error.issues.map((issue) => structuralIssue(issue, input)));
  const issues = checkModelRules(parsed.data);
  return issues.length > 0 ? err(issues) : ok(parsed.data);
}

/** The rules that span several fields, for a model whose fields are each well-formed. */
export function checkModelRules(model: Model): ModelIssue[] {
  const index = indexTree(model.costTree);
  const treeIssues = checkCostTree(index);
  const revenueIssues = checkRevenueLines(model.revenueLines ?? []);
  const issues = [...treeIssues, ...revenueIssues, ...checkScenarios(model), ...checkScenarioRevenue(model, (name) => scenarioPath({ name }))];
  // Ranges are checked against a sound tree only (their bounds depend on its amounts).
  if (treeIssues.length === 0 && revenueIssues.length === 0) issues.push(...checkUncertainty(model, index));
  return issues;
}

export function scenarioPath(scenario: Pick<Scenario, 'name'>): string {
  return `scenarios[${quoteText(scenario.name)}]`;
}

function checkCostTree(index: TreeIndex): ModelIssue[] {
  const shape = checkTreeShape(index);
  return shape.length > 0 ? shape : checkChildren(index, index.children.keys());
}

function checkScenarios(model: Model): ModelIssue[] {
  const issues = checkScenarioIdentity(model.scenarios);
  const nodeNames = new Map(model.costTree.map((node) => [node.id, node.name]));
  for (const scenario of model.scenarios) {
    const path = scenarioPath(scenario);
    const leverNodes = new Set<string>();
    for (const lever of scenario.levers) {
      const nodeName = nodeNames.get(lever.nodeId);
      const leverPath = () => `${path}.levers[${quoteText(nodeName ?? lever.nodeId)}]`;
      if (nodeName === undefined) issues.push(modelIssue(`${leverPath()}.nodeId`, problem('lever-line-missing', { id: lever.nodeId })));
      if (leverNodes.has(lever.nodeId)) issues.push(modelIssue(leverPath(), problem('lever-twice', {})));
      leverNodes.add(lever.nodeId);
    }
    const lineIds = new Set<string>();
    for (const line of scenario.investments) {
      if (lineIds.has(line.id)) issues.push(modelIssue(`${path}.investments[${quoteText(line.name)}].id`, problem('duplicate-investment-id', { id: line.id })));
      lineIds.add(line.id);
    }
  }
  return issues;
}

/**
 * The uncertainty ranges of every scenario: each names an input that exists (by id, in its
 * canonical form), once; low <= most likely <= high; and both ends lie in the input's valid
 * range (shared/analysis/inputs.ts), so every value a simulation draws keeps the model valid.
 */
export function checkUncertainty(model: Model, index: TreeIndex = indexTree(model.costTree)): ModelIssue[] {
  const issues: ModelIssue[] = [];
  for (const scenario of model.scenarios) {
    if (!scenario.uncertainty || scenario.uncertainty.length === 0) continue;
    const context = inputContext(model, scenario, index);
    const seen = new Set<string>();
    for (const range of scenario.uncertainty) {
      const path = `${scenarioPath(scenario)}.uncertainty[${quoteText(range.input)}]`;
      const resolved = resolveInput(context, range.input, { idsOnly: true });
      if (!resolved.ok) {
        issues.push({ path: `${path}.input`, ...resolved.error });
        continue;
      }
      const input = resolved.value;
      if (input.address !== range.input) issues.push(modelIssue(`${path}.input`, problem('range-address-form', { address: JSON.stringify(input.address) })));
      if (seen.has(input.address)) issues.push(modelIssue(path, problem('range-twice', {})));
      seen.add(input.address);
      if (!(range.low <= range.mostLikely && range.mostLikely <= range.high))
        issues.push(
          modelIssue(path, problem('range-order', { low: range.low, mostLikely: range.mostLikely, high: range.high, unit: inputUnit(context, input) })),
        );
      const valid = validRange(context, input);
      const unit = inputUnit(context, input);
      for (const field of ['low', 'mostLikely', 'high'] as const) {
        const outside = rangeIssue(valid, range[field], unit);
        if (outside) issues.push({ path: `${path}.${field}`, ...outside });
      }
    }
  }
  return issues;
}

/** Scenario ids and names are unique (names ignoring case and outer spaces). */
export function checkScenarioIdentity(scenarios: readonly Scenario[]): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const scenario of scenarios) {
    const path = scenarioPath(scenario);
    if (ids.has(scenario.id)) issues.push(modelIssue(`${path}.id`, problem('duplicate-scenario-id', { id: scenario.id })));
    ids.add(scenario.id);
    const nameKey = scenario.name.trim().toLowerCase();
    if (names.has(nameKey)) issues.push(modelIssue(`${path}.name`, problem('duplicate-scenario-name', { name: scenario.name.trim() })));
    names.add(nameKey);
  }
  return issues;
}

/** A zod issue of a model file, its path in the names a planner gave things: costTree["Contact center"].basis. */
function structuralIssue(issue: z.core.$ZodIssue, input: unknown): ModelIssue {
  const path = pathOfPlace(placeOfPath(issue.path, input, input, [], false));
  // A file's problem names its place in the screens' words; the path is for logs and the CLI.
  return modelIssue(path, problem('field-invalid', { place: placeOfPath(issue.path, input), problem: issueProblem(issue, input) }));
}

/** A place as a path: items by their names where they have one (costTree["Contact center"].basis), else their index. */
export function pathOfPlace(place: readonly PlaceStep[]): string {
  const text = place
    .map((step) => {
      if ('list' in step) return `.${step.list}[${step.name === undefined ? step.row - 1 : quoteText(step.name)}]`;
      if ('field' in step) return `.${step.field}`;
      if ('year' in step) return `[${step.year - 1}]`;
      return step.key.startsWith('[') ? step.key : `.${step.key}`;
    })
    .join('');
  return text.replace(/^\./u, '');
}
