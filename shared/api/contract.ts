import { z } from 'zod';
import { TEMPLATE_IDS } from '../model/templates';
import { editCommandSchema } from '../edits/commands';
import type { Model } from '../model/schema';
import { DISPLAY_UNITS, LANGUAGES } from '../model/units';
import type { ApiMethod } from './methods';

/**
 * The whole API between the UI and the main process, once: each method's input schema
 * (parsed on the receiving side, whatever the transport) and its result type. Electron IPC
 * and the local HTTP host both carry exactly this.
 */
const filePath = z.string().min(1, { error: 'a file path is required' }).max(4096);
const language = z.enum(LANGUAGES);
const none = z.strictObject({});

export const apiContract = {
  getSession: none,
  /** 'example' is the built-in example as it was; the template ids (shared/model/templates) give the other families. */
  newModel: z.strictObject({ path: filePath, template: z.enum(['example', ...TEMPLATE_IDS]), language: language.optional() }),
  openModel: z.strictObject({ path: filePath }),
  saveModelAs: z.strictObject({ path: filePath }),
  closeModel: none,
  listRecentFiles: none,
  applyEdit: z.strictObject({ command: editCommandSchema }),
  undo: none,
  redo: none,
  listSnapshots: none,
  createSnapshot: none,
  restoreSnapshot: z.strictObject({ snapshotId: z.string().min(1).max(200) }),
  compute: z.strictObject({ scenarioIds: z.array(z.string()).optional() }),
  exportWorkbook: z.strictObject({ path: filePath, language: language.optional(), scenarioIds: z.array(z.string()).optional() }),
  downloadWorkbook: z.strictObject({ language: language.optional(), scenarioIds: z.array(z.string()).optional() }),
  importFile: z.strictObject({ path: filePath }),
  getSettings: none,
  updateSettings: z.strictObject({
    uiLanguage: language.optional(),
    displayUnit: z.enum(DISPLAY_UNITS).optional(),
    baselineScenarioId: z.string().max(64).nullable().optional(),
  }),
} as const satisfies Record<ApiMethod, z.ZodType>;

export type ApiInput<M extends ApiMethod> = z.input<(typeof apiContract)[M]>;

export interface ReadOnlyState {
  code: 'read-only' | 'damaged';
  message: string;
  latestGoodSnapshotId?: string;
}

/** What the UI needs to show the open model and its file. */
export interface SessionState {
  file: { path: string; name: string } | null;
  model: Model | null;
  readOnly: ReadOnlyState | null;
  canUndo: boolean;
  canRedo: boolean;
  /** Counts every persisted change, so a client can tell its copy is current. */
  revision: number;
  appVersion: string;
}

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

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
  newModel: SessionState;
  openModel: SessionState;
  saveModelAs: SessionState;
  closeModel: SessionState;
  listRecentFiles: RecentFile[];
  applyEdit: EditOutcome;
  undo: SessionState;
  redo: SessionState;
  listSnapshots: SnapshotSummary[];
  createSnapshot: SnapshotSummary;
  restoreSnapshot: SessionState;
  compute: ComputeSummary;
  exportWorkbook: { path: string; bytes: number };
  downloadWorkbook: { fileName: string; base64: string };
  importFile: SessionState;
  getSettings: AppSettings;
  updateSettings: AppSettings;
}

export interface ApiError {
  /** Stable, for code: e.g. invalid-input, invalid-edit, locked, damaged, not-found. */
  code: string;
  /** For people: what is wrong and where. */
  message: string;
  /** The field or model place the message is about. */
  path?: string;
}

export type ApiResponse<M extends ApiMethod> = { ok: true; value: ApiResults[M] } | { ok: false; error: ApiError };

/** What the renderer holds, whatever carries the calls. */
export type ApiClient = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResponse<M>> };
