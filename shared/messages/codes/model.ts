import type { Problem } from '../problems';

/** What a field of a model file (or a payload) held instead of what it takes, for a message that says what was found. */
export type ValueFound = { kind: 'missing' | 'null' | 'list' | 'object' } | { kind: 'number' | 'text' | 'boolean'; text: string };

/** The kind of value a field of a model takes. */
export type ValueKind = 'number' | 'finiteNumber' | 'text' | 'list' | 'object' | 'boolean';

/** The lists of a model whose items a screen names (by name, or by row when they have none). */
export type ModelList = 'costTree' | 'revenueLines' | 'scenarios' | 'levers' | 'revenueLevers' | 'investments' | 'oneOffs' | 'uncertainty';

/** Fields of a model (docs/model-format.md) that a message names as the screens name them. */
export const MODEL_FIELDS = [
  'format',
  'schemaVersion',
  'name',
  'client',
  'presentation',
  'accentColor',
  'logo',
  'mediaType',
  'data',
  'currency',
  'displayUnit',
  'language',
  'firstPlanYear',
  'id',
  'parentId',
  'basis',
  'kind',
  'amount',
  'amounts',
  'share',
  'relevance',
  'notes',
  'captions',
  'zh',
  'en',
  'margin',
  'horizonYears',
  'volumeGrowth',
  'discountRate',
  'ramp',
  'nodeId',
  'lineId',
  'unitCostChange',
  'throughputChange',
  'volumeChange',
  'priceChange',
  'category',
  'timing',
  'year',
  'input',
  'low',
  'mostLikely',
  'high',
  'distribution',
  'costTree',
  'revenueLines',
  'scenarios',
  'levers',
  'revenueLevers',
  'investments',
  'oneOffs',
  'uncertainty',
] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];

/**
 * One step of where a value sits in a model: an item of a list (its name where it has one,
 * and its row, 1-based), a field, a year of a list by year (ramp, yearly amounts), or a key
 * the app has no name for (written as it is in the file).
 */
export type PlaceStep = { list: ModelList; row: number; name?: string } | { field: ModelField } | { year: number } | { key: string };

/** Why a ratio's bound exists, for a message that says so. */
export type RatioReason = 'unitCost' | 'throughput' | 'volume' | 'price';

/** Why a text is refused although short enough: characters that would damage or disguise it. */
export type UncleanReason = 'half-character' | 'control' | 'control-one-line' | 'direction';

/** The rules of the model: amounts, ratios, names and the shape of the cost tree and the scenarios (shared/model). Amounts are in yuan; ratios as fractions (0.15 for 15%). */
export interface ModelProblemParams {
  /** A typed text that is not a number. */
  'not-a-number': { text: string };
  'amount-negative': { amount: number };
  'amount-too-large': { amount: number; max: number };
  /** A ratio (lever, rate, share, ramp) outside its range; `reason` says why the bound exists. */
  'ratio-out-of-range': { value: number; min: number; max: number; exclusiveMin: boolean; reason?: RatioReason };
  'name-empty': Record<string, never>;
  'name-too-long': { length: number; max: number };
  /** A note or caption longer than its field takes. */
  'text-too-long': { length: number; max: number };
  /** A one-off amount (negative for a cost) beyond the largest amount either way. */
  'signed-amount-too-large': { amount: number; max: number };
  'plan-year-invalid': { value: number; max: number };
  'horizon-invalid': { value: number; max: number };
  'year-invalid': { value: number };
  /** Shares of the children of one parent add up past 100%. */
  'shares-over-parent': { parent: string; total: number };
  /** Shares and amounts of the children add up past the parent (total Infinity: the parent is 0). */
  'children-over-parent': { parent: string; total: number };
  'duplicate-sibling-name': { parent: string; name: string; lines?: 'revenue' };
  'duplicate-scenario-name': { name: string };
  'root-cannot-move': Record<string, never>;
  'root-cannot-delete': Record<string, never>;
  'move-under-itself': { target: string };
  /** An edit names something that is no longer there (another window deleted it, say). */
  'edit-target-missing': { kind: EditTarget; id: string };
  'duplicate-node-id': { id: string; lines?: 'revenue' };
  'no-root': Record<string, never>;
  'several-roots': { count: number; names: string };
  'orphan-line': { parentId: string; lines?: 'revenue' };
  'own-parent': { lines?: 'revenue' };
  'parent-cycle': { lines?: 'revenue' };
  'too-deep': { depth: number; max: number; lines?: 'revenue' };
  'root-needs-amount': Record<string, never>;
  'lever-line-missing': { id: string };
  'lever-twice': Record<string, never>;
  'duplicate-investment-id': { id: string };
  'duplicate-scenario-id': { id: string };
  /** A field of a model file or payload that is not what it should be: where (as the screens name it) and what. */
  'field-invalid': { place: PlaceStep[]; problem: Problem };
  'value-missing': { expected: ValueKind };
  'value-wrong-type': { expected: ValueKind; found: ValueFound };
  /** A value outside a fixed list (a relevance, a category, a kind), written as the file writes it. */
  'value-not-a-choice': { choices: string[]; found: ValueFound };
  'value-format': { format: 'id' | 'colour' | 'base64' | 'currency' };
  'value-empty': Record<string, never>;
  /** Any other value the model's shape refuses. */
  'value-invalid': Record<string, never>;
  'list-too-long': { count: number; max: number; what: 'nodes' | 'lines' | 'scenarios' | 'items' | 'ranges' | 'years' };
  'list-empty': { what: 'costTree' | 'years' };
  'keys-unknown': { keys: string[] };
  /** The file's `format` is not this app's: it is some other JSON. */
  'model-format-wrong': { expected: string; found: ValueFound };
  'schema-version-newer': { version: number; supported: number };
  'schema-version-invalid': { supported: number[]; found: ValueFound };
  /** A text holding a character that would damage or disguise it; `character` as U+XXXX, `position` 1-based. */
  'text-unclean': { reason: UncleanReason; character: string; position: number };
  'revenue-top-needs-amount': Record<string, never>;
  'duplicate-top-revenue-name': { name: string };
  'revenue-lever-line-missing': { id: string };
  'revenue-lever-twice': Record<string, never>;
  'duplicate-one-off-id': { id: string };
  /** An edit adds a thing under an id that is taken. */
  'edit-id-taken': { kind: EditTarget; id: string };
  /** An edit adds a thing without an id (the app assigns ids before applying). */
  'edit-id-missing': Record<string, never>;
  'root-exists': Record<string, never>;
  /** An edit places a line before one that is not its sibling. */
  'before-not-sibling': { id: string };
  /** The planned changes of an edit do not fit the model (a bug, or a model changed underneath). */
  'edit-inconsistent': { detail: string };
}

/** The kinds of things an edit names. */
export type EditTarget = 'node' | 'scenario' | 'revenueLine' | 'oneOff' | 'investment';

export const MODEL_CODES = [
  'not-a-number',
  'amount-negative',
  'amount-too-large',
  'ratio-out-of-range',
  'name-empty',
  'name-too-long',
  'text-too-long',
  'signed-amount-too-large',
  'plan-year-invalid',
  'horizon-invalid',
  'year-invalid',
  'shares-over-parent',
  'children-over-parent',
  'duplicate-sibling-name',
  'duplicate-scenario-name',
  'root-cannot-move',
  'root-cannot-delete',
  'move-under-itself',
  'edit-target-missing',
  'duplicate-node-id',
  'no-root',
  'several-roots',
  'orphan-line',
  'own-parent',
  'parent-cycle',
  'too-deep',
  'root-needs-amount',
  'lever-line-missing',
  'lever-twice',
  'duplicate-investment-id',
  'duplicate-scenario-id',
  'field-invalid',
  'value-missing',
  'value-wrong-type',
  'value-not-a-choice',
  'value-format',
  'value-empty',
  'value-invalid',
  'list-too-long',
  'list-empty',
  'keys-unknown',
  'model-format-wrong',
  'schema-version-newer',
  'schema-version-invalid',
  'text-unclean',
  'revenue-top-needs-amount',
  'duplicate-top-revenue-name',
  'revenue-lever-line-missing',
  'revenue-lever-twice',
  'duplicate-one-off-id',
  'edit-id-taken',
  'edit-id-missing',
  'root-exists',
  'before-not-sibling',
  'edit-inconsistent',
] as const satisfies readonly (keyof ModelProblemParams)[];
