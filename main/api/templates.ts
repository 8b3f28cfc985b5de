import type { ModelTemplate } from '../../shared/api/files';
import { createExampleModel } from '../../shared/model/example';
import { createTemplateModel } from '../../shared/model/templates';
import { MODEL_FORMAT, MODEL_SCHEMA_VERSION, type Model } from '../../shared/model/schema';
import type { Language } from '../../shared/model/units';

/**
 * What each template of shared/api/files.ts MODEL_TEMPLATES starts a model with, and the file
 * name a new model from it gets in the data folder. A template id without an entry here does
 * not type-check.
 */
export const TEMPLATE_BUILDERS: Record<ModelTemplate, { build(language: Language): Model; fileName: Record<Language, string> }> = {
  example: { build: createExampleModel, fileName: { zh: '示例', en: 'Example' } },
  // The worked examples of the seed's other scenario families (shared/model/templates).
  'spare-parts': { build: (language) => createTemplateModel('spare-parts', language), fileName: { zh: '物料与备件', en: 'Spare parts' } },
  'service-providers': { build: (language) => createTemplateModel('service-providers', language), fileName: { zh: '服务商', en: 'Service providers' } },
  'service-revenue': { build: (language) => createTemplateModel('service-revenue', language), fileName: { zh: '服务创收', en: 'Service revenue' } },
  empty: { build: emptyModel, fileName: { zh: '新模型', en: 'New model' } },
};

export function emptyModel(language: Language): Model {
  return {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    name: language === 'zh' ? '新模型' : 'New model',
    currency: 'CNY',
    displayUnit: 'tenThousand',
    language,
    firstPlanYear: new Date().getFullYear() + 1,
    costTree: [
      {
        id: 'root',
        parentId: null,
        name: language === 'zh' ? '售后服务成本' : 'After-sales service cost',
        basis: { kind: 'amount', amount: 0 },
        relevance: 'strong',
      },
    ],
    scenarios: [],
  };
}
