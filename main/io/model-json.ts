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
import { formatIssue, validateModel } from '../../shared/model/validate';
import { err, ok, type Result } from '../../shared/result';

/** Reads and validates a model in the JSON interchange format; the message names the place. */
const MAX_MODEL_JSON_BYTES = 200 * 1024 * 1024;

export function readModelJson(path: string): Result<Model, string> {
  let text: string;
  try {
    // A model of 100,000 lines is a few tens of MB of JSON; anything far larger is refused unread.
    const size = statSync(path).size;
    if (size > MAX_MODEL_JSON_BYTES)
      return err(`the file is ${Math.round(size / 1024 / 1024)} MB; a model as JSON is at most ${MAX_MODEL_JSON_BYTES / 1024 / 1024} MB`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return err(describeFsError(error));
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const validated = validateModel(parsed.value);
  if (!validated.ok) {
    const [first, ...rest] = validated.error;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
    return err(`${formatIssue(first!)}${more}`);
  }
  return ok(validated.value);
}

export function parseJson(text: string): Result<unknown, string> {
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
      return err(`not valid JSON at line ${line}, column ${column}`);
    }
    return err(`not valid JSON (${message.split('\n')[0]})`);
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
