import { basename, dirname, extname, join } from 'node:path';
import type { ApiError, ApiInput, ApiResponse, SessionState } from '../../shared/api/contract';
import type { ExportKind } from '../../shared/api/files';
import type { ApiMethod } from '../../shared/api/methods';
import type { FilePurpose } from '../api/files';
import { figureTexts, FIGURES } from '../../shared/i18n/figures';
import { renderProblem } from '../../shared/messages/render';
import type { DisplayUnit, Language } from '../../shared/model/units';
import { MODEL_EXTENSION, withExtension } from './file-args';
import type { MenuCommands } from './menu';
import { namespaceText, type NamespaceText } from '../../shared/i18n/vocabulary';
import { formatWhen } from './menu-text';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DialogOptions {
  title?: string;
  defaultPath?: string;
  filters: FileFilter[];
}

export interface MessageOptions {
  type: 'none' | 'info' | 'error' | 'question' | 'warning';
  title?: string;
  message: string;
  detail?: string;
  buttons?: string[];
  defaultId?: number;
  cancelId?: number;
}

/** Native dialogs, attached to the app's window (desktop.ts adapts Electron's `dialog`). */
export interface Dialogs {
  /** The chosen file, or undefined when cancelled. */
  openFile(options: DialogOptions): Promise<string | undefined>;
  saveFile(options: DialogOptions): Promise<string | undefined>;
  /** The index of the button pressed. */
  message(options: MessageOptions): Promise<number>;
}

/** The part of `ApiService` the commands use: the same methods and checks as the renderer's calls. */
export interface ApiCaller {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResponse<M>>;
}

export interface CommandDependencies {
  api: ApiCaller;
  dialogs: Dialogs;
  /** The language of the menus and dialogs now. */
  language: () => Language;
  /** The display unit the window shows amounts in (for amounts in messages). */
  displayUnit?: () => DisplayUnit;
  /** Where new files are proposed (the user's documents folder). */
  documentsDir: () => string;
  /** Turns a path a native dialog or the OS gave into the handle the API takes. */
  register: (path: string, purpose: FilePurpose) => string;
  /** The open model's file, to propose names next to it. */
  currentFile: () => string | undefined;
  /** Sends the new session state to the window (`session:changed`). */
  pushSession: (session: SessionState) => void;
  /** Something the menus show may have changed (recent files, undo, snapshots). */
  changed: () => void;
  /**
   * Opens a dialog of the window (the deck's export options); false when there is no window
   * to show it in.
   */
  openWindowDialog?: (dialog: 'exportDeck') => boolean;
  appVersion: string;
  versions: { electron: string; chrome: string; node: string };
  reportError?: (message: string, error: unknown) => void;
}

/**
 * What the menus, native dialogs and file launches do: each asks for a file where needed, then
 * calls the same ApiService method the renderer would (so the contract's schema checks the
 * input), pushes the new session state to the window and refreshes the menus. Failures are
 * shown in a native message box; nothing throws.
 */
export class DesktopCommands implements MenuCommands {
  constructor(private readonly deps: CommandDependencies) {}

  private get text(): NamespaceText<'menu'> {
    return namespaceText(this.deps.language(), 'menu');
  }

  newModel(template: 'example' | 'empty'): void {
    this.run(async () => {
      const text = this.text;
      const chosen = await this.deps.dialogs.saveFile({
        title: text('newModelTitle'),
        defaultPath: join(this.deps.documentsDir(), template === 'example' ? text('exampleFileName') : text('emptyFileName')),
        filters: this.modelFilters(),
      });
      if (chosen === undefined) return;
      const target = this.deps.register(withExtension(chosen, MODEL_EXTENSION), 'model');
      await this.settle(await this.deps.api.call('newModel', { target, template, language: this.deps.language() }));
    });
  }

  open(): void {
    this.run(async () => {
      const current = this.deps.currentFile();
      const path = await this.deps.dialogs.openFile({
        title: this.text('open').replace('…', ''),
        ...(current ? { defaultPath: dirname(current) } : { defaultPath: this.deps.documentsDir() }),
        filters: this.modelFilters(),
      });
      if (path !== undefined) await this.openFile(path);
    });
  }

  openRecent(path: string): void {
    this.run(() => this.openFile(path));
  }

  /** Opens a model file (File > Open, a second launch with a file, macOS open-file). */
  async openFile(path: string): Promise<boolean> {
    return this.settle(await this.deps.api.call('openModel', { file: this.deps.register(path, 'model') }));
  }

  saveAs(): void {
    this.run(async () => {
      const current = this.deps.currentFile();
      const chosen = await this.deps.dialogs.saveFile({
        title: this.text('saveAs').replace('…', ''),
        defaultPath: current ?? join(this.deps.documentsDir(), this.text('emptyFileName')),
        filters: this.modelFilters(),
      });
      if (chosen === undefined) return;
      await this.settle(await this.deps.api.call('saveModelAs', { target: this.deps.register(withExtension(chosen, MODEL_EXTENSION), 'model') }));
    });
  }

  /** Import: a native open dialog, then new model (the default) or replace the open one (undoable), then what it did. */
  importFile(): void {
    this.run(async () => {
      const text = this.text;
      const path = await this.deps.dialogs.openFile({
        title: text('importFile').replace('…', ''),
        defaultPath: this.deps.documentsDir(),
        filters: [{ name: text('importFiles'), extensions: ['xlsx', 'csv', MODEL_EXTENSION.slice(1)] }],
      });
      if (path === undefined) return;
      const current = this.deps.currentFile();
      const buttons = current
        ? [text('importAsNew'), text('importReplace', { file: basename(current) }), text('cancel')]
        : [text('importAsNew'), text('cancel')];
      const pressed = await this.deps.dialogs.message({
        type: 'question',
        message: text('importQuestion', { file: basename(path) }),
        detail: text('importDetail'),
        buttons,
        defaultId: 0,
        cancelId: buttons.length - 1,
      });
      if (pressed === buttons.length - 1) return;
      const mode = pressed === 1 && current ? 'replace' : 'new';
      const response = await this.deps.api.call('importFile', { source: this.deps.register(path, 'import'), mode });
      if (!response.ok) return this.showError(response.error);
      this.deps.pushSession(response.value.session);
      this.deps.changed();
      const warnings = response.value.warnings.map((warning) => text('formulasReplaced', warning));
      await this.deps.dialogs.message({
        type: warnings.length > 0 ? 'warning' : 'info',
        message: importedText(text, response.value),
        ...(warnings.length > 0 ? { detail: warnings.join('\n') } : {}),
      });
    });
  }

  exportWorkbook(): void {
    this.run(async () => {
      const current = this.deps.currentFile();
      const name = `${current ? basename(current, MODEL_EXTENSION) : 'model'}.xlsx`;
      const chosen = await this.deps.dialogs.saveFile({
        title: this.text('exportExcel').replace('…', ''),
        defaultPath: join(current ? dirname(current) : this.deps.documentsDir(), name),
        filters: [{ name: this.text('excelFiles'), extensions: ['xlsx'] }],
      });
      if (chosen === undefined) return;
      const path = withExtension(chosen, '.xlsx');
      const response = await this.deps.api.call('exportFile', {
        kind: 'workbook',
        target: this.deps.register(path, 'export:workbook'),
        language: this.deps.language(),
      });
      if (!response.ok) return this.showError(response.error);
      await this.deps.dialogs.message({ type: 'info', message: this.text('exported', { path }) });
    });
  }

  /**
   * File > Export client deck: the window's export dialog (scenarios, slides, language, unit,
   * client and look); without a window, a save dialog and a deck of every scenario and slide
   * in the model's language and unit.
   */
  exportDeck(): void {
    this.run(async () => {
      if (this.deps.openWindowDialog?.('exportDeck')) return;
      const current = this.deps.currentFile();
      const name = `${current ? basename(current, MODEL_EXTENSION) : 'model'}.pptx`;
      const chosen = await this.deps.dialogs.saveFile({
        title: this.text('exportDeck').replace('…', ''),
        defaultPath: join(current ? dirname(current) : this.deps.documentsDir(), name),
        filters: [{ name: this.text('deckFiles'), extensions: ['pptx'] }],
      });
      if (chosen === undefined) return;
      const path = withExtension(chosen, '.pptx');
      const response = await this.deps.api.call('exportDeck', { target: this.deps.register(path, 'export:deck'), language: this.deps.language() });
      if (!response.ok) return this.showError(response.error);
      await this.deps.dialogs.message({ type: 'info', message: this.text('deckExported', { path, slides: response.value.slides }) });
    });
  }

  /**
   * The window's "Open…", "Import…" and "Export…" buttons: the native dialog, whose answer stays
   * in the main process (the window gets a handle for it, see ApiService.pickFile).
   */
  async pick(request: { purpose: 'open' | 'import' | 'export'; kind: ExportKind; defaultName: string }): Promise<string | undefined> {
    const text = this.text;
    const current = this.deps.currentFile();
    const folder = current ? dirname(current) : this.deps.documentsDir();
    if (request.purpose === 'open')
      return this.deps.dialogs.openFile({ title: text('open').replace('…', ''), defaultPath: folder, filters: this.modelFilters() });
    if (request.purpose === 'import')
      return this.deps.dialogs.openFile({
        title: text('importFile').replace('…', ''),
        defaultPath: this.deps.documentsDir(),
        filters: [{ name: text('importFiles'), extensions: ['xlsx', 'csv', MODEL_EXTENSION.slice(1)] }],
      });
    const extension = extname(request.defaultName);
    const chosen = await this.deps.dialogs.saveFile({
      title: text(request.kind === 'workbook' ? 'exportExcel' : request.kind === 'deck' ? 'exportDeck' : 'saveAs').replace('…', ''),
      defaultPath: join(folder, request.defaultName),
      filters: [
        request.kind === 'workbook'
          ? { name: text('excelFiles'), extensions: ['xlsx'] }
          : request.kind === 'deck'
            ? { name: text('deckFiles'), extensions: ['pptx'] }
            : { name: text('modelFiles'), extensions: [extension.slice(1)] },
      ],
    });
    return chosen === undefined ? undefined : withExtension(chosen, extension);
  }

  createSnapshot(): void {
    this.run(async () => {
      const response = await this.deps.api.call('createSnapshot', {});
      if (!response.ok) return this.showError(response.error);
      this.deps.changed();
      await this.deps.dialogs.message({
        type: 'info',
        message: this.text('snapshotCreated', { when: formatWhen(response.value.createdAt, this.deps.language()) }),
      });
    });
  }

  restoreSnapshot(snapshotId: string, createdAt: string): void {
    this.run(async () => {
      const text = this.text;
      const pressed = await this.deps.dialogs.message({
        type: 'question',
        message: text('restoreQuestion', { when: formatWhen(createdAt, this.deps.language()) }),
        detail: text('restoreDetail'),
        buttons: [text('restore'), text('cancel')],
        defaultId: 0,
        cancelId: 1,
      });
      if (pressed !== 0) return;
      await this.settle(await this.deps.api.call('restoreSnapshot', { snapshotId }));
    });
  }

  undo(): void {
    this.run(async () => {
      await this.settle(await this.deps.api.call('undo', {}));
    });
  }

  redo(): void {
    this.run(async () => {
      await this.settle(await this.deps.api.call('redo', {}));
    });
  }

  setLanguage(language: Language): void {
    this.run(() => this.editSettings({ language }));
  }

  setDisplayUnit(displayUnit: DisplayUnit): void {
    this.run(() => this.editSettings({ displayUnit }));
  }

  showDefinitions(): void {
    this.run(async () => {
      const language = this.deps.language();
      const figures = figureTexts(language);
      const detail = FIGURES.map((figure) => `${figures[figure].label}\n${figures[figure].definition}`).join('\n\n');
      await this.deps.dialogs.message({ type: 'info', title: this.text('definitionsTitle'), message: this.text('definitionsTitle'), detail });
    });
  }

  showAbout(): void {
    this.run(async () => {
      await this.deps.dialogs.message({
        type: 'info',
        title: this.text('about'),
        message: `Service Cost Planner ${this.deps.appVersion}`,
        detail: this.text('aboutDetail', this.deps.versions),
      });
    });
  }

  async showError(error: ApiError): Promise<void> {
    // Coded problems in the menus' language (amounts, where a problem has one, in 万元 as the app starts).
    const message = renderProblem(error.problem, { language: this.deps.language(), unit: this.deps.displayUnit?.() ?? 'tenThousand' });
    await this.deps.dialogs.message({ type: 'error', title: this.text('errorTitle'), message });
  }

  /** Language and display unit are view settings of the app: not an edit, never undone. */
  private async editSettings(settings: { language?: Language; displayUnit?: DisplayUnit }): Promise<void> {
    const patch = { ...(settings.language ? { uiLanguage: settings.language } : {}), ...(settings.displayUnit ? { displayUnit: settings.displayUnit } : {}) };
    const edited = await this.deps.api.call('updateSettings', patch);
    if (!edited.ok) return this.showError(edited.error);
    await this.settle(await this.deps.api.call('getSession', {}));
  }

  /** Shows a new session in the window, or the error; says whether it worked. */
  private async settle(response: ApiResponse<'getSession'>): Promise<boolean> {
    if (!response.ok) {
      await this.showError(response.error);
      return false;
    }
    this.deps.pushSession(response.value);
    this.deps.changed();
    return true;
  }

  private modelFilters(): FileFilter[] {
    return [{ name: this.text('modelFiles'), extensions: [MODEL_EXTENSION.slice(1)] }];
  }

  /** Menu clicks return nothing: a failure is reported, never left as an unhandled rejection. */
  private run(action: () => Promise<unknown>): void {
    action().catch((error: unknown) => (this.deps.reportError ?? ((message, e) => console.error(message, e)))('A menu command failed', error));
  }
}

/** What an import brought in, in words: counts with their plural, into a new model or over the open one. */
function importedText(text: NamespaceText<'menu'>, outcome: { costLines: number; scenarios: number; fileName: string; mode: 'new' | 'replace' }): string {
  const params = {
    costLines: text('costLines', { count: outcome.costLines }),
    scenarios: text('scenarios', { count: outcome.scenarios }),
    fileName: outcome.fileName,
  };
  return text(outcome.mode === 'new' ? 'importedNew' : 'importedReplace', params);
}
