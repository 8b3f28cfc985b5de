import type { z } from 'zod';
import { err, ok, type Result } from '../result';
import { modelSchema, type CostNode, type Model, type Scenario } from './schema';
import { checkChildren, checkTreeShape, indexTree, nodePath } from './tree-rules';

export { nodePath } from './tree-rules';

/** One broken rule: where (a path a planner can read) and what. */
export interface ModelIssue {
  path: string;
  message: string;
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
  return [...checkCostTree(model.costTree), ...checkScenarios(model)];
}

export function scenarioPath(scenario: Pick<Scenario, 'name'>): string {
  return `scenarios[${JSON.stringify(scenario.name)}]`;
}

function checkCostTree(nodes: readonly CostNode[]): ModelIssue[] {
  const index = indexTree(nodes);
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
      const leverPath = () => `${path}.levers[${JSON.stringify(nodeName ?? lever.nodeId)}]`;
      if (nodeName === undefined) issues.push({ path: `${leverPath()}.nodeId`, message: `refers to no cost node ("${lever.nodeId}")` });
      if (leverNodes.has(lever.nodeId)) issues.push({ path: leverPath(), message: 'the node has two lever entries; merge them into one' });
      leverNodes.add(lever.nodeId);
    }
    const lineIds = new Set<string>();
    for (const line of scenario.investments) {
      if (lineIds.has(line.id))
        issues.push({ path: `${path}.investments[${JSON.stringify(line.name)}].id`, message: `duplicate investment line id "${line.id}"` });
      lineIds.add(line.id);
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
    if (ids.has(scenario.id)) issues.push({ path: `${path}.id`, message: `duplicate scenario id "${scenario.id}"` });
    ids.add(scenario.id);
    const nameKey = scenario.name.trim().toLowerCase();
    if (names.has(nameKey)) issues.push({ path: `${path}.name`, message: 'duplicate scenario name' });
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
      path += label ? `[${JSON.stringify(label)}]` : `[${key}]`;
    } else {
      path += path ? `.${String(key)}` : String(key);
    }
    parentKey = key;
    cursor = next;
  }
  return { path, message: issue.message };
}

function namedLabel(collection: PropertyKey | undefined, item: unknown, model: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  const candidate = collection === 'levers' ? leverNodeName(item['nodeId'], model) : item['name'];
  return typeof candidate === 'string' && candidate.trim() ? candidate : undefined;
}

function leverNodeName(nodeId: unknown, model: unknown): unknown {
  const nodes = isRecord(model) ? model['costTree'] : undefined;
  if (!Array.isArray(nodes)) return nodeId;
  const node: unknown = nodes.find((candidate) => isRecord(candidate) && candidate['id'] === nodeId);
  return isRecord(node) && typeof node['name'] === 'string' ? node['name'] : nodeId;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
