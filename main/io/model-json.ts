import { readFileSync, statSync } from 'node:fs';
import {
  costNodeSchema,
  inputRangeSchema,
  investmentLineSchema,
  leverSchema,
  modelSchema,
  oneOffItemSchema,
  revenueLeverSchema,
  revenueLineSchema,
  scenarioSchema,
  type Model,
} from '../../shared/model/schema';
import { validateModel, type ModelIssue } from '../../shared/model/validate';
import { problem, type Problem } from '../../shared/messages/problems';
import type { FileFailure } from '../../shared/messages/codes/cli';
import { err, ok, type Result } from '../../shared/result';

/** A model as JSON larger than this is refused unread. */
const MAX_MODEL_JSON_BYTES = 200 * 1024 * 1024;

/** Reads and validates a model in the JSON interchange format; the problem names the place (the caller names the file). */
export function readModelJson(path: string): Result<Model, Problem> {
  let text: string;
  try {
    // A model of 100,000 lines is a few tens of MB of JSON; anything far larger is refused unread.
    const size = statSync(path).size;
    if (size > MAX_MODEL_JSON_BYTES) return err(problem('file-too-large', { bytes: size, max: MAX_MODEL_JSON_BYTES }));
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return err(problem('cannot-read', fileFailure(error)));
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const validated = validateModel(parsed.value);
  if (!validated.ok) {
    const [first, ...rest] = validated.error;
    return err(problem('model-rule', { where: first!.path, problem: issueProblem(first!), more: rest.length }));
  }
  return ok(validated.value);
}

/** A rule the model breaks as its coded problem; one still without a code keeps its English words as a detail. */
export function issueProblem(issue: ModelIssue): Problem {
  // The message prints the issue's path first: a field's place in words would say it twice.
  return issue.problem.code === 'field-invalid' ? issue.problem.params.problem : issue.problem;
}

export function parseJson(text: string): Result<unknown, Problem> {
  try {
    return ok(JSON.parse(text.replace(/^\uFEFF/, '')) as unknown);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      return err(problem('json-invalid', { line, column }));
    }
    return err(problem('json-invalid', { detail: message.split('\n')[0] ?? message }));
  }
}

/** Why the system refused to read or write a file, as a reason the planner reads (the system's code only as a detail). */
export function fileFailure(error: unknown): { reason: FileFailure; detail?: string } {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { reason: 'missing' };
    case 'EACCES':
    case 'EPERM':
      return { reason: 'permission' };
    case 'EISDIR':
      return { reason: 'folder' };
    case 'ENOSPC':
    case 'EDQUOT':
      return { reason: 'disk-full' };
    case 'EROFS':
      return { reason: 'read-only' };
    case 'EBUSY':
    case 'ETXTBSY':
      return { reason: 'in-use' };
    default:
      return { reason: 'other', detail: code || (error instanceof Error ? error.message : String(error)) };
  }
}

/** Keys in the order of the schema (docs/model-format.md), so a dump reads the same whatever wrote the model. */
function ordered<T extends object>(value: T, keys: readonly string[]): T {
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) result[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in result) && source[key] !== undefined) result[key] = source[key];
  return result as T;
}

const KEYS = {
  model: Object.keys(modelSchema.shape),
  node: Object.keys(costNodeSchema.shape),
  line: Object.keys(revenueLineSchema.shape),
  scenario: Object.keys(scenarioSchema.shape),
  lever: Object.keys(leverSchema.shape),
  revenueLever: Object.keys(revenueLeverSchema.shape),
  oneOff: Object.keys(oneOffItemSchema.shape),
  investment: Object.keys(investmentLineSchema.shape),
  range: Object.keys(inputRangeSchema.shape),
};

export function canonicalModel(model: Model): Model {
  const revenueLines = model.revenueLines?.map((line) => ordered(line, KEYS.line));
  return ordered(
    {
      ...model,
      costTree: model.costTree.map((node) => ordered(node, KEYS.node)),
      ...(revenueLines ? { revenueLines } : {}),
      scenarios: model.scenarios.map((scenario) => {
        const revenueLevers = scenario.revenueLevers?.map((lever) => ordered(lever, KEYS.revenueLever));
        const oneOffs = scenario.oneOffs?.map((item) => ordered(item, KEYS.oneOff));
        const uncertainty = scenario.uncertainty?.map((range) => ordered(range, KEYS.range));
        return ordered(
          {
            ...scenario,
            levers: scenario.levers.map((lever) => ordered(lever, KEYS.lever)),
            ...(revenueLevers ? { revenueLevers } : {}),
            ...(oneOffs ? { oneOffs } : {}),
            investments: scenario.investments.map((line) => ordered(line, KEYS.investment)),
            ...(uncertainty ? { uncertainty } : {}),
          },
          KEYS.scenario,
        );
      }),
    },
    KEYS.model,
  );
}

export function modelToJson(model: Model): string {
  return `${JSON.stringify(canonicalModel(model), null, 2)}\n`;
}

/** A file-system error in English words (the store's logs); the CLI words it through `fileFailure`. */
export function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
