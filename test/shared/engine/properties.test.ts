import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeModel,
  computeValidModel,
  IncrementalEngine,
  leverFactor,
  paybackYears,
  prepareTree,
  rampForYear,
  type ModelResult,
  type PreparedTree,
  type ScenarioResult,
} from '../../../shared/engine';
import { computeScenario } from '../../../shared/engine/compute';
import { shapleyShares } from '../../../shared/engine/attribution';
import {
  createExampleModel,
  LEVER_KINDS,
  LIMITS,
  validateModel,
  formatIssue,
  type CostNode,
  type Lever,
  type Model,
  type Scenario,
} from '../../../shared/model';
import { arbitraryCostChange, arbitraryLever, arbitraryModel, arbitraryThroughputChange } from '../../support/arbitraries';

/**
 * Properties of the engine over random valid models (test/support/arbitraries.ts, typical
 * values). Tolerances are relative to the size of the numbers involved (`magnitude`), not
 * to the result, because savings of levers that raise and cut cost can cancel out.
 */

const RELATIVE = 1e-9;

/** Computes a model the generator guarantees to be valid, without validating it again. */
function compute(model: Model): ModelResult {
  return computeValidModel(model, prepareTree(model.costTree));
}

function expectValid(model: Model): void {
  const validated = validateModel(model);
  if (!validated.ok) throw new Error(validated.error.map(formatIssue).join('\n'));
}

/** Subnormal results carry no relative precision: differences below this always pass. */
const ABSOLUTE_FLOOR = 1e-300;

function expectNear(actual: number, expected: number, tolerance: number, what: string): void {
  if (!(Math.abs(actual - expected) <= tolerance + ABSOLUTE_FLOOR))
    throw new Error(`${what}: ${actual} differs from ${expected} by ${Math.abs(actual - expected)} (tolerance ${tolerance})`);
}

function ownFactorBound(lever: Lever): number {
  let bound = 1;
  for (const kind of LEVER_KINDS) {
    const change = lever[kind];
    if (change !== undefined) bound *= Math.max(1, leverFactor(kind, change));
  }
  return bound;
}

/**
 * The scale of the numbers a scenario's year-1 saving is made of: the sum over nodes of
 * their unallocated amount times (1 + the largest product of lever factors reaching them).
 * Rounding errors of the engine are a tiny multiple of it.
 */
function magnitude(tree: PreparedTree, scenario: Scenario): number {
  const own = new Float64Array(tree.ids.length).fill(1);
  for (const lever of scenario.levers) {
    const index = tree.indexById.get(lever.nodeId);
    if (index !== undefined) own[index] = ownFactorBound(lever);
  }
  const bound = new Float64Array(tree.ids.length);
  let total = 0;
  for (const i of tree.order) {
    const p = tree.parent[i]!;
    bound[i] = (p >= 0 ? bound[p]! : 1) * own[i]!;
    total += tree.unallocatedAmount[i]! * (1 + bound[i]);
  }
  return total;
}

function scenarioById(result: ModelResult, id: string): ScenarioResult {
  const found = result.scenarios.find((scenario) => scenario.scenarioId === id);
  if (!found) throw new Error(`no result for scenario ${id}`);
  return found;
}

function mapScenarios(model: Model, change: (scenario: Scenario, index: number) => Scenario): Model {
  return { ...model, scenarios: model.scenarios.map(change) };
}

/** Throws (fast-check reports it) unless `condition` holds; cheaper than `expect` in hot loops. */
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/**
 * Calls `visit` with every number reachable from a value (objects, arrays, typed arrays,
 * maps) and its path; stops at the first visit that returns false.
 */
function everyNumber(value: unknown, visit: (value: number, path: () => string) => boolean): boolean {
  const seen = new Set<object>();
  const walk = (item: unknown, path: () => string): boolean => {
    if (typeof item === 'number') return visit(item, path);
    if (typeof item !== 'object' || item === null || seen.has(item)) return true;
    seen.add(item);
    if (ArrayBuffer.isView(item)) {
      if (item instanceof DataView) return true;
      const view = item as unknown as ArrayLike<number | bigint>;
      for (let i = 0; i < view.length; i++) if (!visit(Number(view[i]!), () => `${path()}[${i}]`)) return false;
      return true;
    }
    if (item instanceof Map) {
      for (const [key, entry] of item) if (!walk(entry, () => `${path()}<${String(key)}>`)) return false;
      return true;
    }
    for (const [key, entry] of Object.entries(item)) if (!walk(entry, () => `${path()}.${key}`)) return false;
    return true;
  };
  return walk(value, () => 'result');
}

/** The first path where two values differ (Object.is on numbers, typed arrays by element), or null. */
function firstDifference(a: unknown, b: unknown, path = 'result'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${String(a)} vs ${String(b)}`;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!(a instanceof Float64Array && b instanceof Float64Array) && !(a instanceof Int32Array && b instanceof Int32Array))
      return `${path}: typed arrays of different kinds`;
    if (a.length !== b.length) return `${path}: lengths ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return `${path}[${i}]: ${a[i]} vs ${b[i]}`;
    return null;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length || keysA.some((key) => !Object.prototype.hasOwnProperty.call(b, key)))
    return `${path}: keys ${keysA.join(',')} vs ${keysB.join(',')}`;
  for (const key of keysA) {
    const difference = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return null;
}

describe('engine properties', () => {
  it('zero levers give zero saving, every year and every node', () => {
    const zeroed = arbitraryModel().map((model) =>
      mapScenarios(model, (scenario, s) => ({
        ...scenario,
        // Alternately set every change the levers hold to 0 and drop the levers.
        levers:
          s % 2 === 0
            ? scenario.levers.map((lever) => {
                const zero: Lever = { nodeId: lever.nodeId };
                for (const kind of LEVER_KINDS) if (lever[kind] !== undefined) zero[kind] = 0;
                return zero;
              })
            : [],
      })),
    );
    fc.assert(
      fc.property(zeroed, (model) => {
        for (const r of compute(model).scenarios) {
          const where = (what: string) => () => `${r.scenarioId}: ${what} is not zero`;
          check(r.baseSaving === 0 && r.affectedShare === 0, where('baseSaving or affectedShare'));
          check(
            r.costFactor.every((factor) => factor === 1),
            () => `${r.scenarioId}: a cost factor is not 1`,
          );
          check(
            r.lineSaving.every((saving) => saving === 0),
            where('a line saving'),
          );
          check(
            r.subtreeSaving.every((saving) => saving === 0),
            where('a subtree saving'),
          );
          check(
            r.years.every((year) => year.saving === 0),
            where('a year saving'),
          );
          check(r.totals.saving === 0, where('the total saving'));
          check(r.contributions.length === 0, () => `${r.scenarioId}: contributions of zero levers are listed`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('savings scale linearly with the amounts of the tree; shares and factors do not move', () => {
    const scale = fc.oneof(
      fc.integer({ min: -10, max: 10 }).map((power) => 2 ** power),
      fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    );
    fc.assert(
      fc.property(arbitraryModel({ minScenarios: 1 }), scale, (model, k) => {
        // Multiply every amount basis (the root's and those of amount-basis children): with
        // only the root scaled, amount-basis children would stay put and nothing would be linear.
        const largest = Math.max(...model.costTree.map((node) => (node.basis.kind === 'amount' ? node.basis.amount : 0)));
        fc.pre(largest * k <= LIMITS.maxAmount);
        const scaled: Model = {
          ...model,
          costTree: model.costTree.map((node): CostNode =>
            node.basis.kind === 'amount' ? { ...node, basis: { kind: 'amount', amount: node.basis.amount * k } } : node,
          ),
        };
        expectValid(scaled);
        const before = compute(model);
        const after = compute(scaled);
        for (const scenario of model.scenarios) {
          const a = scenarioById(before, scenario.id);
          const b = scenarioById(after, scenario.id);
          const size = magnitude(before.tree, scenario);
          const tolerance = RELATIVE * k * size;
          expectNear(b.baseSaving, k * a.baseSaving, tolerance, 'baseSaving');
          expectNear(b.affectedShare, a.affectedShare, (RELATIVE * size) / (before.tree.totalAmount || 1), 'affectedShare');
          const factors = firstDifference(b.costFactor, a.costFactor, 'costFactor');
          check(factors === null, () => `${factors}`);
          a.lineSaving.forEach((saving, i) => expectNear(b.lineSaving[i]!, k * saving, tolerance, `lineSaving[${i}]`));
          a.subtreeSaving.forEach((saving, i) => expectNear(b.subtreeSaving[i]!, k * saving, tolerance, `subtreeSaving[${i}]`));
          check(b.contributions.length === a.contributions.length, () => 'contribution count');
          a.contributions.forEach((contribution, i) => {
            const other = b.contributions[i]!;
            check(other.nodeId === contribution.nodeId && other.kind === contribution.kind, () => `contribution ${i} moved`);
            expectNear(other.saving, k * contribution.saving, tolerance, `contribution ${i}`);
          });
          let totalTolerance = 0;
          a.years.forEach((year, y) => {
            const yearTolerance = tolerance * Math.abs(year.saving / (a.baseSaving || 1)) + RELATIVE * Math.abs(k * year.saving);
            totalTolerance += yearTolerance;
            expectNear(b.years[y]!.saving, k * year.saving, yearTolerance, `year ${y + 1} saving`);
            // Lines funded as a share of the saving scale too; fixed amounts do not.
            scenario.investments.forEach((line, j) => {
              const expected = line.amount.kind === 'shareOfSaving' ? k * year.investmentByLine[j]! : year.investmentByLine[j]!;
              expectNear(b.years[y]!.investmentByLine[j]!, expected, yearTolerance, `year ${y + 1} line ${line.id}`);
            });
          });
          expectNear(b.totals.saving, k * a.totals.saving, totalTolerance + RELATIVE * Math.abs(k * a.totals.saving), 'total saving');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('year 1 is the base saving times its ramp, and each year grows by (1 + g) times the ramp ratio', () => {
    fc.assert(
      fc.property(arbitraryModel({ minScenarios: 1 }), (model) => {
        const result = compute(model);
        for (const scenario of model.scenarios) {
          const { years, baseSaving } = scenarioById(result, scenario.id);
          check(years.length === scenario.horizonYears, () => `${years.length} years for a horizon of ${scenario.horizonYears}`);
          years.forEach((year, i) =>
            check(year.year === i + 1 && year.calendarYear === model.firstPlanYear + i, () => `year ${i + 1} is numbered ${year.year}/${year.calendarYear}`),
          );
          expectNear(years[0]!.saving, baseSaving * rampForYear(scenario, 1), RELATIVE * Math.abs(baseSaving), 'year 1');
          for (let y = 1; y < years.length; y++) {
            const previous = years[y - 1]!.saving;
            const current = years[y]!.saving;
            const rampBefore = rampForYear(scenario, y);
            const rampNow = rampForYear(scenario, y + 1);
            // Ratios of subnormal numbers carry no precision; skip them (and zero ramps).
            if (rampBefore === 0 || Math.abs(previous) < 1e-250 || Math.abs(current) < 1e-250) continue;
            const expected = ((1 + scenario.volumeGrowth) * rampNow) / rampBefore;
            expectNear(current / previous, expected, RELATIVE * Math.abs(expected), `year ${y + 1} / year ${y}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("a node's subtree saving is its line saving plus its children's subtree savings", () => {
    fc.assert(
      fc.property(arbitraryModel({ minScenarios: 1 }), (model) => {
        const result = compute(model);
        const { tree } = result;
        const children: number[][] = tree.ids.map(() => []);
        tree.parent.forEach((p, i) => {
          if (p >= 0) children[p]!.push(i);
        });
        // Nodes whose children are all shares adding up to 100%: nothing is left unallocated.
        const fullyShared = tree.nodes.map((_, i) => {
          const kids = children[i]!;
          if (kids.length === 0) return false;
          let sum = 0;
          for (const c of kids) {
            const basis = tree.nodes[c]!.basis;
            if (basis.kind !== 'share') return false;
            sum += basis.share;
          }
          return sum >= 1 - 1e-13;
        });
        for (const scenario of model.scenarios) {
          const r = scenarioById(result, scenario.id);
          const tolerance = RELATIVE * magnitude(tree, scenario);
          check(r.baseSaving === r.subtreeSaving[tree.rootIndex], () => 'baseSaving is not the root subtree saving');
          for (let i = 0; i < tree.ids.length; i++) {
            const sum = children[i]!.reduce((total, c) => total + r.subtreeSaving[c]!, r.lineSaving[i]!);
            expectNear(r.subtreeSaving[i]!, sum, tolerance, `subtreeSaving of ${tree.ids[i]}`);
            if (children[i]!.length === 0) expectNear(r.lineSaving[i]!, tree.resolvedAmount[i]! * (1 - r.costFactor[i]!), tolerance, `leaf ${tree.ids[i]}`);
            if (fullyShared[i])
              check(tree.unallocatedAmount[i] === 0 && r.lineSaving[i] === 0, () => `${tree.ids[i]} is fully shared but saves ${r.lineSaving[i]} itself`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('results never hold NaN or Infinity (every number, typed arrays included)', () => {
    fc.assert(
      fc.property(arbitraryModel(), (model) => {
        const computed = computeModel(model);
        if (!computed.ok) throw new Error(computed.error.map(formatIssue).join('\n'));
        everyNumber(computed.value, (value, path) => {
          check(Number.isFinite(value), () => `${path()} is ${value}`);
          return true;
        });
      }),
      { numRuns: 200 },
    );
  });

  it('lever contributions add up to the base saving and do not depend on the order levers are listed in', () => {
    const withShuffles = arbitraryModel({ minScenarios: 1 }).chain((model) =>
      fc.tuple(
        fc.constant(model),
        fc.tuple(...model.scenarios.map((s) => fc.shuffledSubarray(s.levers, { minLength: s.levers.length, maxLength: s.levers.length }))),
      ),
    );
    fc.assert(
      fc.property(withShuffles, ([model, shuffled]) => {
        const result = compute(model);
        const reordered = compute(mapScenarios(model, (scenario, s) => ({ ...scenario, levers: shuffled[s]! })));
        for (const scenario of model.scenarios) {
          const r = scenarioById(result, scenario.id);
          const tolerance = RELATIVE * magnitude(result.tree, scenario);
          const sum = r.contributions.reduce((total, c) => total + c.saving, 0);
          expectNear(sum, r.baseSaving, tolerance, 'sum of contributions');
          // One contribution per lever kind that is set and not zero.
          const expectedKeys = scenario.levers
            .flatMap((lever) => LEVER_KINDS.filter((kind) => lever[kind] !== undefined && lever[kind] !== 0).map((kind) => `${lever.nodeId}/${kind}`))
            .sort();
          const keys = r.contributions.map((c) => `${c.nodeId}/${c.kind}`).sort();
          check(keys.join('|') === expectedKeys.join('|'), () => `contributions ${keys.join(', ')}, expected ${expectedKeys.join(', ')}`);

          const other = scenarioById(reordered, scenario.id);
          expectNear(other.baseSaving, r.baseSaving, tolerance, 'reordered baseSaving');
          const byKey = new Map(other.contributions.map((c) => [`${c.nodeId}/${c.kind}`, c]));
          check(byKey.size === r.contributions.length, () => 'reordering changed the contributions listed');
          for (const c of r.contributions) {
            const match = byKey.get(`${c.nodeId}/${c.kind}`);
            check(match?.change === c.change, () => `reordered ${c.nodeId}/${c.kind} has change ${match?.change}`);
            expectNear(match?.saving ?? Number.NaN, c.saving, tolerance, `reordered contribution ${c.nodeId}/${c.kind}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lever contributions are the exact Shapley values (brute force over coalitions)', () => {
    const factorial = (m: number): number => (m <= 1 ? 1 : m * factorial(m - 1));
    const popcount = (m: number): number => (m === 0 ? 0 : (m & 1) + popcount(m >>> 1));
    fc.assert(
      fc.property(arbitraryModel({ maxNodes: 12, minScenarios: 1, maxScenarios: 1, maxLevers: 3 }), (model) => {
        const tree = prepareTree(model.costTree);
        const scenario = model.scenarios[0]!;
        const active = scenario.levers.flatMap((lever) =>
          LEVER_KINDS.filter((kind) => lever[kind] !== undefined && lever[kind] !== 0).map((kind) => ({ nodeId: lever.nodeId, kind, change: lever[kind]! })),
        );
        const n = active.length;
        // The saving of every coalition: only the levers in the mask switched on.
        const value = new Float64Array(1 << n);
        for (let mask = 0; mask < 1 << n; mask++) {
          const levers: Lever[] = [];
          active.forEach((lever, j) => {
            if (!(mask & (1 << j))) return;
            const only: Lever = { nodeId: lever.nodeId };
            only[lever.kind] = lever.change;
            levers.push(only);
          });
          value[mask] = computeScenario(tree, { ...scenario, levers }, model.firstPlanYear, { contributions: false }).baseSaving;
        }
        const result = computeScenario(tree, scenario, model.firstPlanYear);
        const tolerance = 10 * RELATIVE * magnitude(tree, scenario);
        active.forEach((lever, j) => {
          let shapley = 0;
          for (let mask = 0; mask < 1 << n; mask++) {
            if (mask & (1 << j)) continue;
            const s = popcount(mask);
            shapley += ((factorial(s) * factorial(n - s - 1)) / factorial(n)) * (value[mask | (1 << j)]! - value[mask]!);
          }
          const contribution = result.contributions.find((c) => c.nodeId === lever.nodeId && c.kind === lever.kind);
          expectNear(contribution?.saving ?? Number.NaN, shapley, tolerance, `Shapley value of ${lever.nodeId}/${lever.kind}`);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('shapleyShares is symmetric and efficient on any factors', () => {
    const factors = fc.array(
      fc.oneof(
        arbitraryCostChange().map((u) => leverFactor('unitCostChange', u)),
        arbitraryThroughputChange().map((t) => leverFactor('throughputChange', t)),
      ),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), factors, fc.nat(), (amount, list, rotation) => {
        const k = list.length;
        const out = new Float64Array(k);
        shapleyShares(amount, list, out);
        const product = list.reduce((a, b) => a * b, 1);
        const scale = amount * (1 + list.reduce((a, b) => a * Math.max(1, b), 1));
        expectNear(
          out.reduce((a, b) => a + b, 0),
          amount * (1 - product),
          RELATIVE * scale,
          'shares add up to the line saving',
        );
        const shift = rotation % k;
        const rotated = [...list.slice(shift), ...list.slice(0, shift)];
        const outRotated = new Float64Array(k);
        shapleyShares(amount, rotated, outRotated);
        for (let i = 0; i < k; i++) expectNear(outRotated[i]!, out[(i + shift) % k]!, RELATIVE * scale, `share ${i}`);
      }),
      { numRuns: 300 },
    );
  });

  it('IncrementalEngine matches computeModel after a random immutable lever edit, reusing what did not change', () => {
    const edit = arbitraryModel({ minScenarios: 1 }).chain((model) =>
      fc.record({
        model: fc.constant(model),
        scenarioIndex: fc.nat({ max: model.scenarios.length - 1 }),
        edit: fc.oneof(
          arbitraryLever(model.costTree.map((node) => node.id)).map((lever) => ({ kind: 'set' as const, lever })),
          fc.nat().map((pick) => ({ kind: 'remove' as const, pick })),
          fc.constant({ kind: 'clear' as const }),
        ),
      }),
    );
    fc.assert(
      fc.property(edit, ({ model, scenarioIndex, edit: change }) => {
        const engine = new IncrementalEngine();
        const first = engine.compute(model);
        const target = model.scenarios[scenarioIndex]!;
        let levers: Lever[];
        if (change.kind === 'set') {
          const at = target.levers.findIndex((lever) => lever.nodeId === change.lever.nodeId);
          levers = at >= 0 ? target.levers.map((lever, i) => (i === at ? change.lever : lever)) : [...target.levers, change.lever];
        } else if (change.kind === 'remove') {
          const at = target.levers.length === 0 ? -1 : change.pick % target.levers.length;
          levers = target.levers.filter((_, i) => i !== at);
        } else {
          levers = [];
        }
        const edited = mapScenarios(model, (scenario, s) => (s === scenarioIndex ? { ...scenario, levers } : scenario));
        expectValid(edited);

        const second = engine.compute(edited);
        const fresh = compute(edited);
        const difference = firstDifference(second.scenarios, fresh.scenarios, 'scenarios');
        check(difference === null, () => `incremental and full results differ at ${difference}`);
        // The tree and the untouched scenarios are reused, the edited one is recomputed.
        check(second.tree === first.tree, () => 'the prepared tree was not reused');
        second.scenarios.forEach((result, s) => {
          if (s === scenarioIndex) check(result !== first.scenarios[s], () => 'the edited scenario was not recomputed');
          else check(result === first.scenarios[s], () => `untouched scenario ${s} was recomputed`);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('IncrementalEngine matches computeModel after tree, plan-year and scenario-setting edits', () => {
    const edit = fc.record({
      model: arbitraryModel({ minScenarios: 1 }),
      kind: fc.constantFrom('rootAmount', 'firstPlanYear', 'growth', 'sameModelAgain'),
      factor: fc.double({ min: 0.5, max: 2, noNaN: true }),
      pick: fc.nat(),
    });
    fc.assert(
      fc.property(edit, ({ model, kind, factor, pick }) => {
        const engine = new IncrementalEngine({ contributions: false });
        const first = engine.compute(model);
        let edited: Model = model;
        if (kind === 'rootAmount') {
          edited = {
            ...model,
            costTree: model.costTree.map((node): CostNode =>
              node.parentId === null && node.basis.kind === 'amount' ? { ...node, basis: { kind: 'amount', amount: node.basis.amount * factor } } : node,
            ),
          };
          // Amount-basis children must still fit when the root shrinks.
          if (!validateModel(edited).ok) return;
        } else if (kind === 'firstPlanYear') {
          edited = { ...model, firstPlanYear: model.firstPlanYear === 2200 ? 2199 : model.firstPlanYear + 1 };
        } else if (kind === 'growth') {
          const s = pick % model.scenarios.length;
          edited = mapScenarios(model, (scenario, i) => (i === s ? { ...scenario, volumeGrowth: Math.min(10, scenario.volumeGrowth + 0.05) } : scenario));
        }
        const second = engine.compute(edited);
        const fresh = computeModel(edited, { contributions: false });
        if (!fresh.ok) throw new Error(fresh.error.map(formatIssue).join('\n'));
        const difference = firstDifference(second.scenarios, fresh.value.scenarios, 'scenarios');
        check(difference === null, () => `incremental and full results differ at ${difference}`);
        if (kind === 'sameModelAgain') second.scenarios.forEach((result, s) => check(result === first.scenarios[s], () => 'recomputed an unchanged model'));
        if (kind === 'rootAmount') check(second.tree !== first.tree, () => 'kept the tree of an edited cost tree');
      }),
      { numRuns: 150 },
    );
  });

  it('payback: 0 when the cumulative net is never negative, null when it ends negative, else the zero crossing', () => {
    fc.assert(
      fc.property(arbitraryModel({ minScenarios: 1 }), (model) => {
        const result = compute(model);
        for (const scenario of model.scenarios) {
          const { years, totals } = scenarioById(result, scenario.id);
          const payback = totals.paybackYears;
          const scale = years.reduce((total, year) => total + Math.abs(year.saving) + Math.abs(year.investment), 0);
          const tolerance = RELATIVE * scale;
          // The cumulative net at the start of each year (after its upfront payments) and at
          // its end, rebuilt from the years' figures under the timing convention of domain.md.
          const points: { start: number; end: number; slope: number }[] = [];
          let cumulative = 0;
          for (const year of years) {
            expectNear(year.investment, year.upfrontInvestment + year.spreadInvestment, tolerance, 'investment split');
            const start = cumulative - year.upfrontInvestment;
            const slope = year.saving - year.spreadInvestment;
            const end = start + slope;
            expectNear(end, year.cumulativeNet, tolerance, `cumulative net of year ${year.year}`);
            points.push({ start, end, slope });
            cumulative = end;
          }
          check(paybackYears(years) === payback, () => 'paybackYears(years) disagrees with the totals');
          const final = years.at(-1)!.cumulativeNet;
          const lowest = Math.min(...points.flatMap((point) => [point.start, point.end]));
          const seen = () => `payback ${payback}, final cumulative net ${final}, lowest ${lowest}`;

          // (Within the rounding band around zero the answer may go either way.)
          if (final < -tolerance) check(payback === null, seen);
          if (final > tolerance) check(payback !== null, seen);
          if (lowest >= 0) check(payback === 0, seen);
          if (lowest < -tolerance && payback !== null) check(payback > 0, seen);
          if (payback === null || payback === 0) continue;

          check(payback <= scenario.horizonYears, seen);
          // The payback falls in year y (0-based) at the fraction f of it: payback = y + f, 0 < f <= 1.
          const y = Math.ceil(payback) - 1;
          const f = payback - y;
          const year = points[y]!;
          const next = points[y + 1];
          if (f < 1 || next === undefined) {
            // Crossing zero inside the year, upwards.
            check(year.start < 0 && year.slope > 0, () => `no upward crossing in year ${y + 1}: ${seen()}`);
            expectNear(year.start + f * year.slope, 0, tolerance, 'cumulative net at the payback point');
            check(year.end >= -tolerance, seen);
          } else {
            // At a year boundary: below zero (or at it) just before, and from the start of the
            // next year, after its upfront payments, at or above zero. A year ending clearly
            // below zero can only be followed by a jump up: a negative upfront amount (a
            // share-of-saving line on a negative saving). A next year starting within rounding
            // of zero is a crossing at its very start.
            check(year.end <= tolerance || Math.abs(next.start) <= tolerance, () => `not below zero before ${payback}: ${seen()}`);
            if (year.end < -tolerance)
              check(years[y + 1]!.upfrontInvestment < 0, () => `jumps above zero at ${payback} without a negative upfront amount: ${seen()}`);
          }
          // From there on it never dips below zero again.
          for (const later of points.slice(y + 1))
            check(later.start >= -tolerance && later.end >= -tolerance, () => `dips below zero after payback: ${seen()}`);
        }
      }),
      { numRuns: 250 },
    );
  });
});

/**
 * Issues these properties found, pinned to concrete inputs: each is now either rejected by
 * validation (the schema keeps every result finite) or computed right.
 */
describe('issues found by the properties, pinned to concrete inputs', () => {
  function exampleWith(change: (scenario: Scenario) => Scenario): Model {
    const model = createExampleModel('en');
    return { ...model, scenarios: [change(model.scenarios[0]!)] };
  }

  const chain: CostNode[] = [{ id: 'n0', parentId: null, name: 'n0', basis: { kind: 'amount', amount: 1000 }, relevance: 'strong' }];
  for (let i = 1; i <= 20; i++) chain.push({ id: `n${i}`, parentId: `n${i - 1}`, name: `n${i}`, basis: { kind: 'share', share: 1 }, relevance: 'strong' });

  const rejected = {
    discountNearMinus100: exampleWith((s) => ({ ...s, discountRate: -0.9999999999999999, horizonYears: 30, levers: [], investments: [] })),
    throughputChain: {
      ...exampleWith((s) => ({ ...s, levers: chain.map((node) => ({ nodeId: node.id, throughputChange: -0.9999999999999999 })) })),
      costTree: chain,
    },
  } satisfies Record<string, Model>;

  const computed = {
    tinyInvestment: exampleWith((s) => ({
      ...s,
      investments: [{ id: 'tiny', name: 'Tiny', category: 'other', amount: { kind: 'perYear', amount: 5e-324 }, timing: 'spread' }],
    })),
    costIncreaseFundedByShares: exampleWith((s) => ({
      ...s,
      levers: [{ nodeId: 'contact-center-labor', unitCostChange: 0.15 }],
      investments: [
        { id: 'bonus', name: 'Bonus', category: 'bonus', amount: { kind: 'shareOfSaving', share: 0.6 }, timing: 'spread' },
        { id: 'tools', name: 'Tools', category: 'digitalTools', amount: { kind: 'shareOfSaving', share: 0.6 }, timing: 'upfront' },
      ],
    })),
    breakEven: exampleWith((s) => ({
      ...s,
      investments: [
        { id: 'a', name: 'A', category: 'other', amount: { kind: 'shareOfSaving', share: 0.1 }, timing: 'upfront' },
        { id: 'b', name: 'B', category: 'other', amount: { kind: 'shareOfSaving', share: 0.9 }, timing: 'spread' },
      ],
    })),
  } satisfies Record<string, Model>;

  function resultOf(model: Model): ScenarioResult {
    const result = computeModel(model);
    if (!result.ok) throw new Error(result.error.map(formatIssue).join('\n'));
    return result.value.scenarios[0]!;
  }

  function nonFinite(model: Model): string[] {
    const result = computeModel(model);
    if (!result.ok) throw new Error(result.error.map(formatIssue).join('\n'));
    const found: string[] = [];
    everyNumber(result.value, (value, path) => {
      if (!Number.isFinite(value)) found.push(`${path()} = ${value}`);
      return true;
    });
    return found;
  }

  it('rejects a discount rate just above -100% (it compounds past any number over 30 years)', () => {
    const validated = validateModel(rejected.discountNearMinus100);
    expect(validated.ok ? [] : validated.error.map(formatIssue)).toEqual([
      'scenarios["Target 15%"].discountRate: must be at least -99% and at most 1,000%, got -100%',
    ]);
  });

  it('rejects throughput changes just above -100% (the cost factor would overflow down a chain)', () => {
    const validated = validateModel(rejected.throughputChain);
    expect(validated.ok).toBe(false);
    if (!validated.ok) expect(validated.error[0]!.message).toMatch(/^must be at least -99%/);
  });

  it.each(Object.entries(computed))('the input %s is a valid model', (_, model) => {
    const validated = validateModel(model);
    expect(validated.ok ? [] : validated.error.map(formatIssue)).toEqual([]);
  });

  it('return on investment over a vanishing investment is "none", not Infinity', () => {
    expect(nonFinite(computed.tinyInvestment)).toEqual([]);
    expect(resultOf(computed.tinyInvestment).totals.returnOnInvestment).toBeNull();
  });

  it('share-of-saving lines never make an investment negative, so a cost increase never shows a positive net', () => {
    const result = resultOf(computed.costIncreaseFundedByShares);
    for (const year of result.years) expect(year.investment).toBe(0);
    expect(result.totals.net).toBeLessThan(0);
    expect(result.totals.paybackYears).toBeNull();
  });

  it('a break-even plan (10% upfront + 90% spread of the saving) ends every year at 0 and pays back at the end, 3 years', () => {
    const result = resultOf(computed.breakEven);
    expect(result.years.map((year) => year.cumulativeNet)).toEqual([0, 0, 0]);
    expect(result.totals.paybackYears).toBe(3);
  });
});
