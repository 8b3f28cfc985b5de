import { problem, type Problem } from '../messages/problems';
import { err, ok, type Result } from '../result';
import type { Model, RevenueLever, RevenueLine, Scenario } from '../model/schema';
import { revenuePath } from '../model/revenue-rules';
import { modelIssue, type ModelIssue } from '../model/validate';
import { scenarioSettingsOf, type EntityChange, type Placed } from './changes';
import type { EditCommand } from './commands';

type RevenueCommand = Extract<EditCommand, { type: 'addRevenueLine' | 'changeRevenueLine' | 'deleteRevenueLine' }>;

function fail(path: string, coded: Problem): Result<EntityChange[], ModelIssue[]> {
  return err([modelIssue(path, coded)]);
}

/** The ids of a revenue line and every line below it. */
export function revenueSubtree(lines: readonly RevenueLine[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const line of lines) {
      if (line.parentId !== null && ids.has(line.parentId) && !ids.has(line.id)) {
        ids.add(line.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** A scenario settings change that replaces its revenue levers. */
export function revenueLeverChanges(found: Placed<Scenario>, levers: RevenueLever[], dropRanges?: (input: string) => boolean): EntityChange[] {
  const before = scenarioSettingsOf(found.value);
  const after = { ...before };
  if (levers.length > 0) after.revenueLevers = levers;
  else delete after.revenueLevers;
  if (dropRanges && after.uncertainty) {
    const kept = after.uncertainty.filter((range) => !dropRanges(range.input));
    if (kept.length > 0) after.uncertainty = kept;
    else delete after.uncertainty;
  }
  return [{ entity: 'scenario', id: found.value.id, before: { index: found.index, value: before }, after: { index: found.index, value: after } }];
}

/** The revenue line a canonical input address refers to (revenue, margin, revenue levers), by syntax. */
export function addressRevenueLineId(address: string): string | undefined {
  for (const head of ['revenue:', 'revenueShare:', 'margin:']) if (address.startsWith(head)) return address.slice(head.length);
  if (address.startsWith('revenueLever:')) {
    const last = address.lastIndexOf(':');
    return last > 'revenueLever:'.length ? address.slice('revenueLever:'.length, last) : undefined;
  }
  return undefined;
}

export function planRevenueLineChanges(model: Model, command: RevenueCommand): Result<EntityChange[], ModelIssue[]> {
  const lines = model.revenueLines ?? [];
  switch (command.type) {
    case 'addRevenueLine': {
      const line = command.line as RevenueLine;
      if (!line.id) return fail('command.line.id', problem('edit-id-missing', {}));
      if (lines.some((existing) => existing.id === line.id)) return fail('command.line.id', problem('edit-id-taken', { kind: 'revenueLine', id: line.id }));
      if (line.parentId !== null && !lines.some((existing) => existing.id === line.parentId))
        return fail('command.line.parentId', problem('edit-target-missing', { kind: 'revenueLine', id: line.parentId }));
      let index = lines.length;
      if (command.beforeId !== undefined) {
        index = lines.findIndex((existing) => existing.id === command.beforeId);
        if (index < 0 || lines[index]!.parentId !== line.parentId) return fail('command.beforeId', problem('before-not-sibling', { id: command.beforeId }));
      } else if (line.parentId !== null) {
        // After the parent's subtree, so the list reads as a tree.
        const subtree = revenueSubtree(lines, line.parentId);
        lines.forEach((existing, at) => {
          if (subtree.has(existing.id)) index = at + 1;
        });
      }
      return ok([{ entity: 'revenueLine', id: line.id, before: null, after: { index, value: line } }]);
    }
    case 'changeRevenueLine': {
      const index = lines.findIndex((line) => line.id === command.lineId);
      if (index < 0) return fail('command.lineId', problem('edit-target-missing', { kind: 'revenueLine', id: command.lineId }));
      const line = lines[index]!;
      const { type: _t, lineId: _l, ...fields } = command;
      const updated: RevenueLine = { ...line };
      for (const [key, value] of Object.entries<unknown>(fields)) {
        if (value === null) delete updated[key as 'notes' | 'captions'];
        else if (value !== undefined) Object.assign(updated, { [key]: value });
      }
      if (updated.captions && Object.keys(updated.captions).length === 0) delete updated.captions;
      return ok([{ entity: 'revenueLine', id: line.id, before: { index, value: line }, after: { index, value: updated } }]);
    }
    case 'deleteRevenueLine': {
      const index = lines.findIndex((line) => line.id === command.lineId);
      if (index < 0) return fail('command.lineId', problem('edit-target-missing', { kind: 'revenueLine', id: command.lineId }));
      const doomed = revenueSubtree(lines, command.lineId);
      const changes: EntityChange[] = [];
      // Levers and uncertainty ranges on the deleted lines go first, then the lines children-first by index.
      model.scenarios.forEach((scenario, at) => {
        const levers = scenario.revenueLevers ?? [];
        const touchesRanges = (scenario.uncertainty ?? []).some((range) => {
          const lineId = addressRevenueLineId(range.input);
          return lineId !== undefined && doomed.has(lineId);
        });
        if (!levers.some((lever) => doomed.has(lever.lineId)) && !touchesRanges) return;
        changes.push(
          ...revenueLeverChanges(
            { index: at, value: scenario },
            levers.filter((lever) => !doomed.has(lever.lineId)),
            (input) => {
              const lineId = addressRevenueLineId(input);
              return lineId !== undefined && doomed.has(lineId);
            },
          ),
        );
      });
      let removed = 0;
      lines.forEach((line, at) => {
        if (!doomed.has(line.id)) return;
        changes.push({ entity: 'revenueLine', id: line.id, before: { index: at - removed, value: line }, after: null });
        removed++;
      });
      return ok(changes);
    }
  }
}

export { revenuePath };
