import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isNoncePagePolicy } from '../../../main/window/csp';
import { servePageWithStyleNonce } from '../../../main/window/page-protocol';
import { FakeProtocol } from './fakes';

vi.mock('electron', () => ({}));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function serve() {
  const dir = mkdtempSync(join(tmpdir(), 'costplan-page-'));
  dirs.push(dir);
  const page = join(dir, 'index.html');
  copyFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html'), page);
  const protocol = new FakeProtocol();
  const passed: string[] = [];
  const errors: string[] = [];
  servePageWithStyleNonce(
    protocol,
    page,
    (request) => {
      passed.push(request.url);
      return Promise.resolve(new Response('asset'));
    },
    (message) => errors.push(message),
  );
  return { dir, page, protocol, passed, errors };
}

describe('servePageWithStyleNonce (the desktop window)', () => {
  it('answers the page with a fresh nonce at every load, the same in its header and its meta tag', async () => {
    const { page, protocol, passed } = serve();
    const seen = new Set<string>();
    for (const url of [pathToFileURL(page).href, `${pathToFileURL(page).href}?reload#x`]) {
      const response = await protocol.fetch(url);
      const policy = response.headers.get('content-security-policy') ?? '';
      const text = await response.text();
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(isNoncePagePolicy(policy)).toBe(true);
      const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
      expect(text).toContain(`<meta property="csp-nonce" nonce="${nonce}" />`);
      expect(text).toContain(`content="${policy.replace("; frame-ancestors 'none'", '')}"`);
      seen.add(nonce);
    }
    expect(seen.size).toBe(2);
    expect(passed).toEqual([]);
  });

  it('passes every other file to Electron unchanged', async () => {
    const { dir, protocol, passed } = serve();
    const asset = pathToFileURL(join(dir, 'assets', 'index.js')).href;
    expect(await (await protocol.fetch(asset)).text()).toBe('asset');
    expect(await (await protocol.fetch('file:///etc/passwd')).text()).toBe('asset');
    expect(passed).toEqual([asset, 'file:///etc/passwd']);
  });

  it('a page that cannot be read is a 500 and a reported error, not an unprotected page', async () => {
    const { page, protocol, errors } = serve();
    rmSync(page);
    const response = await protocol.fetch(pathToFileURL(page).href);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(errors).toEqual([`Could not load ${page}`]);
  });
});
