export * from './schema';
export * from './text';
export * from './units';
export * from './validate';
export { createExampleModel } from './example';
export { TEMPLATE_IDS, TEMPLATES, createTemplateModel, isTemplateId, type TemplateId, type ModelTemplate } from './templates';
