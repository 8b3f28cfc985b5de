import type { Problem } from '../problems';

/** Model files and the file system (main/store). Amounts are in yuan; ratios as fractions (0.15 for 15%). */
export interface StoreProblemParams {
  'nothing-to-undo': Record<string, never>;
  'nothing-to-redo': Record<string, never>;
  'file-not-found': { path: string };
  'folder-missing': { path: string };
  'no-permission': { path: string };
  'disk-full': { path: string };
  'file-in-use': { path: string };
  'file-read-only': { path: string };
  'file-damaged': { path: string; detail: string };
  'file-newer-version': { path: string };
  'file-exists': { path: string };
  'not-a-model': { path: string; reason: 'folder' | 'empty' | 'not-sqlite' | 'foreign-sqlite' };
  'snapshot-not-found': { path: string; id: string };
  /** A model file (or JSON) whose model breaks a rule: the rule as its own problem where it has one. */
  'model-breaks-rule': { path: string; where: string; problem: Problem };
}

export const STORE_CODES = [
  'nothing-to-undo',
  'nothing-to-redo',
  'file-not-found',
  'folder-missing',
  'no-permission',
  'disk-full',
  'file-in-use',
  'file-read-only',
  'file-damaged',
  'file-newer-version',
  'file-exists',
  'not-a-model',
  'snapshot-not-found',
  'model-breaks-rule',
] as const satisfies readonly (keyof StoreProblemParams)[];
