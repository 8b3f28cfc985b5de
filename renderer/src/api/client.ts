import type { ApiClient, ApiError } from '../../../shared/api/contract';
import { API_METHODS, type ApiMethod } from '../../../shared/api/methods';
import { problem } from '../../../shared/messages/problems';
import { renderProblem } from '../../../shared/messages/render';
import { OFFLINE } from './offline';

/**
 * The UI's one way to the main process. On the desktop the preload exposes one function per
 * method over IPC; in a browser the same calls go to the local host over HTTP with the secret
 * from the address. The rest of the UI cannot tell which.
 */
export type Transport = 'desktop' | 'browser';

const SECRET_KEY = 'costplan.secret';

export function createApiClient(): { client: ApiClient; transport: Transport } {
  const bridge = window.costPlanner;
  if (bridge?.api) return { client: fromMethods((method, input) => bridge.api[method](input)), transport: 'desktop' };
  const secret = takeSecret();
  return {
    client: fromMethods(async (method, input) => {
      try {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-costplan-secret': secret },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as unknown;
      } catch (error) {
        // The browser's own text ("Failed to fetch") is only a detail: the problem says what it means.
        const unreachable = problem('host-unreachable', { detail: error instanceof Error ? error.message : String(error) });
        const failed: ApiError = { code: OFFLINE, message: renderProblem(unreachable, { language: 'en', unit: 'yuan' }), problem: unreachable };
        return { ok: false, error: failed };
      }
    }),
    transport: 'browser',
  };
}

function fromMethods(call: (method: ApiMethod, input: unknown) => Promise<unknown>): ApiClient {
  const client = {} as Record<ApiMethod, (input: unknown) => Promise<unknown>>;
  for (const method of API_METHODS) client[method] = (input) => call(method, input);
  return client as unknown as ApiClient;
}

/** The secret comes in the address fragment once; it is kept for reloads and removed from the address bar. */
function takeSecret(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('secret');
  if (fromHash) {
    sessionStorage.setItem(SECRET_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(SECRET_KEY) ?? '';
}
