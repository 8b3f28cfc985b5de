import type { ApiMethod } from '../../shared/api/methods';

/**
 * The IPC channels between the preload and the main process, shared by both sides (the preload
 * bundles this file, so it imports nothing at run time).
 *
 * - `api:<method>`: one `ipcMain.handle` channel per contract method, renderer to main.
 * - `session:changed`: main to renderer, the new session state after the menu, a dialog or a
 *   second launch changed it (open, new, save as, import, undo, redo, restore, view settings).
 * - `window:dialog`: main to renderer, a menu item asks the window to open one of its dialogs
 *   (one of WINDOW_DIALOGS, e.g. the deck's export options).
 */
export const API_CHANNEL_PREFIX = 'api:';

export function apiChannel(method: ApiMethod): `api:${ApiMethod}` {
  return `api:${method}`;
}

export const SESSION_CHANGED_CHANNEL = 'session:changed';

export const WINDOW_DIALOG_CHANNEL = 'window:dialog';
export const WINDOW_DIALOGS = ['exportDeck'] as const;
export type WindowDialog = (typeof WINDOW_DIALOGS)[number];
