import type { Model, RevenueLine, RevenueLever, Scenario } from '../model/schema';

/**
 * Revenue lines resolved once into flat arrays (as `prepareTree` does for costs), for every
 * scenario. Lines form a forest: `parent[i]` is -1 for a top-level line; `order` lists
 * parents before children.
 */
export interface PreparedRevenue {
  readonly ids: readonly string[];
  readonly lines: readonly RevenueLine[];
  readonly indexById: ReadonlyMap<string, number>;
  readonly parent: Int32Array;
  readonly order: Int32Array;
  /** Annual revenue of each line in base currency units. */
  readonly resolvedAmount: Float64Array;
  /** The part of a line's revenue not taken by its children (a leaf's whole revenue). */
  readonly unallocatedAmount: Float64Array;
  /** The revenue of the top-level lines together. */
  readonly totalRevenue: number;
}

/** Expects validated lines (no cycles, no orphans). */
export function prepareRevenue(lines: readonly RevenueLine[]): PreparedRevenue {
  const count = lines.length;
  const ids = lines.map((line) => line.id);
  const indexById = new Map<string, number>();
  ids.forEach((id, index) => indexById.set(id, index));
  const parent = new Int32Array(count);
  const children: number[][] = Array.from({ length: count }, () => []);
  const tops: number[] = [];
  for (let i = 0; i < count; i++) {
    const parentId = lines[i]!.parentId;
    const p = parentId === null ? -1 : (indexById.get(parentId) ?? -1);
    parent[i] = p;
    if (p < 0) tops.push(i);
    else children[p]!.push(i);
  }
  const order = new Int32Array(count);
  const resolvedAmount = new Float64Array(count);
  let written = 0;
  const stack = [...tops].reverse();
  while (stack.length > 0) {
    const i = stack.pop()!;
    order[written++] = i;
    const basis = lines[i]!.basis;
    const p = parent[i]!;
    resolvedAmount[i] = basis.kind === 'amount' ? basis.amount : p >= 0 ? resolvedAmount[p]! * basis.share : 0;
    const own = children[i]!;
    for (let c = own.length - 1; c >= 0; c--) stack.push(own[c]!);
  }
  const unallocatedAmount = Float64Array.from(resolvedAmount);
  for (let i = 0; i < count; i++) {
    const p = parent[i]!;
    if (p >= 0) unallocatedAmount[p]! -= resolvedAmount[i]!;
  }
  let totalRevenue = 0;
  for (let i = 0; i < count; i++) {
    if (Math.abs(unallocatedAmount[i]!) <= resolvedAmount[i]! * 1e-12 || unallocatedAmount[i]! < 0) unallocatedAmount[i] = 0;
    if (parent[i]! < 0) totalRevenue += resolvedAmount[i]!;
  }
  return { ids, lines, indexById, parent, order: order.subarray(0, written), resolvedAmount, unallocatedAmount, totalRevenue };
}

const EMPTY = prepareRevenue([]);
const cache = new WeakMap<readonly RevenueLine[], PreparedRevenue>();

/** The model's revenue lines prepared, once per list (models are immutable). */
export function preparedRevenueOf(model: Pick<Model, 'revenueLines'>): PreparedRevenue {
  const lines = model.revenueLines;
  if (!lines || lines.length === 0) return EMPTY;
  let prepared = cache.get(lines);
  if (!prepared) {
    prepared = prepareRevenue(lines);
    cache.set(lines, prepared);
  }
  return prepared;
}

/**
 * Margin gain of one line a year at full target: R x (m x v + p x (1 + v)). New revenue is
 * R (1 + v)(1 + p), the costs that scale with volume R (1 - m)(1 + v), so the margin moves
 * from R m to R (1 + v)(m + p).
 */
export function marginGain(revenue: number, margin: number, volumeChange: number, priceChange: number): number {
  return revenue * (margin * volumeChange + priceChange * (1 + volumeChange));
}

export interface RevenueGain {
  /** Year-1 margin gain at full target, before growth and ramp. */
  baseMarginGain: number;
  /** Per line (aligned with the prepared ids): the gain on its unallocated revenue. */
  lineGain: Float64Array;
  /** Per line: the gain of the line and everything below it. */
  subtreeGain: Float64Array;
}

/**
 * A line's volume and price factors are the products of the factors of its own levers and its
 * ancestors' (as cost factors multiply down the cost tree); its gain is worked out on its
 * unallocated revenue at its own margin.
 */
export function computeRevenueGain(prepared: PreparedRevenue, levers: readonly RevenueLever[] | undefined): RevenueGain {
  const count = prepared.ids.length;
  const lineGain = new Float64Array(count);
  const subtreeGain = new Float64Array(count);
  if (count === 0 || !levers || levers.length === 0) return { baseMarginGain: 0, lineGain, subtreeGain };
  const ownVolume = new Float64Array(count).fill(1);
  const ownPrice = new Float64Array(count).fill(1);
  for (const lever of levers) {
    const index = prepared.indexById.get(lever.lineId);
    if (index === undefined) continue;
    if (lever.volumeChange !== undefined) ownVolume[index]! *= 1 + lever.volumeChange;
    if (lever.priceChange !== undefined) ownPrice[index]! *= 1 + lever.priceChange;
  }
  const volume = new Float64Array(count);
  const price = new Float64Array(count);
  const { order, parent, unallocatedAmount, lines } = prepared;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const p = parent[i]!;
    volume[i] = (p >= 0 ? volume[p]! : 1) * ownVolume[i]!;
    price[i] = (p >= 0 ? price[p]! : 1) * ownPrice[i]!;
    lineGain[i] = marginGain(unallocatedAmount[i]!, lines[i]!.margin, volume[i] - 1, price[i] - 1);
  }
  subtreeGain.set(lineGain);
  let baseMarginGain = 0;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const p = parent[i]!;
    if (p >= 0) subtreeGain[p]! += subtreeGain[i]!;
    else baseMarginGain += subtreeGain[i]!;
  }
  return { baseMarginGain, lineGain, subtreeGain };
}

/** Work arrays of `baseMarginGainOf`, one per prepared revenue, reused call after call. */
export interface RevenueScratch {
  readonly ownVolume: Float64Array;
  readonly ownPrice: Float64Array;
  readonly volume: Float64Array;
  readonly price: Float64Array;
  readonly gain: Float64Array;
}

export function revenueScratch(prepared: PreparedRevenue): RevenueScratch {
  const count = prepared.ids.length;
  return {
    ownVolume: new Float64Array(count),
    ownPrice: new Float64Array(count),
    volume: new Float64Array(count),
    price: new Float64Array(count),
    gain: new Float64Array(count),
  };
}

/**
 * `computeRevenueGain(prepared, levers).baseMarginGain` with the same arithmetic in the same
 * order (so the same bits), written into `scratch` instead of new arrays, and with `margins`
 * (aligned with the prepared lines) in place of the lines' own when given: what-if loops
 * evaluate it thousands of times.
 */
export function baseMarginGainOf(
  prepared: PreparedRevenue,
  levers: readonly RevenueLever[] | undefined,
  scratch: RevenueScratch,
  margins?: ArrayLike<number>,
): number {
  const count = prepared.ids.length;
  if (count === 0 || !levers || levers.length === 0) return 0;
  const { ownVolume, ownPrice, volume, price, gain } = scratch;
  ownVolume.fill(1);
  ownPrice.fill(1);
  for (const lever of levers) {
    const index = prepared.indexById.get(lever.lineId);
    if (index === undefined) continue;
    if (lever.volumeChange !== undefined) ownVolume[index]! *= 1 + lever.volumeChange;
    if (lever.priceChange !== undefined) ownPrice[index]! *= 1 + lever.priceChange;
  }
  const { order, parent, unallocatedAmount, lines } = prepared;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const p = parent[i]!;
    volume[i] = (p >= 0 ? volume[p]! : 1) * ownVolume[i]!;
    price[i] = (p >= 0 ? price[p]! : 1) * ownPrice[i]!;
    gain[i] = marginGain(unallocatedAmount[i]!, margins ? margins[i]! : lines[i]!.margin, volume[i] - 1, price[i] - 1);
  }
  // gain becomes the subtree gain, as computeRevenueGain's subtreeGain.
  let baseMarginGain = 0;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const p = parent[i]!;
    if (p >= 0) gain[p]! += gain[i]!;
    else baseMarginGain += gain[i]!;
  }
  return baseMarginGain;
}

/** Whether a scenario has anything beyond costs (revenue levers or one-off items). */
export function hasRevenueOrOneOffs(scenario: Scenario): boolean {
  return (scenario.revenueLevers?.length ?? 0) > 0 || (scenario.oneOffs?.length ?? 0) > 0;
}
