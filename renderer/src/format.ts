import { useMemo } from 'react';
import { useViewLanguage, useViewUnit } from './state/context';
import { formatAmount, formatNumber, formatPercent } from '../../shared/format/number';
import { readTypedNumber } from '../../shared/format/typed-number';
import { UNIT_FACTOR, type DisplayUnit, type Language } from '../../shared/model/units';

/** How the open model shows numbers: its display unit and language. */
export interface NumberView {
  unit: DisplayUnit;
  language: Language;
  /** An amount in yuan, shown in the display unit (e.g. 130.01), `digits` decimals at least (the display rule adds more for small figures). */
  amount(yuan: number, digits?: number): string;
  /** A ratio as a percentage (0.15 -> 15.0%, 0.01827 -> 1.83%), by the display rule. */
  percent(ratio: number | null, digits?: number): string;
  number(value: number, digits?: number): string;
  /** A number typed in the display unit, back to yuan. */
  toYuan(display: number): number;
  fromYuan(yuan: number): number;
}

export function numberView(unit: DisplayUnit, language: Language): NumberView {
  return {
    unit,
    language,
    amount: (yuan, digits = 2) => formatAmount(yuan, unit, language, digits),
    percent: (ratio, digits = 1) => (ratio === null ? '—' : formatPercent(ratio, language, digits)),
    number: (value, digits = 2) => formatNumber(value, language, digits),
    toYuan: (display) => display * UNIT_FACTOR[unit],
    fromYuan: (yuan) => yuan / UNIT_FACTOR[unit],
  };
}

export function useNumberView(): NumberView {
  const unit = useViewUnit();
  const language = useViewLanguage();
  // One object per unit and language, so hooks can list `view` as a dependency.
  return useMemo(() => numberView(unit, language), [unit, language]);
}

/**
 * Reads a number as a planner types it: grouping commas and spaces, a trailing % (divided by
 * 100 when `percent`), full-width digits from a Chinese keyboard. Null when it is not a number.
 */
export function parseTypedNumber(text: string, percent = false): number | null {
  const typed = readTypedNumber(text);
  if (!typed) return null;
  return percent ? typed.value / 100 : typed.value;
}
