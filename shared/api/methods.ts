/**
 * The names of the API's methods, without their schemas: the preload bundle needs only the
 * names to expose one function each, and must stay small.
 */
export const API_METHODS = [
  'getSession',
  'listModels',
  'newModel',
  'openModel',
  'saveModelAs',
  'duplicateModel',
  'renameModel',
  'deleteModel',
  'listDeletedModels',
  'restoreDeletedModel',
  'closeModel',
  'listRecentFiles',
  'pickFile',
  'uploadFile',
  'applyEdit',
  'undo',
  'redo',
  'listSnapshots',
  'createSnapshot',
  'restoreSnapshot',
  'compute',
  'exportFile',
  'downloadFile',
  'exportDeck',
  'downloadDeck',
  'importFile',
  'getSettings',
  'updateSettings',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}
