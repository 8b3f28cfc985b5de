import { existsSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, extname, join } from 'node:path';
import type { z } from 'zod';
import {
  apiContract,
  importWarning,
  type DeckRequest,
  type ApiError,
  type AppSettings,
  type ApiInput,
  type ApiResponse,
  type ApiResults,
  type ImportOutcome,
  type ImportWarning,
  type ModelEntry,
  type SessionState,
} from '../../shared/api/contract';
import { HANDLE_PREFIX, MODEL_EXTENSION, type ExportKind } from '../../shared/api/files';
import { isApiMethod, type ApiMethod } from '../../shared/api/methods';
import { computeModel } from '../../shared/engine';
import type { Model } from '../../shared/model/schema';
import type { Language } from '../../shared/model/units';
import { writeFileAtomically } from '../io/write-file';
import { copyModelFile, ModelDocument, type StoreOptions } from '../store/document';
import { StoreError } from '../store/errors';
import { fileSystemProblem, isProblem, problem, type Problem } from '../../shared/messages/problems';
import { renderProblem } from '../../shared/messages/render';
import { readModelFile } from '../store/read';
import { WorkbookImportError } from '../excel/errors';
import type { WorkbookService } from '../excel/service';
import { AppSettingsStore } from './app-settings';
import { ApiFailure, problemOfIssue } from './failure';
import { ModelFiles, type FilePolicy, type FilePurpose } from './files';
import { ModelLibrary } from './library';
import { TEMPLATE_BUILDERS } from './templates';

export { ApiFailure } from './failure';
export { emptyModel } from './templates';

/** Writes and reads workbooks; provided by the Excel module (a type only: the handlers load no Excel code). */
export type { WorkbookService } from '../excel/service';

/** Builds client decks; provided by the deck module (pptxgenjs), kept out of the handlers' imports. */
export interface DeckService {
  deckBytes(model: Model, request: DeckRequest, baselineScenarioId: string | null): Promise<{ data: Buffer; slides: number }>;
  writeDeck(model: Model, path: string, request: DeckRequest, baselineScenarioId: string | null): Promise<{ bytes: number; slides: number }>;
}

/**
 * The desktop's native dialogs, for `pickFile`: the chosen path, or undefined when cancelled.
 * The browser host has none (there, files come in as uploads).
 */
export type FilePicker = (request: { purpose: 'open' | 'import' | 'export'; kind: ExportKind; defaultName: string }) => Promise<string | undefined>;

export interface ApiDependencies {
  dataDir: string;
  appVersion: string;
  now?: () => Date;
  workbooks?: WorkbookService;
  decks?: DeckService;
  /** 'data-folder-only' for the browser host: recent files elsewhere are neither listed nor opened. */
  files?: FilePolicy;
}

type Handlers = { [M in ApiMethod]: (input: z.output<(typeof apiContract)[M]>) => Promise<ApiResults[M]> };

interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * The API's behaviour, as plain functions over the store, the engine and the exporter: no
 * Electron, no HTTP. `dispatch` is the one door every transport uses: it parses the input with
 * the contract's schema before any handler runs and turns every failure into an error value.
 * Files are named by the UI only as a data-folder file name or a handle (`files`).
 */
export class ApiService {
  private document: ModelDocument | undefined;
  private revision = 0;
  readonly settings: AppSettingsStore;
  readonly files: ModelFiles;
  private readonly library: ModelLibrary;
  private readonly storeOptions: StoreOptions;
  private queue: Promise<unknown> = Promise.resolve();
  private picker: FilePicker | undefined;

  constructor(private readonly deps: ApiDependencies) {
    this.settings = new AppSettingsStore(deps.dataDir);
    this.files = new ModelFiles(deps.dataDir, deps.files ?? 'any');
    this.library = new ModelLibrary(this.files);
    this.storeOptions = { dataDir: deps.dataDir, ...(deps.now ? { now: deps.now } : {}) };
  }

  /** The desktop app's native dialogs for `pickFile`. */
  setFilePicker(picker: FilePicker): void {
    this.picker = picker;
  }

  /** Calls run one at a time, in arrival order: two edits never interleave. */
  dispatch(method: unknown, input: unknown): Promise<ApiResponse<ApiMethod>> {
    const run = this.queue.then(() => this.run(method, input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResponse<M>> {
    return (await this.dispatch(method, input)) as ApiResponse<M>;
  }

  get currentDocument(): ModelDocument | undefined {
    return this.document;
  }

  /** Opens the last file, or creates the example in the data folder on first run. */
  async openDefault(language: Language = 'zh'): Promise<SessionState> {
    const last = this.settings.lastFile();
    if (last && existsSync(last) && this.reachable(last)) {
      const opened = await this.call('openModel', { file: this.files.referenceFor(last) });
      if (opened.ok) return opened.value;
    }
    const exampleName = TEMPLATE_BUILDERS.example.fileName[language];
    const response = existsSync(this.files.pathForName(exampleName, false))
      ? await this.call('openModel', { file: `${exampleName}${MODEL_EXTENSION}` })
      : await this.call('newModel', { template: 'example', language });
    if (!response.ok) throw new Error(response.error.message);
    return response.value;
  }

  async shutdown(): Promise<void> {
    await this.queue;
    await this.document?.close();
    this.document = undefined;
    this.files.clearUploads();
  }

  private async run(method: unknown, input: unknown): Promise<ApiResponse<ApiMethod>> {
    if (!isApiMethod(method)) {
      const refused = problem('unknown-method', { method: typeof method === 'string' ? method : typeof method });
      return { ok: false, error: { code: 'unknown-method', message: englishText(refused), problem: refused } };
    }
    const parsed = apiContract[method].safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.map(String).join('.');
      // A contract refinement (a file or model name) carries its problem; zod's own checks give their English as the detail.
      const carried: unknown = issue.code === 'custom' ? issue.params?.problem : undefined;
      const refused = isProblem(carried) ? carried : problem('input-invalid', { method, field: path, detail: issue.message });
      return {
        ok: false,
        error: { code: 'invalid-input', message: `${method}: ${path ? `${path}: ` : ''}${issue.message}`, ...(path ? { path } : {}), problem: refused },
      };
    }
    try {
      const handler = this.handlers[method] as (value: unknown) => Promise<ApiResults[ApiMethod]>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  }

  private readonly handlers: Handlers = {
    getSession: async () => this.state(),
    listModels: async () => this.listModels(),
    newModel: async ({ template, language, name, target }) => {
      const lang = language ?? this.settings.settings(undefined).uiLanguage ?? 'zh';
      const built = TEMPLATE_BUILDERS[template];
      const model = name === undefined ? built.build(lang) : { ...built.build(lang), name: name.trim() };
      const path = target !== undefined ? this.files.resolve(target, 'model') : this.files.pathForName(name ?? built.fileName[lang], name === undefined);
      // Only a save dialog's answer (a handle) may replace a file: the user agreed to it there.
      const chosenInDialog = target !== undefined && isHandle(target);
      if (!chosenInDialog) this.refuseExisting(path);
      await this.releaseIfOpen(path);
      const document = await ModelDocument.create(path, model, { ...this.storeOptions, overwrite: chosenInDialog });
      return this.switchTo(document);
    },
    openModel: async ({ file }) => {
      const path = this.files.resolve(file, 'model');
      if (this.document?.path === path) return this.state();
      return this.switchTo(await ModelDocument.open(path, this.storeOptions));
    },
    saveModelAs: async ({ target }) => {
      const path = this.files.resolve(target, 'model');
      const document = this.requireDocument();
      if (!isHandle(target) && path !== document.path) this.refuseExisting(path);
      this.document = undefined;
      try {
        return await this.switchTo(await document.saveAs(path));
      } catch (error) {
        this.document = document;
        throw error;
      }
    },
    duplicateModel: async ({ file, name }) => {
      const source = this.files.resolve(file, 'model');
      const target = this.files.pathForName(name, false);
      this.refuseExisting(target);
      if (this.document?.path === source) await this.document.copyTo(target);
      else await copyModelFile(source, target);
      return this.entryFor(target);
    },
    renameModel: async ({ file, name }) => {
      const source = this.files.resolve(file, 'model');
      if (!this.files.inDataFolder(source)) throw new ApiFailure('refused-file', problem('outside-data-folder', { name: basename(source), action: 'rename' }));
      const target = this.files.pathForName(name, false);
      if (target === source) return { entry: this.entryFor(source), session: this.state() };
      // A change of case only is the same file on Windows and macOS.
      if (target.toLowerCase() !== source.toLowerCase()) this.refuseExisting(target);
      const wasOpen = this.document?.path === source;
      if (wasOpen) await this.closeDocument();
      let renamed = false;
      try {
        this.library.rename(source, target);
        renamed = true;
        this.settings.renamed(source, target);
      } finally {
        if (wasOpen) await this.switchTo(await ModelDocument.open(renamed ? target : source, this.storeOptions));
      }
      return { entry: this.entryFor(target), session: this.state() };
    },
    deleteModel: async ({ file }) => {
      const path = this.files.resolve(file, 'model');
      if (!this.files.inDataFolder(path)) throw new ApiFailure('refused-file', problem('outside-data-folder', { name: basename(path), action: 'delete' }));
      if (!existsSync(path)) throw new ApiFailure('not-found', problem('not-in-data-folder', { name: basename(path) }));
      if (this.document?.path === path) await this.closeDocument();
      const deleted = this.library.delete(path, this.now());
      return { deleted, session: this.state() };
    },
    listDeletedModels: async () => this.library.deleted(),
    restoreDeletedModel: async ({ id }) => this.entryFor(this.library.restore(id)),
    closeModel: async () => {
      await this.closeDocument();
      return this.state();
    },
    listRecentFiles: async () =>
      this.settings
        .recentFiles()
        .filter((recent) => this.reachable(recent.path))
        .map((recent) => ({ ...recent, file: recent.exists ? this.files.referenceFor(recent.path) : null })),
    pickFile: async ({ purpose, kind = 'workbook' }) => {
      if (!this.picker) throw new ApiFailure('unavailable', problem('feature-unavailable', { feature: 'file-dialog' }));
      const path = await this.picker({ purpose, kind, defaultName: this.exportName(kind) });
      if (path === undefined) return null;
      const use: FilePurpose = purpose === 'open' ? 'model' : purpose === 'import' ? 'import' : `export:${kind}`;
      return { file: this.files.register(path, use), name: basename(path) };
    },
    uploadFile: async ({ fileName, base64 }) => {
      const bytes = Buffer.from(base64, 'base64');
      const { file } = this.files.saveUpload(fileName, bytes);
      const extension = extname(fileName).toLowerCase();
      return { file, name: fileName, kind: extension === MODEL_EXTENSION ? 'model' : extension === '.csv' ? 'csv' : 'workbook' };
    },
    applyEdit: async ({ command }) => {
      const document = this.requireDocument();
      const applied = document.apply(command);
      if (!applied.ok) {
        const issue = applied.error[0]!;
        throw new ApiFailure('invalid-edit', problemOfIssue(issue), issue.path);
      }
      this.revision += 1;
      return { canUndo: document.canUndo(), canRedo: document.canRedo(), revision: this.revision };
    },
    undo: async () => {
      this.requireDocument().undo();
      this.revision += 1;
      return this.state();
    },
    redo: async () => {
      this.requireDocument().redo();
      this.revision += 1;
      return this.state();
    },
    listSnapshots: async () => this.requireDocument().snapshots().map(summariseSnapshot),
    createSnapshot: async () => summariseSnapshot(await this.requireDocument().snapshot('manual')),
    restoreSnapshot: async ({ snapshotId }) => {
      await this.requireDocument().restore(snapshotId);
      this.revision += 1;
      return this.state();
    },
    compute: async ({ scenarioIds }) => {
      const model = this.requireDocument().model;
      const scoped = scenarioIds ? { ...model, scenarios: model.scenarios.filter((s) => scenarioIds.includes(s.id)) } : model;
      const computed = computeModel(scoped);
      if (!computed.ok) throw new ApiFailure('invalid-model', problemOfIssue(computed.error[0]!), computed.error[0]!.path);
      return {
        scenarios: computed.value.scenarios.map((result) => ({
          id: result.scenarioId,
          name: result.name,
          affectedShare: result.affectedShare,
          years: result.years.map(({ year, calendarYear, saving, investment, net, cumulativeNet }) => ({
            year,
            calendarYear,
            saving,
            investment,
            net,
            cumulativeNet,
          })),
          totals: result.totals,
        })),
      };
    },
    exportFile: async ({ kind, target, language, scenarioIds }) => {
      const path = this.files.resolve(target, `export:${kind}`);
      const exported = await this.exportBytes(kind, withOptional({ language, scenarioIds }));
      writeFileAtomically(path, Buffer.from(exported.bytes));
      return { kind, name: basename(path), bytes: exported.bytes.length };
    },
    downloadFile: async ({ kind, language, scenarioIds }) => {
      const exported = await this.exportBytes(kind, withOptional({ language, scenarioIds }));
      return { kind, fileName: exported.fileName, mimeType: exported.mimeType, base64: Buffer.from(exported.bytes).toString('base64') };
    },
    exportDeck: async ({ target, ...request }) => {
      const document = this.requireDocument();
      const path = this.files.resolve(target, 'export:deck');
      const deck = await this.decks().deckBytes(document.model, withOptional(request), this.baselineFor(document.path, request.baselineScenarioId));
      writeFileAtomically(path, deck.data);
      return { name: basename(path), bytes: deck.data.length, slides: deck.slides };
    },
    downloadDeck: async (request) => {
      const document = this.requireDocument();
      const deck = await this.decks().deckBytes(document.model, withOptional(request), this.baselineFor(document.path, request.baselineScenarioId));
      return { fileName: this.exportName('deck'), base64: deck.data.toString('base64'), slides: deck.slides };
    },
    importFile: async ({ source, mode }) => {
      const path = this.files.resolve(source, 'import');
      const outcome = await this.importFile(path, mode);
      // An upload has done its work once imported; a failed one stays for another try.
      this.files.removeUpload(path);
      return outcome;
    },
    getSettings: async () => this.settings.settings(this.document?.path),
    updateSettings: async (patch) => this.settings.update(withOptional(patch), this.document?.path),
  };

  /** A model file, an exported workbook or a cost structure: as a new model in the data folder, or over the open one (undoable). */
  private async importFile(path: string, mode: 'new' | 'replace'): Promise<ImportOutcome> {
    const isModel = extname(path).toLowerCase() === MODEL_EXTENSION;
    const current = mode === 'replace' ? this.requireDocument() : undefined;
    if (current?.readOnly) throw new StoreError(current.readOnly.code, current.readOnly.problem, current.path);
    let model: Model;
    let source: ImportOutcome['source'];
    let warnings: ImportWarning[] = [];
    if (isModel) {
      model = readModelFile(path).model;
      source = 'model';
    } else {
      const read = await this.workbooks().readModel(path, current?.model ?? null);
      model = read.model;
      source = read.kind;
      // The contract's shape, checked where it leaves the host (a sheet name is the user's text).
      warnings = importWarning.array().parse(read.warnings);
    }
    if (current) {
      await current.importModel(model, basename(path));
      this.revision += 1;
    } else {
      const target = this.files.pathForName(basename(path, extname(path)), true);
      // A model file keeps its whole history (undo steps) when copied; others are written new.
      if (isModel) {
        await copyModelFile(path, target);
        await this.switchTo(await ModelDocument.open(target, this.storeOptions));
      } else await this.switchTo(await ModelDocument.create(target, model, this.storeOptions));
    }
    const document = this.requireDocument();
    return {
      session: this.state(),
      mode,
      fileName: basename(document.path),
      costLines: model.costTree.length,
      scenarios: document.model.scenarios.length,
      source,
      warnings,
    };
  }

  /** The bytes of one export kind of the open model, with the file name it is offered under. */
  private async exportBytes(kind: ExportKind, options: { language?: Language; scenarioIds?: string[] }): Promise<ExportedFile> {
    const document = this.requireDocument();
    const fileName = this.exportName(kind);
    if (kind === 'workbook')
      return {
        fileName,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: await this.workbooks().workbookBytes(document.model, options),
      };
    if (kind === 'deck') {
      // Every slide and scenario, in the chosen language and the model's unit (exportDeck takes the other options).
      const deck = await this.decks().deckBytes(document.model, options, this.baselineFor(document.path, undefined));
      return { fileName, mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', bytes: deck.data };
    }
    // The model file itself: a clean copy made with the backup API, never the live file's bytes.
    const temporary = join(this.deps.dataDir, `.download-${process.pid}-${randomBytes(4).toString('hex')}${MODEL_EXTENSION}`);
    try {
      await document.copyTo(temporary);
      return { fileName, mimeType: 'application/octet-stream', bytes: readFileSync(temporary) };
    } finally {
      rmSync(temporary, { force: true });
    }
  }

  /** "客户A.xlsx" for the open 客户A.costplan. */
  private exportName(kind: ExportKind): string {
    const stem = this.document ? basename(this.document.path, MODEL_EXTENSION) : 'model';
    return `${stem}${kind === 'workbook' ? '.xlsx' : kind === 'deck' ? '.pptx' : MODEL_EXTENSION}`;
  }

  private listModels(): ModelEntry[] {
    return this.library.list(this.document ? { path: this.document.path, model: this.document.model } : undefined);
  }

  private entryFor(path: string): ModelEntry {
    const entry = this.listModels().find((candidate) => candidate.fileName === basename(path));
    if (!entry) throw new ApiFailure('not-found', problem('not-in-data-folder', { name: basename(path) }));
    return entry;
  }

  private refuseExisting(path: string): void {
    if (existsSync(path)) throw new ApiFailure('exists', problem('name-taken', { name: basename(path) }));
  }

  /** The browser host reaches only the data folder. */
  private reachable(path: string): boolean {
    return this.files.policy === 'any' || this.files.inDataFolder(path);
  }

  /** A file about to be replaced must not stay open here. */
  private async releaseIfOpen(path: string): Promise<void> {
    if (this.document?.path === path) await this.closeDocument();
  }

  private async closeDocument(): Promise<void> {
    const document = this.document;
    this.document = undefined;
    this.revision += 1;
    await document?.close();
  }

  private async switchTo(document: ModelDocument): Promise<SessionState> {
    if (this.document && this.document !== document) await this.document.close();
    this.document = document;
    this.revision += 1;
    this.settings.noteOpened(document.path, this.now());
    return this.state();
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  private state(): SessionState {
    const document = this.document;
    return {
      file: document
        ? {
            file: this.files.referenceFor(document.path),
            path: document.path,
            name: basename(document.path),
            inDataFolder: this.files.inDataFolder(document.path),
          }
        : null,
      model: document?.model ?? null,
      readOnly: document?.readOnly
        ? {
            code: document.readOnly.code,
            message: document.readOnly.message,
            problem: document.readOnly.problem,
            ...(document.readOnly.latestGoodSnapshot ? { latestGoodSnapshotId: document.readOnly.latestGoodSnapshot.id } : {}),
          }
        : null,
      canUndo: document && !document.readOnly ? document.canUndo() : false,
      canRedo: document && !document.readOnly ? document.canRedo() : false,
      revision: this.revision,
      appVersion: this.deps.appVersion,
      view: viewOf(this.settings.settings(undefined)),
    };
  }

  private requireDocument(): ModelDocument {
    if (!this.document) throw new ApiFailure('no-model', problem('no-model', {}));
    return this.document;
  }

  /** The baseline the caller named, else the one marked for this file in the settings. */
  private baselineFor(path: string, requested: string | null | undefined): string | null {
    if (requested !== undefined) return requested;
    return this.settings.settings(path).baselineScenarioId ?? null;
  }

  private decks(): DeckService {
    if (!this.deps.decks) throw new ApiFailure('unavailable', problem('feature-unavailable', { feature: 'deck' }));
    return this.deps.decks;
  }

  private workbooks(): WorkbookService {
    if (!this.deps.workbooks) throw new ApiFailure('unavailable', problem('feature-unavailable', { feature: 'workbook' }));
    return this.deps.workbooks;
  }
}

function viewOf(settings: AppSettings): NonNullable<SessionState['view']> {
  return { ...(settings.uiLanguage ? { language: settings.uiLanguage } : {}), ...(settings.displayUnit ? { displayUnit: settings.displayUnit } : {}) };
}

function isHandle(file: string): boolean {
  return file.startsWith(HANDLE_PREFIX);
}

function summariseSnapshot(snapshot: { id: string; createdAt: Date; reason: string; bytes: number }) {
  return { id: snapshot.id, createdAt: snapshot.createdAt.toISOString(), reason: snapshot.reason, bytes: snapshot.bytes };
}

/** Drops undefined fields, so optional inputs stay absent rather than present-and-undefined. */
function withOptional<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return { code: error.code, message: error.message, ...(error.path ? { path: error.path } : {}), problem: error.problem };
  if (error instanceof StoreError) return { code: error.code, message: error.message, problem: error.problem };
  if (error instanceof WorkbookImportError) return { code: 'invalid-import', message: error.message, problem: error.problem };
  const message = error instanceof Error ? error.message : String(error);
  // A file-system error that reached here (an export, an import): the plain-words problem of its path.
  const errno = error as { code?: unknown; path?: unknown };
  const coded = typeof errno.path === 'string' ? fileSystemProblem(typeof errno.code === 'string' ? errno.code : undefined, errno.path) : undefined;
  return coded ? { code: 'io', message, problem: coded } : { code: 'internal', message, problem: problem('internal-error', { detail: message }) };
}

function englishText(coded: Problem): string {
  return renderProblem(coded, { language: 'en', unit: 'yuan' });
}
