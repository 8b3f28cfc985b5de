import type { z } from 'zod';
import { costNodeSchema, investmentLineSchema, leverSchema, modelSchema, scenarioSchema, type Model } from '../model/schema';
import { checkModelRules, nodePath, scenarioPath, validateModel, type ModelIssue } from '../model/validate';
import type { EntityChange } from './changes';

const settingsSchema = modelSchema.pick({ name: true, currency: true, displayUnit: true, language: true, firstPlanYear: true });
const scenarioSettingsSchema = scenarioSchema.omit({ levers: true, investments: true });

/**
 * Checks a model after an edit by the same rules as `validateModel`: the field rules only
 * for the entities the edit wrote (the rest were valid before), then every cross-field rule.
 */
export function validateChangedModel(model: Model, changes: readonly EntityChange[]): ModelIssue[] {
  const issues: ModelIssue[] = [];
  if (changes.some((change) => change.entity === 'model')) {
    const whole = validateModel(model);
    return whole.ok ? [] : whole.error;
  }
  for (const change of changes) {
    if (!change.after) continue;
    issues.push(...fieldIssues(model, change));
  }
  if (issues.length > 0) return issues;
  return checkModelRules(model);
}

function fieldIssues(model: Model, change: EntityChange): ModelIssue[] {
  switch (change.entity) {
    case 'model':
      return [];
    case 'settings':
      return prefixed('', settingsSchema.safeParse(change.after));
    case 'node':
      return prefixed(nodePath(change.after!.value), costNodeSchema.safeParse(change.after!.value));
    case 'scenario':
      return prefixed(scenarioPath(change.after!.value), scenarioSettingsSchema.safeParse(change.after!.value));
    case 'lever': {
      const nodeName = model.costTree.find((node) => node.id === change.nodeId)?.name ?? change.nodeId;
      return prefixed(`${scenarioLabel(model, change.scenarioId)}.levers[${JSON.stringify(nodeName)}]`, leverSchema.safeParse(change.after!.value));
    }
    case 'investment':
      return prefixed(
        `${scenarioLabel(model, change.scenarioId)}.investments[${JSON.stringify(change.after!.value.name)}]`,
        investmentLineSchema.safeParse(change.after!.value),
      );
  }
}

function scenarioLabel(model: Model, scenarioId: string): string {
  const scenario = model.scenarios.find((s) => s.id === scenarioId);
  return scenario ? scenarioPath(scenario) : `scenarios[${JSON.stringify(scenarioId)}]`;
}

function prefixed(prefix: string, result: z.ZodSafeParseResult<unknown>): ModelIssue[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const tail = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
    const path = `${prefix}${tail}`.replace(/^\./, '');
    return { path, message: issue.message };
  });
}
