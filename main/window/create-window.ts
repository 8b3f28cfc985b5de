import type { BrowserWindowConstructorOptions } from 'electron';
import type { EntryPaths } from './paths';
import { hardenWebContents, secureWebPreferences, type HardenableWebContents } from './security';

/** The part of a `BrowserWindow` the app's window code uses. */
export interface AppWindow {
  readonly webContents: HardenableWebContents;
  loadFile(filePath: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  show(): void;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

export const WINDOW_TITLE = 'Service Cost Planner';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/**
 * Creates the window through `create` (in the app `new BrowserWindow(options)`), hardens its
 * web contents before anything loads, and loads the bundled renderer file.
 */
export function createMainWindow<W extends AppWindow>(
  create: (options: BrowserWindowConstructorOptions) => W,
  paths: EntryPaths,
  reportError: (message: string, error: unknown) => void = defaultReportError,
): W {
  const window = create(mainWindowOptions(paths.preload));
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadFile(paths.renderer).catch((error: unknown) => reportError(`Could not load ${paths.renderer}`, error));
  return window;
}

function defaultReportError(message: string, error: unknown): void {
  console.error(message, error);
}
