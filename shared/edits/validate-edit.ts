import type { z } from 'zod';
import { costNodeSchema, investmentLineSchema, leverSchema, modelSchema, revenueLineSchema, scenarioSchema, type Model } from '../model/schema';
import { checkRevenueLines, checkScenarioRevenue, revenuePath } from '../model/revenue-rules';
import { checkChildren, checkDepth, checkRootBasis, indexTree, subtreeOf } from '../model/tree-rules';
import { checkScenarioIdentity, checkUncertainty, modelIssue, nodePath, scenarioPath, validateModel, type ModelIssue } from '../model/validate';
import { entityIssue } from '../model/shape';
import { problem } from '../messages/problems';
import type { ModelList, PlaceStep } from '../messages/codes/model';
import type { EntityChange } from './changes';

const settingsSchema = modelSchema.pick({
  name: true,
  currency: true,
  displayUnit: true,
  language: true,
  firstPlanYear: true,
  client: true,
  presentation: true,
});
const scenarioSettingsSchema = scenarioSchema.omit({ levers: true, investments: true });

/**
 * Checks a model after an edit by the same rules as `validateModel`, on the part the edit
 * can have broken: the field rules of the entities it wrote, and the cross-field rules around
 * them (the rest of the model was valid before). This keeps an edit of a 10,000-line model
 * well under a millisecond; a property test holds it equal to the full check.
 */
export function validateChangedModel(model: Model, changes: readonly EntityChange[]): ModelIssue[] {
  const issues: ModelIssue[] = [];
  if (changes.some((change) => change.entity === 'model')) {
    const whole = validateModel(model);
    return whole.ok ? [] : whole.error;
  }
  for (const change of latestPerEntity(changes)) {
    if (!change.after) continue;
    issues.push(...fieldIssues(model, change));
  }
  if (issues.length > 0) return issues;
  return crossFieldIssues(model, changes);
}

/**
 * The last change of each entity: a batch may write one thing twice (a fill over a pasted
 * cell), and only the value it ends with is the model's.
 */
function latestPerEntity(changes: readonly EntityChange[]): EntityChange[] {
  if (changes.length < 2) return [...changes];
  const seen = new Set<string>();
  const latest: EntityChange[] = [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const change = changes[i]!;
    const key = entityKey(change);
    if (seen.has(key)) continue;
    seen.add(key);
    latest.push(change);
  }
  return latest.reverse();
}

function entityKey(change: EntityChange): string {
  switch (change.entity) {
    case 'model':
    case 'settings':
      return change.entity;
    case 'node':
    case 'revenueLine':
    case 'scenario':
      return `${change.entity}\u0000${change.id}`;
    case 'lever':
      return `lever\u0000${change.scenarioId}\u0000${change.nodeId}`;
    case 'investment':
      return `investment\u0000${change.scenarioId}\u0000${change.id}`;
  }
}

/** What the planned changes of an edit can break across fields. */
function crossFieldIssues(model: Model, changes: readonly EntityChange[]): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const nodeChanges = changes.filter((change) => change.entity === 'node');
  if (nodeChanges.length > 0) {
    const index = indexTree(model.costTree);
    const parents = new Set<string>();
    const moved: string[] = [];
    for (const change of nodeChanges) {
      const before = change.before?.value;
      const after = change.after?.value;
      for (const node of [before, after]) if (node?.parentId != null && index.byId.has(node.parentId)) parents.add(node.parentId);
      if (!after) continue;
      if (after.parentId === null) issues.push(...checkRootBasis(after));
      // A new amount or a new parent changes the resolved amount of everything below it.
      const resolvedMayChange = !before || before.parentId !== after.parentId || JSON.stringify(before.basis) !== JSON.stringify(after.basis);
      if (resolvedMayChange) for (const id of subtreeOf(index, after.id)) parents.add(id);
      if (!before || before.parentId !== after.parentId) moved.push(after.id);
    }
    issues.push(...checkChildren(index, parents), ...checkDepth(index, moved));
  }
  if (changes.some((change) => change.entity === 'scenario' && change.after)) issues.push(...checkScenarioIdentity(model.scenarios));
  // Revenue lines are few next to the cost tree: their rules and the revenue levers and
  // one-off items of every scenario are checked whole whenever one of them may have moved.
  const revenueLinesChanged = changes.some((change) => change.entity === 'revenueLine');
  if (revenueLinesChanged) issues.push(...checkRevenueLines(model.revenueLines ?? []));
  if (revenueLinesChanged || changes.some((change) => change.entity === 'scenario' && change.after))
    issues.push(...checkScenarioRevenue(model, (name) => scenarioPath({ name })));
  const written = changes.filter((change) => (change.entity === 'lever' || change.entity === 'investment') && change.after);
  if (written.length > 0) {
    // A lever edit must stay cheap on a 10,000-line tree: scan for a few ids, index for many.
    const nodeIds = written.length > 8 ? new Set(model.costTree.map((node) => node.id)) : undefined;
    const hasNode = (id: string) => (nodeIds ? nodeIds.has(id) : model.costTree.some((node) => node.id === id));
    for (const change of written) issues.push(...checkWrittenItem(model, change, hasNode));
  }
  // An uncertainty range's bounds depend on the tree (shares and amounts), on its investment
  // line and on its scenario's settings: any change to those checks the (few) ranges again.
  const rangesMayBreak = changes.some(
    (change) =>
      change.entity === 'node' || change.entity === 'revenueLine' || change.entity === 'investment' || (change.entity === 'scenario' && change.after !== null),
  );
  if (issues.length === 0 && rangesMayBreak && model.scenarios.some((scenario) => (scenario.uncertainty?.length ?? 0) > 0))
    issues.push(...checkUncertainty(model));
  return issues;
}

function fieldIssues(model: Model, change: EntityChange): ModelIssue[] {
  switch (change.entity) {
    case 'model':
      return [];
    case 'settings':
      return prefixed('', settingsSchema.safeParse(change.after), change.after, model, []);
    case 'node': {
      const { value, index } = change.after!;
      return prefixed(nodePath(value), costNodeSchema.safeParse(value), value, model, [itemStep('costTree', index, value.name)]);
    }
    case 'revenueLine': {
      const { value, index } = change.after!;
      return prefixed(revenuePath(value), revenueLineSchema.safeParse(value), value, model, [itemStep('revenueLines', index, value.name)]);
    }
    case 'scenario': {
      const { value, index } = change.after!;
      return prefixed(scenarioPath(value), scenarioSettingsSchema.safeParse(value), value, model, [itemStep('scenarios', index, value.name)]);
    }
    case 'lever': {
      const { value, index } = change.after!;
      const nodeName = model.costTree.find((node) => node.id === change.nodeId)?.name ?? change.nodeId;
      return prefixed(`${scenarioLabel(model, change.scenarioId)}.levers[${JSON.stringify(nodeName)}]`, leverSchema.safeParse(value), value, model, [
        ...scenarioPlace(model, change.scenarioId),
        itemStep('levers', index, nodeName),
      ]);
    }
    case 'investment': {
      const { value, index } = change.after!;
      return prefixed(
        `${scenarioLabel(model, change.scenarioId)}.investments[${JSON.stringify(value.name)}]`,
        investmentLineSchema.safeParse(value),
        value,
        model,
        [...scenarioPlace(model, change.scenarioId), itemStep('investments', index, value.name)],
      );
    }
  }
}

function scenarioLabel(model: Model, scenarioId: string): string {
  const scenario = model.scenarios.find((s) => s.id === scenarioId);
  return scenario ? scenarioPath(scenario) : `scenarios[${JSON.stringify(scenarioId)}]`;
}

/** An item of a list as a step of a place: by its name where it has one, else its row. */
function itemStep(list: ModelList, index: number, name: unknown): PlaceStep {
  return typeof name === 'string' && name.trim() ? { list, row: index + 1, name } : { list, row: index + 1 };
}

function scenarioPlace(model: Model, scenarioId: string): PlaceStep[] {
  const index = model.scenarios.findIndex((s) => s.id === scenarioId);
  return index < 0 ? [] : [itemStep('scenarios', index, model.scenarios[index]!.name)];
}

/** The issues of a written entity: paths under `prefix`, shape problems placed under `start`. */
function prefixed(prefix: string, result: z.ZodSafeParseResult<unknown>, value: unknown, model: Model, start: PlaceStep[]): ModelIssue[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const tail = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
    return entityIssue(`${prefix}${tail}`.replace(/^\./, ''), issue, value, model, start);
  });
}

/** A written lever sits on an existing node, alone; a written investment line has its own id. */
function checkWrittenItem(model: Model, change: EntityChange, hasNode: (id: string) => boolean): ModelIssue[] {
  if (change.entity !== 'lever' && change.entity !== 'investment') return [];
  const scenario = model.scenarios.find((s) => s.id === change.scenarioId);
  if (!scenario) return [];
  const path = scenarioPath(scenario);
  if (change.entity === 'lever') {
    const nodeName = () => JSON.stringify(model.costTree.find((node) => node.id === change.nodeId)?.name ?? change.nodeId);
    if (!hasNode(change.nodeId)) return [modelIssue(`${path}.levers[${nodeName()}].nodeId`, problem('lever-line-missing', { id: change.nodeId }))];
    const entries = scenario.levers.reduce((n, lever) => n + (lever.nodeId === change.nodeId ? 1 : 0), 0);
    return entries > 1 ? [modelIssue(`${path}.levers[${nodeName()}]`, problem('lever-twice', {}))] : [];
  }
  const lines = scenario.investments.filter((line) => line.id === change.id);
  return lines.length > 1
    ? [modelIssue(`${path}.investments[${JSON.stringify(lines[1]!.name)}].id`, problem('duplicate-investment-id', { id: change.id }))]
    : [];
}
