import type { Language } from '../model/units';
import { LEVER_TEXT } from './figures';

/** Names of what-if inputs, as tables and charts label them. */
export const INPUT_TEXT: Record<
  Language,
  {
    growth: string;
    discount: string;
    lever: (node: string, kind: keyof (typeof LEVER_TEXT)['en']) => string;
    share: (node: string) => string;
    amount: (node: string) => string;
    investment: (line: string) => string;
    revenue: (line: string) => string;
    margin: (line: string) => string;
    revenueLever: (line: string, lever: string) => string;
    oneOff: (item: string) => string;
  }
> = {
  en: {
    growth: 'Volume growth',
    discount: 'Discount rate',
    lever: (node, kind) => `${node}: ${LEVER_TEXT.en[kind].toLowerCase()}`,
    share: (node) => `${node}: share of parent`,
    amount: (node) => `${node}: amount`,
    investment: (line) => `${line} (investment)`,
    revenue: (line) => `${line}: revenue`,
    margin: (line) => `${line}: contribution margin`,
    revenueLever: (line, lever) => `${line}: ${lever}`,
    oneOff: (item) => `${item} (one-off cash)`,
  },
  zh: {
    growth: '业务量增长率',
    discount: '折现率',
    lever: (node, kind) => `${node}：${LEVER_TEXT.zh[kind]}`,
    share: (node) => `${node}：占上级比例`,
    amount: (node) => `${node}：金额`,
    investment: (line) => `${line}（投入）`,
    revenue: (line) => `${line}：收入`,
    margin: (line) => `${line}：边际贡献率`,
    revenueLever: (line, lever) => `${line}：${lever}`,
    oneOff: (item) => `${item}（一次性现金）`,
  },
};

export const DISTRIBUTION_TEXT: Record<Language, Record<'triangular' | 'pert', string>> = {
  en: { triangular: 'triangular', pert: 'PERT' },
  zh: { triangular: '三角分布', pert: 'PERT 分布' },
};
