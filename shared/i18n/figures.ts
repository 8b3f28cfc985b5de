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
    yearOneSaving: { label: 'Year-1 saving (after ramp)', definition: 'The run-rate saving (the levers at full target on this year\'s cost base, before growth) times the year-1 ramp.' },
    saving: {
      label: 'Horizon saving',
      definition: 'Sum over the horizon of: year-1 saving x (1 + volume growth)^(year - 1) x ramp of the year.',
    },
    investment: { label: 'Investment', definition: 'Sum of the incentive and investment lines over the horizon.' },
    net: { label: 'Net', definition: 'Horizon saving - investment.' },
    cumulativeNet: { label: 'Cumulative net', definition: 'Savings minus investments from the start of the plan to the end of the year.' },
    returnOnInvestment: {
      label: 'Return / investment',
      definition: 'Horizon saving / investment (投入产出比). 2.25 means every yuan invested returns 2.25 yuan of saving.',
    },
    netRoi: { label: 'Net ROI', definition: '(Horizon saving - investment) / investment: return / investment minus 1.' },
    npv: {
      label: 'NPV',
      definition: "Each year's net discounted as one year-end flow at the scenario's discount rate (Excel's NPV convention).",
    },
    paybackYears: {
      label: 'Payback',
      definition:
        'Earliest time from which the cumulative net stays at or above zero to the end of the horizon. Savings and spread investments accrue evenly through each year; upfront investments are paid at the start of each year.',
    },
  },
  zh: {
    affectedShare: { label: '占服务总成本的节省比例', definition: '第 1 年满目标节省 / 服务总成本（例：14% × 87% × 15% = 1.827%）。' },
    yearOneSaving: { label: '第 1 年节省（计达成率）', definition: '满目标年节省（杠杆全部达成时在本年成本基数上的节省，未计增长）× 第 1 年达成率。' },
    saving: { label: '期内节省', definition: '各年之和：第 1 年节省 × (1 + 业务量增长率)^(年 − 1) × 当年达成率。' },
    investment: { label: '投入', definition: '期内各项激励与投入之和。' },
    net: { label: '净收益', definition: '期内节省 − 投入。' },
    cumulativeNet: { label: '累计净收益', definition: '从计划开始到该年年末的节省减投入。' },
    returnOnInvestment: { label: '投入产出比', definition: '期内节省 / 投入。2.25 表示每投入 1 元带来 2.25 元节省。' },
    netRoi: { label: '净投资回报率', definition: '(期内节省 − 投入) / 投入，即投入产出比 − 1。' },
    npv: { label: '净现值', definition: '各年净收益作为年末现金流、按情景折现率折现之和（与 Excel NPV 相同）。' },
    paybackYears: {
      label: '回收期',
      definition: '累计净收益自该时点起直到期末始终不低于零的最早时点。节省与分摊投入在年内均匀发生；一次性投入在每年年初支付。',
    },
  },
};

export const LEVER_TEXT: Record<Language, Record<'unitCostChange' | 'throughputChange' | 'volumeChange', string>> = {
  en: { unitCostChange: 'Unit cost', throughputChange: 'Per-capita volume', volumeChange: 'Volume' },
  zh: { unitCostChange: '人均单价', throughputChange: '人均业务量', volumeChange: '业务量' },
};
