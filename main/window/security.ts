import type { HandlerDetails, WebPreferences, WindowOpenHandlerResponse } from 'electron';
import { isAllowedRequest } from './app-url';
import { CONTENT_SECURITY_POLICY, isNoncePagePolicy } from './csp';
import { openIfAllowed } from './external-links';

/**
 * The security settings of every window, as small functions over the narrow parts of Electron's
 * objects they touch, so that tests can pass plain fakes. Electron's own `WebContents` and
 * `Session` satisfy these interfaces.
 */

/** The part of an Electron event these handlers use. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** A navigation event: Electron's carries the address the page wants to go to. */
export interface NavigationEvent extends PreventableEvent {
  readonly url?: string;
}

export interface HardenableWebContents {
  on(event: 'will-navigate' | 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

export interface HardenableSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (permissionGranted: boolean) => void) => void): void;
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

export interface HardeningOptions {
  /**
   * Electron's `shell.openExternal`: a link to an allow-listed documentation address
   * (external-links.ts) opens in the system browser; the page itself still goes nowhere.
   */
  openExternal?: (url: string) => Promise<void>;
  reportError?: (message: string, error: unknown) => void;
}

const hardened = new WeakSet<HardenableWebContents>();

/**
 * The page may not navigate away from the bundled renderer, open windows or attach a
 * `<webview>`. Safe to call more than once for the same contents.
 */
export function hardenWebContents(contents: HardenableWebContents, options: HardeningOptions = {}): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const external = (url: unknown): void => {
    if (options.openExternal) openIfAllowed(url, options.openExternal, (error) => options.reportError?.(`Could not open ${String(url)}`, error));
  };
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    external(event.url);
  });
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    external(details.url);
    return denyWindowOpen();
  });
}

export function denyWindowOpen(): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

/** The app needs no browser permission (camera, notifications, clipboard read, ...): deny all. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** The part of Electron's `session.webRequest` the network rules use. */
export interface RequestFilter {
  onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
  onHeadersReceived(
    listener: (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void,
    ) => void,
  ): void;
}

/**
 * No outbound network: every request that is not the bundled renderer (or data:, blob:,
 * devtools) is cancelled. Every response also carries the Content-Security-Policy as a header,
 * on top of the page's meta tag.
 */
export function restrictNetwork(webRequest: RequestFilter, rendererDir: string): void {
  webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, rendererDir) }));
  webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
}

/**
 * Every response gets the app's policy, replacing any other; the page served with a style
 * nonce (page-protocol.ts) keeps its own, which is the same policy plus that nonce.
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> = {}): Record<string, string[]> {
  const policies = Object.entries(headers).filter(([name]) => name.toLowerCase() === 'content-security-policy');
  const given = policies.length === 1 && policies[0]![1].length === 1 ? policies[0]![1][0]! : undefined;
  const kept = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  const policy = given !== undefined && isNoncePagePolicy(given) ? given : CONTENT_SECURITY_POLICY;
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] };
}
