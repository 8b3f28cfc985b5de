import { performance } from 'node:perf_hooks';

export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

export interface MeasureOptions {
  /** Untimed runs first, so the JIT has compiled the hot code before we time it. */
  warmup: number;
  runs: number;
  /** Work to do before each run, outside the timed part (e.g. building the edited model). */
  before?: () => void;
}

/** Times `run` repeatedly; the median resists the odd run a garbage collection lands in. */
export function measure(run: () => unknown, options: MeasureOptions): Timing {
  for (let i = 0; i < options.warmup; i++) {
    options.before?.();
    run();
  }
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    options.before?.();
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return { medianMs: median(samples), minMs: Math.min(...samples), runs: samples.length };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** 0.0123 -> "0.012", 8.143 -> "8.14", 42.37 -> "42.4", 4213.7 -> "4,214". */
export function formatMs(ms: number): string {
  const digits = ms < 1 ? 3 : ms < 10 ? 2 : ms < 100 ? 1 : 0;
  return ms.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
