import type { Language } from '../units';
import type { Model } from '../schema';
import { createContactCenterModel } from './contact-center';
import { createEmptyModel } from './empty';
import { createServiceProvidersModel } from './service-providers';
import { createServiceRevenueModel } from './service-revenue';
import { createSparePartsModel } from './spare-parts';

/**
 * The built-in templates: the worked examples of ../shared/domain.md, one per scenario family
 * of the article, and an empty model. Every screen that offers "new from template" and the
 * CLI's `example --template` read this one list.
 */
export const TEMPLATE_IDS = ['contact-center', 'spare-parts', 'service-providers', 'service-revenue', 'empty'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface ModelTemplate {
  id: TemplateId;
  title: Record<Language, string>;
  description: Record<Language, string>;
  create(language: Language, firstPlanYear?: number): Model;
}

const DEFAULT_FIRST_PLAN_YEAR = 2027;

function template(
  id: TemplateId,
  title: Record<Language, string>,
  description: Record<Language, string>,
  build: (language: Language, firstPlanYear: number) => Model,
): ModelTemplate {
  return { id, title, description, create: (language, firstPlanYear = DEFAULT_FIRST_PLAN_YEAR) => build(language, firstPlanYear) };
}

export const TEMPLATES: readonly ModelTemplate[] = [
  template(
    'contact-center',
    { zh: '呼叫中心（示例）', en: 'Contact center (example)' },
    {
      zh: '售后服务成本拆解，呼叫中心人工的人均单价 -15% / -20%，激励预算与三年回报。',
      en: 'Service cost taken apart; contact-center labor cost per ticket -15% / -20%, incentive budget, 3-year return.',
    },
    createContactCenterModel,
  ),
  template(
    'spare-parts',
    { zh: '物料与备件', en: 'Materials and spare parts' },
    {
      zh: '备件自动匹配减少错发、通用件、库存周转率与呆滞，含库存释放的一次性现金。',
      en: 'Parts matched to faults, common parts, inventory turnover and obsolete stock, with stock released as one-off cash.',
    },
    createSparePartsModel,
  ),
  template(
    'service-providers',
    { zh: '服务商', en: 'Service providers' },
    { zh: '结算审计与服务质量挂钩：上门费、重复上门与备件流失。', en: 'Settlement audit tied to quality: visit fees, repeat visits and parts leakage.' },
    createServiceProvidersModel,
  ),
  template(
    'service-revenue',
    { zh: '服务创收', en: 'Service revenue' },
    {
      zh: '保外维修与服务合同的收入线：二次消费率与价格带来的边际贡献。',
      en: 'Revenue lines for out-of-warranty repairs and service contracts: margin gained from repeat purchases and price.',
    },
    createServiceRevenueModel,
  ),
  template(
    'empty',
    { zh: '空白模型', en: 'Empty model' },
    { zh: '从零开始：一个成本根节点，一个方案。', en: 'Start from scratch: one cost root, one scenario.' },
    createEmptyModel,
  ),
];

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}

export function createTemplateModel(id: TemplateId, language: Language, firstPlanYear?: number): Model {
  return TEMPLATES.find((candidate) => candidate.id === id)!.create(language, firstPlanYear);
}
