import { displayDigits } from '../../../../shared/format/number';

/** Beyond this many decimals a tick step is floating-point noise. */
const MAX_STEP_DIGITS = 10;

/** The decimals that write `step` exactly (0.25 → 2, 1000 → 0, 0.1 + 0.2 → 1). */
export function stepDigits(step: number): number {
  const size = Math.abs(step);
  if (!Number.isFinite(size) || size === 0) return 0;
  for (let digits = 0; digits < MAX_STEP_DIGITS; digits++) {
    const scaled = size * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return digits;
  }
  return MAX_STEP_DIGITS;
}

/**
 * The decimals of every tick on one value axis, by the display rule of cards (shared/format):
 * enough that the largest tick keeps its significant digits (at 亿元 the ticks of the example
 * read 0.200, 0.400..., never a column of 0), and enough to tell neighbouring ticks apart.
 * One count for the whole axis, so that the ticks line up.
 */
export function axisTickDigits(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return 0;
  const largest = Math.max(...finite.map((value) => Math.abs(value)));
  let step = Infinity;
  for (let i = 1; i < finite.length; i++) {
    const gap = Math.abs(finite[i]! - finite[i - 1]!);
    if (gap > 0) step = Math.min(step, gap);
  }
  return Math.max(displayDigits(largest, 0), Number.isFinite(step) ? stepDigits(step) : 0);
}
