export * from './changes';
export * from './commands';
export { applyEdit, planEdit, subtreeIds, type AppliedEdit } from './apply';
export { validateChangedModel } from './validate-edit';
