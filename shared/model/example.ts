import type { Language } from './units';
import { MODEL_FORMAT, MODEL_SCHEMA_VERSION, type InvestmentLine, type Model, type Scenario } from './schema';

/**
 * The worked example of the method (../shared/domain.md): every new model and the first run
 * of the app start from it. Amounts are in yuan; the article counts in 10k yuan (万元).
 */
const WAN = 10_000;

const NAMES = {
  zh: {
    model: '售后服务成本示例',
    root: '售后服务成本',
    materials: '物料与现场服务',
    contactCenter: '呼叫中心',
    labor: '呼叫中心人工',
    contactOther: '呼叫中心其他',
    other: '其他服务成本',
    target15: '目标 15%',
    digital20: '数字化工具 20%',
    bonus: '管理者奖金',
    tools: '数字化工具',
    team: '团队建设与调薪',
    laborNotes: '人工成本 = 受理量 × 人均单价；人均单价 = 人均成本 / 人均受理量',
  },
  en: {
    model: 'After-sales service cost example',
    root: 'After-sales service cost',
    materials: 'Materials and field service',
    contactCenter: 'Contact center',
    labor: 'Contact-center labor',
    contactOther: 'Contact-center other',
    other: 'Other service cost',
    target15: 'Target 15%',
    digital20: 'Digital tools 20%',
    bonus: 'Manager bonus',
    tools: 'Digital tools',
    team: 'Team building and raises',
    laborNotes: 'Labor cost = volume x cost per ticket; cost per ticket = cost per agent / tickets per agent',
  },
} as const;

export function createExampleModel(language: Language = 'zh', firstPlanYear = 2027): Model {
  const n = NAMES[language];
  const investments = (): InvestmentLine[] => [
    { id: 'manager-bonus', name: n.bonus, category: 'bonus', amount: { kind: 'perYear', amount: 20 * WAN }, timing: 'spread' },
    { id: 'digital-tools', name: n.tools, category: 'digitalTools', amount: { kind: 'perYear', amount: 30 * WAN }, timing: 'upfront' },
    { id: 'team-and-raises', name: n.team, category: 'teamAndPay', amount: { kind: 'perYear', amount: 20 * WAN }, timing: 'spread' },
  ];
  const scenario = (id: string, name: string, unitCostChange: number): Scenario => ({
    id,
    name,
    horizonYears: 3,
    volumeGrowth: 0.2,
    discountRate: 0.08,
    levers: [{ nodeId: 'contact-center-labor', unitCostChange }],
    investments: investments(),
  });
  return {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    name: n.model,
    currency: 'CNY',
    displayUnit: 'tenThousand',
    language,
    firstPlanYear,
    costTree: [
      { id: 'service-cost', parentId: null, name: n.root, basis: { kind: 'amount', amount: 7116 * WAN }, relevance: 'strong' },
      { id: 'materials-field', parentId: 'service-cost', name: n.materials, basis: { kind: 'share', share: 0.44 }, relevance: 'strong' },
      { id: 'contact-center', parentId: 'service-cost', name: n.contactCenter, basis: { kind: 'share', share: 0.14 }, relevance: 'strong' },
      {
        id: 'contact-center-labor',
        parentId: 'contact-center',
        name: n.labor,
        basis: { kind: 'share', share: 0.87 },
        relevance: 'strong',
        notes: n.laborNotes,
      },
      { id: 'contact-center-other', parentId: 'contact-center', name: n.contactOther, basis: { kind: 'share', share: 0.13 }, relevance: 'strong' },
      { id: 'other-service', parentId: 'service-cost', name: n.other, basis: { kind: 'share', share: 0.42 }, relevance: 'weak' },
    ],
    scenarios: [scenario('target-15', n.target15, -0.15), scenario('digital-tools-20', n.digital20, -0.2)],
  };
}
