/** mulberry32: a tiny seeded PRNG, so the worker and the test replay the same edits from one seed. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number;
  /** Uniform in [min, max), rounded down to `decimals` places. */
  ratio(min: number, max: number, decimals?: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A short token for ids and names: 7 base-36 characters from one 32-bit draw. */
  token(): string;
}

export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    ratio: (min, max, decimals = 4) => {
      const scale = 10 ** decimals;
      return Math.floor((min + (max - min) * next()) * scale) / scale;
    },
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(items.length * next())];
      if (item === undefined) throw new Error('pick() needs a non-empty list');
      return item;
    },
    token: () => Math.floor(next() * 4294967296).toString(36).padStart(7, '0'),
  };
}

/** Derives independent seeds (one per kill) from one master seed. */
export function seedSequence(master: number): () => number {
  const rng = mulberry32(master);
  return () => Math.floor(rng.next() * 4294967296) >>> 0;
}
