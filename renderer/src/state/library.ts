import type { ApiClient, ApiError, DeletedModel, ImportOutcome, ModelEntry, RecentFile, SessionState } from '../../../shared/api/contract';
import type { ExportKind, ModelTemplate } from '../../../shared/api/files';
import type { Language } from '../../../shared/model/units';
import type { Transport } from '../api/client';
import type { Workspace } from './workspace';

export type View = 'models' | 'workspace';

/** A file brought in for import: uploaded (browser) or chosen in a native dialog (desktop). */
export interface ImportSource {
  file: string;
  name: string;
}

/** What just happened, said once in the status line (with an undo where there is one). */
export type Notice =
  | { kind: 'imported'; outcome: Omit<ImportOutcome, 'session'> }
  | { kind: 'deleted'; deleted: DeletedModel }
  | { kind: 'restored' | 'duplicated' | 'renamed' | 'created' | 'exported' | 'downloaded'; fileName: string };

export interface LibraryState {
  view: View;
  models: ModelEntry[] | null;
  deleted: DeletedModel[];
  recent: RecentFile[];
  busy: 'export' | 'import' | 'upload' | 'download' | null;
  notice: Notice | null;
}

const VIEW_KEY = 'costplan.view';

/**
 * The model files: the Models view's list, switching, creating, copying, renaming, deleting
 * and restoring models, uploads and imports, exports and downloads. The open model itself is
 * the Workspace's; this store hands it every new session.
 */
export class Library {
  private state: LibraryState = {
    // The Models view is where the app starts; a reload keeps the view the planner was in.
    view: (sessionStorage.getItem(VIEW_KEY) as View | null) ?? 'models',
    models: null,
    deleted: [],
    recent: [],
    busy: null,
    notice: null,
  };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly api: ApiClient,
    private readonly workspace: Workspace,
    readonly transport: Transport,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): LibraryState => this.state;

  showModels(): void {
    this.setView('models');
    void this.refresh();
  }

  showWorkspace(): void {
    if (this.workspace.getState().model) this.setView('workspace');
  }

  async refresh(): Promise<void> {
    const [models, deleted, recent] = await Promise.all([this.api.listModels({}), this.api.listDeletedModels({}), this.api.listRecentFiles({})]);
    if (!models.ok) {
      this.workspace.reportError(models.error);
      return;
    }
    this.set({ models: models.value, deleted: deleted.ok ? deleted.value : [], recent: recent.ok ? recent.value : [] });
  }

  async open(file: string): Promise<boolean> {
    await this.workspace.settled();
    const response = await this.api.openModel({ file });
    if (!response.ok) return this.fail(response.error);
    this.workspace.adopt(response.value, null);
    await this.workspace.loadBaseline();
    this.setView('workspace');
    return true;
  }

  /** A new model in the data folder; the error when the name is taken or not allowed. */
  async create(template: ModelTemplate, name: string, language: Language): Promise<ApiError | undefined> {
    await this.workspace.settled();
    const response = await this.api.newModel({ template, name, language });
    if (!response.ok) return response.error;
    this.workspace.adopt(response.value, null);
    this.set({ notice: { kind: 'created', fileName: response.value.file?.name ?? '' } });
    this.setView('workspace');
    return undefined;
  }

  async duplicate(file: string, name: string): Promise<ApiError | undefined> {
    await this.workspace.settled();
    const response = await this.api.duplicateModel({ file, name });
    if (!response.ok) return response.error;
    this.set({ notice: { kind: 'duplicated', fileName: response.value.fileName } });
    await this.refresh();
    return undefined;
  }

  async rename(file: string, name: string): Promise<ApiError | undefined> {
    await this.workspace.settled();
    const response = await this.api.renameModel({ file, name });
    if (!response.ok) return response.error;
    if (response.value.session.file?.file !== this.workspace.getState().session?.file?.file) this.workspace.adopt(response.value.session);
    this.set({ notice: { kind: 'renamed', fileName: response.value.entry.fileName } });
    await this.refresh();
    return undefined;
  }

  async remove(file: string): Promise<void> {
    await this.workspace.settled();
    const response = await this.api.deleteModel({ file });
    if (!response.ok) return void this.fail(response.error);
    if (response.value.session.file === null) this.workspace.adopt(response.value.session);
    this.set({ notice: { kind: 'deleted', deleted: response.value.deleted } });
    await this.refresh();
  }

  async restore(id: string): Promise<void> {
    const response = await this.api.restoreDeletedModel({ id });
    if (!response.ok) return void this.fail(response.error);
    this.set({ notice: { kind: 'restored', fileName: response.value.fileName } });
    await this.refresh();
  }

  /** Sends a file from the planner's disk to the host; its handle, for importFile. */
  async upload(file: File): Promise<ImportSource | null> {
    this.set({ busy: 'upload' });
    try {
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      const response = await this.api.uploadFile({ fileName: file.name, base64 });
      if (!response.ok) {
        this.fail(response.error);
        return null;
      }
      return { file: response.value.file, name: response.value.name };
    } finally {
      this.set({ busy: null });
    }
  }

  /** Desktop: the native open dialog. */
  async pick(purpose: 'open' | 'import'): Promise<ImportSource | null> {
    const response = await this.api.pickFile({ purpose });
    if (!response.ok) {
      this.fail(response.error);
      return null;
    }
    return response.value;
  }

  async importFrom(source: ImportSource, mode: 'new' | 'replace'): Promise<boolean> {
    await this.workspace.settled();
    this.set({ busy: 'import' });
    const response = await this.api.importFile({ source: source.file, mode });
    this.set({ busy: null });
    if (!response.ok) return this.fail(response.error);
    const { session, ...outcome } = response.value;
    this.workspace.adopt(session, mode === 'new' ? null : undefined);
    this.set({ notice: { kind: 'imported', outcome } });
    this.setView('workspace');
    return true;
  }

  /** The browser downloads the bytes; the desktop asks where in a native save dialog and writes there. */
  async exportFile(kind: ExportKind, language?: Language): Promise<void> {
    await this.workspace.settled();
    if (this.transport === 'desktop') {
      const picked = await this.api.pickFile({ purpose: 'export', kind });
      if (!picked.ok) return void this.fail(picked.error);
      if (picked.value === null) return;
      this.set({ busy: 'export' });
      const written = await this.api.exportFile({ kind, target: picked.value.file, ...(language ? { language } : {}) });
      this.set({ busy: null });
      if (!written.ok) return void this.fail(written.error);
      this.set({ notice: { kind: 'exported', fileName: written.value.name } });
      return;
    }
    this.set({ busy: kind === 'model' ? 'download' : 'export' });
    const response = await this.api.downloadFile({ kind, ...(language ? { language } : {}) });
    this.set({ busy: null });
    if (!response.ok) return void this.fail(response.error);
    saveBytes(response.value.fileName, response.value.mimeType, response.value.base64);
    this.set({ notice: { kind: 'downloaded', fileName: response.value.fileName } });
  }

  /** A session the main process pushed (File > Open, New, Import in the desktop menus): show that model. */
  followSession(session: SessionState): void {
    const previous = this.workspace.getState().session?.file?.file ?? null;
    this.workspace.adopt(session);
    if (session.file && session.file.file !== previous) this.setView('workspace');
    else if (this.state.view === 'models') void this.refresh();
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  private setView(view: View): void {
    sessionStorage.setItem(VIEW_KEY, view);
    this.set({ view });
  }

  private fail(error: ApiError): false {
    this.workspace.reportError(error);
    return false;
  }

  private set(patch: Partial<LibraryState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(text);
}

function saveBytes(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
