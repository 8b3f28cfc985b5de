import { mulberry32 as seeded } from '../../../../bench/random';

/** The benchmarks' mulberry32 generator, so the worker and the test replay the same edits from one seed. */
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
  const random = seeded(seed);
  return {
    next: random.next,
    int: random.integer,
    ratio: (min, max, decimals = 4) => {
      const scale = 10 ** decimals;
      return Math.floor(random.between(min, max) * scale) / scale;
    },
    chance: random.chance,
    pick: random.pick,
    token: () =>
      Math.floor(random.next() * 4294967296)
        .toString(36)
        .padStart(7, '0'),
  };
}

/** Derives independent seeds (one per kill) from one master seed. */
export function seedSequence(master: number): () => number {
  const rng = mulberry32(master);
  return () => Math.floor(rng.next() * 4294967296) >>> 0;
}
