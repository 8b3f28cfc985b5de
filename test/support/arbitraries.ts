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
   * The size of a typical yearly investment, in yuan (default 1,000,000). `arbitraryModel`
   * passes 1% of the root amount, so that investments and savings are of the same order and
   * payback falls before, inside and beyond the horizon.
   */
  moneyScale?: number;
}

export interface ModelArbitraryOptions extends TreeArbitraryOptions, ScenarioArbitraryOptions {
  /** Default 0. */
  minScenarios?: number;
  /** Default 4. */
  maxScenarios?: number;
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
  'Tab\there',
  'Émoji 🚚 delivery',
  'x'.repeat(100),
] as const;

/** A valid name of at most 100 UTF-16 units (room for a uniqueness suffix up to 120). */
export function arbitraryName(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NAME_POOL) },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
        .filter((name) => name.trim().length > 0 && name.length <= 100),
    },
  );
}

/** A valid id (letters, digits and _ . : -) of at most 56 characters (room for a suffix). */
export function arbitraryId(): fc.Arbitrary<string> {
  // Built once: building a stringMatching arbitrary costs milliseconds, and trees build
  // their node arbitraries inside `chain`.
  idArbitrary ??= fc.oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,56}$/) },
  );
  return idArbitrary;
}

let idArbitrary: fc.Arbitrary<string> | undefined;

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
  return uniquify(ids, (id) => id, (n) => `-${n}`);
}

// ---------------------------------------------------------------------------------------
// Money

/**
 * A non-negative amount in yuan up to `scale` (capped to the schema's maximum): whole yuan
 * or fen when typical; any double, subnormal ones included, when full.
 */
export function arbitraryMoney(scale: number, range: ValueRange = 'typical'): fc.Arbitrary<number> {
  const top = Math.min(Math.max(scale, 1), LIMITS.maxAmount);
  const typical = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: Math.max(1, Math.floor(top)) }) },
    { weight: 3, arbitrary: rounded(double(0, top), 2) },
    { weight: 1, arbitrary: fc.constant(0) },
  );
  return range === 'typical' ? typical : fc.oneof(typical, double(0, LIMITS.maxAmount));
}

function arbitraryRootAmount(range: ValueRange): fc.Arbitrary<number> {
  const typical = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 10_000_000_000 }) },
    { weight: 3, arbitrary: rounded(double(0.01, 1e12), 2) },
    { weight: 1, arbitrary: fc.constantFrom(0, 0.01, 1, 71_160_000) },
  );
  return range === 'typical' ? typical : fc.oneof(typical, double(0, LIMITS.maxAmount), fc.constant(LIMITS.maxAmount));
}

// ---------------------------------------------------------------------------------------
// Cost tree

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

function arbitraryAllocation(): fc.Arbitrary<Allocation> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant<Allocation>({ kind: 'exact' }) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000 }).map((total): Allocation => ({ kind: 'basisPoints', total })) },
    { weight: 2, arbitrary: double(0, 1).map((total): Allocation => ({ kind: 'fraction', total })) },
  );
}

function arbitraryNotes(range: ValueRange): fc.Arbitrary<string> {
  const typical = fc.oneof(
    fc.constantFrom('', '人工成本 = 受理量 × 人均单价', 'Source: FY2026 ledger'),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
  );
  return range === 'typical' ? typical : fc.oneof(typical, fc.constant('注'.repeat(LIMITS.notesMaxLength)));
}

const nodeSpecArbitraries = new Map<ValueRange, fc.Arbitrary<NodeSpec>>();

function arbitraryNodeSpec(range: ValueRange): fc.Arbitrary<NodeSpec> {
  const cached = nodeSpecArbitraries.get(range);
  if (cached) return cached;
  const created = fc.record({
    id: arbitraryId(),
    name: arbitraryName(),
    parentPick: fc.nat(),
    chainLike: fc.boolean(),
    weight: fc.integer({ min: 1, max: 100 }),
    amountBasis: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    relevance: fc.constantFrom(...RELEVANCE),
    notes: fc.option(arbitraryNotes(range), { nil: undefined, freq: 4 }),
    allocation: arbitraryAllocation(),
  });
  nodeSpecArbitraries.set(range, created);
  return created;
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
  const parent = specs.map((spec, i) => (i === 0 ? -1 : parentIndex(spec, i)));
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
  const minNodes = options.minNodes ?? 1;
  const maxNodes = options.maxNodes ?? 60;
  return fc.integer({ min: minNodes, max: maxNodes }).chain((count) => {
    const indices = Array.from({ length: count }, (_, i) => i);
    return fc
      .record({
        rootAmount: arbitraryRootAmount(range),
        specs: fc.array(arbitraryNodeSpec(range), { minLength: count, maxLength: count }),
        order: fc.shuffledSubarray(indices, { minLength: count, maxLength: count }),
      })
      .map(({ rootAmount, specs, order }) => buildTree(rootAmount, specs, order));
  });
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

/** A throughput (per-capita volume) change: cost factor 1 / (1 + change), schema range (-1, 100]. */
export function arbitraryThroughputChange(range: ValueRange = 'typical'): fc.Arbitrary<number> {
  const typical = fc.oneof(
    { weight: 6, arbitrary: wholePercent(-50, 50) },
    { weight: 3, arbitrary: double(-0.5, 0.5) },
    { weight: 1, arbitrary: fc.constantFrom(-0.99, -0.5, 0, 1, LIMITS.maxThroughputIncrease) },
  );
  return range === 'typical' ? typical : fc.oneof(typical, double(-1, LIMITS.maxThroughputIncrease, { minExcluded: true }));
}

/** A lever on one of `nodeIds` (non-empty); each kind present or not (possibly none). */
export function arbitraryLever(nodeIds: readonly string[], range: ValueRange = 'typical'): fc.Arbitrary<Lever> {
  if (nodeIds.length === 0) throw new Error('arbitraryLever needs at least one node id');
  return fc.record(
    {
      nodeId: fc.constantFrom(...nodeIds),
      unitCostChange: arbitraryCostChange(range),
      throughputChange: arbitraryThroughputChange(range),
      volumeChange: arbitraryCostChange(range),
    },
    { requiredKeys: ['nodeId'] },
  );
}

/** Levers on distinct nodes (the validator wants one entry per node), in a random order. */
export function arbitraryLevers(nodeIds: readonly string[], range: ValueRange = 'typical', maxLevers = 8): fc.Arbitrary<Lever[]> {
  if (nodeIds.length === 0) return fc.constant([]);
  return fc.uniqueArray(arbitraryLever(nodeIds, range), { selector: (lever) => lever.nodeId, maxLength: maxLevers });
}

// ---------------------------------------------------------------------------------------
// Investments and scenarios

export function arbitraryInvestmentAmount(moneyScale = 1_000_000, range: ValueRange = 'typical'): fc.Arbitrary<InvestmentAmount> {
  const money = arbitraryMoney(moneyScale, range);
  const share = range === 'typical' ? fc.oneof(wholePercent(0, 50), rounded(double(0, 1), 6)) : double(0, 1);
  return fc.oneof(
    money.map((amount): InvestmentAmount => ({ kind: 'perYear', amount })),
    fc
      .array(money, { minLength: 1, maxLength: LIMITS.maxHorizonYears })
      .map((amounts): InvestmentAmount => ({ kind: 'yearly', amounts })),
    share.map((value): InvestmentAmount => ({ kind: 'shareOfSaving', share: value })),
  );
}

export function arbitraryInvestmentLine(moneyScale = 1_000_000, range: ValueRange = 'typical'): fc.Arbitrary<InvestmentLine> {
  return fc.record({
    id: arbitraryId(),
    name: arbitraryName(),
    category: fc.constantFrom(...INVESTMENT_CATEGORIES),
    amount: arbitraryInvestmentAmount(moneyScale, range),
    timing: fc.constantFrom(...INVESTMENT_TIMINGS),
  });
}

function arbitraryGrowth(range: ValueRange): fc.Arbitrary<number> {
  const typical = fc.oneof(
    { weight: 6, arbitrary: wholePercent(-20, 50) },
    { weight: 2, arbitrary: double(-0.5, 1) },
    { weight: 1, arbitrary: fc.constantFrom(-0.99, 0, LIMITS.maxRate) },
  );
  return range === 'typical' ? typical : fc.oneof(typical, double(-1, LIMITS.maxRate, { minExcluded: true }));
}

function arbitraryDiscountRate(range: ValueRange): fc.Arbitrary<number> {
  const typical = fc.oneof(
    { weight: 6, arbitrary: wholePercent(0, 20) },
    { weight: 2, arbitrary: double(-0.5, 1) },
    { weight: 1, arbitrary: fc.constantFrom(-0.99, 0, LIMITS.maxRate) },
  );
  return range === 'typical' ? typical : fc.oneof(typical, double(-1, LIMITS.maxRate, { minExcluded: true }));
}

function arbitraryHorizon(range: ValueRange): fc.Arbitrary<number> {
  const typical = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 10 }) },
    { weight: 1, arbitrary: fc.constantFrom(1, 3, 5, LIMITS.maxHorizonYears) },
  );
  return range === 'typical' ? typical : fc.integer({ min: 1, max: LIMITS.maxHorizonYears });
}

function arbitraryRamp(range: ValueRange): fc.Arbitrary<number[]> {
  const step = range === 'typical' ? fc.oneof(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), double(0, 1)) : double(0, 1);
  return fc.array(step, { maxLength: range === 'typical' ? 12 : LIMITS.maxHorizonYears });
}

/**
 * One scenario whose levers sit on `nodeIds` (at most one lever entry per node). Its id
 * and name are random: use `arbitraryScenarios` for several with unique ids and names.
 */
export function arbitraryScenario(nodeIds: readonly string[], options: ScenarioArbitraryOptions = {}): fc.Arbitrary<Scenario> {
  const range = options.range ?? 'typical';
  const moneyScale = options.moneyScale ?? 1_000_000;
  return fc.record(
    {
      id: arbitraryId(),
      name: arbitraryName(),
      horizonYears: arbitraryHorizon(range),
      volumeGrowth: arbitraryGrowth(range),
      discountRate: arbitraryDiscountRate(range),
      ramp: arbitraryRamp(range),
      levers: arbitraryLevers(nodeIds, range, options.maxLevers ?? 8),
      investments: fc.uniqueArray(arbitraryInvestmentLine(moneyScale, range), {
        selector: (line) => line.id,
        maxLength: options.maxInvestmentLines ?? 5,
      }),
    },
    { requiredKeys: ['id', 'name', 'horizonYears', 'volumeGrowth', 'discountRate', 'levers', 'investments'] },
  );
}

/** Scenarios with unique ids and unique names (trimmed, case-insensitive). */
export function arbitraryScenarios(
  nodeIds: readonly string[],
  options: ScenarioArbitraryOptions & { minScenarios?: number; maxScenarios?: number } = {},
): fc.Arbitrary<Scenario[]> {
  return fc
    .uniqueArray(arbitraryScenario(nodeIds, options), {
      selector: (scenario) => scenario.id,
      minLength: options.minScenarios ?? 0,
      maxLength: options.maxScenarios ?? 4,
    })
    .map((scenarios) => {
      const names = uniqueNames(scenarios.map((scenario) => scenario.name));
      return scenarios.map((scenario, i) => ({ ...scenario, name: names[i]! }));
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
  return arbitraryCostTree(options).chain((costTree) => {
    const rootBasis = rootOf(costTree).basis;
    const rootAmount = rootBasis.kind === 'amount' ? rootBasis.amount : 0;
    return fc.record({
      format: fc.constant(MODEL_FORMAT),
      schemaVersion: fc.constant(MODEL_SCHEMA_VERSION),
      name: arbitraryName(),
      currency: range === 'typical' ? fc.constantFrom('CNY', 'CNY', 'USD', 'EUR') : fc.stringMatching(/^[A-Z]{3}$/),
      displayUnit: fc.constantFrom(...DISPLAY_UNITS),
      language: fc.constantFrom(...LANGUAGES),
      firstPlanYear: range === 'typical' ? fc.integer({ min: 2020, max: 2035 }) : fc.integer({ min: 1900, max: 2200 }),
      costTree: fc.constant(costTree),
      scenarios: arbitraryScenarios(
        costTree.map((node) => node.id),
        { ...options, moneyScale: options.moneyScale ?? rootAmount * 0.01, range },
      ),
    });
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
