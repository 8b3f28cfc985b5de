import { figureTexts } from '../i18n/figures';
import type { Language } from '../model/units';

/**
 * The Definitions sheet of the exported workbook: every formula of the workbook stated in
 * words, in the order a reader meets them. The figure definitions come from the same table
 * the CLI and the UI use (shared/i18n/figures.ts).
 */
export interface DefinitionRow {
  term: string;
  definition: string;
  /** The figure the row defines, when the workbook can show it worked out with this model's numbers. */
  key?: WorkedFigure;
}

export type WorkedFigure = 'affectedShare' | 'saving' | 'investment' | 'net' | 'returnOnInvestment' | 'netRoi' | 'npv' | 'paybackYears';

/** "(e.g. 14% x 87% x 15% = 1.827%)" and "（例：…）": the built-in example's numbers never appear in another model's workbook. */
function withoutExample(definition: string): string {
  return definition.replace(/\s*\(e\.g\.[^)]*\)|（例：[^）]*）/gu, '');
}

const WORKED: readonly string[] = ['affectedShare', 'saving', 'investment', 'net', 'returnOnInvestment', 'netRoi', 'npv', 'paybackYears'];

export function workbookDefinitions(language: Language, unit: string): DefinitionRow[] {
  const f = figureTexts(language);
  const figure = (key: keyof typeof f): DefinitionRow => ({
    term: f[key].label,
    definition: withoutExample(f[key].definition),
    ...(WORKED.includes(key) ? { key: key as WorkedFigure } : {}),
  });
  if (language === 'zh') {
    return [
      {
        term: '输入与公式',
        definition:
          '底色单元格是输入（数值或文字），可直接修改；其余数字都是引用这些输入的公式，打开或修改后自动重算。文件中保存的公式结果与本软件计算的结果一致。',
      },
      { term: '金额单位', definition: `所有金额以 ${unit} 表示，单元格保存精确值，仅显示时四舍五入。百分比以百分数显示。` },
      { term: '成本项金额', definition: '依据为“占比”时：金额 = 上级金额 × 占比；依据为“金额”时：金额 = 所填金额。占总成本 = 金额 / 根节点金额。' },
      {
        term: '本级金额（不含下级）',
        definition:
          '本项金额减去各直接下级金额之和（末级成本项即其全部金额）；若因占比四舍五入剩下不超过本项金额 10⁻¹² 的余数，按 0 计，负数按 0 计。节省按本级金额计算，避免上下级重复计算。',
      },
      { term: '人均单价变化 u', definition: '每张工单的人工成本变化 u：成本乘以 (1 + u)。' },
      {
        term: '人均业务量变化 t',
        definition:
          '人均受理量变化 t，工资不变：成本乘以 1 / (1 + t)。人均业务量提高 t 使成本下降 t / (1 + t)，小于 t；要让人均单价下降 u，人均业务量需提高 u / (1 − u)。',
      },
      { term: '业务量变化 v', definition: '本项处理的业务量变化 v（如工单转由智能客服处理）：成本乘以 (1 + v)。' },
      {
        term: '成本系数',
        definition:
          '本项各杠杆系数之积，再乘以上级的成本系数：成本系数 = 上级成本系数 × (1 + u) × 1/(1 + t) × (1 + v)。上级的杠杆作用于其下所有成本项。空白的杠杆单元格按 0 计（系数为 1）。',
      },
      { term: '本项节省', definition: '本级金额 × (1 − 成本系数)。第 1 年满目标节省 = 全部成本项节省之和。' },
      figure('affectedShare'),
      { term: '各年节省', definition: '第 y 年节省 = 第 1 年满目标节省 × (1 + 业务量年增长率)^(y − 1) × 第 y 年达成率（默认 100%）。' },
      figure('saving'),
      { term: '投入金额方式', definition: '每年固定：每年同一金额；逐年金额：逐年填写（未填的年份为 0）；节省的比例：当年节省 × 比例（节省为负时为 0）。' },
      {
        term: '支付时点',
        definition: '年初支付：在投入适用的每年年初一次付清（如采购数字化工具）；年内均摊：在一年中均匀支付（奖金、薪酬、团队预算）。节省在一年中均匀发生。',
      },
      figure('investment'),
      figure('net'),
      figure('cumulativeNet'),
      figure('returnOnInvestment'),
      figure('netRoi'),
      {
        term: '投入产出比与净投资回报率',
        definition:
          '投入产出比 = 期内节省 / 投入；净投资回报率 = (期内节省 − 投入) / 投入 = 投入产出比 − 1。两者都按精确值计算，不先对年均节省取整。无投入时两者不适用。右列给出本模型的数字。',
      },
      figure('npv'),
      figure('paybackYears'),
      {
        term: '回收期的计算过程',
        definition:
          '对每一年：年初值 = 上年末累计净收益 − 当年年初支付的投入；年末值 = 当年的累计净收益；年内累计净收益在两者之间直线变化。若年末仍低于零，最后低于零的时点为该年年末；若年初低于零、年末不低于零，则为 (年份 − 1) + (−年初值) / (年末值 − 年初值)。差额不超过舍入容差（各年“|节省| + 投入”最大值的 10⁻⁹）时按零计，恰好收支平衡的计划不会因浮点舍入显示为无法收回。从未低于零时回收期为 0；期末累计净收益低于零时显示“期内无法收回”。回收期（月）= 回收期（年）× 12。',
      },
      {
        term: '定义的名称',
        definition:
          '每个情景的情景级输入有定义的名称：Scenario1_VolumeGrowth（业务量年增长率）、Scenario1_DiscountRate（折现率）、Scenario1_Ramp（各年达成率），依情景顺序编号。',
      },
      {
        term: '导回本软件',
        definition:
          '本文件可用“costplan import”导回：底色输入单元格中的修改会被读入；隐藏的“_costplan”工作表保存导出时的模型，请勿修改。结构（层级、行的增删、期限、投入的金额方式）请在软件中修改。',
      },
    ];
  }
  return [
    {
      term: 'Inputs and formulas',
      definition:
        'Shaded cells are inputs (numbers or words): change them here. Every other number is a formula over the inputs and recalculates when you open or edit the file. The results saved in the file are the ones the planner computed.',
    },
    { term: 'Unit', definition: `All amounts are in ${unit}. Cells hold exact values; only the display is rounded. Percentages are shown as percentages.` },
    {
      term: 'Amount of a cost line',
      definition: 'Basis "share": amount = parent amount x share. Basis "amount": amount = the amount entered. % of total = amount / the root amount.',
    },
    {
      term: 'Own amount, not in sub-lines',
      definition:
        'The line amount minus the amounts of its direct sub-lines (a line without sub-lines keeps its whole amount); a remainder of at most 10^-12 of the amount (rounding of shares that add up to 100%) counts as 0, and so does a negative one. Savings are worked out on own amounts, so nothing is counted twice.',
    },
    { term: 'Unit cost change u', definition: 'The people cost per ticket changes by u: the cost is multiplied by (1 + u).' },
    {
      term: 'Per-capita volume change t',
      definition:
        'Tickets per agent change by t at the same wage: the cost is multiplied by 1 / (1 + t). A rise t in per-capita volume lowers the cost by t / (1 + t), less than t; a unit-cost cut u at the same wage needs a per-capita volume rise of u / (1 - u).',
    },
    {
      term: 'Volume change v',
      definition: 'The volume handled on the line changes by v (for example tickets moved to a self-service bot): the cost is multiplied by (1 + v).',
    },
    {
      term: 'Cost factor',
      definition:
        "The product of a line's own lever factors and its parent's cost factor: cost factor = parent cost factor x (1 + u) x 1/(1 + t) x (1 + v). A lever on a line acts on everything below it. An empty lever cell counts as 0 (factor 1).",
    },
    { term: 'Line saving', definition: 'Own amount x (1 - cost factor). Year-1 saving at full target = the sum of the line savings.' },
    figure('affectedShare'),
    { term: 'Saving in year y', definition: 'Year-1 saving at full target x (1 + volume growth)^(y - 1) x ramp of year y (100% unless set).' },
    figure('saving'),
    {
      term: 'Amount basis of an investment line',
      definition:
        "Per year: the same amount every year. Amounts by year: one amount per year (0 for a year left out). Share of saving: the share x that year's saving (0 when the saving is negative).",
    },
    {
      term: 'Timing',
      definition:
        'Upfront: paid at the start of each year the line applies to (purchases such as digital tools). Spread: paid evenly through the year (bonuses, pay, team budgets). Savings accrue evenly through each year.',
    },
    figure('investment'),
    figure('net'),
    figure('cumulativeNet'),
    figure('returnOnInvestment'),
    figure('netRoi'),
    {
      term: 'Return / investment and net ROI',
      definition:
        "Return / investment = horizon saving / investment. Net ROI = (horizon saving - investment) / investment = return / investment - 1. Both are exact: the average saving is not rounded before dividing. Without investment neither applies. The column on the right works them out with this model's numbers.",
    },
    figure('npv'),
    figure('paybackYears'),
    {
      term: 'Payback working',
      definition:
        'For each year: the start = the cumulative net at the end of the year before - the upfront investment of the year; the end = the cumulative net of the year; in between the cumulative net moves in a straight line. If it ends the year below zero, the last moment below zero is the end of that year; if it starts below zero and ends at or above zero, it is (year - 1) + (-start) / (end - start). A shortfall within the rounding tolerance (10^-9 of the largest |saving| + investment of a year) counts as zero, so a plan that exactly breaks even does not read "not within the horizon" because of float rounding. Payback is 0 when the cumulative net is never below zero, and "not within the horizon" when it ends the horizon below zero. Payback in months = payback in years x 12.',
    },
    {
      term: 'Defined names',
      definition:
        'The scenario-level inputs have defined names, numbered in sheet order: Scenario1_VolumeGrowth (volume growth a year), Scenario1_DiscountRate (discount rate) and Scenario1_Ramp (the ramp of each year).',
    },
    {
      term: 'Back into the planner',
      definition:
        'costplan import reads this file back: changes to the shaded inputs are taken over. The hidden sheet "_costplan" keeps the model as exported; do not edit it. Change the structure (levels, adding or removing lines, the horizon, the amount basis of an investment line) in the planner.',
    },
  ];
}
