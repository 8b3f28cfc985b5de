import type { Language } from '../model/units';

/**
 * The words of the client-facing parts of the exported workbook (cover, checks, assumptions,
 * charts, live sensitivity, input messages, print header and footer), in Chinese and English.
 * `{unit}` is replaced by the display unit.
 */
export interface ClientText {
  sheets: { cover: string; checks: string; assumptions: string; charts: string };
  /** The workbook font: a CJK font for Chinese (DengXian, shipped with Office), Calibri for English. */
  font: string;
  cover: {
    title: string;
    model: string;
    client: string;
    clientHint: string;
    date: string;
    version: string;
    scenarios: string;
    unit: string;
    checks: string;
    contents: string;
    sheetsList: (names: {
      summary: string;
      checks: string;
      assumptions: string;
      structure: string;
      charts: string;
      analyses: string;
      definitions: string;
    }) => string[];
    disclaimer: string;
  };
  flag: { label: string; pass: string; fail: string };
  checks: {
    title: string;
    check: string;
    where: string;
    failures: string;
    status: string;
    ok: string;
    bad: string;
    total: string;
    basisWords: string;
    relevanceWords: string;
    rootAmount: string;
    valueNumbers: string;
    shareRange: string;
    amountNotNegative: string;
    siblings: string;
    names: string;
    timingWords: (upfront: string, spread: string) => string;
    categoryWords: string;
    horizon: string;
    growthRange: string;
    discountRange: string;
    rampRange: string;
    investmentAmounts: string;
    leverRanges: string;
    sensitivityBase: string;
  };
  assumptions: {
    title: string;
    note: string;
    area: string;
    input: string;
    value: string;
    unit: string;
    source: string;
    scenarioInputs: string;
    investments: string;
    levers: string;
    structure: string;
    more: (shown: number, total: number, sheet: string) => string;
    percent: string;
  };
  summary: {
    flagRow: string;
    baseline: (name: string) => string;
    difference: (name: string) => string;
    perYear: string;
    perYearFigure: string;
  };
  structure: { subLines: string };
  charts: {
    title: string;
    note: string;
    composition: string;
    compositionTitle: string;
    other: string;
    scenario: (name: string) => string;
    years: string;
    saving: string;
    investment: string;
    cumulativeNet: string;
    bridge: string;
    bridgeNote: string;
    step: string;
    change: string;
    base: string;
    up: string;
    down: string;
    total: string;
    yearOneTimesHorizon: string;
    growthAndRamp: string;
    otherLines: (count: number) => string;
    rootOwn: (name: string) => string;
    tornado: string;
    tornadoNote: string;
    swing: string;
    driver: string;
    low: string;
    high: string;
    npvLow: string;
    npvHigh: string;
    lowBar: string;
    highBar: string;
    baseNpv: string;
    drivers: { saving: string; growth: string; discount: string; fixedInvestment: string; shareRate: string };
    twoWay: string;
    twoWayNote: string;
    savingFactor: string;
    investmentFactor: string;
    helper: { fixed: string; rate: string; x: string; y: string; z: string };
  };
  analyses: {
    stamp: (date: string, seed: number) => string;
    changed: string;
    unchanged: string;
    liveElsewhere: (sheet: string) => string;
  };
  input: {
    title: string;
    basis: (share: string, amount: string) => string;
    value: string;
    relevance: (strong: string, weak: string) => string;
    name: string;
    notes: string;
    rate: string;
    ramp: string;
    timing: (upfront: string, spread: string) => string;
    category: string;
    perYear: string;
    share: string;
    yearly: string;
    unitCost: string;
    throughput: string;
    volume: string;
    swing: string;
    factor: string;
    source: string;
    client: string;
    /** The distribution of an uncertainty range, one of `words`. */
    distribution: (words: readonly string[]) => string;
    bad: string;
  };
  print: { header: (model: string, date: string) => string; footer: string };
}

export const CLIENT_TEXT: Record<Language, ClientText> = {
  en: {
    sheets: { cover: 'Cover', checks: 'Checks', assumptions: 'Assumptions', charts: 'Charts' },
    font: 'Calibri',
    cover: {
      title: 'After-sales service cost: savings and return',
      model: 'Model',
      client: 'Client / company',
      clientHint: 'type the client or company name here',
      date: 'Exported on',
      version: 'Service Cost Planner version',
      scenarios: 'Scenarios',
      unit: 'Amounts in',
      checks: 'Input checks',
      contents: 'Contents',
      sheetsList: (n) => [
        `${n.summary}: every scenario side by side, the differences to the baseline, the figures year by year`,
        `${n.checks}: formula checks of the inputs (the flag above counts the failures)`,
        `${n.assumptions}: every input in one place, with a column for its source`,
        `${n.structure}: the cost tree; each line a share of its parent or an amount`,
        'One sheet per scenario: levers, investment lines, savings year by year, results',
        `${n.charts}: bridge, savings and investment by year, composition, tornado and sensitivity tables (live)`,
        `${n.analyses}: the planner's tornado, bridge and Monte Carlo, as values at export`,
        `${n.definitions}: how every figure is worked out, with this model's numbers`,
      ],
      disclaimer:
        'This workbook is a planning model. Its figures follow from the inputs and assumptions shown (shaded cells) and are estimates, not commitments or accounting results. Check the inputs and their sources before relying on the figures.',
    },
    flag: { label: 'Input checks', pass: 'all checks pass', fail: 'checks fail: see the Checks sheet' },
    checks: {
      title: 'Checks: what the planner enforces, as live formulas',
      check: 'Check',
      where: 'Sheet',
      failures: 'Failures',
      status: 'Status',
      ok: 'OK',
      bad: 'FAIL',
      total: 'Total failures',
      basisWords: 'Basis is "share" or "amount"',
      relevanceWords: 'Relevance is "strong" or "weak"',
      rootAmount: 'The root (total) is an amount',
      valueNumbers: 'Every value is a number',
      shareRange: 'Shares between 0% and 100%',
      amountNotNegative: 'No negative amounts',
      siblings: 'Sub-lines add up to at most 100% of their line',
      names: 'Every line has a name',
      timingWords: (upfront, spread) => `Timing is "${upfront}" or "${spread}"`,
      categoryWords: 'Category is one of the list',
      horizon: 'Plan years 1 to the horizon (at most 30)',
      growthRange: 'Volume growth between -99% and 1000%',
      discountRange: 'Discount rate between -99% and 1000%',
      rampRange: 'Ramp between 0% and 100% in every year',
      investmentAmounts: 'Investment amounts not negative, shares of saving at most 100%',
      leverRanges: 'Levers within their ranges (unit cost and volume -100%..+1000%, per-capita volume -99%..+10000%)',
      sensitivityBase: 'Sensitivity table at 100% gives the scenario NPV',
    },
    assumptions: {
      title: 'Assumptions: every input in one place',
      note: 'Values are links to the input cells (change them there). Type the source of each assumption in the Source / notes column; it is for the reader and is not imported.',
      area: 'Area',
      input: 'Input',
      value: 'Value',
      unit: 'Unit',
      source: 'Source / notes',
      scenarioInputs: 'Scenario inputs',
      investments: 'Investment and incentive lines',
      levers: 'Levers',
      structure: 'Cost structure',
      more: (shown, total, sheet) => `The first ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}; all of them are on the sheet ${sheet}.`,
      percent: '%',
    },
    summary: {
      flagRow: 'Input checks',
      baseline: (name) => `Baseline: ${name}`,
      difference: (name) => `${name} - baseline`,
      perYear: 'Year by year ({unit})',
      perYearFigure: 'Figure / year',
    },
    structure: { subLines: 'Sub-lines, % of the line' },
    charts: {
      title: 'Charts: drawn from the live cells, they follow every input change',
      note: 'The tables beside each chart are formulas; the charts read them. Shaded cells (swing, factors) are inputs of the sensitivity.',
      composition: 'Composition of the cost base',
      compositionTitle: 'Cost base by line ({unit})',
      other: 'Other lines',
      scenario: (name) => `Scenario: ${name}`,
      years: 'Saving and investment by year, cumulative net ({unit})',
      saving: 'Saving',
      investment: 'Investment',
      cumulativeNet: 'Cumulative net',
      bridge: 'Bridge of the horizon saving ({unit})',
      bridgeNote: 'Each branch of the cost tree at its year-1 saving for every year of the horizon, then the effect of volume growth and ramp.',
      step: 'Step',
      change: 'Change',
      base: 'Base',
      up: 'Increase',
      down: 'Decrease',
      total: 'Horizon saving',
      yearOneTimesHorizon: 'Year-1 saving x years',
      growthAndRamp: 'Volume growth and ramp',
      otherLines: (count) => `Other branches (${count})`,
      rootOwn: (name) => `${name} (own amount)`,
      tornado: 'NPV sensitivity: one driver at a time ({unit})',
      tornadoNote: 'Each driver moved alone by -/+ the swing (of its value); all formulas, so the bars follow the inputs.',
      swing: 'Swing',
      driver: 'Driver',
      low: 'Low',
      high: 'High',
      npvLow: 'NPV at low',
      npvHigh: 'NPV at high',
      lowBar: 'Low - base',
      highBar: 'High - base',
      baseNpv: 'NPV as the scenario has it',
      drivers: {
        saving: 'Year-1 saving (all levers)',
        growth: 'Volume growth',
        discount: 'Discount rate',
        fixedInvestment: 'Fixed investment',
        shareRate: 'Share-of-saving incentives',
      },
      twoWay: 'NPV by saving achieved (rows) and investment (columns) ({unit})',
      twoWayNote: 'Saving and investment as a share of plan; change the shaded factors to see other cases.',
      savingFactor: 'Saving achieved',
      investmentFactor: 'Investment',
      helper: {
        fixed: 'Fixed investment (not share of saving)',
        rate: 'Share of saving paid out',
        x: 'Discounted saving',
        y: 'Discounted fixed investment',
        z: 'Discounted share-of-saving base',
      },
    },
    analyses: {
      stamp: (date, seed) => `Values at export, ${date}, seed ${seed}: these do not recalculate.`,
      changed: 'Inputs have changed since export: the values on this sheet are stale',
      unchanged: 'Unchanged since export: the values on this sheet are current',
      liveElsewhere: (sheet) => `Live one-way and two-way sensitivity tables (formulas) are on the sheet ${sheet}.`,
    },
    input: {
      title: 'Input',
      basis: (share, amount) => `"${share}": a share of the parent line; "${amount}": an amount in the unit of the sheet.`,
      value: 'A share (0% to 100%) when the basis is a share, else an amount of at least 0.',
      relevance: (strong, weak) => `"${strong}" or "${weak}" related to the service work.`,
      name: 'The name of the line (at most 120 characters).',
      notes: 'Notes or source (imported with the model).',
      rate: 'A rate from -99% to 1000%.',
      ramp: 'The share of the target reached in this year: 0% to 100%.',
      timing: (upfront, spread) => `"${upfront}": paid at the start of the year; "${spread}": paid through the year.`,
      category: 'The kind of investment.',
      perYear: 'The amount a year, at least 0.',
      share: "The share of the year's saving paid out: 0% to 100%.",
      yearly: 'The amount of this year, at least 0.',
      unitCost: 'Unit cost change: -100% to +1000% (empty: none).',
      throughput: 'Per-capita volume change: -99% to +10000% (empty: none).',
      volume: 'Volume change: -100% to +1000% (empty: none).',
      swing: 'How far each driver moves, as a share of its value.',
      factor: 'A factor on the plan (100% = as planned).',
      source: 'Where the figure comes from (for the reader).',
      client: 'The client or company this model is for.',
      distribution: (words) => `The distribution of the Monte Carlo draws between low and high: ${words.map((word) => `"${word}"`).join(' or ')}.`,
      bad: 'This value is not allowed here; see the input message.',
    },
    print: { header: (model, date) => `&L${model}&C&A&R${date}`, footer: '&LService Cost Planner&RPage &P of &N' },
  },
  zh: {
    sheets: { cover: '封面', checks: '检查', assumptions: '假设', charts: '图表' },
    font: '等线',
    cover: {
      title: '售后服务成本：节省与回报',
      model: '模型',
      client: '客户 / 公司',
      clientHint: '请在此填写客户或公司名称',
      date: '导出日期',
      version: 'Service Cost Planner 版本',
      scenarios: '情景',
      unit: '金额单位',
      checks: '输入检查',
      contents: '目录',
      sheetsList: (n) => [
        `${n.summary}：各情景对比、与基准情景的差异、逐年数据`,
        `${n.checks}：输入的公式检查（上方标志显示未通过的数量）`,
        `${n.assumptions}：全部输入集中列示，并有“来源”列`,
        `${n.structure}：成本树；每项为上级的占比或金额`,
        '每个情景一张工作表：杠杆、投入、逐年节省和结果',
        `${n.charts}：分解图、逐年节省与投入、成本构成、龙卷风图与敏感性表（实时公式）`,
        `${n.analyses}：软件计算的龙卷风图、分解与蒙特卡洛模拟（导出时的数值）`,
        `${n.definitions}：各指标的计算方法，使用本模型的数字`,
      ],
      disclaimer: '本工作簿是规划模型。其数字由所列输入和假设（底色单元格）计算得出，属于估计，并非承诺或会计结果。使用前请核对各项输入及其来源。',
    },
    flag: { label: '输入检查', pass: '全部检查通过', fail: '项检查未通过：见“检查”工作表' },
    checks: {
      title: '检查：软件强制的规则，以实时公式检查',
      check: '检查项',
      where: '工作表',
      failures: '未通过数',
      status: '状态',
      ok: '通过',
      bad: '未通过',
      total: '未通过合计',
      basisWords: '依据为“占比”或“金额”',
      relevanceWords: '相关性为“强相关”或“弱相关”',
      rootAmount: '根节点（总额）为金额',
      valueNumbers: '数值均为数字',
      shareRange: '占比在 0% 到 100% 之间',
      amountNotNegative: '金额不为负',
      siblings: '下级合计不超过本项的 100%',
      names: '每个成本项都有名称',
      timingWords: (upfront, spread) => `支付时点为“${upfront}”或“${spread}”`,
      categoryWords: '类别为列表中的值',
      horizon: '计划年份为 1 到期限（最多 30 年）',
      growthRange: '业务量年增长率在 -99% 到 1000% 之间',
      discountRange: '折现率在 -99% 到 1000% 之间',
      rampRange: '各年达成率在 0% 到 100% 之间',
      investmentAmounts: '投入金额不为负，节省的比例不超过 100%',
      leverRanges: '杠杆在允许范围内（人均单价与业务量 -100%..+1000%，人均业务量 -99%..+10000%）',
      sensitivityBase: '敏感性表在 100% 时等于情景净现值',
    },
    assumptions: {
      title: '假设：全部输入集中列示',
      note: '数值链接到输入单元格（请在原处修改）。可在“来源 / 备注”列填写各项假设的来源；该列供阅读，不会导入。',
      area: '类别',
      input: '输入',
      value: '数值',
      unit: '单位',
      source: '来源 / 备注',
      scenarioInputs: '情景输入',
      investments: '激励与投入',
      levers: '杠杆',
      structure: '成本结构',
      more: (shown, total, sheet) => `共 ${total} 项，此处列出前 ${shown} 项；全部见“${sheet}”工作表。`,
      percent: '%',
    },
    summary: {
      flagRow: '输入检查',
      baseline: (name) => `基准：${name}`,
      difference: (name) => `${name} − 基准`,
      perYear: '逐年数据（{unit}）',
      perYearFigure: '指标 / 年份',
    },
    structure: { subLines: '下级合计占本项' },
    charts: {
      title: '图表：由实时单元格绘制，随输入变化而更新',
      note: '各图旁的表格均为公式，图表读取这些表格。底色单元格（变动幅度、系数）是敏感性分析的输入。',
      composition: '成本构成',
      compositionTitle: '成本构成（{unit}）',
      other: '其他成本项',
      scenario: (name) => `情景：${name}`,
      years: '逐年节省与投入、累计净收益（{unit}）',
      saving: '节省',
      investment: '投入',
      cumulativeNet: '累计净收益',
      bridge: '期内节省分解（{unit}）',
      bridgeNote: '成本树各分支按第 1 年节省计入期内每一年，再加上业务量增长与达成率的影响。',
      step: '步骤',
      change: '变化',
      base: '基础',
      up: '增加',
      down: '减少',
      total: '期内节省',
      yearOneTimesHorizon: '第 1 年节省 × 年数',
      growthAndRamp: '业务量增长与达成率',
      otherLines: (count) => `其他分支（${count} 项）`,
      rootOwn: (name) => `${name}（本级金额）`,
      tornado: '净现值敏感性：每次只变动一个因素（{unit}）',
      tornadoNote: '每个因素单独按其值的 -/+ 变动幅度变化；全部为公式，随输入更新。',
      swing: '变动幅度',
      driver: '因素',
      low: '低值',
      high: '高值',
      npvLow: '低值时净现值',
      npvHigh: '高值时净现值',
      lowBar: '低值 − 基准',
      highBar: '高值 − 基准',
      baseNpv: '情景当前净现值',
      drivers: {
        saving: '第 1 年节省（全部杠杆）',
        growth: '业务量年增长率',
        discount: '折现率',
        fixedInvestment: '固定投入',
        shareRate: '按节省比例的激励',
      },
      twoWay: '净现值：节省达成（行）× 投入（列）（{unit}）',
      twoWayNote: '节省与投入以计划的百分比表示；修改底色系数可查看其他情形。',
      savingFactor: '节省达成',
      investmentFactor: '投入',
      helper: { fixed: '固定投入（不含按节省比例）', rate: '按节省比例支付的比例', x: '节省现值', y: '固定投入现值', z: '按比例激励的基数现值' },
    },
    analyses: {
      stamp: (date, seed) => `导出时的数值，${date}，随机种子 ${seed}：本表不会重新计算。`,
      changed: '导出后输入已更改：本表数值已过时',
      unchanged: '导出后未更改：本表数值为当前值',
      liveElsewhere: (sheet) => `实时的单因素与双因素敏感性表（公式）见“${sheet}”工作表。`,
    },
    input: {
      title: '输入',
      basis: (share, amount) => `“${share}”：上级金额的比例；“${amount}”：以本表单位计的金额。`,
      value: '依据为占比时填 0% 到 100%；为金额时填不小于 0 的金额。',
      relevance: (strong, weak) => `与服务工作“${strong}”或“${weak}”。`,
      name: '成本项名称（最多 120 个字符）。',
      notes: '备注或来源（随模型导入）。',
      rate: '比率，-99% 到 1000%。',
      ramp: '当年达到目标的比例：0% 到 100%。',
      timing: (upfront, spread) => `“${upfront}”：年初一次付清；“${spread}”：年内均匀支付。`,
      category: '投入的类别。',
      perYear: '每年金额，不小于 0。',
      share: '当年节省中支付的比例：0% 到 100%。',
      yearly: '当年金额，不小于 0。',
      unitCost: '人均单价变化：-100% 到 +1000%（留空表示不变）。',
      throughput: '人均业务量变化：-99% 到 +10000%（留空表示不变）。',
      volume: '业务量变化：-100% 到 +1000%（留空表示不变）。',
      swing: '各因素变动的幅度（占其值的比例）。',
      factor: '相对计划的系数（100% 即按计划）。',
      source: '数字的来源（供阅读）。',
      client: '本模型所服务的客户或公司。',
      distribution: (words) => `蒙特卡洛抽样在低值与高值之间的分布：${words.map((word) => `“${word}”`).join('或')}。`,
      bad: '此处不允许该值；请参阅输入提示。',
    },
    print: { header: (model, date) => `&L${model}&C&A&R${date}`, footer: '&LService Cost Planner&R第 &P 页，共 &N 页' },
  },
};
