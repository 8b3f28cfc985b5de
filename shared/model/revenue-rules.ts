import { problem, type Problem } from '../messages/problems';
import type { CostNode, Model, RevenueLine } from './schema';
import { checkChildren, checkTreeShape, indexTree } from './tree-rules';
import { modelIssue, type ModelIssue } from './issues';

/** An id no line can have (ids are letters, digits and _ . : -), for the forest's hidden top. */
const TOP = ' revenue';

export function revenuePath(line: Pick<RevenueLine, 'name'>): string {
  return `revenueLines[${JSON.stringify(line.name)}]`;
}

/**
 * The revenue lines follow the cost tree's rules (unique ids, no orphans or cycles, at most 30
 * levels, sibling names unique, children claiming no more than their parent), except that
 * there may be any number of top-level lines, each with an amount. The rules of the cost tree
 * are reused on the forest hung under one hidden top.
 */
export function checkRevenueLines(lines: readonly RevenueLine[]): ModelIssue[] {
  if (lines.length === 0) return [];
  const issues: ModelIssue[] = [];
  for (const line of lines) {
    if (line.parentId === null && line.basis.kind !== 'amount') issues.push(modelIssue(`${revenuePath(line)}.basis`, problem('revenue-top-needs-amount', {})));
  }
  const top: CostNode = { id: TOP, parentId: null, name: TOP, basis: { kind: 'amount', amount: 0 }, relevance: 'strong' };
  const nodes: CostNode[] = [top];
  for (const line of lines) nodes.push({ id: line.id, parentId: line.parentId ?? TOP, name: line.name, basis: line.basis, relevance: 'strong' });
  const index = indexTree(nodes);
  const shape = checkTreeShape(index);
  const parents = [...index.children.keys()].filter((id) => id !== TOP);
  const rules = shape.length > 0 ? shape : checkChildren(index, parents);
  // Top-level names are unique too, as siblings of the hidden top.
  const names = new Set<string>();
  for (const line of lines) {
    if (line.parentId !== null) continue;
    const key = line.name.trim();
    if (names.has(key)) issues.push(modelIssue('revenueLines', problem('duplicate-top-revenue-name', { name: key })));
    names.add(key);
  }
  for (const issue of rules) issues.push(modelIssue(issue.path.replace(/^costTree/, 'revenueLines'), asRevenueProblem(issue.problem)));
  return issues;
}

/** A rule of the cost tree broken by revenue lines, worded for revenue lines (a revenue line's id, levels deep rather than below the root). */
function asRevenueProblem(found: Problem): Problem {
  switch (found.code) {
    case 'duplicate-node-id':
    case 'duplicate-sibling-name':
    case 'orphan-line':
    case 'own-parent':
    case 'parent-cycle':
    case 'too-deep':
      return { ...found, params: { ...found.params, lines: 'revenue' } } as Problem;
    default:
      return found;
  }
}

/** Revenue levers and one-off items of every scenario: they name lines that exist, once. */
export function checkScenarioRevenue(model: Model, scenarioPath: (name: string) => string): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const lineNames = new Map((model.revenueLines ?? []).map((line) => [line.id, line.name]));
  for (const scenario of model.scenarios) {
    const path = scenarioPath(scenario.name);
    const seen = new Set<string>();
    for (const lever of scenario.revenueLevers ?? []) {
      const lineName = lineNames.get(lever.lineId);
      const leverPath = `${path}.revenueLevers[${JSON.stringify(lineName ?? lever.lineId)}]`;
      if (lineName === undefined) issues.push(modelIssue(`${leverPath}.lineId`, problem('revenue-lever-line-missing', { id: lever.lineId })));
      if (seen.has(lever.lineId)) issues.push(modelIssue(leverPath, problem('revenue-lever-twice', {})));
      seen.add(lever.lineId);
    }
    const itemIds = new Set<string>();
    for (const item of scenario.oneOffs ?? []) {
      if (itemIds.has(item.id)) issues.push(modelIssue(`${path}.oneOffs[${JSON.stringify(item.name)}].id`, problem('duplicate-one-off-id', { id: item.id })));
      itemIds.add(item.id);
    }
  }
  return issues;
}
