import { app, BrowserWindow, dialog, ipcMain, Menu, net, screen, session, shell, utilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import { ApiService } from './api/handlers';
import { deckService } from './deck/service';
import { workbookService } from './excel/service';
import { startDesktop } from './electron/desktop';
import { electronBindingPath } from './electron/native-binding';
import { utilityParserLauncher } from './electron/parser-launcher';
import { useParserLauncher } from './excel/parser-process';
import { defaultDataDir } from './store/data-dir';
import { useNativeBinding } from './store/sqlite';
import { builtEntryPaths } from './window/paths';
import { text } from '../shared/i18n/vocabulary';
import { problem } from '../shared/messages/problems';
import { renderProblem } from '../shared/messages/render';
import type { Language } from '../shared/model/units';

// Thin entry: the desktop shell is main/electron/desktop.ts; windows and their security are in
// ./window. This file only hands Electron's objects to it.

// better-sqlite3 built for Electron's ABI (scripts/prepare-electron.mjs); without it the Node
// build in node_modules is tried, which works only in a package whose rebuild made it Electron's.
const binding = electronBindingPath({
  appPath: app.getAppPath(),
  electronVersion: process.versions.electron,
  platform: process.platform,
  arch: process.arch,
  isPackaged: app.isPackaged,
});
useNativeBinding(existsSync(binding) ? binding : undefined);
// Workbooks are parsed in a utilityProcess: the app is never run as plain Node (RunAsNode fuse off).
useParserLauncher(utilityParserLauncher((modulePath, args, options) => utilityProcess.fork(modulePath, args, options)));

const dataDir = defaultDataDir();

/** An unforeseen error in a dialog, in the app's language: what happened is a quoted detail (it is English, for the log). */
function reportError(message: string, error: unknown, language: Language): void {
  console.error(message, error);
  const detail = error instanceof Error ? error.message : String(error);
  const hint = /NODE_MODULE_VERSION|better_sqlite3\.node/.test(detail) ? `\n\n${text(language, 'menu', 'sqliteBindingHint', { binding })}` : '';
  const body = renderProblem(problem('internal-error', { detail: `${message}: ${detail}` }), { language, unit: 'tenThousand' });
  dialog.showErrorBox(text(language, 'menu', 'errorTitle'), `${body}${hint}`);
}

startDesktop<BrowserWindow>({
  app,
  platform: process.platform,
  argv: process.argv,
  cwd: process.cwd(),
  versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
  paths: builtEntryPaths(import.meta.dirname),
  dataDir,
  createApi: () => new ApiService({ dataDir, appVersion: app.getVersion(), workbooks: workbookService, decks: deckService }),
  createWindow: (options) => new BrowserWindow(options),
  defaultSession: () => session.defaultSession,
  fetchFile: (request) => net.fetch(request, { bypassCustomProtocolHandlers: true }),
  ipcMain,
  setMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
  dialogs: (parent) => ({
    openFile: async (options) => {
      const settings = { ...options, properties: ['openFile' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, settings) : await dialog.showOpenDialog(settings);
      return result.canceled ? undefined : result.filePaths[0];
    },
    saveFile: async (options) => {
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
    message: async (options) => (parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)).response,
  }),
  openExternal: (url) => shell.openExternal(url),
  workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
  reportError,
});
