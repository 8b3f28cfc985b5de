import { contextBridge, ipcRenderer } from 'electron';
import type { SessionState } from '../../shared/api/contract';
import { API_METHODS, type ApiMethod } from '../../shared/api/methods';
import { apiChannel, SESSION_CHANGED_CHANNEL, WINDOW_DIALOG_CHANNEL, WINDOW_DIALOGS, type WindowDialog } from '../electron/channels';

/** Replaced with package.json's version at build time (electron.vite.config.ts `define`). */
declare const __APP_VERSION__: string;

/**
 * What the renderer sees as `window.costPlanner` (typed in renderer/src/bridge.d.ts):
 *   version               the app version
 *   api[method](input)    one function per contract method, each one `ipcRenderer.invoke`
 *                         on its own channel `api:<method>`; main checks the sender and
 *                         parses the input
 *   onSessionChanged(fn)  called with the new session state when the menu, a dialog or a
 *                         second launch changed it in the main process; returns an unsubscribe
 *   onWindowDialog(fn)    called with the name of a window dialog a menu item asks for
 *                         (only names of WINDOW_DIALOGS pass); returns an unsubscribe
 * Only plain values and these functions cross the bridge, all frozen; `ipcRenderer` itself,
 * its events and any other channel are never exposed.
 */
const api = Object.freeze(
  Object.fromEntries(API_METHODS.map((method) => [method, (input: unknown): Promise<unknown> => ipcRenderer.invoke(apiChannel(method), input)])) as Record<
    ApiMethod,
    (input: unknown) => Promise<unknown>
  >,
);

const sessionListeners = new Set<(session: SessionState) => void>();
ipcRenderer.on(SESSION_CHANGED_CHANNEL, (_event, session: SessionState) => {
  for (const listener of sessionListeners) listener(session);
});

function onSessionChanged(listener: (session: SessionState) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('onSessionChanged takes a function');
  sessionListeners.add(listener);
  return () => {
    sessionListeners.delete(listener);
  };
}

const dialogListeners = new Set<(dialog: WindowDialog) => void>();
ipcRenderer.on(WINDOW_DIALOG_CHANNEL, (_event, dialog: unknown) => {
  if (!(WINDOW_DIALOGS as readonly unknown[]).includes(dialog)) return;
  for (const listener of dialogListeners) listener(dialog as WindowDialog);
});

function onWindowDialog(listener: (dialog: WindowDialog) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('onWindowDialog takes a function');
  dialogListeners.add(listener);
  return () => {
    dialogListeners.delete(listener);
  };
}

const costPlannerBridge = Object.freeze({
  version: __APP_VERSION__,
  api,
  onSessionChanged,
  onWindowDialog,
});

contextBridge.exposeInMainWorld('costPlanner', costPlannerBridge);
