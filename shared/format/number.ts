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
  const prefix = { yuan: '', thousand: language === 'zh' ? '千' : 'thousand ', tenThousand: language === 'zh' ? '万' : '10k ', million: language === 'zh' ? '百万' : 'million ', hundredMillion: language === 'zh' ? '亿' : '100m ' }[unit];
  return `${prefix}${currency}`;
}

/** An amount in base units shown in the display unit, grouped by thousands. */
export function formatAmount(baseAmount: number, unit: DisplayUnit, language: Language, fractionDigits = 2): string {
  return formatNumber(baseAmount / UNIT_FACTOR[unit], language, fractionDigits);
}

export function formatNumber(value: number, language: Language, fractionDigits = 2): string {
  const rounded = Number(value.toFixed(fractionDigits));
  return new Intl.NumberFormat(LOCALE[language], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(rounded === 0 ? 0 : rounded);
}

export function formatPercent(ratio: number, language: Language, fractionDigits = 1): string {
  return `${formatNumber(ratio * 100, language, fractionDigits)}%`;
}
