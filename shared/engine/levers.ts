import type { Lever, LeverKind } from '../model/schema';

/**
 * Driver arithmetic (../shared/domain.md): how each lever multiplies the cost of a line.
 * A unit-cost change u gives (1 + u); a per-capita volume (throughput) change t at the same
 * wage gives 1 / (1 + t), so +15% throughput lowers the cost by 13.04%, not 15%; a volume
 * change v gives (1 + v). Levers on one line, and levers on its ancestors, multiply.
 */
export function leverFactor(kind: LeverKind, change: number): number {
  switch (kind) {
    case 'unitCostChange':
      return 1 + change;
    case 'throughputChange':
      return 1 / (1 + change);
    case 'volumeChange':
      return 1 + change;
  }
}

/** The change of one kind that gives a cost factor (the inverse of `leverFactor`). */
export function changeForFactor(kind: LeverKind, factor: number): number {
  return kind === 'throughputChange' ? 1 / factor - 1 : factor - 1;
}

export function combinedLeverFactor(lever: Lever): number {
  let factor = 1;
  if (lever.unitCostChange !== undefined) factor *= leverFactor('unitCostChange', lever.unitCostChange);
  if (lever.throughputChange !== undefined) factor *= leverFactor('throughputChange', lever.throughputChange);
  if (lever.volumeChange !== undefined) factor *= leverFactor('volumeChange', lever.volumeChange);
  return factor;
}
