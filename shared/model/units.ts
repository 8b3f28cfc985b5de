export const DISPLAY_UNITS = ['yuan', 'thousand', 'tenThousand', 'million', 'hundredMillion'] as const;
export type DisplayUnit = (typeof DISPLAY_UNITS)[number];

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How many base currency units (yuan) one display unit holds. */
export const UNIT_FACTOR: Record<DisplayUnit, number> = {
  yuan: 1,
  thousand: 1e3,
  tenThousand: 1e4,
  million: 1e6,
  hundredMillion: 1e8,
};

export function toDisplayUnit(baseAmount: number, unit: DisplayUnit): number {
  return baseAmount / UNIT_FACTOR[unit];
}

export function fromDisplayUnit(displayAmount: number, unit: DisplayUnit): number {
  return displayAmount * UNIT_FACTOR[unit];
}
