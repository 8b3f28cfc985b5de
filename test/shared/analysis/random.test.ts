import { describe, expect, it } from 'vitest';
import { createRandom, createSampler, distributionMoments, sampleBeta } from '../../../shared/analysis';
import type { Distribution } from '../../../shared/model';

/** The seeded generator and the samplers of the uncertainty ranges. */
describe('seeded random source', () => {
  it('gives the same numbers for the same seed, other numbers for another seed, all in [0, 1)', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 1000 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    // The high bits of a seed count too.
    expect(draw(2 ** 40 + 42)).not.toEqual(draw(42));
    for (const value of [...draw(0), ...draw(2 ** 53 - 1)]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('is uniform: mean 1/2, variance 1/12 over 1e6 draws', () => {
    const random = createRandom(7);
    let sum = 0;
    let squares = 0;
    const n = 1_000_000;
    for (let i = 0; i < n; i++) {
      const x = random.next();
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(squares / n - mean * mean - 1 / 12) / (1 / 12)).toBeLessThan(0.01);
  });
});

describe('samplers match their analytic mean and variance over 1e6 draws', () => {
  const cases: [Distribution, number, number, number][] = [
    ['triangular', -0.2, -0.15, -0.1],
    ['triangular', 0, 0, 1],
    ['triangular', 100_000, 350_000, 400_000],
    ['pert', -0.2, -0.15, -0.1],
    ['pert', 0.1, 0.12, 0.3],
    ['pert', 0, 1, 1],
    ['pert', 0, 0, 1],
    ['pert', 250_000, 300_000, 450_000],
  ];
  it.each(cases)('%s (%s, %s, %s)', (distribution, low, mode, high) => {
    const sample = createSampler(distribution, low, mode, high);
    const random = createRandom(20270101);
    const n = 1_000_000;
    let sum = 0;
    let squares = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = sample(random);
      sum += x;
      squares += x * x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const { mean, variance } = distributionMoments(distribution, low, mode, high);
    const sampleMean = sum / n;
    const sampleVariance = squares / n - sampleMean * sampleMean;
    // Within 5 standard errors of the mean, and 1.5% of the variance (about 7 standard errors).
    expect(Math.abs(sampleMean - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
    expect(Math.abs(sampleVariance - variance) / variance).toBeLessThan(0.015);
    expect(min).toBeGreaterThanOrEqual(low);
    expect(max).toBeLessThanOrEqual(high);
  });

  it('PERT mean is (low + 4 mode + high) / 6 and its variance (mean - low)(high - mean) / 7', () => {
    const { mean, variance } = distributionMoments('pert', 10, 20, 60);
    expect(mean).toBeCloseTo((10 + 80 + 60) / 6, 12);
    expect(variance).toBeCloseTo(((mean - 10) * (60 - mean)) / 7, 10);
    const triangular = distributionMoments('triangular', 10, 20, 60);
    expect(triangular.mean).toBeCloseTo(30, 12);
    expect(triangular.variance).toBeCloseTo((100 + 400 + 3600 - 200 - 600 - 1200) / 18, 10);
  });

  it.each([
    [1.5, 7],
    [2, 2],
    [4.2, 1.8],
    [30, 60],
  ])('beta(%s, %s) draws have its mean and variance', (a, b) => {
    const sample = sampleBeta(a, b);
    const random = createRandom(5);
    const n = 400_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const x = sample(random);
      sum += x;
      squares += x * x;
    }
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(sum / n - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
    expect(Math.abs(squares / n - (sum / n) ** 2 - variance) / variance).toBeLessThan(0.02);
  });

  it('a range with low = high always gives that value', () => {
    const random = createRandom(1);
    expect(createSampler('pert', 5, 5, 5)(random)).toBe(5);
    expect(createSampler('triangular', 5, 5, 5)(random)).toBe(5);
  });
});
