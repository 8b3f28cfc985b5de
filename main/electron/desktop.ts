import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { dirname } from 'node:path';
import type { ApiError, SessionState } from '../../shared/api/contract';
import type { Language } from '../../shared/model/units';
import type { ApiService } from '../api/handlers';
import { ensureDataDir } from '../store/data-dir';
import { createMainWindow, type AppWindow } from '../window/create-window';
import { startApp, type AppLike } from '../window/lifecycle';
import type { EntryPaths } from '../window/paths';
import { servePageWithStyleNonce, type PageProtocol } from '../window/page-protocol';
import { restrictNetwork, type HardenableSession, type HardeningOptions, type PreventableEvent, type RequestFilter } from '../window/security';
import { createSenderCheck } from '../window/sender';
import { fitToDisplays, readWindowState, windowStateFile, writeWindowState, type Rectangle } from '../window/window-state';
import { SESSION_CHANGED_CHANNEL, WINDOW_DIALOG_CHANNEL } from './channels';
import { DesktopCommands, type Dialogs } from './commands';
import { modelFileArgument } from './file-args';
import { registerApiHandlers, type IpcMainLike } from './ipc';
import { buildMenuTemplate, type MenuState } from './menu';
import { languageOfLocale } from './menu-text';

/** The part of Electron's `app` the desktop shell uses. */
export type DesktopApp = AppLike & {
  readonly isPackaged: boolean;
  getVersion(): string;
  getLocale(): string;
  getPath(name: 'documents'): string;
  on(event: 'open-file', listener: (event: PreventableEvent, path: string) => void): unknown;
  on(event: 'will-quit', listener: (event: PreventableEvent) => void): unknown;
};

export type DesktopSession = HardenableSession & { readonly webRequest: RequestFilter; readonly protocol: PageProtocol };

/** Everything Electron-specific, passed in by main/index.ts (tests pass fakes). */
export interface DesktopEnvironment<W extends AppWindow> {
  app: DesktopApp;
  platform: string;
  /** This launch's arguments and folder: a `.costplan` file among them is opened first. */
  argv: readonly string[];
  cwd: string;
  versions: { electron: string; chrome: string; node: string };
  paths: EntryPaths;
  dataDir: string;
  createApi: () => ApiService;
  createWindow: (options: BrowserWindowConstructorOptions) => W;
  defaultSession: () => DesktopSession;
  /** Electron's own file:// handling (`net.fetch` bypassing the app's page handler). */
  fetchFile: (request: Request) => Promise<Response>;
  ipcMain: IpcMainLike;
  setMenu: (template: MenuItemConstructorOptions[]) => void;
  /** Native dialogs attached to `parent` (or free-standing without one). */
  dialogs: (parent: W | null) => Dialogs;
  openExternal: (url: string) => Promise<void>;
  /** The work areas of the screens (read once the app is ready). */
  workAreas: () => Rectangle[];
  /** Shows an unforeseen error (`message` and the error's own text are for the log, and a detail of the dialog) in `language`. */
  reportError: (message: string, error: unknown, language: Language) => void;
}

const MENU_REFRESH_DELAY_MS = 150;

/**
 * The desktop app: one instance (a second launch focuses this one and opens its file here),
 * one hardened window whose size and place are remembered, the API on one IPC channel per
 * contract method with the sender checked, no outbound network, and the menus. Returns false
 * when another instance already runs (this one then quits).
 */
export function startDesktop<W extends AppWindow>(env: DesktopEnvironment<W>): boolean {
  const { app } = env;
  // First run: the data folder is made here; one that cannot be made stops the app with why.
  try {
    ensureDataDir(env.dataDir);
  } catch (error) {
    env.reportError('Service Cost Planner cannot start', error, languageOfLocale(app.getLocale()));
    app.quit();
    return false;
  }
  const rendererDir = dirname(env.paths.renderer);
  const stateFile = windowStateFile(env.dataDir);
  const hardening: HardeningOptions = { openExternal: env.openExternal, reportError: (message, error) => report(message, error) };

  let api: ApiService | undefined;
  const requireApi = (): ApiService => {
    if (api === undefined) {
      api = env.createApi();
      api.setFilePicker((request) => commands.pick(request));
    }
    return api;
  };
  let mainWindow: W | null = null;
  let ready = false;
  let pendingFile = modelFileArgument(env.argv, env.cwd);
  let pendingError: ApiError | undefined;

  const language = (): Language => {
    const document = requireApi().currentDocument;
    // The language chosen in the app (a view setting) comes first, then the model's own.
    return requireApi().settings.settings(undefined).uiLanguage ?? document?.model.language ?? languageOfLocale(app.getLocale());
  };

  // An unforeseen error is shown in the app's language (the system's while no model is open yet).
  const report = (message: string, error: unknown): void => {
    let shown: Language;
    try {
      shown = language();
    } catch {
      shown = languageOfLocale(app.getLocale());
    }
    env.reportError(message, error, shown);
  };

  const dialogs: Dialogs = {
    openFile: (options) => env.dialogs(mainWindow).openFile(options),
    saveFile: (options) => env.dialogs(mainWindow).saveFile(options),
    message: (options) => env.dialogs(mainWindow).message(options),
  };

  const commands = new DesktopCommands({
    api: { call: (method, input) => requireApi().call(method, input) },
    dialogs,
    language,
    displayUnit: () => requireApi().settings.settings(undefined).displayUnit ?? requireApi().currentDocument?.model.displayUnit ?? 'tenThousand',
    documentsDir: () => app.getPath('documents'),
    register: (path, purpose) => requireApi().files.register(path, purpose),
    currentFile: () => requireApi().currentDocument?.path,
    pushSession: (session: SessionState) => mainWindow?.webContents.send(SESSION_CHANGED_CHANNEL, session),
    openWindowDialog: (dialog) => {
      if (!mainWindow) return false;
      mainWindow.webContents.send(WINDOW_DIALOG_CHANNEL, dialog);
      return true;
    },
    changed: () => refreshMenu(),
    appVersion: app.getVersion(),
    versions: env.versions,
    reportError: report,
  });

  let shownMenu = '';
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshMenu = (): void => {
    if (refreshTimer !== undefined) clearTimeout(refreshTimer);
    refreshTimer = undefined;
    try {
      const state = menuState(requireApi(), language(), env.platform, app.isPackaged);
      const key = JSON.stringify(state);
      if (key === shownMenu) return;
      shownMenu = key;
      env.setMenu(buildMenuTemplate(state, commands));
    } catch (error) {
      report('Could not update the menus', error);
    }
  };
  // After each call from the window (edits come fast): once they pause.
  const scheduleMenuRefresh = (): void => {
    if (refreshTimer !== undefined) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshMenu, MENU_REFRESH_DELAY_MS);
  };

  const openRequested = (path: string): void => {
    if (!ready) {
      pendingFile = path;
      return;
    }
    commands.openFile(path).catch((error: unknown) => report(`Could not open ${path}`, error));
  };

  const openFirstModel = async (): Promise<void> => {
    const service = requireApi();
    const path = pendingFile;
    pendingFile = undefined;
    if (path !== undefined) {
      const opened = await service.call('openModel', { file: service.files.register(path, 'model') });
      if (opened.ok) return;
      pendingError = opened.error;
    }
    await service.openDefault(service.settings.settings(undefined).uiLanguage ?? languageOfLocale(app.getLocale()));
  };

  const started = startApp<W>({
    app,
    platform: env.platform,
    defaultSession: env.defaultSession,
    reportError: report,
    hardening,
    beforeFirstWindow: async () => {
      restrictNetwork(env.defaultSession().webRequest, rendererDir);
      servePageWithStyleNonce(env.defaultSession().protocol, env.paths.renderer, env.fetchFile, report);
      const isTrusted = createSenderCheck(() => (mainWindow === null ? [] : [mainWindow]), rendererDir);
      registerApiHandlers(env.ipcMain, requireApi(), isTrusted, scheduleMenuRefresh);
      await openFirstModel();
      ready = true;
      refreshMenu();
    },
    createWindow: () => {
      const window = createMainWindow(env.createWindow, env.paths, report, {
        state: fitToDisplays(readWindowState(stateFile), env.workAreas()),
        saveState: (state) => writeWindowState(stateFile, state),
        hardening,
      });
      mainWindow = window;
      window.on('closed', () => {
        if (mainWindow === window) mainWindow = null;
      });
      const error = pendingError;
      pendingError = undefined;
      if (error !== undefined) window.once('ready-to-show', () => void commands.showError(error));
      return window;
    },
    onSecondInstance: (argv, workingDirectory) => {
      const file = modelFileArgument(argv, workingDirectory);
      if (file !== undefined) openRequested(file);
    },
  });
  if (!started) return false;

  // macOS passes files by event, also before the app is ready (a double-click that launches it).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openRequested(path);
  });

  // The model file goes back to one self-contained file (no -wal beside it) before the app ends.
  let closing = false;
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || api === undefined) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    api
      .shutdown()
      .catch((error: unknown) => report('Could not close the model file cleanly', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  return true;
}

export function menuState(api: ApiService, language: Language, platform: string, isPackaged: boolean): MenuState {
  const document = api.currentDocument;
  const editable = document !== undefined && document.readOnly === undefined;
  let snapshots: MenuState['snapshots'] = [];
  try {
    snapshots = document ? document.snapshots().map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), reason: s.reason })) : [];
  } catch {
    // An unreadable snapshot folder shows as none; taking a snapshot reports its own error.
  }
  return {
    language,
    platform,
    isPackaged,
    hasModel: document !== undefined,
    readOnly: document?.readOnly?.code ?? null,
    canUndo: editable && document.canUndo(),
    canRedo: editable && document.canRedo(),
    modelLanguage: document ? (api.settings.settings(undefined).uiLanguage ?? document.model.language) : null,
    displayUnit: document ? (api.settings.settings(undefined).displayUnit ?? document.model.displayUnit) : null,
    recentFiles: api.settings.recentFiles().map(({ path, name, exists }) => ({ path, name, exists })),
    snapshots,
  };
}
