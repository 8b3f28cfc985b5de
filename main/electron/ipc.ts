import type { ApiError, ApiResponse } from '../../shared/api/contract';
import { problem, type Problem } from '../../shared/messages/problems';
import { renderProblem } from '../../shared/messages/render';
import { API_METHODS, type ApiMethod } from '../../shared/api/methods';
import type { IpcSenderEvent } from '../window/sender';
import { apiChannel } from './channels';

/** The part of Electron's `ipcMain` the API uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => unknown): void;
}

/** `ApiService.dispatch`: parses the input with the contract's schema before any handler runs. */
export interface ApiDispatcher {
  dispatch(method: unknown, input: unknown): Promise<ApiResponse<ApiMethod>>;
}

export function forbiddenSender(method: ApiMethod): { ok: false; error: ApiError } {
  return coded('forbidden-sender', problem('sender-refused', { method }));
}

/** A refusal of the IPC layer: its problem, and the English message (for logs) worded from it. */
function coded(code: string, refused: Problem): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message: renderProblem(refused, { language: 'en', unit: 'yuan' }), problem: refused } };
}

/**
 * Registers one `ipcMain.handle` channel per contract method (`api:<method>`) and nothing
 * else. Each call is checked first: a sender that is not the main frame of one of the app's
 * windows on the app's own page gets `forbidden-sender` and no handler runs. The one argument
 * then goes to `dispatch`, which rejects an input its schema refuses, again before any
 * handler runs. `afterCall` sees every dispatched call (the menus follow undo state, language).
 */
export function registerApiHandlers(
  ipcMain: IpcMainLike,
  api: ApiDispatcher,
  isTrustedFrame: (event: IpcSenderEvent) => boolean,
  afterCall: (method: ApiMethod, response: ApiResponse<ApiMethod>) => void = () => undefined,
): string[] {
  return API_METHODS.map((method) => {
    const channel = apiChannel(method);
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedFrame(event)) return forbiddenSender(method);
      if (args.length > 1) return coded('invalid-input', problem('one-input-only', { method })) satisfies ApiResponse<ApiMethod>;
      const response = await api.dispatch(method, args[0]);
      afterCall(method, response);
      return response;
    });
    return channel;
  });
}
