import type { z } from 'zod';
import { err, ok, type Result } from '../result';
import { modelSchema, type CostNode, type Model, type Scenario } from './schema';

/** One broken rule: where (a path a planner can read) and what. */
export interface ModelIssue {
  path: string;
  message: string;
}

export function formatIssue(issue: ModelIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** Allows for float noise when shares such as 0.44 + 0.14 + 0.42 are summed. */
const SHARE_TOLERANCE = 1e-9;

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

export function nodePath(node: Pick<CostNode, 'name'>): string {
  return `costTree[${JSON.stringify(node.name)}]`;
}

export function scenarioPath(scenario: Pick<Scenario, 'name'>): string {
  return `scenarios[${JSON.stringify(scenario.name)}]`;
}

function checkCostTree(nodes: readonly CostNode[]): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const byId = new Map<string, CostNode>();
  for (const node of nodes) {
    if (byId.has(node.id)) issues.push({ path: `${nodePath(node)}.id`, message: `duplicate node id "${node.id}"` });
    else byId.set(node.id, node);
  }
  const roots = nodes.filter((node) => node.parentId === null);
  if (roots.length === 0) issues.push({ path: 'costTree', message: 'has no root node (a node whose parentId is null)' });
  if (roots.length > 1)
    issues.push({
      path: 'costTree',
      message: `has ${roots.length} root nodes (${roots.map((r) => JSON.stringify(r.name)).join(', ')}); exactly one is allowed`,
    });
  for (const root of roots) {
    if (root.basis.kind !== 'amount')
      issues.push({ path: `${nodePath(root)}.basis`, message: 'the root must have an amount, not a share of a parent' });
  }
  for (const node of nodes) {
    if (node.parentId !== null && !byId.has(node.parentId))
      issues.push({ path: `${nodePath(node)}.parentId`, message: `refers to no node (orphan: "${node.parentId}")` });
    if (node.parentId === node.id) issues.push({ path: `${nodePath(node)}.parentId`, message: 'a node cannot be its own parent' });
  }
  if (issues.length > 0) return issues;

  // Every node must reach the root by following parents; those that never do sit on a cycle.
  const reachesRoot = new Map<string, boolean>();
  for (const node of nodes) {
    const trail: string[] = [];
    let current: CostNode | undefined = node;
    let verdict = false;
    while (current) {
      const known = reachesRoot.get(current.id);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      if (trail.includes(current.id)) break;
      trail.push(current.id);
      if (current.parentId === null) {
        verdict = true;
        break;
      }
      current = byId.get(current.parentId);
    }
    for (const id of trail) reachesRoot.set(id, verdict);
    if (!verdict) issues.push({ path: `${nodePath(node)}.parentId`, message: 'is part of a cycle: the node never reaches the root' });
  }
  if (issues.length > 0) return issues;

  const children = new Map<string, CostNode[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const list = children.get(node.parentId) ?? [];
    list.push(node);
    children.set(node.parentId, list);
  }
  for (const [parentId, siblings] of children) {
    const parent = byId.get(parentId);
    if (!parent) continue;
    const seen = new Set<string>();
    for (const sibling of siblings) {
      const key = sibling.name.trim();
      if (seen.has(key))
        issues.push({ path: `${nodePath(parent)}.children`, message: `two children are named ${JSON.stringify(key)}` });
      seen.add(key);
    }
  }
  issues.push(...checkChildAllocation(nodes, byId, children));
  return issues;
}

/** Children may not claim more than their parent: shares, and amounts as a share of it. */
function checkChildAllocation(
  nodes: readonly CostNode[],
  byId: Map<string, CostNode>,
  children: Map<string, CostNode[]>,
): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const resolved = new Map<string, number>();
  const resolve = (node: CostNode): number => {
    const cached = resolved.get(node.id);
    if (cached !== undefined) return cached;
    // Iterative walk up: deep trees must not overflow the stack.
    const chain: CostNode[] = [];
    let current: CostNode | undefined = node;
    while (current && !resolved.has(current.id)) {
      chain.push(current);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    let parentAmount = current ? (resolved.get(current.id) ?? 0) : 0;
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i]!;
      parentAmount = link.basis.kind === 'amount' ? link.basis.amount : parentAmount * link.basis.share;
      resolved.set(link.id, parentAmount);
    }
    return parentAmount;
  };
  for (const node of nodes) resolve(node);

  for (const [parentId, siblings] of children) {
    const parent = byId.get(parentId)!;
    const parentAmount = resolved.get(parentId) ?? 0;
    let shareSum = 0;
    let amountSum = 0;
    for (const child of siblings) {
      if (child.basis.kind === 'share') shareSum += child.basis.share;
      else amountSum += child.basis.amount;
    }
    if (amountSum === 0) {
      if (shareSum > 1 + SHARE_TOLERANCE)
        issues.push({
          path: `${nodePath(parent)}.children`,
          message: `shares add up to ${formatPercent(shareSum)} (max 100%)`,
        });
      continue;
    }
    const claimed = shareSum + (parentAmount > 0 ? amountSum / parentAmount : Number.POSITIVE_INFINITY);
    if (claimed > 1 + SHARE_TOLERANCE) {
      const ofParent = Number.isFinite(claimed) ? `${formatPercent(claimed)} of the parent` : 'more than the parent, whose amount is 0';
      issues.push({
        path: `${nodePath(parent)}.children`,
        message: `shares and amounts add up to ${ofParent} (max 100%)`,
      });
    }
  }
  return issues;
}

function checkScenarios(model: Model): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const nodeIds = new Set(model.costTree.map((node) => node.id));
  const scenarioIds = new Set<string>();
  const scenarioNames = new Set<string>();
  for (const scenario of model.scenarios) {
    const path = scenarioPath(scenario);
    if (scenarioIds.has(scenario.id)) issues.push({ path: `${path}.id`, message: `duplicate scenario id "${scenario.id}"` });
    scenarioIds.add(scenario.id);
    const nameKey = scenario.name.trim().toLowerCase();
    if (scenarioNames.has(nameKey)) issues.push({ path: `${path}.name`, message: 'duplicate scenario name' });
    scenarioNames.add(nameKey);

    const leverNodes = new Set<string>();
    for (const lever of scenario.levers) {
      const nodeName = model.costTree.find((node) => node.id === lever.nodeId)?.name;
      const leverPath = `${path}.levers[${JSON.stringify(nodeName ?? lever.nodeId)}]`;
      if (!nodeIds.has(lever.nodeId)) issues.push({ path: `${leverPath}.nodeId`, message: `refers to no cost node ("${lever.nodeId}")` });
      if (leverNodes.has(lever.nodeId)) issues.push({ path: leverPath, message: 'the node has two lever entries; merge them into one' });
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

function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(6))}%`;
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
