import type { Language } from '../model/units';

/**
 * The figures the product reports, with the definition shown next to each one (CLI,
 * workbook, UI). One table, so that every surface states the same formula.
 */
export const FIGURES = [
  'affectedShare',
  'yearOneSaving',
  'saving',
  'investment',
  'net',
  'cumulativeNet',
  'returnOnInvestment',
  'netRoi',
  'npv',
  'paybackYears',
  'marginGain',
  'benefit',
  'oneOff',
] as const;
export type Figure = (typeof FIGURES)[number];

interface FigureText {
  label: string;
  definition: string;
}

export const FIGURE_TEXT: Record<Language, Record<Figure, FigureText>> = {
  en: {
    affectedShare: {
      label: 'Share of total cost saved',
      definition: 'Year-1 saving at full target / total service cost (e.g. 14% x 87% x 15% = 1.827%).',
    },
    yearOneSaving: {
      label: 'Year-1 saving (after ramp)',
      definition: "The run-rate saving (the levers at full target on this year's cost base, before growth) times the year-1 ramp.",
    },
    saving: {
      label: 'Horizon saving',
      definition: 'Sum over the horizon of: year-1 saving x (1 + volume growth)^(year - 1) x ramp of the year.',
    },
    investment: { label: 'Investment', definition: 'Sum of the incentive and investment lines over the horizon.' },
    net: { label: 'Net', definition: 'Horizon saving + margin gain + one-off cash - investment.' },
    cumulativeNet: {
      label: 'Cumulative net',
      definition: 'Savings and margin gains plus one-off cash minus investments, from the start of the plan to the end of the year.',
    },
    returnOnInvestment: {
      label: 'Return / investment',
      definition: 'Benefit (saving + margin gain) / investment (投入产出比). Above 1, every yuan invested returns more than a yuan. One-off cash never counts.',
    },
    netRoi: { label: 'Net ROI', definition: '(Benefit - investment) / investment: return / investment minus 1. One-off cash never counts.' },
    npv: {
      label: 'NPV',
      definition: "Each year's net discounted as one year-end flow at the scenario's discount rate (Excel's NPV convention).",
    },
    paybackYears: {
      label: 'Payback',
      definition:
        'Earliest time from which the cumulative net stays at or above zero to the end of the horizon. Savings, margin gains, spread investments and spread one-off cash accrue evenly through each year; upfront investments and upfront one-off cash fall at the start of the year.',
    },
    marginGain: {
      label: 'Margin gain',
      definition:
        "Sum over the horizon of the revenue levers' gain: revenue R x (margin m x volume change v + price change p x (1 + v)), grown and ramped like savings.",
    },
    benefit: { label: 'Benefit', definition: 'Saving + margin gain. Share-of-saving investment lines take their share of it.' },
    oneOff: {
      label: 'One-off cash',
      definition:
        'One-off amounts in a plan year (stock released, an asset sold; negative for a one-off cost). In the net, NPV and payback, never in the profit ratios.',
    },
  },
  zh: {
    affectedShare: { label: '占服务总成本的节省比例', definition: '第 1 年满目标节省 / 服务总成本（例：14% × 87% × 15% = 1.827%）。' },
    yearOneSaving: { label: '第 1 年节省（计达成率）', definition: '满目标年节省（杠杆全部达成时在本年成本基数上的节省，未计增长）× 第 1 年达成率。' },
    saving: { label: '期内节省', definition: '各年之和：第 1 年节省 × (1 + 业务量增长率)^(年 − 1) × 当年达成率。' },
    investment: { label: '投入', definition: '期内各项激励与投入之和。' },
    net: { label: '净收益', definition: '期内节省 + 边际贡献增加 + 一次性现金 − 投入。' },
    cumulativeNet: { label: '累计净收益', definition: '从计划开始到该年年末的节省与边际贡献增加，加一次性现金，减投入。' },
    returnOnInvestment: { label: '投入产出比', definition: '收益（节省 + 边际贡献增加）/ 投入。大于 1 表示每投入 1 元带来超过 1 元的收益。一次性现金不计入。' },
    netRoi: { label: '净投资回报率', definition: '(收益 − 投入) / 投入，即投入产出比 − 1。一次性现金不计入。' },
    npv: { label: '净现值', definition: '各年净收益作为年末现金流、按情景折现率折现之和（与 Excel NPV 相同）。' },
    paybackYears: {
      label: '回收期',
      definition:
        '累计净收益自该时点起直到期末始终不低于零的最早时点。节省、边际贡献增加、分摊投入与分摊的一次性现金在年内均匀发生；年初投入与年初的一次性现金在年初发生。',
    },
    marginGain: {
      label: '边际贡献增加',
      definition: '收入杠杆各年增加的边际贡献之和：收入 R ×（边际贡献率 m × 业务量变化 v + 价格变化 p × (1 + v)），与节省一样随增长和达成率变化。',
    },
    benefit: { label: '收益', definition: '节省 + 边际贡献增加。按收益比例提取的投入按它计算。' },
    oneOff: { label: '一次性现金', definition: '某一计划年的一次性金额（库存释放、资产出售；一次性支出为负）。计入净收益、净现值与回收期，不计入投入产出比。' },
  },
};

export const LEVER_TEXT: Record<Language, Record<'unitCostChange' | 'throughputChange' | 'volumeChange', string>> = {
  en: { unitCostChange: 'Unit cost', throughputChange: 'Per-capita volume', volumeChange: 'Volume' },
  zh: { unitCostChange: '人均单价', throughputChange: '人均业务量', volumeChange: '业务量' },
};

export const REVENUE_LEVER_TEXT: Record<Language, Record<'volumeChange' | 'priceChange', string>> = {
  en: { volumeChange: 'Volume', priceChange: 'Price' },
  zh: { volumeChange: '业务量', priceChange: '价格' },
};

type Captioned = { captions?: Partial<Record<string, { zh?: string | undefined; en?: string | undefined } | undefined>> | undefined };

/**
 * A lever's name on a line: its caption in the language when the line has one ("inventory
 * turnover"), followed by the lever kind it is ("inventory turnover (per-capita volume)"),
 * else the kind alone.
 */
export function leverName(line: Captioned | undefined, kind: 'unitCostChange' | 'throughputChange' | 'volumeChange', language: Language): string {
  const caption = line?.captions?.[kind]?.[language]?.trim();
  const base = LEVER_TEXT[language][kind];
  return caption ? (language === 'zh' ? `${caption}（${base}）` : `${caption} (${base.toLowerCase()})`) : base;
}

export function revenueLeverName(line: Captioned | undefined, kind: 'volumeChange' | 'priceChange', language: Language): string {
  const caption = line?.captions?.[kind]?.[language]?.trim();
  const base = REVENUE_LEVER_TEXT[language][kind];
  return caption ? (language === 'zh' ? `${caption}（${base}）` : `${caption} (${base.toLowerCase()})`) : base;
}
