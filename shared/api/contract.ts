import { z } from 'zod';
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

/** The slides of the client deck, in deck order (main/deck/build-deck.ts builds them). */
export const DECK_SLIDE_KEYS = ['title', 'summary', 'structure', 'levers', 'bridge', 'cashflow', 'budget', 'compare', 'risk', 'assumptions'] as const;
export type DeckSlideKey = (typeof DECK_SLIDE_KEYS)[number];
/** A logo travels as base64 in the call; 1 MB of image keeps a call under the host's 2 MB body limit. */
export const DECK_LOGO_MAX_BYTES = 1024 * 1024;

/**
 * What the deck shows: the scenarios (ids, the first is the headline), the baseline, the slides,
 * language and unit (default the model's), the client's name, accent colour and logo (until the
 * model keeps them).
 */
const deckOptions = {
  scenarioIds: z.array(z.string().max(64)).max(200).optional(),
  baselineScenarioId: z.string().max(64).nullable().optional(),
  slides: z.array(z.enum(DECK_SLIDE_KEYS)).min(1, { error: 'choose at least one slide' }).optional(),
  language: language.optional(),
  unit: z.enum(DISPLAY_UNITS).optional(),
  client: z.string().max(200, { error: 'a client name may be at most 200 characters' }).optional(),
  accent: z
    .string()
    .regex(/^#?[0-9a-fA-F]{6}$/, { error: 'an accent colour is six hex digits such as 1F6FB2' })
    .optional(),
  logo: z
    .strictObject({
      type: z.enum(['png', 'jpeg']),
      base64: z
        .string()
        .max(Math.ceil(DECK_LOGO_MAX_BYTES / 3) * 4, { error: `a logo may be at most ${DECK_LOGO_MAX_BYTES / 1024 / 1024} MB` })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'the logo must be base64' }),
    })
    .optional(),
};

export const apiContract = {
  getSession: none,
  newModel: z.strictObject({ path: filePath, template: z.enum(['example', 'empty']), language: language.optional() }),
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
  exportDeck: z.strictObject({ path: filePath, ...deckOptions }),
  downloadDeck: z.strictObject(deckOptions),
  importFile: z.strictObject({ path: filePath }),
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
  exportDeck: { path: string; bytes: number; slides: number };
  downloadDeck: { fileName: string; base64: string; slides: number };
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
