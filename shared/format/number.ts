import { UNIT_FACTOR, type DisplayUnit, type Language } from '../model/units';

const LOCALE: Record<Language, string> = { zh: 'zh-CN', en: 'en-US' };

const UNIT_LABELS: Record<Language, Record<DisplayUnit, string>> = {
  zh: { yuan: '元', thousand: '千元', tenThousand: '万元', million: '百万元', hundredMillion: '亿元' },
  en: { yuan: 'yuan', thousand: 'thousand yuan', tenThousand: '10k yuan', million: 'million yuan', hundredMillion: '100m yuan' },
};

/** The unit as a header shows it, e.g. 万元 or "10k yuan"; other currencies keep their code. */
export function unitLabel(unit: DisplayUnit, language: Language, currency = 'CNY'): string {
  const label = UNIT_LABELS[language][unit];
  if (currency === 'CNY') return label;
  const prefix = {
    yuan: '',
    thousand: language === 'zh' ? '千' : 'thousand ',
    tenThousand: language === 'zh' ? '万' : '10k ',
    million: language === 'zh' ? '百万' : 'million ',
    hundredMillion: language === 'zh' ? '亿' : '100m ',
  }[unit];
  return `${prefix}${currency}`;
}

/** Significant digits every shown amount and percentage keeps, whatever the unit. */
export const SIGNIFICANT_DIGITS = 3;
/** Beyond this many decimals a figure is noise (1 yuan in 亿元 is 0.00000001). */
const MAX_FRACTION_DIGITS = 10;

/**
 * The display rule: the decimals a figure is shown with. At least `minimum` (the place's
 * usual decimals: 2 in grids, 1 on cards), and more where the figure is small in its unit, so
 * that it keeps SIGNIFICANT_DIGITS significant digits: no non-zero amount shows as 0.0, and
 * 130 万 at 亿元 shows as 0.0130, not 0.01. Cards, grids, tables, chart labels, tooltips,
 * PNGs and the command line all format through it.
 */
export function displayDigits(shown: number, minimum: number): number {
  const magnitude = Math.abs(shown);
  if (!Number.isFinite(magnitude) || magnitude === 0) return minimum;
  const clamp = (digits: number) => Math.min(MAX_FRACTION_DIGITS, Math.max(minimum, digits));
  const exponent = Math.floor(Math.log10(magnitude));
  const digits = clamp(SIGNIFICANT_DIGITS - 1 - exponent);
  // 9.9999 rounds up to 10.00: count the digits of what is shown (10.0), not of what it was.
  return Number(magnitude.toFixed(digits)) >= 10 ** (exponent + 1) ? clamp(SIGNIFICANT_DIGITS - 2 - exponent) : digits;
}

/** A number already in the display unit, by the display rule. */
export function formatShown(shown: number, language: Language, minimumDigits = 2): string {
  return formatNumber(shown, language, displayDigits(shown, minimumDigits));
}

/** An amount in base units shown in the display unit, grouped by thousands, by the display rule. */
export function formatAmount(baseAmount: number, unit: DisplayUnit, language: Language, minimumDigits = 2): string {
  return formatShown(baseAmount / UNIT_FACTOR[unit], language, minimumDigits);
}

export function formatNumber(value: number, language: Language, fractionDigits = 2): string {
  const rounded = Number(value.toFixed(fractionDigits));
  const shown = rounded === 0 ? 0 : rounded;
  return groupedFixed(shown, fractionDigits) ?? numberFormat(language, fractionDigits).format(shown);
}

/**
 * What Intl.NumberFormat writes for zh-CN and en-US alike (a test holds it to that): ASCII
 * digits, "," between thousands, "." before the decimals, "-" for negatives. Written by hand
 * because the first Intl.NumberFormat of a process loads ICU's locale data, a good part of
 * the command line's start-up. Infinite, NaN and values String() writes with an exponent
 * (below 1e-6, from 1e21) are left to Intl.
 */
function groupedFixed(value: number, fractionDigits: number): string | undefined {
  // Like Intl, from the shortest decimal that reads back as the value (722628.93, where
  // toFixed(10) would write the double's exact 722628.9300000001), padded with zeros.
  const text = String(Math.abs(value));
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const [whole = '', fraction = ''] = text.split('.');
  if (fraction.length > fractionDigits) return undefined;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fractionDigits > 0 ? `.${fraction.padEnd(fractionDigits, '0')}` : ''}`;
}

/** Making an Intl.NumberFormat costs far more than formatting with one: one per language and digits. */
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, fractionDigits: number): Intl.NumberFormat {
  const key = `${language}:${fractionDigits}`;
  let format = NUMBER_FORMATS.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE[language], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    NUMBER_FORMATS.set(key, format);
  }
  return format;
}

/** A ratio as a percentage by the display rule: 15.0%, 1.83%, 0.125%, 105.2%. */
export function formatPercent(ratio: number, language: Language, minimumDigits = 1): string {
  return `${formatShown(ratio * 100, language, minimumDigits)}%`;
}
