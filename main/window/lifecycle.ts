import type { AppWindow } from './create-window';
import { hardenSession, hardenWebContents, type HardenableSession, type HardenableWebContents, type HardeningOptions } from './security';

/** The part of Electron's `app` the lifecycle uses. */
export interface AppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  whenReady(): Promise<void>;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'window-all-closed' | 'activate', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: HardenableWebContents) => void): unknown;
}

export interface AppDependencies<W extends AppWindow> {
  app: AppLike;
  platform: string;
  /** Read only once the app is ready (Electron's `session.defaultSession`). */
  defaultSession: () => HardenableSession;
  createWindow: () => W;
  reportError?: (message: string, error: unknown) => void;
  /** Applied to every web contents the app creates (allow-listed documentation links). */
  hardening?: HardeningOptions;
  /** Runs once the app is ready and the session hardened, before the first window opens. */
  beforeFirstWindow?: () => Promise<void>;
  /** A second launch (its arguments and folder), after the first window came to the front. */
  onSecondInstance?: (argv: string[], workingDirectory: string) => void;
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
  let ready = false;
  const openWindow = (): void => {
    const created = deps.createWindow();
    window = created;
    created.on('closed', () => {
      if (window === created) window = null;
    });
  };

  // Every web contents, not only the main window's (a later devtools or child frame too).
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps.hardening));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window === null && ready) openWindow();
    else if (window !== null) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    deps.onSecondInstance?.(Array.isArray(argv) ? argv : [], typeof workingDirectory === 'string' ? workingDirectory : '');
  });
  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (ready && window === null) openWindow();
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(deps.defaultSession());
      await deps.beforeFirstWindow?.();
      openWindow();
      ready = true;
    })
    .catch((error: unknown) => {
      reportError('Could not start the app', error);
      app.quit();
    });
  return true;
}
