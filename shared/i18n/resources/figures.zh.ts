import type { FiguresText } from './shape';

/** 报告的各项指标及其定义（界面、命令行、工作簿、演示文稿共用），以及杠杆类型的名称。 */
export const figuresZh: FiguresText = {
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
  volumeGrowthRate: '业务量年增长率',
  discountRate: '折现率',
  never: '期内无法收回',
  notApplicable: '不适用（无投入）',
  volumeGrowthStep: '业务量增长',
  lever: { unitCostChange: '人均单价', throughputChange: '人均业务量', volumeChange: '业务量' },
  leverInText: { unitCostChange: '人均单价', throughputChange: '人均业务量', volumeChange: '业务量' },
  revenueLever: { volumeChange: '业务量', priceChange: '价格' },
  revenueLeverInText: { volumeChange: '业务量', priceChange: '价格' },
  captioned: '{{caption}}（{{kind}}）',
};
