import type { Language } from '../units';
import { MODEL_FORMAT, MODEL_SCHEMA_VERSION, type Model } from '../schema';

const WAN = 10_000;

const TEXT = {
  zh: {
    model: '服务创收示例',
    root: '售后服务成本',
    rootNotes: '本模板只算服务收入的边际贡献，不设成本杠杆。要同时计算降本，请在这里填入服务成本并拆分。',
    repairs: '保外维修与备件销售',
    repairsNotes:
      '边际贡献率 35%：扣除随业务量变化的成本后留下的收入比例。二次消费率：老客户再次购买服务与备件的比例，推动它的举措：大客户服务营销、保外到期提醒、维修后回访。服务价格：推动它的举措：分级服务套餐、上门费标准化。',
    repairsVolume: '二次消费率',
    repairsPrice: '服务价格',
    contracts: '服务合同',
    contractsNotes: '边际贡献率 50%。合同数量：推动它的举措：大客户服务营销、保内转保外的续保方案、按设备台数打包的服务合同。',
    contractsVolume: '合同数量',
    scenario: '服务营销',
    crm: 'CRM 与营销工具',
    bonus: '服务销售奖金',
    training: '培训',
  },
  en: {
    model: 'Service revenue example',
    root: 'After-sales service cost',
    rootNotes:
      'This template counts the contribution margin of service revenue only and has no cost levers. To add cost savings, enter the service cost here and split it.',
    repairs: 'Out-of-warranty repairs and parts sales',
    repairsNotes:
      'Contribution margin 35%: the share of revenue left after the costs that scale with volume. Repeat-purchase rate: how often customers buy service and parts again; actions that move it: key-account service marketing, reminders when warranty ends, follow-up calls after a repair. Service price: actions that move it: tiered service packages, standard call-out fees.',
    repairsVolume: 'repeat-purchase rate',
    repairsPrice: 'service price',
    contracts: 'Service contracts',
    contractsNotes:
      'Contribution margin 50%. Contracts sold: actions that move it: key-account service marketing, renewal offers when warranty ends, contracts priced per installed machine.',
    contractsVolume: 'contracts sold',
    scenario: 'Service marketing',
    crm: 'CRM and marketing tools',
    bonus: 'Service-sales bonus',
    training: 'Training',
  },
} as const;

/** The service revenue worked example of ../shared/domain.md ("Templates"). */
export function createServiceRevenueModel(language: Language, firstPlanYear: number): Model {
  const t = TEXT[language];
  const both = (key: 'repairsVolume' | 'repairsPrice' | 'contractsVolume') => ({ zh: TEXT.zh[key], en: TEXT.en[key] });
  return {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    name: t.model,
    currency: 'CNY',
    displayUnit: 'tenThousand',
    language,
    firstPlanYear,
    costTree: [{ id: 'service-cost', parentId: null, name: t.root, basis: { kind: 'amount', amount: 0 }, relevance: 'strong', notes: t.rootNotes }],
    revenueLines: [
      {
        id: 'out-of-warranty',
        parentId: null,
        name: t.repairs,
        basis: { kind: 'amount', amount: 1500 * WAN },
        margin: 0.35,
        notes: t.repairsNotes,
        captions: { volumeChange: both('repairsVolume'), priceChange: both('repairsPrice') },
      },
      {
        id: 'service-contracts',
        parentId: null,
        name: t.contracts,
        basis: { kind: 'amount', amount: 600 * WAN },
        margin: 0.5,
        notes: t.contractsNotes,
        captions: { volumeChange: both('contractsVolume') },
      },
    ],
    scenarios: [
      {
        id: 'service-marketing',
        name: t.scenario,
        horizonYears: 3,
        volumeGrowth: 0.08,
        discountRate: 0.08,
        levers: [],
        revenueLevers: [
          { lineId: 'out-of-warranty', volumeChange: 0.1, priceChange: 0.03 },
          { lineId: 'service-contracts', volumeChange: 0.2 },
        ],
        investments: [
          { id: 'crm-tools', name: t.crm, category: 'digitalTools', amount: { kind: 'yearly', amounts: [60 * WAN] }, timing: 'upfront' },
          { id: 'sales-bonus', name: t.bonus, category: 'bonus', amount: { kind: 'shareOfSaving', share: 0.1 }, timing: 'spread' },
          { id: 'training', name: t.training, category: 'training', amount: { kind: 'perYear', amount: 15 * WAN }, timing: 'spread' },
        ],
      },
    ],
  };
}
