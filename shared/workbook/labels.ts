import type { InvestmentAmount, InvestmentCategory, InvestmentTiming, Relevance } from '../model/schema';
import type { Language } from '../model/units';

/**
 * The words of the exported workbook and of the import layout, in Chinese and English. Pure
 * text: the sheets are built in main/excel/, the import layout in ./structure-layout.ts.
 * `{unit}` in a label is replaced by the display unit (万元, "10k yuan", ...).
 */
export interface WorkbookText {
  sheets: { summary: string; structure: string; definitions: string; analysis: string; scenarioFallback: (index: number) => string };
  legend: { input: string; formula: string; unit: (unit: string) => string };
  summary: {
    title: (model: string) => string;
    figure: string;
    seeDefinitions: string;
    rows: {
      horizon: string;
      volumeGrowth: string;
      discountRate: string;
      baseSaving: string;
      affectedShare: string;
      saving: string;
      investment: string;
      net: string;
      returnOnInvestment: string;
      netRoi: string;
      npv: string;
      paybackYears: string;
      paybackMonths: string;
    };
  };
  structure: {
    title: (model: string) => string;
    level: string;
    name: string;
    basis: string;
    value: string;
    relevance: string;
    amount: string;
    ownAmount: string;
    shareOfTotal: string;
    notes: string;
    id: string;
    parent: string;
  };
  scenario: {
    year: string;
    totalOrValue: string;
    planYear: string;
    volumeGrowth: string;
    discountRate: string;
    ramp: string;
    saving: string;
    investmentLines: string;
    timing: string;
    amountKind: string;
    parameter: string;
    category: string;
    upfront: string;
    spread: string;
    investment: string;
    net: string;
    cumulativeNet: string;
    paybackWorking: string;
    moved: string;
    tolerance: string;
    startOfYear: string;
    lastBelowZero: string;
    results: string;
    lines: string;
    unitCostChange: string;
    throughputChange: string;
    volumeChange: string;
    costFactor: string;
    lineSaving: string;
  };
  figures: {
    never: string;
    notApplicable: string;
  };
  words: {
    basis: { share: string; amount: string };
    relevance: Record<Relevance, string>;
    timing: Record<InvestmentTiming, string>;
    amountKind: Record<InvestmentAmount['kind'], string>;
    category: Record<InvestmentCategory, string>;
  };
  definitions: { title: string; term: string; definition: string };
  /** The analysis sheet: values the engine computed, not formulas. */
  analysis: {
    title: (model: string) => string;
    note: string;
    scenario: (name: string) => string;
    tornado: (output: string, swing: number) => string;
    base: (output: string) => string;
    input: string;
    source: string;
    sources: { range: string; swing: string };
    low: string;
    high: string;
    atLow: (output: string) => string;
    atHigh: (output: string) => string;
    swing: (output: string) => string;
    bridge: string;
    step: string;
    change: string;
    yearOneSaving: string;
    horizonSaving: string;
    growthStep: string;
    otherLevers: (count: number) => string;
    largest: (shown: number, of: number) => string;
    total: string;
    monteCarlo: string;
    seed: string;
    trials: string;
    trialsLowered: (full: number) => string;
    mostLikely: string;
    distribution: string;
    figure: string;
    mean: string;
    probabilityRoi: string;
    probabilityPayback: string;
    noRanges: string;
    outputs: { npv: string; saving: string };
    /** An output's column header, with the unit. */
    amount: (output: string) => string;
  };
  csv: { scenario: string; planYear: string; calendarYear: string };
  template: { title: string; hint: string; about: string; sheet: string; column: string; required: string; meaning: string };
}

export const WORKBOOK_TEXT: Record<Language, WorkbookText> = {
  en: {
    sheets: {
      summary: 'Summary',
      structure: 'Cost structure',
      definitions: 'Definitions',
      analysis: 'Analyses',
      scenarioFallback: (index) => `Scenario ${index}`,
    },
    legend: {
      input: 'Input (shaded): change these',
      formula: 'Formula: worked out from the inputs',
      unit: (unit) => `Amounts in ${unit}`,
    },
    summary: {
      title: (model) => `${model}: scenarios side by side`,
      figure: 'Figure',
      seeDefinitions: 'Every figure is defined on the Definitions sheet.',
      rows: {
        horizon: 'Horizon (years)',
        volumeGrowth: 'Volume growth a year',
        discountRate: 'Discount rate',
        baseSaving: 'Year-1 saving at full target ({unit})',
        affectedShare: 'Share of total cost saved',
        saving: 'Horizon saving ({unit})',
        investment: 'Investment ({unit})',
        net: 'Net ({unit})',
        returnOnInvestment: 'Return / investment',
        netRoi: 'Net ROI',
        npv: 'NPV ({unit})',
        paybackYears: 'Payback (years)',
        paybackMonths: 'Payback (months)',
      },
    },
    structure: {
      title: (model) => `${model}: cost structure`,
      level: 'Level',
      name: 'Name',
      basis: 'Basis',
      value: 'Value (share, or amount in {unit})',
      relevance: 'Relevance',
      amount: 'Amount ({unit})',
      ownAmount: 'Own amount, not in sub-lines ({unit})',
      shareOfTotal: '% of total',
      notes: 'Notes',
      id: 'ID',
      parent: 'Parent',
    },
    scenario: {
      year: 'Year',
      totalOrValue: 'Total or value',
      planYear: 'Plan year',
      volumeGrowth: 'Volume growth a year',
      discountRate: 'Discount rate',
      ramp: 'Ramp: share of the target reached',
      saving: 'Saving ({unit})',
      investmentLines: 'Investment and incentive lines ({unit})',
      timing: 'Timing',
      amountKind: 'Amount basis',
      parameter: 'Amount a year ({unit}) or share of saving',
      category: 'Category',
      upfront: 'Investment paid upfront, start of year ({unit})',
      spread: 'Investment spread through the year ({unit})',
      investment: 'Investment ({unit})',
      net: 'Net: saving - investment ({unit})',
      cumulativeNet: 'Cumulative net, end of year ({unit})',
      paybackWorking: 'Payback working (timing convention on the Definitions sheet)',
      moved: 'Money moved in the year: |saving| + investment ({unit})',
      tolerance: 'Rounding tolerance: 10^-9 x the most moved in a year ({unit})',
      startOfYear: 'Cumulative net after the upfront payments, start of year ({unit})',
      lastBelowZero: 'Last moment below zero so far (years from the start)',
      results: 'Results',
      lines: 'Cost line',
      unitCostChange: 'Unit cost change',
      throughputChange: 'Per-capita volume change',
      volumeChange: 'Volume change',
      costFactor: 'Cost factor',
      lineSaving: 'Line saving, year 1 ({unit})',
    },
    figures: { never: 'not within the horizon', notApplicable: 'n/a (no investment)' },
    words: {
      basis: { share: 'share', amount: 'amount' },
      relevance: { strong: 'strong', weak: 'weak' },
      timing: { upfront: 'upfront', spread: 'spread' },
      amountKind: { perYear: 'per year', yearly: 'amounts by year', shareOfSaving: 'share of saving' },
      category: { bonus: 'Bonus', digitalTools: 'Digital tools', teamAndPay: 'Team and pay', training: 'Training', other: 'Other' },
    },
    definitions: { title: 'Definitions: how every figure is worked out', term: 'Term', definition: 'Definition' },
    analysis: {
      title: (model) => `${model}: what-if analyses`,
      note: 'Values computed by Service Cost Planner; they do not recalculate (no formulas on this sheet).',
      scenario: (name) => `Scenario: ${name}`,
      tornado: (output, swing) => `Tornado of ${output}: each input moved alone to its low and high (its uncertainty range, else -/+${swing}% of its value)`,
      base: (output) => `${output} as the scenario has it ({unit})`,
      input: 'Input',
      source: 'Low and high from',
      sources: { range: 'uncertainty range', swing: '-/+ swing' },
      low: 'Low (% or {unit})',
      high: 'High (% or {unit})',
      atLow: (output) => `${output} at low ({unit})`,
      atHigh: (output) => `${output} at high ({unit})`,
      swing: (output) => `Swing of ${output} ({unit})`,
      bridge: "Bridge of the horizon saving: each lever (at today's volume) and volume growth",
      step: 'Step',
      change: 'Change',
      yearOneSaving: 'Year-1 saving ({unit})',
      horizonSaving: 'Horizon saving ({unit})',
      growthStep: 'Volume growth',
      otherLevers: (count) => `Other levers (${count.toLocaleString('en-US')})`,
      largest: (shown, of) => `The ${shown} largest swings of ${of.toLocaleString('en-US')} inputs`,
      total: 'Total: horizon saving',
      monteCarlo: 'Monte Carlo simulation of the uncertainty ranges',
      seed: 'Seed',
      trials: 'Trials',
      trialsLowered: (full) => `fewer than ${full.toLocaleString('en-US')} trials: a large model, to keep the export fast`,
      mostLikely: 'Most likely (% or {unit})',
      distribution: 'Distribution',
      figure: 'Figure',
      mean: 'Mean',
      probabilityRoi: 'Chance that return / investment > 1',
      probabilityPayback: 'Chance of payback within the horizon',
      noRanges: 'No uncertainty ranges: no Monte Carlo simulation.',
      outputs: { npv: 'NPV', saving: 'Horizon saving' },
      amount: (output) => `${output} ({unit})`,
    },
    csv: { scenario: 'Scenario', planYear: 'Plan year', calendarYear: 'Year' },
    template: {
      title: 'Cost structure import template',
      hint: 'One row per cost line, in outline order. The About sheet explains every column. Import with: costplan import FILE --out MODEL.costplan',
      about: 'About',
      sheet: 'How to fill in the Cost structure sheet',
      column: 'Column',
      required: 'Required',
      meaning: 'Meaning',
    },
  },
  zh: {
    sheets: { summary: '汇总', structure: '成本结构', definitions: '定义', analysis: '分析', scenarioFallback: (index) => `情景 ${index}` },
    legend: {
      input: '输入（底色）：可修改',
      formula: '公式：由输入计算',
      unit: (unit) => `金额单位：${unit}`,
    },
    summary: {
      title: (model) => `${model}：情景对比`,
      figure: '指标',
      seeDefinitions: '各指标的定义见“定义”工作表。',
      rows: {
        horizon: '期限（年）',
        volumeGrowth: '业务量年增长率',
        discountRate: '折现率',
        baseSaving: '第 1 年满目标节省（{unit}）',
        affectedShare: '占服务总成本的节省比例',
        saving: '期内节省（{unit}）',
        investment: '投入（{unit}）',
        net: '净收益（{unit}）',
        returnOnInvestment: '投入产出比',
        netRoi: '净投资回报率',
        npv: '净现值（{unit}）',
        paybackYears: '回收期（年）',
        paybackMonths: '回收期（月）',
      },
    },
    structure: {
      title: (model) => `${model}：成本结构`,
      level: '层级',
      name: '名称',
      basis: '依据',
      value: '数值（占比，或金额 {unit}）',
      relevance: '相关性',
      amount: '金额（{unit}）',
      ownAmount: '本级金额，不含下级（{unit}）',
      shareOfTotal: '占总成本',
      notes: '备注',
      id: 'ID',
      parent: '上级',
    },
    scenario: {
      year: '年份',
      totalOrValue: '合计或取值',
      planYear: '计划第几年',
      volumeGrowth: '业务量年增长率',
      discountRate: '折现率',
      ramp: '达成率：当年达到目标的比例',
      saving: '节省（{unit}）',
      investmentLines: '激励与投入（{unit}）',
      timing: '支付时点',
      amountKind: '金额方式',
      parameter: '每年金额（{unit}）或节省的比例',
      category: '类别',
      upfront: '年初一次性投入（{unit}）',
      spread: '年内均摊投入（{unit}）',
      investment: '投入（{unit}）',
      net: '净收益：节省 − 投入（{unit}）',
      cumulativeNet: '累计净收益，年末（{unit}）',
      paybackWorking: '回收期计算过程（时点约定见“定义”工作表）',
      moved: '当年资金量：|节省| + 投入（{unit}）',
      tolerance: '舍入容差：10^-9 × 各年最大资金量（{unit}）',
      startOfYear: '年初支付一次性投入后的累计净收益（{unit}）',
      lastBelowZero: '截至当年最后一次低于零的时点（自期初起的年数）',
      results: '结果',
      lines: '成本项',
      unitCostChange: '人均单价变化',
      throughputChange: '人均业务量变化',
      volumeChange: '业务量变化',
      costFactor: '成本系数',
      lineSaving: '本项节省，第 1 年（{unit}）',
    },
    figures: { never: '期内无法收回', notApplicable: '不适用（无投入）' },
    words: {
      basis: { share: '占比', amount: '金额' },
      relevance: { strong: '强相关', weak: '弱相关' },
      timing: { upfront: '年初支付', spread: '年内均摊' },
      amountKind: { perYear: '每年固定', yearly: '逐年金额', shareOfSaving: '节省的比例' },
      category: { bonus: '奖金', digitalTools: '数字化工具', teamAndPay: '团队与薪酬', training: '培训', other: '其他' },
    },
    definitions: { title: '定义：各指标的计算方法', term: '术语', definition: '定义' },
    analysis: {
      title: (model) => `${model}：假设分析`,
      note: '数值由 Service Cost Planner 计算；不会重新计算（本表没有公式）。',
      scenario: (name) => `情景：${name}`,
      tornado: (output, swing) => `${output}的龙卷风图：每次只移动一个输入到低值和高值（有不确定区间时取区间，否则取其值的 -/+${swing}%）`,
      base: (output) => `情景当前的${output}（{unit}）`,
      input: '输入',
      source: '低值和高值来自',
      sources: { range: '不确定区间', swing: '-/+ 变动幅度' },
      low: '低值（% 或 {unit}）',
      high: '高值（% 或 {unit}）',
      atLow: (output) => `低值时的${output}（{unit}）`,
      atHigh: (output) => `高值时的${output}（{unit}）`,
      swing: (output) => `${output}的变动幅度（{unit}）`,
      bridge: '期内节省的分解：各杠杆（按当前业务量）与业务量增长',
      step: '步骤',
      change: '变化',
      yearOneSaving: '第 1 年节省（{unit}）',
      horizonSaving: '期内节省（{unit}）',
      growthStep: '业务量增长',
      otherLevers: (count) => `其他杠杆（${count} 项）`,
      largest: (shown, of) => `${of} 个输入中变动幅度最大的 ${shown} 个`,
      total: '合计：期内节省',
      monteCarlo: '不确定区间的蒙特卡洛模拟',
      seed: '随机种子',
      trials: '模拟次数',
      trialsLowered: (full) => `少于 ${full} 次：模型较大，为保持导出速度`,
      mostLikely: '最可能值（% 或 {unit}）',
      distribution: '分布',
      figure: '指标',
      mean: '平均值',
      probabilityRoi: '投入产出比 > 1 的概率',
      probabilityPayback: '期内收回投资的概率',
      noRanges: '没有不确定区间：不做蒙特卡洛模拟。',
      outputs: { npv: '净现值', saving: '期内节省' },
      amount: (output) => `${output}（{unit}）`,
    },
    csv: { scenario: '情景', planYear: '计划第几年', calendarYear: '年份' },
    template: {
      title: '成本结构导入模板',
      hint: '每个成本项一行，按大纲顺序排列。各列含义见“说明”工作表。导入：costplan import 文件 --out 模型.costplan',
      about: '说明',
      sheet: '如何填写“成本结构”工作表',
      column: '列',
      required: '是否必填',
      meaning: '含义',
    },
  },
};

/** Replaces `{unit}` in a label. */
export function withUnit(label: string, unit: string): string {
  return label.replaceAll('{unit}', unit);
}
