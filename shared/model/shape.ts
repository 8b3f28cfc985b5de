import type { z } from 'zod';
import { MODEL_FIELDS, type ModelField, type ModelList, type PlaceStep, type ValueFound, type ValueKind } from '../messages/codes/model';
import { isProblem, problem, type Problem } from '../messages/problems';
import { READABLE_SCHEMA_VERSIONS, MODEL_FORMAT, MODEL_SCHEMA_VERSION } from './schema';
import { modelIssue, type ModelIssue } from './issues';

/**
 * zod's issues as the model's own problems. A refinement of the schema carries its coded
 * problem in `params.problem`; the shape zod checks itself (a wrong type, a missing field, a
 * value outside a list, an unknown key) is mapped here to a few coded shape problems, and
 * `placeOfPath` names where the value sits the way the screens name it, so a planner reads
 * 成本结构第 4 行的金额：须为数字 rather than zod's "Expected number, received string".
 */

/** The coded problem a zod issue carries in its params (set by the schema's refinements). */
export function problemOfIssue(issue: { params?: Record<string, unknown> } | object): Problem | undefined {
  const params = 'params' in issue ? issue.params : undefined;
  return isProblem(params?.['problem']) ? params['problem'] : undefined;
}

const LISTS: ReadonlySet<string> = new Set<ModelList>([
  'costTree',
  'revenueLines',
  'scenarios',
  'levers',
  'revenueLevers',
  'investments',
  'oneOffs',
  'uncertainty',
]);
const BY_YEAR: ReadonlySet<string> = new Set(['ramp', 'amounts']);
const FIELDS: ReadonlySet<string> = new Set(MODEL_FIELDS);
const VALUES: ReadonlySet<string> = new Set(['amount', 'amounts', 'share']);
const ID_FIELDS: ReadonlySet<string> = new Set(['id', 'parentId', 'nodeId', 'lineId']);

/**
 * Where the value at zod's `path` sits in `root` (a model, or the entity an edit writes), as
 * steps the screens name: an item of a list by its name (a lever by its cost line's), else
 * its row; a field; a year of a list by year. `model` finds the names levers refer to.
 */
export function placeOfPath(
  path: readonly PropertyKey[],
  root: unknown,
  model: unknown = root,
  start: readonly PlaceStep[] = [],
  /** false: every key of the path kept (for a path written back, costTree["A"].basis.amount). */
  asShown = true,
): PlaceStep[] {
  const steps: PlaceStep[] = [...start];
  let cursor: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = childOf(cursor, key);
    if (typeof key === 'number') {
      const previous = steps.at(-1);
      const list = previous && 'field' in previous && LISTS.has(previous.field) ? (previous.field as ModelList) : undefined;
      if (list) {
        const name = itemName(list, next, model);
        steps[steps.length - 1] = name === undefined ? { list, row: key + 1 } : { list, row: key + 1, name };
      } else if (previous && 'field' in previous && BY_YEAR.has(previous.field)) steps.push({ year: key + 1 });
      else steps.push({ key: `[${key}]` });
    } else {
      const name = String(key);
      const previous = steps.at(-1);
      // A basis's amount or share, an investment's amount: the screens name the value, not its holder.
      if (asShown && previous && 'field' in previous && (previous.field === 'basis' || previous.field === 'amount') && VALUES.has(name)) steps.pop();
      steps.push(FIELDS.has(name) ? { field: name as ModelField } : { key: name });
    }
    cursor = next;
  }
  return steps;
}

/** The value at zod's `path` in `root`, or undefined where there is none. */
export function valueAtPath(root: unknown, path: readonly PropertyKey[]): unknown {
  let cursor = root;
  for (const key of path) cursor = childOf(cursor, key);
  return cursor;
}

/** The problem of a zod issue: its own where the schema gave one, else the shape problem zod found. */
export function issueProblem(issue: z.core.$ZodIssue, root: unknown): Problem {
  return problemOfIssue(issue) ?? shapeProblem(issue, valueAtPath(root, issue.path));
}

/** A zod issue without a coded problem of its own, as one of the model's shape problems. */
export function shapeProblem(issue: z.core.$ZodIssue, value: unknown): Problem {
  const field = issue.path.at(-1);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = valueKind(issue.expected, value);
      if (expected === undefined) return problem('value-invalid', {});
      if (value === undefined) return problem('value-missing', { expected });
      return problem('value-wrong-type', { expected, found: foundOf(value) });
    }
    case 'invalid_value':
      if (field === 'format' && issue.path.length === 1) return problem('model-format-wrong', { expected: MODEL_FORMAT, found: foundOf(value) });
      if (field === 'schemaVersion' && issue.path.length === 1)
        return typeof value === 'number' && Number.isInteger(value) && value > MODEL_SCHEMA_VERSION
          ? problem('schema-version-newer', { version: value, supported: MODEL_SCHEMA_VERSION })
          : problem('schema-version-invalid', { supported: [...READABLE_SCHEMA_VERSIONS], found: foundOf(value) });
      return problem('value-not-a-choice', { choices: issue.values.map(String), found: foundOf(value) });
    case 'invalid_union':
      // A discriminated union whose `kind` is none of its options.
      if ('options' in issue && Array.isArray(issue.options))
        return problem('value-not-a-choice', { choices: issue.options.map(String), found: foundOf(value) });
      return problem('value-invalid', {});
    case 'invalid_format':
      if (typeof field === 'string' && ID_FIELDS.has(field)) return problem('value-format', { format: 'id' });
      if (field === 'accentColor') return problem('value-format', { format: 'colour' });
      if (field === 'currency') return problem('value-format', { format: 'currency' });
      if (field === 'data') return problem('value-format', { format: 'base64' });
      return problem('value-invalid', {});
    case 'too_big':
      if (typeof value === 'string') return problem('text-too-long', { length: value.length, max: Number(issue.maximum) });
      if (Array.isArray(value)) return problem('list-too-long', { count: value.length, max: Number(issue.maximum), what: listWhat(field) });
      return problem('value-invalid', {});
    case 'too_small':
      if (typeof value === 'string') return problem('value-empty', {});
      if (Array.isArray(value)) return problem('list-empty', { what: field === 'costTree' ? 'costTree' : 'years' });
      return problem('value-invalid', {});
    case 'unrecognized_keys':
      return problem('keys-unknown', { keys: issue.keys });
    default:
      return problem('value-invalid', {});
  }
}

/** What a field held, for a message that says what was found instead. */
export function foundOf(value: unknown): ValueFound {
  if (value === undefined) return { kind: 'missing' };
  if (value === null) return { kind: 'null' };
  if (Array.isArray(value)) return { kind: 'list' };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number' || typeof value === 'bigint') return { kind: 'number', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', text: String(value) };
  return { kind: 'object' };
}

function valueKind(expected: string, value: unknown): ValueKind | undefined {
  switch (expected) {
    case 'number':
      return typeof value === 'number' ? 'finiteNumber' : 'number';
    case 'string':
      return 'text';
    case 'array':
      return 'list';
    case 'object':
      return 'object';
    case 'boolean':
      return 'boolean';
    default:
      return undefined;
  }
}

function listWhat(field: PropertyKey | undefined): 'nodes' | 'lines' | 'scenarios' | 'items' | 'ranges' | 'years' {
  switch (field) {
    case 'costTree':
      return 'nodes';
    case 'revenueLines':
    case 'investments':
      return 'lines';
    case 'scenarios':
      return 'scenarios';
    case 'uncertainty':
      return 'ranges';
    case 'ramp':
    case 'amounts':
      return 'years';
    default:
      return 'items';
  }
}

/** The name an item of a list goes by on screen: its own, its cost or revenue line's (levers), its input's (ranges). */
function itemName(list: ModelList, item: unknown, model: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  const candidate =
    list === 'levers'
      ? nameOfId(item['nodeId'], model, 'costTree')
      : list === 'revenueLevers'
        ? nameOfId(item['lineId'], model, 'revenueLines')
        : list === 'uncertainty'
          ? item['input']
          : item['name'];
  return typeof candidate === 'string' && candidate.trim() ? candidate : undefined;
}

function nameOfId(id: unknown, model: unknown, list: 'costTree' | 'revenueLines'): unknown {
  const items = isRecord(model) ? model[list] : undefined;
  if (!Array.isArray(items)) return id;
  const found: unknown = items.find((candidate) => isRecord(candidate) && candidate['id'] === id);
  return isRecord(found) && typeof found['name'] === 'string' ? found['name'] : id;
}

function childOf(value: unknown, key: PropertyKey): unknown {
  if (Array.isArray(value)) return typeof key === 'number' ? (value[key] as unknown) : undefined;
  return isRecord(value) ? value[key as string] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The issue of an entity an edit writes (or of a command): a refinement's own problem as it
 * is (the cell the planner typed in says where), a shape problem with its place named,
 * starting from `start` (the entity's own place in the model).
 */
export function entityIssue(path: string, issue: z.core.$ZodIssue, root: unknown, model: unknown, start: readonly PlaceStep[]): ModelIssue {
  const own = problemOfIssue(issue);
  if (own) return modelIssue(path, own);
  const place = placeOfPath(issue.path, root, model, start);
  return modelIssue(path, problem('field-invalid', { place, problem: shapeProblem(issue, valueAtPath(root, issue.path)) }));
}
