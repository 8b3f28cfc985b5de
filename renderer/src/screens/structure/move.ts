/**
 * Moving a line entered as a share under another parent: its share means a different amount
 * there. Keeping the amount converts the share, share = amount / new parent's amount, which
 * must stay within 0..100% of a parent that has an amount.
 */
export type KeptAmount = { ok: true; share: number } | { ok: false; reason: 'parentHasNoAmount' | 'moreThanParent' };

export function shareKeepingAmount(amount: number, newParentAmount: number): KeptAmount {
  if (!(newParentAmount > 0) || !Number.isFinite(newParentAmount)) return { ok: false, reason: 'parentHasNoAmount' };
  const share = amount / newParentAmount;
  // A share a hair above 1 from rounding (the whole amount of an equal parent) is 100%.
  if (share > 1 + 1e-12) return { ok: false, reason: 'moreThanParent' };
  return { ok: true, share: Math.min(1, Math.max(0, share)) };
}

/** The amount a share stands for under a parent of the given amount (keeping the share). */
export function amountKeepingShare(share: number, newParentAmount: number): number {
  return share * newParentAmount;
}
