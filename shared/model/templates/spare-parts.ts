import type { Language } from '../units';
import { MODEL_FORMAT, MODEL_SCHEMA_VERSION, type Model } from '../schema';

const WAN = 10_000;

const TEXT = {
  zh: {
    model: '物料与备件示例',
    root: '备件与物料成本',
    rootNotes: '备件与物料成本 = 备件消耗 + 错发与退回运费 + 库存持有成本 + 呆滞报废（万元/年）。',
    consumed: '备件消耗',
    consumedNotes: '单件成本：每个备件的采购价。推动它的举措：推行通用件、压缩料号，以量议价。',
    consumedCaption: '单件成本',
    wrong: '错发与退回运费',
    wrongNotes: '错发次数：发错备件导致的退回与重发。推动它的举措：按故障自动匹配备件，一次发对。',
    wrongCaption: '错发次数',
    carrying: '库存持有成本',
    carryingNotes:
      '库存周转率：库存 2,000 万元 × 年持有成本率 20%。周转率 +25% 时同样的备件只需 1/1.25 的库存，持有成本下降 20%；释放的库存作为一次性现金计入。推动它的举措：通用件、按需补货、区域共享仓。',
    carryingCaption: '库存周转率',
    obsolete: '呆滞报废',
    obsoleteNotes: '呆滞品数量：过期、淘汰后报废的库存。推动它的举措：更准的需求预测、定期清理呆滞、机型停产前的末次采购。',
    obsoleteCaption: '呆滞品数量',
    scenario: '备件优化',
    matching: '备件匹配系统',
    bonus: '仓储团队奖金',
    upkeep: '系统运维',
    released: '库存释放',
    releasedNotes: '库存 2,000 × (1 - 1/1.25) = 400 万元：周转率提高后不再需要的库存，第一年内逐步释放。',
  },
  en: {
    model: 'Materials and spare parts example',
    root: 'Spare parts and materials cost',
    rootNotes:
      'Spare parts and materials cost = parts consumed + wrong shipments and return freight + inventory carrying cost + obsolete stock written off (a year).',
    consumed: 'Parts consumed',
    consumedNotes: 'Cost per part: the purchase price of each part. Actions that move it: common parts, fewer part numbers, volume purchasing.',
    consumedCaption: 'cost per part',
    wrong: 'Wrong shipments and return freight',
    wrongNotes: 'Wrong shipments: parts sent back and shipped again. Actions that move it: parts matched to the fault automatically, right the first time.',
    wrongCaption: 'wrong shipments',
    carrying: 'Inventory carrying cost',
    carryingNotes:
      'Inventory turnover: stock of 20 million yuan x 20% carrying cost a year. +25% turnover carries the same parts with 1/1.25 of the stock, so carrying cost falls 20%; the stock released counts as one-off cash. Actions that move it: common parts, replenishment on demand, shared regional warehouses.',
    carryingCaption: 'inventory turnover',
    obsolete: 'Obsolete stock written off',
    obsoleteNotes:
      'Obsolete stock: parts scrapped once outdated. Actions that move it: better demand forecasts, regular clearing of slow stock, last-time buys before a model is discontinued.',
    obsoleteCaption: 'obsolete stock',
    scenario: 'Parts optimisation',
    matching: 'Parts-matching system',
    bonus: 'Warehouse team bonus',
    upkeep: 'System upkeep',
    released: 'Stock released',
    releasedNotes: 'Stock 2,000 x (1 - 1/1.25) = 4 million yuan: stock no longer needed once turnover rises, released through year 1.',
  },
} as const;

/** The materials and spare parts worked example of ../shared/domain.md ("Templates"). */
export function createSparePartsModel(language: Language, firstPlanYear: number): Model {
  const t = TEXT[language];
  const both = (key: 'consumedCaption' | 'wrongCaption' | 'carryingCaption' | 'obsoleteCaption') => ({ zh: TEXT.zh[key], en: TEXT.en[key] });
  return {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    name: t.model,
    currency: 'CNY',
    displayUnit: 'tenThousand',
    language,
    firstPlanYear,
    costTree: [
      { id: 'parts-materials', parentId: null, name: t.root, basis: { kind: 'amount', amount: 2470 * WAN }, relevance: 'strong', notes: t.rootNotes },
      {
        id: 'parts-consumed',
        parentId: 'parts-materials',
        name: t.consumed,
        basis: { kind: 'amount', amount: 1800 * WAN },
        relevance: 'strong',
        notes: t.consumedNotes,
        captions: { unitCostChange: both('consumedCaption') },
      },
      {
        id: 'wrong-shipments',
        parentId: 'parts-materials',
        name: t.wrong,
        basis: { kind: 'amount', amount: 120 * WAN },
        relevance: 'strong',
        notes: t.wrongNotes,
        captions: { volumeChange: both('wrongCaption') },
      },
      {
        id: 'carrying-cost',
        parentId: 'parts-materials',
        name: t.carrying,
        basis: { kind: 'amount', amount: 400 * WAN },
        relevance: 'weak',
        notes: t.carryingNotes,
        captions: { throughputChange: both('carryingCaption') },
      },
      {
        id: 'obsolete-stock',
        parentId: 'parts-materials',
        name: t.obsolete,
        basis: { kind: 'amount', amount: 150 * WAN },
        relevance: 'weak',
        notes: t.obsoleteNotes,
        captions: { volumeChange: both('obsoleteCaption') },
      },
    ],
    scenarios: [
      {
        id: 'parts-optimisation',
        name: t.scenario,
        horizonYears: 3,
        volumeGrowth: 0.1,
        discountRate: 0.08,
        ramp: [0.5, 1, 1],
        levers: [
          { nodeId: 'parts-consumed', unitCostChange: -0.05 },
          { nodeId: 'wrong-shipments', volumeChange: -0.6 },
          { nodeId: 'carrying-cost', throughputChange: 0.25 },
          { nodeId: 'obsolete-stock', volumeChange: -0.4 },
        ],
        oneOffs: [{ id: 'stock-released', name: t.released, amount: 400 * WAN, year: 1, timing: 'spread', notes: t.releasedNotes }],
        investments: [
          { id: 'parts-matching', name: t.matching, category: 'digitalTools', amount: { kind: 'yearly', amounts: [150 * WAN] }, timing: 'upfront' },
          { id: 'warehouse-bonus', name: t.bonus, category: 'bonus', amount: { kind: 'shareOfSaving', share: 0.1 }, timing: 'spread' },
          { id: 'upkeep', name: t.upkeep, category: 'other', amount: { kind: 'perYear', amount: 20 * WAN }, timing: 'spread' },
        ],
      },
    ],
  };
}
