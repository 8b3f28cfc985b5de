import type { Distribution } from '../model/schema';

/**
 * A seeded random source and the samplers of the uncertainty ranges. The same seed gives
 * the same numbers on every machine: xoshiro128** (32-bit words, so exact in JavaScript),
 * its state filled from the seed by splitmix32, two words per draw for 53-bit uniforms.
 */
export interface RandomSource {
  /** Uniform in [0, 1), 53 random bits. */
  next(): number;
}

function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let t = state ^ (state >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/** `seed`: a whole number from 0 to 2^53 - 1 (all of its bits count). */
export function createRandom(seed: number): RandomSource {
  const low = splitmix32(seed >>> 0);
  const high = splitmix32((Math.floor(seed / 4294967296) >>> 0) ^ 0x5bd1e995);
  let s0 = low();
  let s1 = low();
  let s2 = high();
  let s3 = high();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const word = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const next = (): number => ((word() >>> 5) * 67108864 + (word() >>> 6)) / 9007199254740992;
  return { next };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export type Sampler = (random: RandomSource) => number;

/**
 * Draws of one range. Triangular: by its inverse distribution function. PERT: the beta
 * distribution on [low, high] with shapes 1 + 4 (mode - low) / (high - low) and
 * 1 + 4 (high - mode) / (high - low), mean (low + 4 mode + high) / 6 (sampleBeta). A range
 * with low = high always gives low.
 */
export function createSampler(distribution: Distribution, low: number, mode: number, high: number): Sampler {
  const width = high - low;
  if (!(width > 0)) return () => low;
  if (distribution === 'triangular') {
    const split = (mode - low) / width;
    const below = width * (mode - low);
    const above = width * (high - mode);
    return (random) => {
      const u = random.next();
      return u < split ? low + Math.sqrt(u * below) : high - Math.sqrt((1 - u) * above);
    };
  }
  const alpha = 1 + (4 * (mode - low)) / width;
  const beta = 1 + (4 * (high - mode)) / width;
  const unit = sampleBeta(alpha, beta);
  return (random) => low + width * unit(random);
}

/**
 * Draws of Beta(a, b) for a, b >= 1 (PERT's shapes): Cheng's algorithm BB (1978), as R's
 * rbeta uses it, with the exact inverse distribution function when a shape is 1.
 */
export function sampleBeta(a: number, b: number): Sampler {
  if (a === 1) return (random) => 1 - (1 - random.next()) ** (1 / b);
  if (b === 1) return (random) => (1 - random.next()) ** (1 / a);
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  const sum = small + large;
  const spread = Math.sqrt((sum - 2) / (2 * small * large - sum));
  const shift = small + 1 / spread;
  const smallFirst = a === small;
  return (random) => {
    for (;;) {
      const u1 = random.next();
      const u2 = random.next();
      if (u1 === 0) continue;
      const v = spread * Math.log(u1 / (1 - u1));
      const w = v > 709 ? Number.MAX_VALUE : small * Math.exp(v);
      const z = u1 * u1 * u2;
      const r = shift * v - 1.3862944;
      const s = small + r - w;
      if (s + 2.609438 >= 5 * z || s > Math.log(z) || r + sum * Math.log(sum / (large + w)) >= Math.log(z))
        return smallFirst ? w / (large + w) : large / (large + w);
    }
  };
}

/** The analytic mean and variance of a range's distribution. */
export function distributionMoments(distribution: Distribution, low: number, mode: number, high: number): { mean: number; variance: number } {
  if (distribution === 'triangular') {
    return {
      mean: (low + mode + high) / 3,
      variance: (low * low + mode * mode + high * high - low * mode - low * high - mode * high) / 18,
    };
  }
  const width = high - low;
  if (!(width > 0)) return { mean: low, variance: 0 };
  const alpha = 1 + (4 * (mode - low)) / width;
  const beta = 1 + (4 * (high - mode)) / width;
  const total = alpha + beta;
  return { mean: low + (width * alpha) / total, variance: (alpha * beta * width * width) / (total * total * (total + 1)) };
}
