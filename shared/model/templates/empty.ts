import type { Language } from '../units';
import { MODEL_FORMAT, MODEL_SCHEMA_VERSION, type Model } from '../schema';

const TEXT = {
  zh: { model: '新模型', root: '售后服务成本', scenario: '方案 1', notes: '在这里填入一年的售后服务成本，再按份额或金额拆分。' },
  en: {
    model: 'New model',
    root: 'After-sales service cost',
    scenario: 'Scenario 1',
    notes: 'Enter a year of after-sales service cost here, then split it by share or amount.',
  },
} as const;

/** A model to fill in: one cost root of 0 and one scenario without levers or investments. */
export function createEmptyModel(language: Language, firstPlanYear: number): Model {
  const t = TEXT[language];
  return {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    name: t.model,
    currency: 'CNY',
    displayUnit: 'tenThousand',
    language,
    firstPlanYear,
    costTree: [{ id: 'service-cost', parentId: null, name: t.root, basis: { kind: 'amount', amount: 0 }, relevance: 'strong', notes: t.notes }],
    scenarios: [{ id: 'scenario-1', name: t.scenario, horizonYears: 3, volumeGrowth: 0, discountRate: 0.08, levers: [], investments: [] }],
  };
}
