import type { ApiMethod } from '../../shared/api/methods';

/**
 * The IPC channels between the preload and the main process, shared by both sides (the preload
 * bundles this file, so it imports nothing at run time).
 *
 * - `api:<method>`: one `ipcMain.handle` channel per contract method, renderer to main.
 * - `session:changed`: main to renderer, the new session state after the menu, a dialog or a
 *   second launch changed it (open, new, save as, import, undo, redo, restore, view settings).
 */
export const API_CHANNEL_PREFIX = 'api:';

export function apiChannel(method: ApiMethod): `api:${ApiMethod}` {
  return `api:${method}`;
}

export const SESSION_CHANGED_CHANNEL = 'session:changed';
