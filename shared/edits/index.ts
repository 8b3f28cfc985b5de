export * from './changes';
export * from './commands';
export { applyEdit, subtreeIds, type AppliedEdit } from './apply';
