import type { HandlerDetails, WebPreferences, WindowOpenHandlerResponse } from 'electron';

/**
 * The security settings of every window, as small functions over the narrow parts of Electron's
 * objects they touch, so that tests can pass plain fakes. Electron's own `WebContents` and
 * `Session` satisfy these interfaces.
 */

/** The part of an Electron event these handlers use. */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface HardenableWebContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (permissionGranted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** Web preferences of the app's window: isolated, sandboxed, no Node in any renderer frame. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
  };
}

const hardened = new WeakSet<HardenableWebContents>();

/**
 * The page may not navigate away from the bundled renderer, open windows or attach a
 * `<webview>`. Safe to call more than once for the same contents.
 */
export function hardenWebContents(contents: HardenableWebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(denyWindowOpen);
}

export function denyWindowOpen(): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

/** The app needs no browser permission (camera, notifications, clipboard read, ...): deny all. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
