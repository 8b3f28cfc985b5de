import { createExampleModel } from '../example';
import type { Language } from '../units';
import type { CostNode, Model } from '../schema';

type NodeText = { notes: string; captions?: CostNode['captions'] };

/** Notes on each line of the built-in example: what its drivers mean and which actions move them. */
const NOTES: Record<Language, Record<string, NodeText>> = {
  zh: {
    'service-cost': { notes: '售后服务成本总额（万元/年）。物料与现场服务占 44%，呼叫中心占 14%，两者合计 58%，是降本首先发力的地方。' },
    'materials-field': { notes: '强相关成本：物料与现场服务。可用“物料与备件”“服务商”模板细化。' },
    'contact-center': { notes: '强相关成本：呼叫中心（客户联络中心），其中人工占 87%。' },
    'contact-center-labor': {
      notes:
        '人工成本 = 受理量 × 人均单价；人均单价 = 人均成本 / 人均受理量。推动人均受理量与人均单价的举措：知识库、培训与考试、人均业务量目标与超额奖金、与满意度挂钩的质量奖励、引导客户使用智能客服（减少人工工单和排班）、用一个多语种 AI 替代小语种坐席。',
      captions: {
        unitCostChange: { zh: '人均单价', en: 'cost per ticket' },
        throughputChange: { zh: '人均受理量', en: 'tickets per agent' },
        volumeChange: { zh: '人工受理量', en: 'tickets handled by agents' },
      },
    },
    'contact-center-other': { notes: '呼叫中心的场地、系统和通信等其他成本。' },
    'other-service': { notes: '弱相关成本：与服务工作关联较弱，推动力度小于强相关成本。' },
  },
  en: {
    'service-cost': {
      notes:
        'Total after-sales service cost a year. Materials and field service are 44%, the contact center 14%: together 58%, where the savings effort goes first.',
    },
    'materials-field': {
      notes: 'Strongly related cost: materials and field service. The materials and spare parts and the service providers templates take it apart.',
    },
    'contact-center': { notes: 'Strongly related cost: the contact center; labor is 87% of it.' },
    'contact-center-labor': {
      notes:
        'Labor cost = volume x cost per ticket; cost per ticket = cost per agent / tickets per agent. Actions that move tickets per agent and cost per ticket: a knowledge base, training and exams, per-person volume targets with a bonus above target, quality rewards tied to satisfaction, steering customers to self-service bots (fewer human tickets, fewer shift staff), one multilingual AI instead of minor-language agents.',
      captions: {
        unitCostChange: { zh: '人均单价', en: 'cost per ticket' },
        throughputChange: { zh: '人均受理量', en: 'tickets per agent' },
        volumeChange: { zh: '人工受理量', en: 'tickets handled by agents' },
      },
    },
    'contact-center-other': { notes: 'Other contact-center cost: premises, systems, telephony.' },
    'other-service': { notes: 'Weakly related cost: loosely tied to the service work, pushed with less force.' },
  },
};

/** The built-in contact-center example, with notes and captions on its lines. */
export function createContactCenterModel(language: Language, firstPlanYear: number): Model {
  const model = createExampleModel(language, firstPlanYear);
  const text = NOTES[language];
  return {
    ...model,
    costTree: model.costTree.map((node) => {
      const extra = text[node.id];
      return extra ? { ...node, notes: extra.notes, ...(extra.captions ? { captions: extra.captions } : {}) } : node;
    }),
  };
}
