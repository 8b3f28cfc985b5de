import type { Language } from '../units';
import { MODEL_FORMAT, MODEL_SCHEMA_VERSION, type Model } from '../schema';

const WAN = 10_000;

const TEXT = {
  zh: {
    model: '服务商示例',
    root: '服务商结算',
    rootNotes: '服务商结算 = 上门服务费 + 重复上门与返工 + 经服务商流失的备件（万元/年）。',
    visits: '上门服务费',
    visitsNotes: '单次结算价：每次上门付给服务商的费用。推动它的举措：结算审计与服务质量挂钩，按质量分级定价。',
    visitsCaption: '单次结算价',
    repeat: '重复上门与返工',
    repeatNotes: '重复上门次数：一次未修好而再次上门。推动它的举措：结算审计与质量挂钩（返工不结算）、一次修复率考核、知识库与培训。',
    repeatCaption: '重复上门次数',
    leakage: '备件流失',
    leakageNotes: '流失备件数量：经服务商领用却未装到客户设备上的备件。推动它的举措：旧件返还核销、结算审计、备件与工单绑定。',
    leakageCaption: '流失备件数量',
    scenario: '结算审计与质量挂钩',
    audit: '结算审计系统',
    bonus: '服务商质量奖励',
  },
  en: {
    model: 'Service providers example',
    root: 'Service-provider settlements',
    rootNotes: 'Service-provider settlements = on-site visit fees + repeat visits and rework + parts leakage through providers (a year).',
    visits: 'On-site visit fees',
    visitsNotes: 'Fee per visit: what a provider is paid for each visit. Actions that move it: settlement audit tied to quality, fees graded by quality.',
    visitsCaption: 'fee per visit',
    repeat: 'Repeat visits and rework',
    repeatNotes:
      'Repeat visits: a second trip because the first did not fix it. Actions that move it: settlement audit tied to quality (no pay for rework), first-time-fix targets, a knowledge base and training.',
    repeatCaption: 'repeat visits',
    leakage: 'Parts leakage through providers',
    leakageNotes:
      'Leaked parts: parts drawn by providers that never reach a customer machine. Actions that move it: return of the old part against the new, settlement audit, parts tied to work orders.',
    leakageCaption: 'leaked parts',
    scenario: 'Settlement audit tied to quality',
    audit: 'Settlement audit system',
    bonus: 'Provider quality bonus',
  },
} as const;

/** The service providers worked example of ../shared/domain.md ("Templates"). */
export function createServiceProvidersModel(language: Language, firstPlanYear: number): Model {
  const t = TEXT[language];
  const both = (key: 'visitsCaption' | 'repeatCaption' | 'leakageCaption') => ({ zh: TEXT.zh[key], en: TEXT.en[key] });
  return {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    name: t.model,
    currency: 'CNY',
    displayUnit: 'tenThousand',
    language,
    firstPlanYear,
    costTree: [
      { id: 'provider-settlements', parentId: null, name: t.root, basis: { kind: 'amount', amount: 2000 * WAN }, relevance: 'strong', notes: t.rootNotes },
      {
        id: 'visit-fees',
        parentId: 'provider-settlements',
        name: t.visits,
        basis: { kind: 'share', share: 0.7 },
        relevance: 'strong',
        notes: t.visitsNotes,
        captions: { unitCostChange: both('visitsCaption') },
      },
      {
        id: 'repeat-visits',
        parentId: 'provider-settlements',
        name: t.repeat,
        basis: { kind: 'share', share: 0.175 },
        relevance: 'strong',
        notes: t.repeatNotes,
        captions: { volumeChange: both('repeatCaption') },
      },
      {
        id: 'parts-leakage',
        parentId: 'provider-settlements',
        name: t.leakage,
        basis: { kind: 'share', share: 0.125 },
        relevance: 'weak',
        notes: t.leakageNotes,
        captions: { volumeChange: both('leakageCaption') },
      },
    ],
    scenarios: [
      {
        id: 'settlement-audit',
        name: t.scenario,
        horizonYears: 3,
        volumeGrowth: 0.1,
        discountRate: 0.08,
        levers: [
          { nodeId: 'visit-fees', unitCostChange: -0.04 },
          { nodeId: 'repeat-visits', volumeChange: -0.3 },
          { nodeId: 'parts-leakage', volumeChange: -0.2 },
        ],
        investments: [
          { id: 'audit-system', name: t.audit, category: 'digitalTools', amount: { kind: 'yearly', amounts: [80 * WAN] }, timing: 'upfront' },
          { id: 'provider-bonus', name: t.bonus, category: 'bonus', amount: { kind: 'shareOfSaving', share: 0.05 }, timing: 'spread' },
        ],
      },
    ],
  };
}
