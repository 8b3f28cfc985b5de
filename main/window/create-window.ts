import type { BrowserWindowConstructorOptions } from 'electron';
import type { EntryPaths } from './paths';
import { hardenWebContents, secureWebPreferences, type HardenableWebContents, type HardeningOptions } from './security';
import type { TrustedContents } from './sender';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, stateFromWindow, type Rectangle, type WindowState } from './window-state';

/** The web contents of an app window: hardened, trusted by frame, and a target of pushes. */
export interface AppWebContents extends HardenableWebContents, TrustedContents {
  send(channel: string, ...args: unknown[]): void;
}

/** The part of a `BrowserWindow` the app's window code uses. */
export interface AppWindow {
  readonly webContents: AppWebContents;
  loadFile(filePath: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed' | 'close', listener: () => void): unknown;
  show(): void;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  maximize(): void;
  isMaximized(): boolean;
  getNormalBounds(): Rectangle;
}

export const WINDOW_TITLE = 'Service Cost Planner';

export function mainWindowOptions(preloadPath: string, state?: WindowState): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: state?.width ?? DEFAULT_WINDOW_SIZE.width,
    height: state?.height ?? DEFAULT_WINDOW_SIZE.height,
    ...(state?.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export interface WindowExtras {
  /** Where the window was last (already fitted to today's screens). */
  state?: WindowState;
  /** Called when the window closes, with its size, position and maximised state. */
  saveState?: (state: WindowState) => void;
  hardening?: HardeningOptions;
}

/**
 * Creates the window through `create` (in the app `new BrowserWindow(options)`), hardens its
 * web contents before anything loads, and loads the bundled renderer file.
 */
export function createMainWindow<W extends AppWindow>(
  create: (options: BrowserWindowConstructorOptions) => W,
  paths: EntryPaths,
  reportError: (message: string, error: unknown) => void = defaultReportError,
  extras: WindowExtras = {},
): W {
  const window = create(mainWindowOptions(paths.preload, extras.state));
  hardenWebContents(window.webContents, extras.hardening);
  window.once('ready-to-show', () => {
    if (extras.state?.maximized) window.maximize();
    window.show();
  });
  const saveState = extras.saveState;
  if (saveState) {
    window.on('close', () => {
      try {
        saveState(stateFromWindow(window.getNormalBounds(), window.isMaximized()));
      } catch (error) {
        reportError('Could not save the window size and position', error);
      }
    });
  }
  window.loadFile(paths.renderer).catch((error: unknown) => reportError(`Could not load ${paths.renderer}`, error));
  return window;
}

function defaultReportError(message: string, error: unknown): void {
  console.error(message, error);
}
