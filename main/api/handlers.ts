import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { z } from 'zod';
import { apiContract, type ApiError, type ApiInput, type ApiResponse, type ApiResults, type SessionState } from '../../shared/api/contract';
import { isApiMethod, type ApiMethod } from '../../shared/api/methods';
import { computeModel } from '../../shared/engine';
import { createExampleModel } from '../../shared/model/example';
import { MODEL_FORMAT, MODEL_SCHEMA_VERSION, type Model } from '../../shared/model/schema';
import { formatIssue } from '../../shared/model/validate';
import type { Language } from '../../shared/model/units';
import { ModelDocument, type StoreOptions } from '../store/document';
import { StoreError } from '../store/errors';
import { WorkbookImportError } from '../excel/errors';
import type { WorkbookService } from '../excel/service';
import { AppSettingsStore } from './app-settings';

/** Writes and reads workbooks; provided by the Excel module (a type only: the handlers load no Excel code). */
export type { WorkbookService } from '../excel/service';

export interface ApiDependencies {
  dataDir: string;
  appVersion: string;
  now?: () => Date;
  workbooks?: WorkbookService;
}

export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

type Handlers = { [M in ApiMethod]: (input: z.output<(typeof apiContract)[M]>) => Promise<ApiResults[M]> };

/**
 * The API's behaviour, as plain functions over the store, the engine and the exporter: no
 * Electron, no HTTP. `dispatch` is the one door every transport uses: it parses the input with
 * the contract's schema before any handler runs and turns every failure into an error value.
 */
export class ApiService {
  private document: ModelDocument | undefined;
  private revision = 0;
  readonly settings: AppSettingsStore;
  private readonly storeOptions: StoreOptions;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ApiDependencies) {
    this.settings = new AppSettingsStore(deps.dataDir);
    this.storeOptions = { dataDir: deps.dataDir, ...(deps.now ? { now: deps.now } : {}) };
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
    if (last && existsSync(last)) {
      const opened = await this.call('openModel', { path: last });
      if (opened.ok) return opened.value;
    }
    const examplePath = `${this.deps.dataDir}/${language === 'zh' ? '示例' : 'Example'}.costplan`;
    const response = existsSync(examplePath)
      ? await this.call('openModel', { path: examplePath })
      : await this.call('newModel', { path: examplePath, template: 'example', language });
    if (!response.ok) throw new Error(response.error.message);
    return response.value;
  }

  async shutdown(): Promise<void> {
    await this.queue;
    await this.document?.close();
    this.document = undefined;
  }

  private async run(method: unknown, input: unknown): Promise<ApiResponse<ApiMethod>> {
    if (!isApiMethod(method)) return { ok: false, error: { code: 'unknown-method', message: `there is no API method ${JSON.stringify(method)}` } };
    const parsed = apiContract[method].safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.map(String).join('.');
      return { ok: false, error: { code: 'invalid-input', message: `${method}: ${path ? `${path}: ` : ''}${issue.message}`, ...(path ? { path } : {}) } };
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
    newModel: async ({ path, template, language }) => {
      const lang = language ?? this.settings.settings(undefined).uiLanguage ?? 'zh';
      const model = template === 'example' ? createExampleModel(lang) : emptyModel(lang);
      const document = await ModelDocument.create(path, model, this.storeOptions);
      return this.switchTo(document);
    },
    openModel: async ({ path }) => this.switchTo(await ModelDocument.open(path, this.storeOptions)),
    saveModelAs: async ({ path }) => {
      const document = this.requireDocument();
      this.document = undefined;
      return this.switchTo(await document.saveAs(path));
    },
    closeModel: async () => {
      await this.document?.close();
      this.document = undefined;
      return this.state();
    },
    listRecentFiles: async () => this.settings.recentFiles(),
    applyEdit: async ({ command }) => {
      const document = this.requireDocument();
      const applied = document.apply(command);
      if (!applied.ok) {
        const issue = applied.error[0]!;
        throw new ApiFailure('invalid-edit', formatIssue(issue), issue.path);
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
      if (!computed.ok) throw new ApiFailure('invalid-model', formatIssue(computed.error[0]!), computed.error[0]!.path);
      return {
        scenarios: computed.value.scenarios.map((result) => ({
          id: result.scenarioId,
          name: result.name,
          affectedShare: result.affectedShare,
          years: result.years.map(({ year, calendarYear, saving, investment, net, cumulativeNet }) => ({ year, calendarYear, saving, investment, net, cumulativeNet })),
          totals: result.totals,
        })),
      };
    },
    exportWorkbook: async ({ path, language, scenarioIds }) => {
      const written = await this.workbooks().writeWorkbook(this.requireDocument().model, path, withOptional({ language, scenarioIds }));
      return { path, bytes: written.bytes };
    },
    downloadWorkbook: async ({ language, scenarioIds }) => {
      const document = this.requireDocument();
      const bytes = await this.workbooks().workbookBytes(document.model, withOptional({ language, scenarioIds }));
      return { fileName: `${basename(document.path, '.costplan')}.xlsx`, base64: Buffer.from(bytes).toString('base64') };
    },
    importFile: async ({ path }) => {
      const document = this.requireDocument();
      const model = await this.workbooks().readModel(path, document.model);
      await document.importModel(model, path);
      this.revision += 1;
      return this.state();
    },
    getSettings: async () => this.settings.settings(this.document?.path),
    updateSettings: async (patch) => this.settings.update(withOptional(patch), this.document?.path),
  };

  private async switchTo(document: ModelDocument): Promise<SessionState> {
    if (this.document && this.document !== document) await this.document.close();
    this.document = document;
    this.revision += 1;
    this.settings.noteOpened(document.path, (this.deps.now ?? (() => new Date()))());
    return this.state();
  }

  private state(): SessionState {
    const document = this.document;
    return {
      file: document ? { path: document.path, name: basename(document.path) } : null,
      model: document?.model ?? null,
      readOnly: document?.readOnly
        ? {
            code: document.readOnly.code,
            message: document.readOnly.message,
            ...(document.readOnly.latestGoodSnapshot ? { latestGoodSnapshotId: document.readOnly.latestGoodSnapshot.id } : {}),
          }
        : null,
      canUndo: document && !document.readOnly ? document.canUndo() : false,
      canRedo: document && !document.readOnly ? document.canRedo() : false,
      revision: this.revision,
      appVersion: this.deps.appVersion,
    };
  }

  private requireDocument(): ModelDocument {
    if (!this.document) throw new ApiFailure('no-model', 'no model is open: open a file or create one first');
    return this.document;
  }

  private workbooks(): WorkbookService {
    if (!this.deps.workbooks) throw new ApiFailure('unavailable', 'workbook export and import are not available in this build');
    return this.deps.workbooks;
  }
}

function summariseSnapshot(snapshot: { id: string; createdAt: Date; reason: string; bytes: number }) {
  return { id: snapshot.id, createdAt: snapshot.createdAt.toISOString(), reason: snapshot.reason, bytes: snapshot.bytes };
}

/** Drops undefined fields, so optional inputs stay absent rather than present-and-undefined. */
function withOptional<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return { code: error.code, message: error.message, ...(error.path ? { path: error.path } : {}) };
  if (error instanceof StoreError) return { code: error.code, message: error.message };
  if (error instanceof WorkbookImportError) return { code: 'invalid-import', message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function emptyModel(language: Language): Model {
  return {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    name: language === 'zh' ? '新模型' : 'New model',
    currency: 'CNY',
    displayUnit: 'tenThousand',
    language,
    firstPlanYear: new Date().getFullYear() + 1,
    costTree: [{ id: 'root', parentId: null, name: language === 'zh' ? '售后服务成本' : 'After-sales service cost', basis: { kind: 'amount', amount: 0 }, relevance: 'strong' }],
    scenarios: [],
  };
}
