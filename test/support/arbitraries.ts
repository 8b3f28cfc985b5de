import fc from 'fast-check';
import {
  INVESTMENT_CATEGORIES,
  INVESTMENT_TIMINGS,
  LANGUAGES,
  DISPLAY_UNITS,
  LIMITS,
  MODEL_FORMAT,
  MODEL_SCHEMA_VERSION,
  RELEVANCE,
  type CostNode,
  type InvestmentAmount,
  type InvestmentLine,
  type Lever,
  type Model,
  type Scenario,
  textProblem,
} from '../../shared/model';

/**
 * fast-check arbitraries for VALID models (every value passes `validateModel`; the test
 * test/shared/model/arbitraries.test.ts checks it). Meant for property tests of the engine,
 * the store and the exports.
 *
 * What they produce:
 * - Cost trees of 1..60 nodes (options), random shape (bushy or chain-like, so depth varies
 *   from 0 to the node count - 1), listed in a random order (a child may come before its
 *   parent in `costTree`). Per parent, the children claim exactly 100% of it (share-only
 *   children then add up to 1 within a few ulps), a round number of basis points, or a
 *   random fraction. About one child in five has an amount basis; its amount is floored to
 *   the fen so that it fits in what its parent leaves.
 * - Names are unique across the tree and across the scenarios (compared trimmed and lower
 *   case) and may hold any Unicode, quotes and surrounding spaces; ids are unique where the
 *   validator wants them (nodes; scenarios; investment lines within a scenario).
 * - Optional fields (`notes`, `ramp`, each lever kind) are omitted, never set to undefined,
 *   and no number is -0: a model survives a JSON round trip unchanged (`toEqual`).
 *
 * Value ranges (`range` option):
 * - 'typical' (default): most rates and lever changes in -50%..+50% (often whole percents),
 *   sometimes the round edges of the schema (-100% unit cost, +1000%, -99% throughput or
 *   discount rate, +10000% throughput); money in whole yuan or fen (root up to 1e12 yuan,
 *   rarely 0). The engine's arithmetic stays finite on these.
 * - 'full': any double the schema accepts, including a hair above -100% for throughput,
 *   growth and discount (factors up to ~9e15 per lever or per year) and amounts up to 1e15.
 *   Use it for validation and storage round trips; the engine can overflow on such models
 *   (a known issue: see the engine property tests).
 */

export type ValueRange = 'typical' | 'full';

export interface TreeArbitraryOptions {
  /** Default 1. */
  minNodes?: number;
  /** Default 60. */
  maxNodes?: number;
  /** Default 'typical'. */
  range?: ValueRange;
}

export interface ScenarioArbitraryOptions {
  /** Default 'typical'. */
  range?: ValueRange;
  /** Most lever entries per scenario (one per node at most). Default 8. */
  maxLevers?: number;
  /** Default 5. */
  maxInvestmentLines?: number;
  /**
   * The largest fixed investment amount per line and year, in yuan (default 1,000,000;
   * 'full' adds any amount up to the schema's maximum). `arbitraryModel` passes 1% of the
   * root amount, so that investments and savings are of the same order and payback falls
   * at 0, inside the horizon and beyond it.
   */
  moneyScale?: number;
}

export interface ModelArbitraryOptions extends TreeArbitraryOptions, ScenarioArbitraryOptions {
  /** Default 0. */
  minScenarios?: number;
  /** Default 4. */
  maxScenarios?: number;
}

/**
 * Arbitraries are built once per set of options and reused: building some of them (e.g.
 * `stringMatching`) costs more than generating a model. The parts that depend on a tree
 * (node ids) or its root amount (money scale) are built as "drafts" (a node picked by index,
 * money as a fraction of the scale) and mapped onto the tree, so no `chain` is needed.
 */
const arbitraryCache = new Map<string, fc.Arbitrary<unknown>>();

function cached<T>(key: string, build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  let found = arbitraryCache.get(key);
  if (!found) {
    found = build();
    arbitraryCache.set(key, found);
  }
  return found as fc.Arbitrary<T>;
}

/** Converts -0 to 0 (JSON, SQLite and `toEqual` do not agree on -0). */
function noNegativeZero(value: number): number {
  return value + 0;
}

function double(min: number, max: number, options: { minExcluded?: boolean } = {}): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, minExcluded: options.minExcluded ?? false }).map(noNegativeZero);
}

/** Rounds to `decimals` places (fen for money), never giving -0. */
function rounded(arbitrary: fc.Arbitrary<number>, decimals: number): fc.Arbitrary<number> {
  const scale = 10 ** decimals;
  return arbitrary.map((value) => noNegativeZero(Math.round(value * scale) / scale));
}

/** Whole percents in [min, max] percent, as ratios (e.g. -0.15). */
function wholePercent(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min, max }).map((p) => noNegativeZero(p / 100));
}

// ---------------------------------------------------------------------------------------
// Names and ids

const NAME_POOL = [
  '售后服务成本',
  '物料与现场服务',
  '呼叫中心',
  '呼叫中心人工',
  '客户联络中心',
  '备件',
  '呆滞库存',
  '服务商结算',
  '保外维修',
  '智能客服',
  'After-sales service cost',
  'Materials and field service',
  'Contact center',
  'Contact-center labor',
  'Spare parts',
  'Service providers',
  'Training & exams',
  'Knowledge base',
  'Field service "north"',
  'Back\\slash',
  '  padded name  ',
  'Pipe | and; semicolon',
  'Émoji 🚚 delivery',
  'x'.repeat(100),
] as const;

/** A valid name of at most 100 UTF-16 units (room for a uniqueness suffix up to 120). */
export function arbitraryName(): fc.Arbitrary<string> {
  return cached('name', () =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...NAME_POOL) },
      {
        weight: 1,
        arbitrary: fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
          .filter((name) => name.trim().length > 0 && name.length <= 100 && textProblem(name) === undefined),
      },
    ),
  );
}

/** A valid id (letters, digits and _ . : -) of at most 56 characters (room for a suffix). */
export function arbitraryId(): fc.Arbitrary<string> {
  return cached('id', () =>
    fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/) }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,56}$/) }),
  );
}

/**
 * Makes values unique under `key` by appending `-2`, `-3`, ... (ids) or ` (2)` (names) to
 * later duplicates. Keeps the first occurrence as it is.
 */
function uniquify(values: readonly string[], key: (value: string) => string, suffix: (n: number) => string): string[] {
  const seen = new Set<string>();
  return values.map((value) => {
    let candidate = value;
    for (let n = 2; seen.has(key(candidate)); n++) candidate = `${value}${suffix(n)}`;
    seen.add(key(candidate));
    return candidate;
  });
}

const nameKey = (name: string): string => name.trim().toLowerCase();

export function uniqueNames(names: readonly string[]): string[] {
  return uniquify(names, nameKey, (n) => ` (${n})`);
}

export function uniqueIds(ids: readonly string[]): string[] {
  return uniquify(
    ids,
    (id) => id,
    (n) => `-${n}`,
  );
}

// ---------------------------------------------------------------------------------------
// Cost tree

function arbitraryRootAmount(range: ValueRange): fc.Arbitrary<number> {
  const typical = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 10_000_000_000 }) },
    { weight: 3, arbitrary: rounded(double(0.01, 1e12), 2) },
    { weight: 1, arbitrary: fc.constantFrom(0, 0.01, 1, 71_160_000) },
  );
  return range === 'typical' ? typical : fc.oneof(typical, double(0, LIMITS.maxAmount), fc.constant(LIMITS.maxAmount));
}

type Allocation =
  /** The children claim exactly 100% of the parent. */
  | { kind: 'exact' }
  /** The children claim a whole number of basis points (0..10000) of the parent. */
  | { kind: 'basisPoints'; total: number }
  /** The children claim a random fraction of the parent, split without rounding. */
  | { kind: 'fraction'; total: number };

interface NodeSpec {
  id: string;
  name: string;
  /** Where the node goes in the `costTree` list (sorted by this key). */
  sortKey: number;
  /** Picks the parent among the nodes before this one (see `parentIndex`). */
  parentPick: number;
  chainLike: boolean;
  /** Relative weight among the siblings. */
  weight: number;
  amountBasis: boolean;
  relevance: CostNode['relevance'];
  notes: string | undefined;
  /** How this node's children split it. */
  allocation: Allocation;
}

function arbitraryAllocation(range: ValueRange): fc.Arbitrary<Allocation> {
  // Typical fractions are 0 or at least 1e-6 (no subnormal shares); full ones can be anything.
  const fraction = range === 'typical' ? fc.oneof(fc.constant(0), double(1e-6, 1)) : double(0, 1);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant<Allocation>({ kind: 'exact' }) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000 }).map((total): Allocation => ({ kind: 'basisPoints', total })) },
    { weight: 2, arbitrary: fraction.map((total): Allocation => ({ kind: 'fraction', total })) },
  );
}

function arbitraryNotes(range: ValueRange): fc.Arbitrary<string> {
  const typical = fc.oneof(
    fc.constantFrom('', '人工成本 = 受理量 × 人均单价', 'Source: FY2026 ledger'),
    fc.string({ unit: 'grapheme', maxLength: 60 }).filter((notes) => textProblem(notes, { multiline: true }) === undefined),
  );
  return range === 'typical' ? typical : fc.oneof(typical, fc.constant('注'.repeat(LIMITS.notesMaxLength)));
}

function arbitraryNodeSpec(range: ValueRange): fc.Arbitrary<NodeSpec> {
  return cached(`nodeSpec/${range}`, () =>
    fc.record({
      id: arbitraryId(),
      name: arbitraryName(),
      sortKey: fc.nat(),
      parentPick: fc.nat(),
      chainLike: fc.boolean(),
      weight: fc.integer({ min: 1, max: 100 }),
      amountBasis: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      relevance: fc.constantFrom(...RELEVANCE),
      notes: fc.option(arbitraryNotes(range), { nil: undefined, freq: 4 }),
      allocation: arbitraryAllocation(range),
    }),
  );
}

/** Node i's parent among nodes 0..i-1: a recent one (chains, deep trees) or any (bushy trees). */
function parentIndex(spec: NodeSpec, i: number): number {
  return spec.chainLike ? Math.max(0, i - 1 - (spec.parentPick % 3)) : spec.parentPick % i;
}

/** Splits `total` basis points by weight into whole basis points (largest remainder). */
function splitBasisPoints(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

function buildTree(rootAmount: number, specs: readonly NodeSpec[], order: readonly number[]): CostNode[] {
  const count = specs.length;
  const ids = uniqueIds(specs.map((spec) => spec.id));
  const names = uniqueNames(specs.map((spec) => spec.name));
  // A parent already at the depth limit hands its would-be child to the root instead.
  const depth: number[] = [];
  const parent = specs.map((spec, i) => {
    if (i === 0) {
      depth.push(0);
      return -1;
    }
    const picked = parentIndex(spec, i);
    const chosen = depth[picked]! >= LIMITS.maxDepth ? 0 : picked;
    depth.push(depth[chosen]! + 1);
    return chosen;
  });
  const children: number[][] = specs.map(() => []);
  for (let i = 1; i < count; i++) children[parent[i]!]!.push(i);

  const basis: CostNode['basis'][] = new Array<CostNode['basis']>(count);
  const resolved = new Float64Array(count);
  basis[0] = { kind: 'amount', amount: rootAmount };
  resolved[0] = rootAmount;
  // Parents have lower indices than their children, so index order resolves parents first.
  for (let p = 0; p < count; p++) {
    const kids = children[p]!;
    if (kids.length === 0) continue;
    const allocation = specs[p]!.allocation;
    const weights = kids.map((c) => specs[c]!.weight);
    let fractions: number[];
    if (allocation.kind === 'fraction') {
      const sum = weights.reduce((a, b) => a + b, 0);
      fractions = weights.map((w) => (allocation.total * w) / sum);
    } else {
      const total = allocation.kind === 'exact' ? 10_000 : allocation.total;
      fractions = splitBasisPoints(total, weights).map((bp) => bp / 10_000);
    }
    kids.forEach((c, k) => {
      const fraction = Math.min(1, fractions[k]!);
      if (specs[c]!.amountBasis) {
        // Floored to the fen: never more than the fraction of the parent it stands for.
        const amount = Math.min(Math.floor(resolved[p]! * fraction * 100) / 100, resolved[p]! * fraction);
        basis[c] = { kind: 'amount', amount: noNegativeZero(Math.max(0, amount)) };
        resolved[c] = basis[c].amount;
      } else {
        basis[c] = { kind: 'share', share: noNegativeZero(fraction) };
        resolved[c] = resolved[p]! * fraction;
      }
    });
  }

  return order.map((i) => {
    const spec = specs[i]!;
    const node: CostNode = {
      id: ids[i]!,
      parentId: i === 0 ? null : ids[parent[i]!]!,
      name: names[i]!,
      basis: basis[i]!,
      relevance: spec.relevance,
    };
    if (spec.notes !== undefined) node.notes = spec.notes;
    return node;
  });
}

/** A valid cost tree (the `costTree` of a model), in a random order. */
export function arbitraryCostTree(options: TreeArbitraryOptions = {}): fc.Arbitrary<CostNode[]> {
  const range = options.range ?? 'typical';
  const minNodes = Math.max(1, options.minNodes ?? 1);
  const maxNodes = options.maxNodes ?? 60;
  return cached(`tree/${range}/${minNodes}/${maxNodes}`, () =>
    fc
      .record({
        rootAmount: arbitraryRootAmount(range),
        // size 'max': any count up to maxNodes (fast-check otherwise keeps arrays near 10).
        specs: fc.array(arbitraryNodeSpec(range), { minLength: minNodes, maxLength: maxNodes, size: 'max' }),
      })
      .map(({ rootAmount, specs }) => {
        // The list order: by each node's sort key (ties keep the creation order).
        const order = specs.map((_, i) => i).sort((a, b) => specs[a]!.sortKey - specs[b]!.sortKey);
        return buildTree(rootAmount, specs, order);
      }),
  );
}

// ---------------------------------------------------------------------------------------
// Levers

/** A unit-cost or volume change: cost factor 1 + change, schema range [-1, 10]. */
export function arbitraryCostChange(range: ValueRange = 'typical'): fc.Arbitrary<number> {
  const typical = fc.oneof(
    { weight: 6, arbitrary: wholePercent(-50, 50) },
    { weight: 3, arbitrary: double(-0.5, 0.5) },
    { weight: 1, arbitrary: fc.constantFrom(-1, -0.99, 0, 1, LIMITS.maxCostIncrease) },
  );
  return range === 'typical' ? typical : fc.oneof(typical, double(-1, LIMITS.maxCostIncrease));
}

/** A throughput (per-capita volume) change: cost factor 1 / (1 + change), schema range [-0.99, 100]. */
export function arbitraryThroughputChange(range: ValueRange = 'typical'): fc.Arbitrary<number> {
  const typical = fc.oneof(
    { weight: 6, arbitrary: wholePercent(-50, 50) },
    { weight: 3, arbitrary: double(-0.5, 0.5) },
    { weight: 1, arbitrary: fc.constantFrom(-0.99, -0.5, 0, 1, LIMITS.maxThroughputIncrease) },
  );
  return range === 'typical' ? typical : fc.oneof(typical, double(LIMITS.minRate, LIMITS.maxThroughputIncrease));
}

/** A lever on one of `nodeIds` (non-empty); each kind present or not (possibly none). */
export function arbitraryLever(nodeIds: readonly string[], range: ValueRange = 'typical'): fc.Arbitrary<Lever> {
  if (nodeIds.length === 0) throw new Error('arbitraryLever needs at least one node id');
  return fc.record({ nodeId: fc.constantFrom(...nodeIds), changes: arbitraryLeverChanges(range) }).map(({ nodeId, changes }) => ({ nodeId, ...changes }));
}

/** Levers on distinct nodes (the validator wants one entry per node), in a random order. */
export function arbitraryLevers(nodeIds: readonly string[], range: ValueRange = 'typical', maxLevers = 8): fc.Arbitrary<Lever[]> {
  return cached(`levers/${range}/${maxLevers}`, () => fc.array(arbitraryLeverDraft(range), { maxLength: maxLevers })).map((drafts) =>
    materializeLevers(drafts, nodeIds),
  );
}

type LeverChanges = Omit<Lever, 'nodeId'>;

function arbitraryLeverChanges(range: ValueRange): fc.Arbitrary<LeverChanges> {
  return cached(`leverChanges/${range}`, () =>
    fc.record(
      {
        unitCostChange: arbitraryCostChange(range),
        throughputChange: arbitraryThroughputChange(range),
        volumeChange: arbitraryCostChange(range),
      },
      { requiredKeys: [] },
    ),
  );
}

interface LeverDraft {
  pick: number;
  changes: LeverChanges;
}

function arbitraryLeverDraft(range: ValueRange): fc.Arbitrary<LeverDraft> {
  return fc.record({ pick: fc.nat(), changes: arbitraryLeverChanges(range) });
}

/** One lever per node: a later draft that picks a node already taken is dropped. */
function materializeLevers(drafts: readonly LeverDraft[], nodeIds: readonly string[]): Lever[] {
  if (nodeIds.length === 0) return [];
  const taken = new Set<string>();
  const levers: Lever[] = [];
  for (const draft of drafts) {
    const nodeId = nodeIds[draft.pick % nodeIds.length]!;
    if (taken.has(nodeId)) continue;
    taken.add(nodeId);
    levers.push({ nodeId, ...draft.changes });
  }
  return levers;
}

// ---------------------------------------------------------------------------------------
// Investments and scenarios

type MoneyDraft =
  /** Whole yuan: unit x scale, rounded. */
  | { kind: 'whole'; unit: number }
  /** Fen: unit x scale, rounded to 0.01. */
  | { kind: 'fen'; unit: number }
  /** Any amount the schema accepts, whatever the scale (full range only). */
  | { kind: 'absolute'; value: number };

function arbitraryMoneyDraft(range: ValueRange): fc.Arbitrary<MoneyDraft> {
  return cached(`money/${range}`, () => {
    const typical = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((i): MoneyDraft => ({ kind: 'whole', unit: i / 1_000_000 })) },
      { weight: 3, arbitrary: double(0, 1).map((unit): MoneyDraft => ({ kind: 'fen', unit })) },
      { weight: 1, arbitrary: fc.constant<MoneyDraft>({ kind: 'whole', unit: 0 }) },
    );
    return range === 'typical'
      ? typical
      : fc.oneof(
          typical,
          double(0, LIMITS.maxAmount).map((value): MoneyDraft => ({ kind: 'absolute', value })),
        );
  });
}

function materializeMoney(draft: MoneyDraft, scale: number): number {
  const top = Math.min(Math.max(scale, 1), LIMITS.maxAmount);
  switch (draft.kind) {
    case 'whole':
      return Math.min(Math.round(draft.unit * top), LIMITS.maxAmount);
    case 'fen':
      return noNegativeZero(Math.min(Math.round(draft.unit * top * 100) / 100, LIMITS.maxAmount));
    case 'absolute':
      return draft.value;
  }
}

/**
 * A non-negative amount in yuan up to `scale` (capped to the schema's maximum): whole yuan
 * or fen when typical; also any double up to the maximum, subnormal ones included, when full.
 */
export function arbitraryMoney(scale: number, range: ValueRange = 'typical'): fc.Arbitrary<number> {
  return arbitraryMoneyDraft(range).map((draft) => materializeMoney(draft, scale));
}

type InvestmentAmountDraft = { kind: 'perYear'; amount: MoneyDraft } | { kind: 'yearly'; amounts: MoneyDraft[] } | { kind: 'shareOfSaving'; share: number };

interface InvestmentLineDraft extends Omit<InvestmentLine, 'amount'> {
  amount: InvestmentAmountDraft;
}

function arbitraryInvestmentAmountDraft(range: ValueRange): fc.Arbitrary<InvestmentAmountDraft> {
  return cached(`investmentAmount/${range}`, () => {
    const money = arbitraryMoneyDraft(range);
    const share = range === 'typical' ? fc.oneof(wholePercent(0, 50), rounded(double(0, 1), 6)) : double(0, 1);
    return fc.oneof(
      money.map((amount): InvestmentAmountDraft => ({ kind: 'perYear', amount })),
      fc.array(money, { minLength: 1, maxLength: LIMITS.maxHorizonYears }).map((amounts): InvestmentAmountDraft => ({ kind: 'yearly', amounts })),
      share.map((value): InvestmentAmountDraft => ({ kind: 'shareOfSaving', share: value })),
    );
  });
}

function materializeInvestmentAmount(draft: InvestmentAmountDraft, scale: number): InvestmentAmount {
  switch (draft.kind) {
    case 'perYear':
      return { kind: 'perYear', amount: materializeMoney(draft.amount, scale) };
    case 'yearly':
      return { kind: 'yearly', amounts: draft.amounts.map((amount) => materializeMoney(amount, scale)) };
    case 'shareOfSaving':
      return draft;
  }
}

function arbitraryInvestmentLineDraft(range: ValueRange): fc.Arbitrary<InvestmentLineDraft> {
  return cached(`investmentLine/${range}`, () =>
    fc.record({
      id: arbitraryId(),
      name: arbitraryName(),
      category: fc.constantFrom(...INVESTMENT_CATEGORIES),
      amount: arbitraryInvestmentAmountDraft(range),
      timing: fc.constantFrom(...INVESTMENT_TIMINGS),
    }),
  );
}

function materializeInvestmentLine(draft: InvestmentLineDraft, scale: number): InvestmentLine {
  return { ...draft, amount: materializeInvestmentAmount(draft.amount, scale) };
}

/** One of the three amount kinds; fixed amounts up to about `moneyScale` yuan. */
export function arbitraryInvestmentAmount(moneyScale = 1_000_000, range: ValueRange = 'typical'): fc.Arbitrary<InvestmentAmount> {
  return arbitraryInvestmentAmountDraft(range).map((draft) => materializeInvestmentAmount(draft, moneyScale));
}

export function arbitraryInvestmentLine(moneyScale = 1_000_000, range: ValueRange = 'typical'): fc.Arbitrary<InvestmentLine> {
  return arbitraryInvestmentLineDraft(range).map((draft) => materializeInvestmentLine(draft, moneyScale));
}

function arbitraryGrowth(range: ValueRange): fc.Arbitrary<number> {
  const typical = fc.oneof(
    { weight: 6, arbitrary: wholePercent(-20, 50) },
    { weight: 2, arbitrary: double(-0.5, 1) },
    { weight: 1, arbitrary: fc.constantFrom(-0.99, 0, LIMITS.maxRate) },
  );
  return range === 'typical' ? typical : fc.oneof(typical, double(LIMITS.minRate, LIMITS.maxRate));
}

function arbitraryDiscountRate(range: ValueRange): fc.Arbitrary<number> {
  const typical = fc.oneof(
    { weight: 6, arbitrary: wholePercent(0, 20) },
    { weight: 2, arbitrary: double(-0.5, 1) },
    { weight: 1, arbitrary: fc.constantFrom(-0.99, 0, LIMITS.maxRate) },
  );
  return range === 'typical' ? typical : fc.oneof(typical, double(LIMITS.minRate, LIMITS.maxRate));
}

function arbitraryHorizon(range: ValueRange): fc.Arbitrary<number> {
  const typical = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 10 }) },
    { weight: 1, arbitrary: fc.constantFrom(1, 3, 5, LIMITS.maxHorizonYears) },
  );
  return range === 'typical' ? typical : fc.integer({ min: 1, max: LIMITS.maxHorizonYears });
}

function arbitraryRamp(range: ValueRange): fc.Arbitrary<number[]> {
  const step = range === 'typical' ? fc.oneof(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), rounded(double(0, 1), 4)) : double(0, 1);
  return fc.array(step, { maxLength: range === 'typical' ? 12 : LIMITS.maxHorizonYears });
}

interface ScenarioDraft extends Omit<Scenario, 'levers' | 'investments'> {
  levers: LeverDraft[];
  investments: InvestmentLineDraft[];
}

function arbitraryScenarioDraft(range: ValueRange, maxLevers: number, maxInvestmentLines: number): fc.Arbitrary<ScenarioDraft> {
  return cached(`scenario/${range}/${maxLevers}/${maxInvestmentLines}`, () =>
    fc.record(
      {
        id: arbitraryId(),
        name: arbitraryName(),
        horizonYears: arbitraryHorizon(range),
        volumeGrowth: arbitraryGrowth(range),
        discountRate: arbitraryDiscountRate(range),
        ramp: arbitraryRamp(range),
        levers: fc.array(arbitraryLeverDraft(range), { maxLength: maxLevers }),
        investments: fc.uniqueArray(arbitraryInvestmentLineDraft(range), { selector: (line) => line.id, maxLength: maxInvestmentLines }),
      },
      { requiredKeys: ['id', 'name', 'horizonYears', 'volumeGrowth', 'discountRate', 'levers', 'investments'] },
    ),
  );
}

function materializeScenario(draft: ScenarioDraft, nodeIds: readonly string[], moneyScale: number): Scenario {
  return {
    ...draft,
    levers: materializeLevers(draft.levers, nodeIds),
    investments: draft.investments.map((line) => materializeInvestmentLine(line, moneyScale)),
  };
}

/**
 * One scenario whose levers sit on `nodeIds` (at most one lever entry per node). Its id
 * and name are random: use `arbitraryScenarios` for several with unique ids and names.
 */
export function arbitraryScenario(nodeIds: readonly string[], options: ScenarioArbitraryOptions = {}): fc.Arbitrary<Scenario> {
  const moneyScale = options.moneyScale ?? 1_000_000;
  return arbitraryScenarioDraft(options.range ?? 'typical', options.maxLevers ?? 8, options.maxInvestmentLines ?? 5).map((draft) =>
    materializeScenario(draft, nodeIds, moneyScale),
  );
}

function arbitraryScenarioDrafts(
  range: ValueRange,
  maxLevers: number,
  maxLines: number,
  minScenarios: number,
  maxScenarios: number,
): fc.Arbitrary<ScenarioDraft[]> {
  return cached(`scenarios/${range}/${maxLevers}/${maxLines}/${minScenarios}/${maxScenarios}`, () =>
    fc.uniqueArray(arbitraryScenarioDraft(range, maxLevers, maxLines), {
      selector: (scenario) => scenario.id,
      minLength: minScenarios,
      maxLength: maxScenarios,
    }),
  );
}

/** Scenarios with unique ids and unique names (trimmed, case-insensitive). */
export function arbitraryScenarios(
  nodeIds: readonly string[],
  options: ScenarioArbitraryOptions & { minScenarios?: number; maxScenarios?: number } = {},
): fc.Arbitrary<Scenario[]> {
  const range = options.range ?? 'typical';
  const maxLevers = options.maxLevers ?? 8;
  const maxLines = options.maxInvestmentLines ?? 5;
  const minScenarios = options.minScenarios ?? 0;
  const maxScenarios = options.maxScenarios ?? 4;
  const moneyScale = options.moneyScale ?? 1_000_000;
  return arbitraryScenarioDrafts(range, maxLevers, maxLines, minScenarios, maxScenarios).map((list) => {
    const names = uniqueNames(list.map((scenario) => scenario.name));
    return list.map((draft, i) => ({ ...materializeScenario(draft, nodeIds, moneyScale), name: names[i]! }));
  });
}

// ---------------------------------------------------------------------------------------
// Models

/** The root of a valid tree (the node whose parentId is null). */
export function rootOf(nodes: readonly CostNode[]): CostNode {
  const root = nodes.find((node) => node.parentId === null);
  if (!root) throw new Error('the tree has no root');
  return root;
}

/**
 * A valid model: a tree from `arbitraryCostTree`, and scenarios from `arbitraryScenarios`
 * with levers on its nodes and investments scaled to 1% of the root amount.
 */
export function arbitraryModel(options: ModelArbitraryOptions = {}): fc.Arbitrary<Model> {
  const range = options.range ?? 'typical';
  const maxLevers = options.maxLevers ?? 8;
  const maxLines = options.maxInvestmentLines ?? 5;
  const minScenarios = options.minScenarios ?? 0;
  const maxScenarios = options.maxScenarios ?? 4;
  const scenarioDrafts = arbitraryScenarioDrafts(range, maxLevers, maxLines, minScenarios, maxScenarios);
  const header = cached(`modelHeader/${range}`, () =>
    fc.record({
      name: arbitraryName(),
      currency: range === 'typical' ? fc.constantFrom('CNY', 'CNY', 'USD', 'EUR') : fc.stringMatching(/^[A-Z]{3}$/),
      displayUnit: fc.constantFrom(...DISPLAY_UNITS),
      language: fc.constantFrom(...LANGUAGES),
      firstPlanYear: range === 'typical' ? fc.integer({ min: 2020, max: 2035 }) : fc.integer({ min: 1900, max: 2200 }),
    }),
  );
  // No `chain`: the scenarios are drafted apart from the tree and put on it in `map`, which
  // keeps generation fast and shrinking effective.
  return fc.record({ header, costTree: arbitraryCostTree(options), scenarios: scenarioDrafts }).map(({ header: fields, costTree, scenarios }): Model => {
    const rootBasis = rootOf(costTree).basis;
    const moneyScale = options.moneyScale ?? (rootBasis.kind === 'amount' ? rootBasis.amount : 0) * 0.01;
    const nodeIds = costTree.map((node) => node.id);
    const names = uniqueNames(scenarios.map((scenario) => scenario.name));
    return {
      format: MODEL_FORMAT,
      schemaVersion: MODEL_SCHEMA_VERSION,
      ...fields,
      costTree,
      scenarios: scenarios.map((draft, i) => ({ ...materializeScenario(draft, nodeIds, moneyScale), name: names[i]! })),
    };
  });
}

// ---------------------------------------------------------------------------------------
// Helpers for tests that look at the shape of what was generated

/** Depth of every node (root 0), by id. Expects a valid tree. */
export function nodeDepths(nodes: readonly CostNode[]): Map<string, number> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const depths = new Map<string, number>();
  const depthOf = (node: CostNode): number => {
    const known = depths.get(node.id);
    if (known !== undefined) return known;
    const chain: CostNode[] = [];
    let current: CostNode | undefined = node;
    while (current && !depths.has(current.id)) {
      chain.push(current);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    let depth = current ? depths.get(current.id)! : -1;
    for (let i = chain.length - 1; i >= 0; i--) depths.set(chain[i]!.id, ++depth);
    return depths.get(node.id)!;
  };
  nodes.forEach(depthOf);
  return depths;
}

/** Children of every node, by parent id, in list order. */
export function childrenById(nodes: readonly CostNode[]): Map<string, CostNode[]> {
  const children = new Map<string, CostNode[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const list = children.get(node.parentId) ?? [];
    list.push(node);
    children.set(node.parentId, list);
  }
  return children;
}
