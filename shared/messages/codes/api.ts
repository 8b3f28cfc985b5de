import type { Problem } from '../problems';

/** Why a name cannot name a model file (shared/api/files.ts modelNameIssue). */
export type ModelNameIssue =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number; max: number }
  | { kind: 'leading-dot' }
  | { kind: 'separator' }
  | { kind: 'character'; character: string }
  | { kind: 'reserved' }
  | { kind: 'trailing' };

/** How the app's API names a use of a file: to open or write a model, to import, or an export of one kind. */
export type FileUse = 'model' | 'import' | 'export-workbook' | 'export-model' | 'export-deck';

/** Why a file name the UI sent names no file the app may reach. */
export type FileReferenceReason = 'handle-malformed' | 'path' | 'parent-folder' | 'other-folder';

/** What the browser host refuses before a request reaches the API (main/host). */
export type HostRefusal = 'host' | 'origin' | 'escape' | 'get-only' | 'post-only' | 'secret' | 'media-type' | 'json' | 'not-found';

/** Requests of the app's API that cannot be served as asked (main/api, main/host, main/electron, main/deck). Amounts are in yuan; ratios as fractions (0.15 for 15%). */
export interface ApiProblemParams {
  'no-model': Record<string, never>;
  /** A file named by the UI that is neither a file name in the data folder nor a handle. */
  'file-reference-invalid': { file: string; reason: FileReferenceReason };
  /** A name a model file cannot have in the data folder. */
  'model-name-invalid': { name: string; issue: ModelNameIssue };
  'handle-unknown': { file: string };
  'handle-other-use': { name: string; chosenFor: FileUse; wanted: FileUse };
  /** An import or export named by a data-folder file name instead of a file chosen in a dialog or uploaded. */
  'data-folder-not-for': { file: string; use: 'import' | 'export' };
  'model-extension-missing': { file: string; extension: string };
  'data-folder-link': { name: string };
  'outside-data-folder': { name: string; action: 'rename' | 'delete' };
  'not-in-data-folder': { name: string };
  'name-taken': { name: string };
  'deleted-model-missing': { id: string };
  'feature-unavailable': { feature: 'deck' | 'workbook' | 'file-dialog' };
  'unknown-method': { method: string };
  /** An input the contract refuses; `detail` is the validator's own (English) text. */
  'input-invalid': { method: string; field: string; detail: string };
  'one-input-only': { method: string };
  'sender-refused': { method: string };
  'upload-name-invalid': { name: string; reason: 'not-plain' | 'extension' };
  'request-refused': { reason: HostRefusal };
  'request-too-large': { bytes: number; upload: boolean };
  /** Something went wrong that no rule of the app foresaw; `detail` is the error's own text. */
  'internal-error': { detail: string };
  /** The planner's host (browser edition) or the app's main process did not answer. */
  'host-unreachable': { detail: string };
  /** An edit on screen that could not be written to the file, and why. */
  'save-failed': { reason: Problem };
  'logo-not-image': Record<string, never>;
  'deck-no-scenario': Record<string, never>;
  'deck-baseline-missing': { name: string; known: string };
  /** A deck option out of its bounds; `max` is the longest client name (characters) or the largest logo (bytes). */
  'deck-option-invalid': { option: 'slides' | 'client' | 'accent' | 'logo-size'; max: number };
}

export const API_CODES = [
  'no-model',
  'file-reference-invalid',
  'model-name-invalid',
  'handle-unknown',
  'handle-other-use',
  'data-folder-not-for',
  'model-extension-missing',
  'data-folder-link',
  'outside-data-folder',
  'not-in-data-folder',
  'name-taken',
  'deleted-model-missing',
  'feature-unavailable',
  'unknown-method',
  'input-invalid',
  'one-input-only',
  'sender-refused',
  'upload-name-invalid',
  'request-refused',
  'request-too-large',
  'internal-error',
  'host-unreachable',
  'save-failed',
  'logo-not-image',
  'deck-no-scenario',
  'deck-baseline-missing',
  'deck-option-invalid',
] as const satisfies readonly (keyof ApiProblemParams)[];
