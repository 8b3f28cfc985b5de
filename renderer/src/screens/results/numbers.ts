import { displayDigits } from '../../../../shared/format/number';
import { UNIT_FACTOR, type DisplayUnit, type Language } from '../../../../shared/model/units';
import type { NumberView } from '../../format';

/**
 * shared/format/number.ts's formatting (same rounding, same output) with its Intl.NumberFormat
 * objects kept: building one costs tens of microseconds, and a Results render formats a few
 * hundred numbers (cards, table, chart labels) on every edit.
 */
const LOCALE: Record<Language, string> = { zh: 'zh-CN', en: 'en-US' };
const formats = new Map<string, Intl.NumberFormat>();

export function formatFixed(value: number, language: Language, digits: number): string {
  const key = `${language}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[language], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, format);
  }
  const rounded = Number(value.toFixed(digits));
  return format.format(rounded === 0 ? 0 : rounded);
}

/** A number already in the display unit, by the display rule (shared/format/number.ts). */
export function formatShown(value: number, language: Language, minimumDigits: number): string {
  return formatFixed(value, language, displayDigits(value, minimumDigits));
}

/** The same as format.ts's `numberView`, on the kept formats. */
export function fastNumberView(unit: DisplayUnit, language: Language): NumberView {
  const factor = UNIT_FACTOR[unit];
  return {
    unit,
    language,
    amount: (yuan, digits = 2) => formatShown(yuan / factor, language, digits),
    percent: (ratio, digits = 1) => (ratio === null ? '—' : `${formatShown(ratio * 100, language, digits)}%`),
    number: (value, digits = 2) => formatFixed(value, language, digits),
    toYuan: (display) => display * factor,
    fromYuan: (yuan) => yuan / factor,
  };
}
