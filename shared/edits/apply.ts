import { problem, type Problem } from '../messages/problems';
import { err, ok, type Result } from '../result';
import { addressLineId, addressNodeId, inputContext, LEVER_INPUT_NAMES, resolveInput } from '../analysis/inputs';
import type { CostNode, InputRange, Lever, Model, OneOffItem, RevenueLever, Scenario } from '../model/schema';
import { LEVER_KINDS, LIMITS, type LeverKind } from '../model/schema';
import { planRevenueLineChanges, revenueLeverChanges } from './revenue-edits';
import { modelIssue, nodePath, scenarioPath, type ModelIssue } from '../model/validate';
import { entityIssue } from '../model/shape';
import { applyChanges, scenarioSettingsOf, settingsOf, type EntityChange, type Placed } from './changes';
import { editCommandSchema, type EditCommand, type SingleEditCommand } from './commands';
import { validateChangedModel } from './validate-edit';

export interface AppliedEdit {
  model: Model;
  changes: EntityChange[];
}

/**
 * Applies one edit command to a model: the new model and the entity changes that lead to
 * it, or the problems that forbid it (the model is then untouched). Ids of new things must
 * already be assigned (`assignIds`).
 */
export function applyEdit(model: Model, input: unknown): Result<AppliedEdit, ModelIssue[]> {
  const parsed = parseCommand(input);
  if (!parsed.ok) return parsed;
  const applied = planAndApply(model, parsed.value);
  if (!applied.ok) return applied;
  const issues = validateChangedModel(applied.value.model, applied.value.changes);
  return issues.length > 0 ? err(issues) : applied;
}

/**
 * The changes of a command and the model they lead to, before the model's rules are checked.
 * A batch plans each of its edits on the model the ones before it left, so the rules are
 * checked once, on the end state: one share may be raised before its sibling is lowered.
 */
function planAndApply(model: Model, command: EditCommand): Result<AppliedEdit, ModelIssue[]> {
  if (command.type !== 'batch') {
    const planned = planChanges(model, command);
    if (!planned.ok) return planned;
    const next = applyPlanned(model, planned.value, 'command');
    return next.ok ? ok({ model: next.value, changes: planned.value }) : next;
  }
  let current = model;
  const changes: EntityChange[] = [];
  for (const [index, edit] of command.edits.entries()) {
    const where = `command.edits[${index}]`;
    const planned = planChanges(current, edit);
    if (!planned.ok) return err(planned.error.map((issue) => ({ ...issue, path: issue.path.replace(/^command(?=\.|$)/, where) })));
    if (planned.value.length === 0) continue;
    const next = applyPlanned(current, planned.value, where);
    if (!next.ok) return next;
    current = next.value;
    changes.push(...planned.value);
  }
  return ok({ model: current, changes });
}

function applyPlanned(model: Model, changes: EntityChange[], path: string): Result<Model, ModelIssue[]> {
  try {
    return ok(applyChanges(model, changes));
  } catch (error) {
    return err([modelIssue(path, problem('edit-inconsistent', { detail: error instanceof Error ? error.message : String(error) }))]);
  }
}

function parseCommand(input: unknown): Result<EditCommand, ModelIssue[]> {
  const parsed = editCommandSchema.safeParse(input);
  if (!parsed.success)
    return err(
      parsed.error.issues.map((issue) => entityIssue(`command.${issue.path.join('.')}`.replace(/\.$/, ''), issue, input, undefined, [{ key: 'command' }])),
    );
  return ok(parsed.data);
}

type Planned = Result<EntityChange[], ModelIssue[]>;

/** The entity changes a command makes, before the model's rules are checked on the result. */
export function planEdit(model: Model, input: unknown): Planned {
  const parsed = parseCommand(input);
  if (!parsed.ok) return parsed;
  const applied = planAndApply(model, parsed.value);
  return applied.ok ? ok(applied.value.changes) : applied;
}

function fail(path: string, coded: Problem): Planned {
  return err([modelIssue(path, coded)]);
}

function planChanges(model: Model, command: SingleEditCommand): Planned {
  switch (command.type) {
    case 'setModelSettings': {
      const { type: _type, ...fields } = command;
      const before = settingsOf(model);
      const after = { ...before };
      for (const [key, value] of Object.entries<unknown>(fields)) {
        if (value === null) delete after[key as 'client' | 'presentation'];
        else if (value !== undefined) Object.assign(after, { [key]: value });
      }
      return ok([{ entity: 'settings', before, after }]);
    }
    case 'setCaptions': {
      const found = findNode(model, command.nodeId);
      if (!found) return fail('command.nodeId', problem('edit-target-missing', { kind: 'node', id: command.nodeId }));
      const updated: CostNode = { ...found.node };
      if (command.captions === null || Object.keys(command.captions).length === 0) delete updated.captions;
      else updated.captions = command.captions;
      return ok([nodeChange(found, updated)]);
    }
    case 'addRevenueLine':
    case 'changeRevenueLine':
    case 'deleteRevenueLine':
      return planRevenueLineChanges(model, command);
    case 'setRevenueLever': {
      const found = findScenario(model, command.scenarioId);
      if (!found) return fail('command.scenarioId', problem('edit-target-missing', { kind: 'scenario', id: command.scenarioId }));
      if (!(model.revenueLines ?? []).some((line) => line.id === command.lineId))
        return fail('command.lineId', problem('edit-target-missing', { kind: 'revenueLine', id: command.lineId }));
      const levers = [...(found.value.revenueLevers ?? [])];
      const index = levers.findIndex((lever) => lever.lineId === command.lineId);
      const updated: RevenueLever = { ...(index >= 0 ? levers[index]! : { lineId: command.lineId }) };
      if (command.value === null) delete updated[command.kind];
      else updated[command.kind] = command.value;
      const empty = updated.volumeChange === undefined && updated.priceChange === undefined;
      if (index >= 0) {
        if (empty) levers.splice(index, 1);
        else levers[index] = updated;
      } else if (!empty) levers.push(updated);
      else return ok([]);
      return ok(revenueLeverChanges(found, levers));
    }
    case 'addOneOff':
    case 'changeOneOff':
    case 'deleteOneOff': {
      const found = findScenario(model, command.scenarioId);
      if (!found) return fail('command.scenarioId', problem('edit-target-missing', { kind: 'scenario', id: command.scenarioId }));
      const items = [...(found.value.oneOffs ?? [])];
      if (command.type === 'addOneOff') {
        const item = command.item as OneOffItem;
        if (!item.id) return fail('command.item.id', problem('edit-id-missing', {}));
        if (items.some((existing) => existing.id === item.id))
          return fail(`${scenarioPath(found.value)}.oneOffs`, problem('edit-id-taken', { kind: 'oneOff', id: item.id }));
        items.push(item);
      } else {
        const index = items.findIndex((item) => item.id === command.itemId);
        if (index < 0) return fail('command.itemId', problem('edit-target-missing', { kind: 'oneOff', id: command.itemId }));
        if (command.type === 'deleteOneOff') items.splice(index, 1);
        else {
          const { type: _t, scenarioId: _s, itemId: _i, ...fields } = command;
          const updated = { ...items[index]! };
          for (const [key, value] of Object.entries<unknown>(fields)) {
            if (value === null) delete updated[key as 'notes'];
            else if (value !== undefined) Object.assign(updated, { [key]: value });
          }
          items[index] = updated;
        }
      }
      const before = scenarioSettingsOf(found.value);
      const after = { ...before };
      if (items.length > 0) after.oneOffs = items;
      else delete after.oneOffs;
      // Ranges on a deleted item go with it.
      if (command.type === 'deleteOneOff' && after.uncertainty) {
        const kept = after.uncertainty.filter((range) => range.input !== `oneOff:${command.itemId}`);
        if (kept.length > 0) after.uncertainty = kept;
        else delete after.uncertainty;
      }
      return ok([{ entity: 'scenario', id: found.value.id, before: { index: found.index, value: before }, after: { index: found.index, value: after } }]);
    }
    case 'addNode': {
      const node = command.node as CostNode;
      if (!node.id) return fail('command.node.id', problem('edit-id-missing', {}));
      if (model.costTree.some((n) => n.id === node.id)) return fail('command.node.id', problem('edit-id-taken', { kind: 'node', id: node.id }));
      if (node.parentId === null) return fail('command.node.parentId', problem('root-exists', {}));
      const parent = findNode(model, node.parentId);
      if (!parent) return fail('command.node.parentId', problem('edit-target-missing', { kind: 'node', id: node.parentId }));
      const index = insertionIndex(model.costTree, parent.node.id, node.id, command.beforeId);
      if (!index.ok) return index;
      return ok([{ entity: 'node', id: node.id, before: null, after: { index: index.value, value: node } }]);
    }
    case 'renameNode':
    case 'setBasis':
    case 'setRelevance':
    case 'setNotes': {
      const found = findNode(model, command.nodeId);
      if (!found) return fail('command.nodeId', problem('edit-target-missing', { kind: 'node', id: command.nodeId }));
      const updated: CostNode = { ...found.node };
      if (command.type === 'renameNode') updated.name = command.name;
      if (command.type === 'setBasis') updated.basis = command.basis;
      if (command.type === 'setRelevance') updated.relevance = command.relevance;
      if (command.type === 'setNotes') {
        if (command.notes === null) delete updated.notes;
        else updated.notes = command.notes;
      }
      return ok([nodeChange(found, updated)]);
    }
    case 'moveNode': {
      const found = findNode(model, command.nodeId);
      if (!found) return fail('command.nodeId', problem('edit-target-missing', { kind: 'node', id: command.nodeId }));
      const parent = findNode(model, command.parentId);
      if (!parent) return fail('command.parentId', problem('edit-target-missing', { kind: 'node', id: command.parentId }));
      if (found.node.parentId === null) return fail(nodePath(found.node), problem('root-cannot-move', {}));
      if (subtreeIds(model.costTree, found.node.id).has(parent.node.id))
        return fail(`${nodePath(found.node)}.parentId`, problem('move-under-itself', { target: parent.node.name }));
      const without = model.costTree.filter((n) => n.id !== found.node.id);
      const index = insertionIndex(without, parent.node.id, found.node.id, command.beforeId);
      if (!index.ok) return index;
      return ok([
        {
          entity: 'node',
          id: found.node.id,
          before: { index: found.index, value: found.node },
          after: { index: index.value, value: { ...found.node, parentId: parent.node.id } },
        },
      ]);
    }
    case 'deleteNode': {
      const found = findNode(model, command.nodeId);
      if (!found) return fail('command.nodeId', problem('edit-target-missing', { kind: 'node', id: command.nodeId }));
      if (found.node.parentId === null) return fail(nodePath(found.node), problem('root-cannot-delete', {}));
      return ok(deleteSubtreeChanges(model, found.node.id));
    }
    case 'setLever': {
      const scenario = findScenario(model, command.scenarioId);
      if (!scenario) return fail('command.scenarioId', problem('edit-target-missing', { kind: 'scenario', id: command.scenarioId }));
      const node = findNode(model, command.nodeId);
      if (!node) return fail('command.nodeId', problem('edit-target-missing', { kind: 'node', id: command.nodeId }));
      const index = scenario.value.levers.findIndex((lever) => lever.nodeId === command.nodeId);
      const current = index >= 0 ? scenario.value.levers[index]! : undefined;
      const updated: Lever = { ...(current ?? { nodeId: command.nodeId }) };
      if (command.value === null) delete updated[command.kind];
      else updated[command.kind] = command.value;
      const empty = LEVER_KINDS.every((kind) => updated[kind] === undefined);
      const before = current ? { index, value: current } : null;
      const after = empty ? null : { index: current ? index : scenario.value.levers.length, value: updated };
      if (!before && !after) return ok([]);
      const leverChange: EntityChange = { entity: 'lever', scenarioId: scenario.value.id, nodeId: command.nodeId, before, after };
      return ok([leverChange, ...recentredRange(scenario, command.nodeId, command.kind, current?.[command.kind] ?? 0, command.value ?? 0)]);
    }
    case 'clearLevers': {
      const scenario = findScenario(model, command.scenarioId);
      if (!scenario) return fail('command.scenarioId', problem('edit-target-missing', { kind: 'scenario', id: command.scenarioId }));
      const index = scenario.value.levers.findIndex((lever) => lever.nodeId === command.nodeId);
      if (index < 0) return ok([]);
      return ok([
        { entity: 'lever', scenarioId: scenario.value.id, nodeId: command.nodeId, before: { index, value: scenario.value.levers[index]! }, after: null },
      ]);
    }
    case 'addScenario': {
      const scenario = command.scenario as Scenario;
      if (model.scenarios.some((s) => s.id === scenario.id))
        return fail('command.scenario.id', problem('edit-id-taken', { kind: 'scenario', id: scenario.id }));
      return ok(addScenarioChanges(scenario, model.scenarios.length));
    }
    case 'cloneScenario': {
      const source = findScenario(model, command.scenarioId);
      if (!source) return fail('command.scenarioId', problem('edit-target-missing', { kind: 'scenario', id: command.scenarioId }));
      const newId = command.newId;
      if (!newId) return fail('command.newId', problem('edit-id-missing', {}));
      if (model.scenarios.some((s) => s.id === newId)) return fail('command.newId', problem('edit-id-taken', { kind: 'scenario', id: newId }));
      const clone = JSON.parse(JSON.stringify({ ...source.value, id: newId, name: command.name })) as Scenario;
      return ok(addScenarioChanges(clone, source.index + 1));
    }
    case 'renameScenario':
    case 'setScenarioParameters': {
      const found = findScenario(model, command.scenarioId);
      if (!found) return fail('command.scenarioId', problem('edit-target-missing', { kind: 'scenario', id: command.scenarioId }));
      const before = scenarioSettingsOf(found.value);
      const after = { ...before };
      if (command.type === 'renameScenario') after.name = command.name;
      else {
        if (command.horizonYears !== undefined) after.horizonYears = command.horizonYears;
        if (command.volumeGrowth !== undefined) after.volumeGrowth = command.volumeGrowth;
        if (command.discountRate !== undefined) after.discountRate = command.discountRate;
        if (command.ramp === null) delete after.ramp;
        else if (command.ramp !== undefined) after.ramp = command.ramp;
      }
      return ok([{ entity: 'scenario', id: found.value.id, before: { index: found.index, value: before }, after: { index: found.index, value: after } }]);
    }
    case 'deleteScenario': {
      const found = findScenario(model, command.scenarioId);
      if (!found) return fail('command.scenarioId', problem('edit-target-missing', { kind: 'scenario', id: command.scenarioId }));
      return ok(deleteScenarioChanges(found));
    }
    case 'addInvestment': {
      const found = findScenario(model, command.scenarioId);
      if (!found) return fail('command.scenarioId', problem('edit-target-missing', { kind: 'scenario', id: command.scenarioId }));
      const line = command.line as Scenario['investments'][number];
      if (!line.id) return fail('command.line.id', problem('edit-id-missing', {}));
      if (found.value.investments.some((l) => l.id === line.id))
        return fail(`${scenarioPath(found.value)}.investments`, problem('edit-id-taken', { kind: 'investment', id: line.id }));
      return ok([
        { entity: 'investment', scenarioId: found.value.id, id: line.id, before: null, after: { index: found.value.investments.length, value: line } },
      ]);
    }
    case 'changeInvestment':
    case 'deleteInvestment': {
      const found = findScenario(model, command.scenarioId);
      if (!found) return fail('command.scenarioId', problem('edit-target-missing', { kind: 'scenario', id: command.scenarioId }));
      const index = found.value.investments.findIndex((line) => line.id === command.lineId);
      if (index < 0) return fail('command.lineId', problem('edit-target-missing', { kind: 'investment', id: command.lineId }));
      const line = found.value.investments[index]!;
      const before = { index, value: line };
      if (command.type === 'deleteInvestment')
        return ok([
          // The line's uncertainty range goes with it.
          ...withoutRanges(found, (range) => addressLineId(range.input) === line.id),
          { entity: 'investment', scenarioId: found.value.id, id: line.id, before, after: null },
        ]);
      const { type: _t, scenarioId: _s, lineId: _l, ...fields } = command;
      const updated = { ...line };
      for (const [key, value] of Object.entries<unknown>(fields)) if (value !== undefined) Object.assign(updated, { [key]: value });
      return ok([{ entity: 'investment', scenarioId: found.value.id, id: line.id, before, after: { index, value: updated } }]);
    }
    case 'setInputRange': {
      const found = findScenario(model, command.scenarioId);
      if (!found) return fail('command.scenarioId', problem('edit-target-missing', { kind: 'scenario', id: command.scenarioId }));
      const resolved = resolveInput(inputContext(model, found.value), command.input);
      if (!resolved.ok) return fail('command.input', resolved.error.problem);
      const address = resolved.value.address;
      const before = scenarioSettingsOf(found.value);
      const ranges = [...(before.uncertainty ?? [])];
      const at = ranges.findIndex((range) => range.input === address);
      if (command.range === null) {
        if (at < 0) return ok([]);
        ranges.splice(at, 1);
      } else {
        const range: InputRange = { input: address, ...command.range };
        if (at >= 0) ranges[at] = range;
        else ranges.push(range);
      }
      const after = { ...before };
      if (ranges.length > 0) after.uncertainty = ranges;
      else delete after.uncertainty;
      return ok([{ entity: 'scenario', id: found.value.id, before: { index: found.index, value: before }, after: { index: found.index, value: after } }]);
    }
  }
}

/** Where a lever may go (the schema's bounds), for a range moved with its lever. */
const LEVER_BOUNDS: Record<LeverKind, readonly [number, number]> = {
  unitCostChange: [-1, LIMITS.maxCostIncrease],
  throughputChange: [LIMITS.minRate, LIMITS.maxThroughputIncrease],
  volumeChange: [-1, LIMITS.maxCostIncrease],
};

/**
 * An uncertainty range follows its lever: when the lever moves from `from` to `to`, its
 * range moves by the same amount (its spread kept, its bounds held inside the lever's own),
 * so a lever moved to -25% is not left with a range of -18% / -15% / -12%.
 */
function recentredRange(found: Placed<Scenario>, nodeId: string, kind: LeverKind, from: number, to: number): EntityChange[] {
  const address = `lever:${nodeId}:${LEVER_INPUT_NAMES[kind]}`;
  const ranges = found.value.uncertainty;
  const at = ranges?.findIndex((range) => range.input === address) ?? -1;
  if (!ranges || at < 0 || from === to) return [];
  const [min, max] = LEVER_BOUNDS[kind];
  const move = (value: number) => Math.min(max, Math.max(min, value + (to - from)));
  const range = ranges[at]!;
  const before = scenarioSettingsOf(found.value);
  const moved = [...ranges];
  moved[at] = { ...range, low: move(range.low), mostLikely: move(range.mostLikely), high: move(range.high) };
  return [
    {
      entity: 'scenario',
      id: found.value.id,
      before: { index: found.index, value: before },
      after: { index: found.index, value: { ...before, uncertainty: moved } },
    },
  ];
}

/** A settings change of the scenario that drops the uncertainty ranges `doomed` picks (none: no change). */
export function withoutRanges(found: Placed<Scenario>, doomed: (range: InputRange) => boolean): EntityChange[] {
  const ranges = found.value.uncertainty;
  if (!ranges || !ranges.some(doomed)) return [];
  const before = scenarioSettingsOf(found.value);
  const after = { ...before };
  const kept = ranges.filter((range) => !doomed(range));
  if (kept.length > 0) after.uncertainty = kept;
  else delete after.uncertainty;
  return [{ entity: 'scenario', id: found.value.id, before: { index: found.index, value: before }, after: { index: found.index, value: after } }];
}

function findNode(model: Model, id: string): { index: number; node: CostNode } | undefined {
  const index = model.costTree.findIndex((node) => node.id === id);
  return index < 0 ? undefined : { index, node: model.costTree[index]! };
}

export function findScenario(model: Model, id: string): Placed<Scenario> | undefined {
  const index = model.scenarios.findIndex((scenario) => scenario.id === id);
  return index < 0 ? undefined : { index, value: model.scenarios[index]! };
}

function nodeChange(found: { index: number; node: CostNode }, updated: CostNode): EntityChange {
  return { entity: 'node', id: found.node.id, before: { index: found.index, value: found.node }, after: { index: found.index, value: updated } };
}

export function subtreeIds(nodes: readonly CostNode[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const list = children.get(node.parentId) ?? [];
    list.push(node.id);
    children.set(node.parentId, list);
  }
  const ids = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (!ids.has(child)) {
        ids.add(child);
        stack.push(child);
      }
    }
  }
  return ids;
}

/** Where a new child of `parentId` goes in the flat list: before `beforeId`, or after the parent's subtree. */
function insertionIndex(nodes: readonly CostNode[], parentId: string, nodeId: string, beforeId: string | undefined): Result<number, ModelIssue[]> {
  if (beforeId !== undefined) {
    const index = nodes.findIndex((node) => node.id === beforeId);
    if (index < 0 || nodes[index]!.parentId !== parentId) return err([modelIssue('command.beforeId', problem('before-not-sibling', { id: beforeId }))]);
    return ok(index);
  }
  const subtree = subtreeIds(nodes, parentId);
  subtree.delete(nodeId);
  let last = -1;
  nodes.forEach((node, index) => {
    if (subtree.has(node.id)) last = index;
  });
  return ok(last + 1);
}

/**
 * The uncertainty ranges on the deleted nodes first, then levers, then nodes children-first,
 * each index taken after the removals before it.
 */
function deleteSubtreeChanges(model: Model, rootId: string): EntityChange[] {
  const doomed = subtreeIds(model.costTree, rootId);
  const changes: EntityChange[] = [];
  model.scenarios.forEach((scenario, index) => {
    changes.push(
      ...withoutRanges({ index, value: scenario }, (range) => {
        const nodeId = addressNodeId(range.input);
        return nodeId !== undefined && doomed.has(nodeId);
      }),
    );
  });
  for (const scenario of model.scenarios) {
    let removed = 0;
    scenario.levers.forEach((lever, index) => {
      if (!doomed.has(lever.nodeId)) return;
      changes.push({ entity: 'lever', scenarioId: scenario.id, nodeId: lever.nodeId, before: { index: index - removed, value: lever }, after: null });
      removed++;
    });
  }
  let removed = 0;
  model.costTree.forEach((node, index) => {
    if (!doomed.has(node.id)) return;
    changes.push({ entity: 'node', id: node.id, before: { index: index - removed, value: node }, after: null });
    removed++;
  });
  return changes;
}

function addScenarioChanges(scenario: Scenario, index: number): EntityChange[] {
  return [
    { entity: 'scenario', id: scenario.id, before: null, after: { index, value: scenarioSettingsOf(scenario) } },
    ...scenario.levers.map((lever, i): EntityChange => ({
      entity: 'lever',
      scenarioId: scenario.id,
      nodeId: lever.nodeId,
      before: null,
      after: { index: i, value: lever },
    })),
    ...scenario.investments.map((line, i): EntityChange => ({
      entity: 'investment',
      scenarioId: scenario.id,
      id: line.id,
      before: null,
      after: { index: i, value: line },
    })),
  ];
}

function deleteScenarioChanges(found: Placed<Scenario>): EntityChange[] {
  const scenario = found.value;
  return [
    ...scenario.levers.map((lever): EntityChange => ({
      entity: 'lever',
      scenarioId: scenario.id,
      nodeId: lever.nodeId,
      before: { index: 0, value: lever },
      after: null,
    })),
    ...scenario.investments.map((line): EntityChange => ({
      entity: 'investment',
      scenarioId: scenario.id,
      id: line.id,
      before: { index: 0, value: line },
      after: null,
    })),
    { entity: 'scenario', id: scenario.id, before: { index: found.index, value: scenarioSettingsOf(scenario) }, after: null },
  ];
}
