import { z } from 'zod';
import { editCommandSchema } from '../edits/commands';
import { problem, type Problem } from '../messages/problems';
import type { Model } from '../model/schema';
import { DISPLAY_UNITS, LANGUAGES } from '../model/units';
import { EXPORT_KINDS, fileReference, MODEL_TEMPLATES, modelName, refuse, uploadName, type ExportKind } from './files';
import type { ApiMethod } from './methods';

/**
 * The whole API between the UI and the main process, once: each method's input schema
 * (parsed on the receiving side, whatever the transport) and its result type. Electron IPC
 * and the local HTTP host both carry exactly this.
 */
const language = z.enum(LANGUAGES);
const none = z.strictObject({});
const exportOptions = { kind: z.enum(EXPORT_KINDS), language: language.optional(), scenarioIds: z.array(z.string()).optional() };
/** An upload travels as base64 in JSON: at most IMPORT's 50 MB file, a third more as text. */
/** The largest file the browser edition uploads. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_UPLOAD_BASE64 = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4;

/** The slides of the client deck, in deck order (main/deck/build-deck.ts builds them). */
export const DECK_SLIDE_KEYS = ['title', 'summary', 'structure', 'levers', 'bridge', 'cashflow', 'budget', 'compare', 'risk', 'assumptions'] as const;
export type DeckSlideKey = (typeof DECK_SLIDE_KEYS)[number];
/** A logo travels as base64 in the call; 1 MB of image keeps a call under the host's 2 MB body limit. */
export const DECK_LOGO_MAX_BYTES = 1024 * 1024;
const MAX_CLIENT = 200;

/**
 * What the deck shows: the scenarios (ids, the first is the headline), the baseline, the slides,
 * language and unit (default the model's), the client's name, accent colour and logo (until the
 * model keeps them).
 */
const deckOptions = {
  scenarioIds: z.array(z.string().max(64)).max(200).optional(),
  baselineScenarioId: z.string().max(64).nullable().optional(),
  slides: z
    .array(z.enum(DECK_SLIDE_KEYS))
    .superRefine((slides, context) => {
      if (slides.length === 0) refuse(context, problem('deck-option-invalid', { option: 'slides', max: 0 }));
    })
    .optional(),
  language: language.optional(),
  unit: z.enum(DISPLAY_UNITS).optional(),
  client: z
    .string()
    .superRefine((client, context) => {
      if (client.length > MAX_CLIENT) refuse(context, problem('deck-option-invalid', { option: 'client', max: MAX_CLIENT }));
    })
    .optional(),
  accent: z
    .string()
    .superRefine((accent, context) => {
      if (!/^#?[0-9a-fA-F]{6}$/.test(accent)) refuse(context, problem('deck-option-invalid', { option: 'accent', max: 0 }));
    })
    .optional(),
  logo: z
    .strictObject({
      type: z.enum(['png', 'jpeg']),
      base64: z.string().superRefine((base64, context) => {
        if (base64.length > Math.ceil(DECK_LOGO_MAX_BYTES / 3) * 4)
          refuse(context, problem('deck-option-invalid', { option: 'logo-size', max: DECK_LOGO_MAX_BYTES }));
        else if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) refuse(context, problem('logo-not-image', {}));
      }),
    })
    .optional(),
};

/**
 * Files are named by `fileReference` only (a file name in the data folder or a handle the main
 * process gave out, see ./files.ts): no method takes a path.
 */
export const apiContract = {
  getSession: none,
  listModels: none,
  newModel: z.strictObject({
    template: z.enum(MODEL_TEMPLATES),
    language: language.optional(),
    /** The new model's name in the data folder; a taken name gets " 2". */
    name: modelName.optional(),
    /** Instead of a name: where the main process was told to put it (File > New's save dialog). */
    target: fileReference.optional(),
  }),
  openModel: z.strictObject({ file: fileReference }),
  saveModelAs: z.strictObject({ target: fileReference }),
  duplicateModel: z.strictObject({ file: fileReference, name: modelName }),
  renameModel: z.strictObject({ file: fileReference, name: modelName }),
  deleteModel: z.strictObject({ file: fileReference }),
  listDeletedModels: none,
  restoreDeletedModel: z.strictObject({
    id: z
      .string()
      .min(1)
      .max(300)
      .regex(/^[0-9TZ]+--[^/\\]+$/, { error: 'not the id of a deleted model' }),
  }),
  closeModel: none,
  listRecentFiles: none,
  pickFile: z.strictObject({ purpose: z.enum(['open', 'import', 'export']), kind: z.enum(EXPORT_KINDS).optional() }),
  uploadFile: z.strictObject({
    fileName: uploadName,
    base64: z.string().superRefine((base64, context) => {
      if (base64.length > MAX_UPLOAD_BASE64) refuse(context, problem('request-too-large', { bytes: MAX_UPLOAD_BYTES, upload: true }));
    }),
  }),
  applyEdit: z.strictObject({ command: editCommandSchema }),
  undo: none,
  redo: none,
  listSnapshots: none,
  createSnapshot: none,
  restoreSnapshot: z.strictObject({ snapshotId: z.string().min(1).max(200) }),
  compute: z.strictObject({ scenarioIds: z.array(z.string()).optional() }),
  exportFile: z.strictObject({ ...exportOptions, target: fileReference }),
  downloadFile: z.strictObject(exportOptions),
  /** The client deck with its options; `target` from pickFile({ purpose: 'export', kind: 'deck' }). */
  exportDeck: z.strictObject({ ...deckOptions, target: fileReference }),
  downloadDeck: z.strictObject(deckOptions),
  importFile: z.strictObject({ source: fileReference, mode: z.enum(['new', 'replace']) }),
  getSettings: none,
  updateSettings: z.strictObject({
    uiLanguage: language.optional(),
    displayUnit: z.enum(DISPLAY_UNITS).optional(),
    baselineScenarioId: z.string().max(64).nullable().optional(),
  }),
} as const satisfies Record<ApiMethod, z.ZodType>;

export type ApiInput<M extends ApiMethod> = z.input<(typeof apiContract)[M]>;
export type DeckRequest = z.output<typeof apiContract.downloadDeck>;

export interface ReadOnlyState {
  code: 'read-only' | 'damaged';
  /** In English, for logs; the UI words `problem`. */
  message: string;
  /** Why the file is read-only and what to do (restore a snapshot, "Save as"), worded by the UI in its language. */
  problem: Problem;
  latestGoodSnapshotId?: string;
}

/** What the UI needs to show the open model and its file. */
export interface SessionState {
  /** `file` is what the UI passes back to name it; `path` is for showing where it is, never an input. */
  file: { file: string; path: string; name: string; inDataFolder: boolean } | null;
  model: Model | null;
  readOnly: ReadOnlyState | null;
  canUndo: boolean;
  canRedo: boolean;
  /** Counts every persisted change, so a client can tell its copy is current. */
  revision: number;
  /** The app's view settings (language, display unit) where chosen; else the model's own apply. */
  view?: { language?: (typeof LANGUAGES)[number]; displayUnit?: (typeof DISPLAY_UNITS)[number] };
  appVersion: string;
}

export interface RecentFile {
  /** A file name in the data folder or a handle (absent when the file is gone). */
  file: string | null;
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

/** A model in the data folder, for the Models view. */
export interface ModelEntry {
  file: string;
  fileName: string;
  /** The model's own name (or the file's, when it cannot be read). */
  name: string;
  scenarios: number | null;
  costLines: number | null;
  modifiedAt: string;
  bytes: number;
  open: boolean;
  /** Why it cannot be opened (damaged, newer format, not a model...), worded by the Models view in its language. */
  problem?: Problem;
}

export interface DeletedModel {
  id: string;
  fileName: string;
  deletedAt: string;
}

/** What an import did, for the message "imported 38 cost lines and 2 scenarios into 客户A.costplan". */
export interface ImportOutcome {
  session: SessionState;
  mode: 'new' | 'replace';
  fileName: string;
  costLines: number;
  scenarios: number;
  /** The source: a whole model (a .costplan or a workbook this app exported) or a cost structure. */
  source: 'model' | 'workbook' | 'structure';
  /** What the import took but the user should know: formula cells of an exported workbook typed over (one per sheet). */
  warnings: ImportWarning[];
}

/** A sheet of an exported workbook where `count` formula cells hold typed values, the first at `cell` (e.g. "F12"); the import recomputes them. */
export const importWarning = z.strictObject({
  kind: z.literal('formulas-replaced'),
  sheet: z.string().max(200),
  cell: z.string().regex(/^[A-Z]{1,3}[1-9][0-9]{0,6}$/u),
  count: z.number().int().positive(),
});
export type ImportWarning = z.infer<typeof importWarning>;

export interface SnapshotSummary {
  id: string;
  createdAt: string;
  reason: string;
  bytes: number;
}

export interface AppSettings {
  uiLanguage?: 'zh' | 'en';
  displayUnit?: (typeof DISPLAY_UNITS)[number];
  /** Per model file: the scenario the others are compared with. */
  baselineScenarioId?: string | null;
}

export interface EditOutcome {
  canUndo: boolean;
  canRedo: boolean;
  revision: number;
}

export interface ComputeSummary {
  scenarios: {
    id: string;
    name: string;
    affectedShare: number;
    years: { year: number; calendarYear: number; saving: number; investment: number; net: number; cumulativeNet: number }[];
    totals: {
      saving: number;
      investment: number;
      net: number;
      returnOnInvestment: number | null;
      netRoi: number | null;
      npv: number;
      paybackYears: number | null;
    };
  }[];
}

export interface ApiResults {
  getSession: SessionState;
  listModels: ModelEntry[];
  newModel: SessionState;
  openModel: SessionState;
  saveModelAs: SessionState;
  duplicateModel: ModelEntry;
  renameModel: { entry: ModelEntry; session: SessionState };
  deleteModel: { deleted: DeletedModel; session: SessionState };
  listDeletedModels: DeletedModel[];
  restoreDeletedModel: ModelEntry;
  closeModel: SessionState;
  listRecentFiles: RecentFile[];
  /** null when the dialog was cancelled. */
  pickFile: { file: string; name: string } | null;
  uploadFile: { file: string; name: string; kind: 'model' | 'workbook' | 'csv' };
  applyEdit: EditOutcome;
  undo: SessionState;
  redo: SessionState;
  listSnapshots: SnapshotSummary[];
  createSnapshot: SnapshotSummary;
  restoreSnapshot: SessionState;
  compute: ComputeSummary;
  exportFile: { kind: ExportKind; name: string; bytes: number };
  downloadFile: { kind: ExportKind; fileName: string; mimeType: string; base64: string };
  exportDeck: { name: string; bytes: number; slides: number };
  downloadDeck: { fileName: string; base64: string; slides: number };
  importFile: ImportOutcome;
  getSettings: AppSettings;
  updateSettings: AppSettings;
}

export interface ApiError {
  /** Stable, for code: e.g. invalid-input, invalid-edit, locked, damaged, not-found. */
  code: string;
  /** For people, in English: what is wrong and where (logs, and clients that cannot word `problem`). */
  message: string;
  /** The field or model place the message is about. */
  path?: string;
  /** The problem as a code with typed parameters: the UI, menus and CLI word it in their language and unit. */
  problem: Problem;
}

export type ApiResponse<M extends ApiMethod> = { ok: true; value: ApiResults[M] } | { ok: false; error: ApiError };

/** What the renderer holds, whatever carries the calls. */
export type ApiClient = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResponse<M>> };
