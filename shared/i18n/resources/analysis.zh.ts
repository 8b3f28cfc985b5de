import type { AnalysisText } from './shape';

/** 假设分析中输入和分布的名称（表格与图表用）。 */
export const analysisZh: AnalysisText = {
  input: {
    growth: '业务量增长率',
    discount: '$t(figures:discountRate)',
    lever: '{{node}}：{{lever}}',
    share: '{{node}}：占上级比例',
    amount: '{{node}}：金额',
    investment: '{{line}}（投入）',
    revenue: '{{line}}：收入',
    margin: '{{line}}：边际贡献率',
    revenueLever: '{{line}}：{{lever}}',
    oneOff: '{{item}}（一次性现金）',
  },
  distribution: { triangular: '三角分布', pert: 'PERT 分布' },
};
