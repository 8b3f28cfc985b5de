import type { AppWindow } from './create-window';
import { hardenSession, hardenWebContents, type HardenableSession, type HardenableWebContents } from './security';

/** The part of Electron's `app` the lifecycle uses. */
export interface AppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  whenReady(): Promise<void>;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: HardenableWebContents) => void): unknown;
}

export interface AppDependencies<W extends AppWindow> {
  app: AppLike;
  platform: string;
  /** Read only once the app is ready (Electron's `session.defaultSession`). */
  defaultSession: () => HardenableSession;
  createWindow: () => W;
  reportError?: (message: string, error: unknown) => void;
}

/**
 * One instance, one window. Returns false when another instance holds the lock: this one then
 * quits and that one brings its window to the front.
 */
export function startApp<W extends AppWindow>(deps: AppDependencies<W>): boolean {
  const { app } = deps;
  const reportError = deps.reportError ?? ((message: string, error: unknown) => console.error(message, error));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }

  let window: W | null = null;
  const openWindow = (): void => {
    const created = deps.createWindow();
    window = created;
    created.on('closed', () => {
      if (window === created) window = null;
    });
  };

  // Every web contents, not only the main window's (a later devtools or child frame too).
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (window === null) openWindow();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(deps.defaultSession());
      openWindow();
    })
    .catch((error: unknown) => {
      reportError('Could not start the app', error);
      app.quit();
    });
  return true;
}
