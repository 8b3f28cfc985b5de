/** Order statistics of simulation results. */

/**
 * The p-quantile of sorted values, interpolating linearly between neighbours (Excel's
 * PERCENTILE.INC): position (n - 1) p.
 */
export function percentile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * p;
  const below = Math.floor(position);
  const fraction = position - below;
  const value = sorted[below]!;
  if (fraction === 0 || below + 1 >= n) return value;
  const next = sorted[below + 1]!;
  return value === next ? value : value + fraction * (next - value);
}

/**
 * Ranks from 1 to n, tied values sharing the mean of their ranks. A value's rank depends
 * only on the multiset of values, not on where it sits. Expects no NaN.
 */
export function averageRanks(values: Float64Array): Float64Array {
  const n = values.length;
  const keys = values.slice();
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  sortWithIndex(keys, index, 0, n - 1);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && keys[end] === keys[start]) end++;
    const rank = (start + end - 1) / 2 + 1;
    for (let k = start; k < end; k++) ranks[index[k]!] = rank;
    start = end;
  }
  return ranks;
}

/** Sorts keys[lo..hi] ascending and moves index along (quicksort, median of three, insertion sort below 16). */
function sortWithIndex(keys: Float64Array, index: Int32Array, lo: number, hi: number): void {
  let key: number;
  let at: number;
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < keys[lo]!) {
      key = keys[lo]!;
      keys[lo] = keys[mid]!;
      keys[mid] = key;
      at = index[lo]!;
      index[lo] = index[mid]!;
      index[mid] = at;
    }
    if (keys[hi]! < keys[lo]!) {
      key = keys[lo]!;
      keys[lo] = keys[hi]!;
      keys[hi] = key;
      at = index[lo]!;
      index[lo] = index[hi]!;
      index[hi] = at;
    }
    if (keys[hi]! < keys[mid]!) {
      key = keys[mid]!;
      keys[mid] = keys[hi]!;
      keys[hi] = key;
      at = index[mid]!;
      index[mid] = index[hi]!;
      index[hi] = at;
    }
    const pivot = keys[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) {
        key = keys[i]!;
        keys[i] = keys[j]!;
        keys[j] = key;
        at = index[i]!;
        index[i] = index[j]!;
        index[j] = at;
        i++;
        j--;
      }
    }
    // Recurse into the smaller part, loop on the larger: the stack stays O(log n).
    if (j - lo < hi - i) {
      sortWithIndex(keys, index, lo, j);
      lo = i;
    } else {
      sortWithIndex(keys, index, i, hi);
      hi = j;
    }
  }
  for (let a = lo + 1; a <= hi; a++) {
    key = keys[a]!;
    at = index[a]!;
    let b = a - 1;
    while (b >= lo && keys[b]! > key) {
      keys[b + 1] = keys[b]!;
      index[b + 1] = index[b]!;
      b--;
    }
    keys[b + 1] = key;
    index[b + 1] = at;
  }
}

/**
 * Spearman's rank correlation: Pearson's correlation of the average ranks, over the pairs
 * where neither value is NaN (+Infinity ranks last). Ranks are halves of whole numbers, so
 * up to 200,000 pairs every sum below is exact and the result is the same, to the bit, in
 * whatever order the pairs come. null when either side does not vary.
 */
export function rankCorrelation(xs: Float64Array, ys: Float64Array): number | null {
  let count = 0;
  for (let i = 0; i < xs.length; i++) if (!Number.isNaN(xs[i]!) && !Number.isNaN(ys[i]!)) count++;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0, k = 0; i < xs.length; i++) {
    if (Number.isNaN(xs[i]!) || Number.isNaN(ys[i]!)) continue;
    x[k] = xs[i]!;
    y[k++] = ys[i]!;
  }
  return count < 2 ? null : correlationOfRanks(averageRanks(x), averageRanks(y));
}

/**
 * rankCorrelation of each column with ys, ranking ys once (the same results, to the bit, as
 * one call per column).
 */
export function rankCorrelations(columns: readonly Float64Array[], ys: Float64Array): (number | null)[] {
  let count = 0;
  for (let i = 0; i < ys.length; i++) if (!Number.isNaN(ys[i]!)) count++;
  const kept = new Int32Array(count);
  const y = new Float64Array(count);
  for (let i = 0, k = 0; i < ys.length; i++) {
    if (Number.isNaN(ys[i]!)) continue;
    kept[k] = i;
    y[k++] = ys[i]!;
  }
  const ry = averageRanks(y);
  const x = new Float64Array(count);
  return columns.map((xs) => {
    let hasNaN = false;
    for (let k = 0; k < count; k++) {
      const value = xs[kept[k]!]!;
      if (Number.isNaN(value)) hasNaN = true;
      x[k] = value;
    }
    if (hasNaN) return rankCorrelation(xs, ys);
    return count < 2 ? null : correlationOfRanks(averageRanks(x), ry);
  });
}

function correlationOfRanks(rx: Float64Array, ry: Float64Array): number | null {
  const count = rx.length;
  const mean = (count + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < count; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** Equal-width bins from the smallest to the largest of sorted finite values. */
export function histogram(sorted: Float64Array, bins: number): HistogramBin[] {
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (!(max > min)) return [{ from: min, to: max, count: sorted.length }];
  const width = (max - min) / bins;
  const result = Array.from({ length: bins }, (_, k) => ({ from: min + k * width, to: k === bins - 1 ? max : min + (k + 1) * width, count: 0 }));
  for (let i = 0; i < sorted.length; i++) {
    const k = Math.min(bins - 1, Math.floor((sorted[i]! - min) / width));
    result[k]!.count++;
  }
  return result;
}
