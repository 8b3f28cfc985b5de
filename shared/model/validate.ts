import { isProblem, problem, type Problem } from '../messages/problems';
import type { z } from 'zod';
import { err, ok, type Result } from '../result';
import { inputContext, inputUnit, rangeIssue, resolveInput, validRange } from './inputs';
import { modelSchema, type Model, type Scenario } from './schema';
import { quoteText } from './text';
import { checkChildren, checkTreeShape, indexTree, type TreeIndex } from './tree-rules';
import { checkRevenueLines, checkScenarioRevenue } from './revenue-rules';

export { nodePath } from './tree-rules';

/** One broken rule: where (a path a planner can read) and what. */
export interface ModelIssue {
  path: string;
  /** In English, for logs and old callers; screens word `problem` in their own language. */
  message: string;
  /** The problem as a code with its parameters (shared/messages), where it has one. */
  problem?: Problem;
}

/** The coded problem a zod issue carries in its params (set by the schema's refinements). */
export function problemOfIssue(issue: { params?: Record<string, unknown> } | object): Problem | undefined {
  const params = 'params' in issue ? issue.params : undefined;
  return isProblem(params?.['problem']) ? params['problem'] : undefined;
}

export function formatIssue(issue: ModelIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

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
      if (nodeName === undefined)
        issues.push({
          path: `${leverPath()}.nodeId`,
          message: `refers to no cost node ("${lever.nodeId}")`,
          problem: problem('lever-line-missing', { id: lever.nodeId }),
        });
      if (leverNodes.has(lever.nodeId))
        issues.push({ path: leverPath(), message: 'the node has two lever entries; merge them into one', problem: problem('lever-twice', {}) });
      leverNodes.add(lever.nodeId);
    }
    const lineIds = new Set<string>();
    for (const line of scenario.investments) {
      if (lineIds.has(line.id))
        issues.push({
          path: `${path}.investments[${quoteText(line.name)}].id`,
          message: `duplicate investment line id "${line.id}"`,
          problem: problem('duplicate-investment-id', { id: line.id }),
        });
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
      if (input.address !== range.input)
        issues.push({
          path: `${path}.input`,
          message: `must be written ${JSON.stringify(input.address)}`,
          problem: problem('range-address-form', { address: JSON.stringify(input.address) }),
        });
      if (seen.has(input.address)) issues.push({ path, message: 'the input has two ranges; keep one', problem: problem('range-twice', {}) });
      seen.add(input.address);
      if (!(range.low <= range.mostLikely && range.mostLikely <= range.high))
        issues.push({
          path,
          message: `low, most likely and high must be in order (low <= most likely <= high), got ${range.low}, ${range.mostLikely}, ${range.high}`,
          problem: problem('range-order', { low: range.low, mostLikely: range.mostLikely, high: range.high, unit: inputUnit(context, input) }),
        });
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
    if (ids.has(scenario.id))
      issues.push({ path: `${path}.id`, message: `duplicate scenario id "${scenario.id}"`, problem: problem('duplicate-scenario-id', { id: scenario.id }) });
    ids.add(scenario.id);
    const nameKey = scenario.name.trim().toLowerCase();
    if (names.has(nameKey))
      issues.push({ path: `${path}.name`, message: 'duplicate scenario name', problem: problem('duplicate-scenario-name', { name: scenario.name.trim() }) });
    names.add(nameKey);
  }
  return issues;
}

/** Turns zod's index paths into the names a planner gave things: costTree["Contact center"].basis. */
function structuralIssue(issue: z.core.$ZodIssue, input: unknown): ModelIssue {
  let path = '';
  let cursor: unknown = input;
  let parentKey: PropertyKey | undefined;
  for (const key of issue.path) {
    const next = isRecord(cursor) || Array.isArray(cursor) ? (cursor as Record<PropertyKey, unknown>)[key as never] : undefined;
    if (typeof key === 'number') {
      const label = namedLabel(parentKey, next, input);
      path += label ? `[${quoteText(label)}]` : `[${key}]`;
    } else {
      path += path ? `.${String(key)}` : String(key);
    }
    parentKey = key;
    cursor = next;
  }
  const coded = problemOfIssue(issue);
  return coded ? { path, message: issue.message, problem: coded } : { path, message: issue.message };
}

function namedLabel(collection: PropertyKey | undefined, item: unknown, model: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  const candidate =
    collection === 'levers'
      ? leverNodeName(item['nodeId'], model)
      : collection === 'revenueLevers'
        ? revenueLineName(item['lineId'], model)
        : collection === 'uncertainty'
          ? item['input']
          : item['name'];
  return typeof candidate === 'string' && candidate.trim() ? candidate : undefined;
}

function leverNodeName(nodeId: unknown, model: unknown): unknown {
  const nodes = isRecord(model) ? model['costTree'] : undefined;
  if (!Array.isArray(nodes)) return nodeId;
  const node: unknown = nodes.find((candidate) => isRecord(candidate) && candidate['id'] === nodeId);
  return isRecord(node) && typeof node['name'] === 'string' ? node['name'] : nodeId;
}

function revenueLineName(lineId: unknown, model: unknown): unknown {
  const lines = isRecord(model) ? model['revenueLines'] : undefined;
  if (!Array.isArray(lines)) return lineId;
  const line: unknown = lines.find((candidate) => isRecord(candidate) && candidate['id'] === lineId);
  return isRecord(line) && typeof line['name'] === 'string' ? line['name'] : lineId;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
