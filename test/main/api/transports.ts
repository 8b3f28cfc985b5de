import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiInput, ApiResponse } from '../../../shared/api/contract';
import type { ApiMethod } from '../../../shared/api/methods';
import { ApiService } from '../../../main/api/handlers';
import { workbookService } from '../../../main/excel/service';
import { SECRET_HEADER, startHost, type RunningHost } from '../../../main/host/server';

/** A way to call the API: straight into the handlers, or over the browser host's HTTP. */
export interface Transport {
  name: string;
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResponse<M>>;
  close(): Promise<void>;
}

export function directTransport(dataDir: string): Transport & { api: ApiService } {
  const api = new ApiService({ dataDir, appVersion: '0.0.0-test', workbooks: workbookService });
  return { name: 'handlers', api, call: (method, input) => api.call(method, input), close: () => api.shutdown() };
}

export async function httpTransport(dataDir: string): Promise<Transport & { host: RunningHost; api: ApiService }> {
  const api = new ApiService({ dataDir, appVersion: '0.0.0-test', workbooks: workbookService, files: 'data-folder-only' });
  const staticDir = join(dataDir, 'static');
  mkdirSync(staticDir, { recursive: true });
  // The real page (the host writes a style nonce into its policy) and one asset.
  copyFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html'), join(staticDir, 'index.html'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'index.css'), 'body { margin: 0 }');
  const host = await startHost({ api, staticDir, maxBodyBytes: 64 * 1024, maxUploadBodyBytes: 4 * 1024 * 1024 });
  return {
    name: 'http',
    api,
    host,
    call: async <M extends ApiMethod>(method: M, input: ApiInput<M>) => {
      const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: host.secret },
        body: JSON.stringify(input),
      });
      return (await response.json()) as ApiResponse<M>;
    },
    close: async () => {
      await host.close();
      await api.shutdown();
    },
  };
}
