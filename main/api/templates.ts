import type { ModelTemplate } from '../../shared/api/files';
import { createExampleModel } from '../../shared/model/example';
import { createTemplateModel } from '../../shared/model/templates';
import { MODEL_FORMAT, MODEL_SCHEMA_VERSION, type Model } from '../../shared/model/schema';
import type { Language } from '../../shared/model/units';
import { text } from '../../shared/i18n/vocabulary';

/**
 * What each template of shared/api/files.ts MODEL_TEMPLATES starts a model with, and the file
 * name a new model from it gets in the data folder. A template id without an entry here does
 * not type-check.
 */
export const TEMPLATE_BUILDERS: Record<ModelTemplate, { build(language: Language): Model; fileName: Record<Language, string> }> = {
  example: { build: createExampleModel, fileName: fileNames('example') },
  // The worked examples of the seed's other scenario families (shared/model/templates).
  'spare-parts': { build: (language) => createTemplateModel('spare-parts', language), fileName: fileNames('spare-parts') },
  'service-providers': { build: (language) => createTemplateModel('service-providers', language), fileName: fileNames('service-providers') },
  'service-revenue': { build: (language) => createTemplateModel('service-revenue', language), fileName: fileNames('service-revenue') },
  empty: { build: emptyModel, fileName: fileNames('empty') },
};

/** A template's name in each language, from the vocabulary: the new model's file name in the data folder. */
function fileNames(template: ModelTemplate): Record<Language, string> {
  return { zh: text('zh', 'menu', `templates.${template}`), en: text('en', 'menu', `templates.${template}`) };
}

export function emptyModel(language: Language): Model {
  return {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    name: text(language, 'menu', 'templates.empty'),
    currency: 'CNY',
    displayUnit: 'tenThousand',
    language,
    firstPlanYear: new Date().getFullYear() + 1,
    costTree: [
      {
        id: 'root',
        parentId: null,
        name: text(language, 'menu', 'emptyRootLine'),
        basis: { kind: 'amount', amount: 0 },
        relevance: 'strong',
      },
    ],
    scenarios: [],
  };
}
