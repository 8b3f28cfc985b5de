import type { Language } from '../../shared/model/units';

/**
 * The words of the client deck, in Chinese and English. Figure labels and definitions come
 * from shared/i18n/figures.ts (the same table the CLI, the workbook and the UI use); this is
 * only what the slides add around them. `u` is the display unit (万元, "10k yuan").
 */
export interface DeckText {
  preparedWith: string;
  dateLocale: string;
  unitNote: (u: string) => string;
  scenarioLine: (name: string, u: string) => string;
  page: (n: number, of: number) => string;
  continued: string;
  months: (m: string) => string;
  years: (y: string) => string;
  never: string;
  notApplicable: string;
  slides: {
    title: string;
    summary: string;
    structure: string;
    levers: string;
    bridge: string;
    cashflow: string;
    budget: string;
    compare: string;
    risk: string;
    assumptions: string;
    appendix: string;
  };
  summary: {
    meaning: {
      yearOneSaving: string;
      saving: (years: number) => string;
      investment: string;
      returnOnInvestment: (perYuan: string) => string;
      npv: (rate: string) => string;
      paybackYears: string;
      affectedShare: string;
    };
    isBaseline: (name: string) => string;
    versusBaseline: (name: string) => string;
    diff: { saving: string; npv: string; returnOnInvestment: string };
  };
  structure: {
    actedOn: string;
    notActedOn: string;
    otherLines: (count: number) => string;
    strong: string;
    weak: string;
    composition: string;
    relevance: string;
    acted: (lines: number, amount: string, share: string) => string;
  };
  levers: {
    line: string;
    driver: string;
    change: string;
    cost: string;
    meaning: string;
    saving: string;
    kinds: { unitCostChange: string; throughputChange: string; volumeChange: string };
    words: {
      unitCostChange: (change: string, verb: string, effect: string) => string;
      throughputChange: (change: string, verb: string, effect: string) => string;
      volumeChange: (change: string, verb: string, effect: string) => string;
      lowers: string;
      raises: string;
      keeps: string;
    };
    others: (count: number) => string;
    total: string;
    none: string;
  };
  bridge: {
    today: string;
    after: string;
    base: string;
    down: string;
    up: string;
    total: string;
    growth: string;
    axisNote: string;
    horizon: (levers: string, growth: string, total: string, u: string) => string;
  };
  cashflow: {
    saving: string;
    investment: string;
    cumulativeNet: string;
    year: (n: number, calendar: number) => string;
    payback: (value: string) => string;
    noPayback: string;
    paybackMark: string;
  };
  budget: {
    line: string;
    category: string;
    timing: string;
    total: string;
    saving: string;
    spent: string;
    funded: string;
    fundedYes: (year: number) => string;
    fundedNo: (short: string) => string;
    shareOfSaving: (share: string) => string;
    none: string;
    later: (from: number) => string;
  };
  compare: {
    scenario: string;
    baselineTag: string;
    deltaSaving: string;
    deltaNpv: string;
    chartTitle: string;
  };
  risk: {
    tornado: (output: string) => string;
    low: string;
    high: string;
    monteCarlo: string;
    seedTrials: (seed: number, trials: string) => string;
    noRanges: string;
    probabilityRoi: string;
    probabilityPayback: string;
    noInputs: string;
  };
  assumptions: {
    horizon: string;
    firstYear: string;
    growth: string;
    discount: string;
    ramp: string;
    timing: string;
    timingText: string;
    definitions: string;
    rampDefault: string;
  };
  appendix: {
    year: string;
    calendarYear: string;
    saving: string;
    investment: string;
    net: string;
    cumulativeNet: string;
    discounted: string;
  };
  notes: {
    unit: (u: string) => string;
    continued: (title: string) => string;
  };
  /** What the slides add for a scenario with revenue levers (margin gain) or one-off cash items; absent otherwise. */
  revenue: {
    meaning: {
      yearOneBenefit: (saving: string, gain: string) => string;
      benefit: (years: number, saving: string, gain: string) => string;
      returnOnInvestment: (perYuan: string) => string;
      oneOff: (items: number) => string;
    };
    diffBenefit: string;
    yearOneBenefit: string;
    bridge: {
      up: string;
      down: string;
      total: string;
      end: string;
      axisNote: string;
      horizon: (saving: string, gain: string, benefit: string, u: string) => string;
    };
    levers: {
      line: string;
      saving: string;
      revenue: string;
      volume: (caption: string, change: string, margin: string, amount: string, u: string) => string;
      price: (caption: string, change: string, amount: string, u: string) => string;
      inherited: (volume: string, price: string) => string;
      savingTotal: string;
      gainTotal: string;
      benefitTotal: string;
    };
    budget: {
      benefit: string;
      spent: string;
      funded: string;
      shareOfBenefit: (share: string) => string;
    };
  };
}

export const DECK_TEXT: Record<Language, DeckText> = {
  en: {
    preparedWith: 'Prepared with Service Cost Planner',
    dateLocale: 'en-US',
    unitNote: (u) => `Amounts in ${u}`,
    scenarioLine: (name, u) => `Scenario: ${name} · amounts in ${u}`,
    page: (n, of) => `${n} / ${of}`,
    continued: '(continued)',
    months: (m) => `${m} months`,
    years: (y) => `${y} years`,
    never: 'not within the horizon',
    notApplicable: 'n/a (no investment)',
    slides: {
      title: 'Title',
      summary: 'Executive summary',
      structure: 'Where the cost sits',
      levers: 'From targets to metrics',
      bridge: 'The savings bridge',
      cashflow: 'Savings vs investment by year',
      budget: 'The incentive budget',
      compare: 'Scenarios compared',
      risk: 'Risk',
      assumptions: 'Assumptions and definitions',
      appendix: 'Appendix: the yearly figures',
    },
    summary: {
      meaning: {
        yearOneSaving: "Saved in the first plan year: the levers applied to this year's cost base.",
        saving: (years) => `Saved over ${years} years as volume grows and the targets ramp up.`,
        investment: 'Spent on incentives and tools over the horizon, funded from the savings.',
        returnOnInvestment: (perYuan) => `Every yuan invested returns ${perYuan} of saving (horizon saving / investment).`,
        npv: (rate) => `Value today of the yearly net, discounted at ${rate}.`,
        paybackYears: 'The cumulative net stays at or above zero from this point on.',
        affectedShare: 'Share of the whole service cost saved in year 1 at full target.',
      },
      isBaseline: (name) => `This scenario is the baseline (${name}).`,
      versusBaseline: (name) => `Against the baseline "${name}":`,
      diff: { saving: 'horizon saving', npv: 'NPV', returnOnInvestment: 'return / investment' },
    },
    structure: {
      actedOn: 'Acted on by the scenario',
      notActedOn: 'Not acted on',
      otherLines: (count) => `Other lines (${count.toLocaleString('en-US')})`,
      strong: 'Strongly related',
      weak: 'Weakly related',
      composition: 'Cost by line',
      relevance: 'Strongly vs weakly related',
      acted: (lines, amount, share) =>
        `The scenario acts on ${lines.toLocaleString('en-US')} line${lines === 1 ? '' : 's'} worth ${amount} (${share} of the total).`,
    },
    levers: {
      line: 'Line',
      driver: 'Driver',
      change: 'Target',
      cost: 'Cost today → with target',
      meaning: 'What it means',
      saving: 'Year-1 saving',
      kinds: { unitCostChange: 'Unit cost', throughputChange: 'Per-capita volume', volumeChange: 'Volume' },
      words: {
        unitCostChange: (change, verb, effect) => `${change} unit cost ${verb} this cost by ${effect}`,
        throughputChange: (change, verb, effect) => `${change} per-capita volume at the same wage ${verb} unit cost by ${effect}`,
        volumeChange: (change, verb, effect) => `${change} volume ${verb} this cost by ${effect}`,
        lowers: 'lowers',
        raises: 'raises',
        keeps: 'leaves',
      },
      others: (count) => `Other levers (${count.toLocaleString('en-US')})`,
      total: 'Total',
      none: 'This scenario sets no levers yet.',
    },
    bridge: {
      today: "Today's cost",
      after: 'Cost after the targets',
      base: 'Base (hidden)',
      down: 'Saving',
      up: 'Cost increase',
      total: 'Cost',
      growth: 'Volume growth',
      axisNote: 'Year 1 at full target; the value axis does not start at zero.',
      horizon: (levers, growth, total, u) =>
        `Over the horizon: the levers at today's volume ${levers} + volume growth ${growth} = horizon saving ${total} ${u}.`,
    },
    cashflow: {
      saving: 'Saving',
      investment: 'Investment',
      cumulativeNet: 'Cumulative net',
      year: (n, calendar) => `Year ${n} (${calendar})`,
      payback: (value) => `Payback: ${value}`,
      noPayback: 'Payback: not within the horizon',
      paybackMark: 'payback',
    },
    budget: {
      line: 'Line',
      category: 'Category',
      timing: 'Timing',
      total: 'Investment',
      saving: 'Saving of the year',
      spent: 'Share of the saving',
      funded: 'Funded from the saving of the year?',
      fundedYes: (year) => `✓ year ${year}`,
      fundedNo: (short) => `short by ${short}`,
      shareOfSaving: (share) => `${share} of saving`,
      none: 'This scenario has no investment lines.',
      later: (from: number) => `Years ${from}+`,
    },
    compare: {
      scenario: 'Scenario',
      baselineTag: 'baseline',
      deltaSaving: 'Δ saving vs baseline',
      deltaNpv: 'Δ NPV vs baseline',
      chartTitle: 'Horizon saving, investment and NPV',
    },
    risk: {
      tornado: (output) => `Tornado of ${output}: each input alone to its low and high`,
      low: 'Input at low',
      high: 'Input at high',
      monteCarlo: 'Monte Carlo over the uncertainty ranges',
      seedTrials: (seed, trials) => `Seed ${seed}, ${trials} trials`,
      noRanges:
        'No uncertainty ranges are set for this scenario, so there is no Monte Carlo simulation. Set ranges on the Levers screen to see P10 / P50 / P90.',
      probabilityRoi: 'Chance that return / investment > 1',
      probabilityPayback: 'Chance of payback within the horizon',
      noInputs: 'No inputs to vary.',
    },
    assumptions: {
      horizon: 'Horizon',
      firstYear: 'First plan year',
      growth: 'Volume growth a year',
      discount: 'Discount rate',
      ramp: 'Ramp (share of the target reached)',
      timing: 'Timing conventions',
      timingText:
        'Savings accrue evenly through each year. Upfront investment lines are paid at the start of each year they apply to; spread lines evenly through the year. Payback is the earliest moment from which the cumulative net stays at or above zero. NPV discounts each year’s net as one year-end flow.',
      definitions: 'Definitions',
      rampDefault: '100% every year',
    },
    appendix: {
      year: 'Year',
      calendarYear: 'Calendar year',
      saving: 'Saving',
      investment: 'Investment',
      net: 'Net',
      cumulativeNet: 'Cumulative net',
      discounted: 'Discounted net',
    },
    notes: {
      unit: (u) => `All amounts in ${u}; percentages exact to one decimal.`,
      continued: (title) => `Continues "${title}": the arithmetic is in the notes of the slide before.`,
    },
    revenue: {
      meaning: {
        yearOneBenefit: (saving, gain) => `Gained in the first plan year: saving ${saving} + margin gain ${gain}.`,
        benefit: (years, saving, gain) => `Saving ${saving} + margin gain ${gain} over ${years} years, as volume grows and the targets ramp up.`,
        returnOnInvestment: (perYuan) => `Every yuan invested returns ${perYuan} of benefit (horizon benefit / investment; one-off cash not counted).`,
        oneOff: (items) =>
          `${items.toLocaleString('en-US')} one-off item${items === 1 ? '' : 's'} (stock released, assets sold, one-off costs): in the net, NPV and payback, not in return / investment.`,
      },
      diffBenefit: 'horizon benefit',
      yearOneBenefit: 'Year-1 benefit',
      bridge: {
        up: 'Saving or margin gain',
        down: 'Cost increase or margin loss',
        total: 'Benefit',
        end: 'Year-1 benefit (saving + margin gain)',
        axisNote: 'Year 1 at full target: the cost levers, then the margin gain of each revenue line.',
        horizon: (saving, gain, benefit, u) => `Over the horizon: saving ${saving} + margin gain ${gain} = benefit ${benefit} ${u}.`,
      },
      levers: {
        line: 'Revenue line',
        saving: 'Year-1 saving or margin gain',
        revenue: 'Revenue today → with target',
        volume: (caption, change, margin, amount, u) => `${caption} ${change} at a ${margin} margin adds ${amount} ${u} a year`,
        price: (caption, change, amount, u) => `${caption} ${change} on the new volume adds ${amount} ${u} a year`,
        inherited: (volume, price) => `levers above: volume ${volume}, price ${price}`,
        savingTotal: 'Saving (cost levers)',
        gainTotal: 'Margin gain (revenue levers)',
        benefitTotal: 'Benefit (saving + margin gain)',
      },
      budget: {
        benefit: 'Benefit of the year (saving + margin gain)',
        spent: 'Share of the benefit',
        funded: 'Funded from the benefit of the year?',
        shareOfBenefit: (share) => `${share} of benefit`,
      },
    },
  },
  zh: {
    preparedWith: '由 Service Cost Planner 编制',
    dateLocale: 'zh-CN',
    unitNote: (u) => `金额单位：${u}`,
    scenarioLine: (name, u) => `情景：${name} · 金额单位：${u}`,
    page: (n, of) => `${n} / ${of}`,
    continued: '（续）',
    months: (m) => `${m} 个月`,
    years: (y) => `${y} 年`,
    never: '期内无法收回',
    notApplicable: '不适用（无投入）',
    slides: {
      title: '封面',
      summary: '摘要',
      structure: '成本在哪里',
      levers: '从目标到指标',
      bridge: '节省分解（瀑布图）',
      cashflow: '各年节省与投入',
      budget: '激励预算',
      compare: '情景对比',
      risk: '风险',
      assumptions: '假设与定义',
      appendix: '附录：各年数据',
    },
    summary: {
      meaning: {
        yearOneSaving: '计划第 1 年的节省：杠杆作用于当年的成本基数。',
        saving: (years) => `${years} 年合计节省，随业务量增长和目标达成而增加。`,
        investment: '期内用于激励和工具的投入，由节省支付。',
        returnOnInvestment: (perYuan) => `每投入 1 元带来 ${perYuan} 元节省（期内节省 / 投入）。`,
        npv: (rate) => `各年净收益按 ${rate} 折现到今天的价值。`,
        paybackYears: '从这一时点起累计净收益始终不低于零。',
        affectedShare: '第 1 年满目标时节省占服务总成本的比例。',
      },
      isBaseline: (name) => `本情景即基准情景（${name}）。`,
      versusBaseline: (name) => `与基准情景“${name}”相比：`,
      diff: { saving: '期内节省', npv: '净现值', returnOnInvestment: '投入产出比' },
    },
    structure: {
      actedOn: '本情景作用的成本项',
      notActedOn: '未涉及',
      otherLines: (count) => `其他成本项（${count} 项）`,
      strong: '强相关',
      weak: '弱相关',
      composition: '各成本项金额',
      relevance: '强相关与弱相关',
      acted: (lines, amount, share) => `本情景作用于 ${lines} 个成本项，金额 ${amount}（占总成本 ${share}）。`,
    },
    levers: {
      line: '成本项',
      driver: '驱动指标',
      change: '目标',
      cost: '当前成本 → 达成目标后',
      meaning: '含义',
      saving: '第 1 年节省',
      kinds: { unitCostChange: '人均单价', throughputChange: '人均业务量', volumeChange: '业务量' },
      words: {
        unitCostChange: (change, verb, effect) => `人均单价 ${change}：该项成本${verb} ${effect}`,
        throughputChange: (change, verb, effect) => `人均业务量 ${change}（人均成本不变）：人均单价${verb} ${effect}`,
        volumeChange: (change, verb, effect) => `业务量 ${change}：该项成本${verb} ${effect}`,
        lowers: '下降',
        raises: '上升',
        keeps: '不变',
      },
      others: (count) => `其他杠杆（${count} 项）`,
      total: '合计',
      none: '本情景尚未设置杠杆。',
    },
    bridge: {
      today: '当前成本',
      after: '达成目标后的成本',
      base: '基数（隐藏）',
      down: '节省',
      up: '成本增加',
      total: '成本',
      growth: '业务量增长',
      axisNote: '第 1 年、满目标；数值轴不从零开始。',
      horizon: (levers, growth, total, u) => `期内：各杠杆按当前业务量 ${levers} + 业务量增长 ${growth} = 期内节省 ${total} ${u}。`,
    },
    cashflow: {
      saving: '节省',
      investment: '投入',
      cumulativeNet: '累计净收益',
      year: (n, calendar) => `第 ${n} 年（${calendar}）`,
      payback: (value) => `回收期：${value}`,
      noPayback: '回收期：期内无法收回',
      paybackMark: '收回',
    },
    budget: {
      line: '项目',
      category: '类别',
      timing: '支付时点',
      total: '投入',
      saving: '当年节省',
      spent: '占当年节省',
      funded: '能否由当年节省支付',
      fundedYes: (year) => `✓ 第 ${year} 年`,
      fundedNo: (short) => `缺口 ${short}`,
      shareOfSaving: (share) => `节省的 ${share}`,
      none: '本情景没有投入项目。',
      later: (from: number) => `第 ${from} 年起`,
    },
    compare: {
      scenario: '情景',
      baselineTag: '基准',
      deltaSaving: '节省与基准之差',
      deltaNpv: '净现值与基准之差',
      chartTitle: '期内节省、投入与净现值',
    },
    risk: {
      tornado: (output) => `${output}的龙卷风图：每次只把一个输入移到低值和高值`,
      low: '输入取低值',
      high: '输入取高值',
      monteCarlo: '不确定区间的蒙特卡洛模拟',
      seedTrials: (seed, trials) => `随机种子 ${seed}，模拟 ${trials} 次`,
      noRanges: '本情景没有设置不确定区间，因此没有蒙特卡洛模拟。在“杠杆与目标”页设置区间后可看到 P10 / P50 / P90。',
      probabilityRoi: '投入产出比 > 1 的概率',
      probabilityPayback: '期内收回投资的概率',
      noInputs: '没有可变动的输入。',
    },
    assumptions: {
      horizon: '期限',
      firstYear: '计划首年',
      growth: '业务量年增长率',
      discount: '折现率',
      ramp: '达成率（当年达到目标的比例）',
      timing: '时点约定',
      timingText:
        '节省在一年中均匀发生。年初支付的投入在其适用的每年年初付清；年内均摊的投入在一年中均匀支付。回收期是累计净收益自此始终不低于零的最早时点。净现值把各年净收益作为年末现金流折现。',
      definitions: '定义',
      rampDefault: '每年 100%',
    },
    appendix: {
      year: '年',
      calendarYear: '年份',
      saving: '节省',
      investment: '投入',
      net: '净收益',
      cumulativeNet: '累计净收益',
      discounted: '折现净收益',
    },
    notes: {
      unit: (u) => `所有金额单位为${u}；百分比保留一位小数。`,
      continued: (title) => `接上页“${title}”：计算过程见上一页的备注。`,
    },
    revenue: {
      meaning: {
        yearOneBenefit: (saving, gain) => `计划第 1 年的收益：节省 ${saving} + 边际贡献增加 ${gain}。`,
        benefit: (years, saving, gain) => `${years} 年合计：节省 ${saving} + 边际贡献增加 ${gain}，随业务量增长和目标达成而增加。`,
        returnOnInvestment: (perYuan) => `每投入 1 元带来 ${perYuan} 元收益（期内收益 / 投入；不含一次性现金）。`,
        oneOff: (items) => `${items} 项一次性现金（库存释放、资产出售、一次性支出）：计入净收益、净现值与回收期，不计入投入产出比。`,
      },
      diffBenefit: '期内收益',
      yearOneBenefit: '第 1 年收益',
      bridge: {
        up: '节省或边际贡献增加',
        down: '成本增加或边际贡献减少',
        total: '收益',
        end: '第 1 年收益（节省 + 边际贡献增加）',
        axisNote: '第 1 年、满目标：先是各成本杠杆，再是各收入线的边际贡献增加。',
        horizon: (saving, gain, benefit, u) => `期内：节省 ${saving} + 边际贡献增加 ${gain} = 收益 ${benefit} ${u}。`,
      },
      levers: {
        line: '收入线',
        saving: '第 1 年节省或边际贡献增加',
        revenue: '当前收入 → 达成目标后',
        volume: (caption, change, margin, amount, u) => `${caption} ${change}，边际贡献率 ${margin}：每年增加 ${amount} ${u}`,
        price: (caption, change, amount, u) => `${caption} ${change}（按新业务量）：每年增加 ${amount} ${u}`,
        inherited: (volume, price) => `上级杠杆：业务量 ${volume}，价格 ${price}`,
        savingTotal: '节省（成本杠杆）',
        gainTotal: '边际贡献增加（收入杠杆）',
        benefitTotal: '收益（节省 + 边际贡献增加）',
      },
      budget: {
        benefit: '当年收益（节省 + 边际贡献增加）',
        spent: '占当年收益',
        funded: '能否由当年收益支付',
        shareOfBenefit: (share) => `收益的 ${share}`,
      },
    },
  },
};
