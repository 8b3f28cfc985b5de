import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER } from '../../../main/host/server';
import { CONTENT_SECURITY_POLICY, isNoncePagePolicy } from '../../../main/window/csp';
import { httpTransport } from '../api/transports';

type Host = Awaited<ReturnType<typeof httpTransport>>;

/** Raw requests, so that Host and Origin can be set to anything (fetch refuses to). */
function send(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'POST', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('the browser host refuses what is not the planner page', () => {
  let host: Host;
  let port: number;
  let good: Record<string, string>;
  beforeAll(async () => {
    host = await httpTransport(mkdtempSync(join(tmpdir(), 'costplan-host-')));
    port = host.host.port;
    good = { host: `127.0.0.1:${port}`, 'content-type': 'application/json', [SECRET_HEADER]: host.host.secret };
  });
  afterAll(async () => host.close());

  it('answers a correct call', async () => {
    const response = await send(port, { path: '/api/getSession', headers: good, body: '{}' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { file: null, model: null } });
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    ['no secret', { [SECRET_HEADER]: '' }, 401, 'unauthorized'],
    ['a wrong secret', { [SECRET_HEADER]: 'x'.repeat(32) }, 401, 'unauthorized'],
    ['a foreign Host (DNS rebinding)', { host: 'evil.example:80' }, 421, 'forbidden-host'],
    ['a foreign Origin', { origin: 'https://evil.example' }, 403, 'forbidden-origin'],
    ['a body that is not JSON', { 'content-type': 'text/plain' }, 415, 'unsupported-media-type'],
  ])('refuses %s', async (_label, headers, status, code) => {
    const response = await send(port, { path: '/api/getSession', headers: { ...good, ...headers }, body: '{}' });
    expect(response.status).toBe(status);
    expect((JSON.parse(response.body) as { error: { code: string } }).error.code).toBe(code);
  });

  it('refuses an oversize body, an unknown method, an invalid payload and a GET to the API', async () => {
    const big = await send(port, { path: '/api/openModel', headers: good, body: JSON.stringify({ path: 'x'.repeat(100_000) }) });
    expect(big.status).toBe(413);
    const unknown = await send(port, { path: '/api/eval', headers: good, body: '{}' });
    expect(unknown.status).toBe(404);
    const invalid = await send(port, { path: '/api/openModel', headers: good, body: '{"path": 42}' });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const get = await send(port, { path: '/api/getSession', method: 'GET', headers: good });
    expect(get.status).toBe(405);
  });

  it('serves the page with the CSP and never a file outside it', async () => {
    const page = await send(port, { path: '/', method: 'GET', headers: { host: `localhost:${port}` } });
    expect(page.status).toBe(200);
    const policy = String(page.headers['content-security-policy']);
    // The page: the app policy plus a style nonce for this response, stated in its meta tag too.
    expect(isNoncePagePolicy(policy)).toBe(true);
    expect(policy).not.toContain('unsafe-inline');
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(page.body).toContain(`content="${policy.replace("; frame-ancestors 'none'", '')}"`);
    expect(page.body).toContain(`<meta property="csp-nonce" nonce="${nonce}" />`);
    const again = await send(port, { path: '/index.html', method: 'GET', headers: { host: `localhost:${port}` } });
    expect(isNoncePagePolicy(String(again.headers['content-security-policy']))).toBe(true);
    expect(again.headers['content-security-policy']).not.toBe(policy);
    // Everything else: the policy without a nonce.
    const asset = await send(port, { path: '/assets/index.css', method: 'GET', headers: { host: `localhost:${port}` } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const escape = await send(port, { path: '/..%2F..%2Fetc%2Fpasswd', method: 'GET', headers: { host: `127.0.0.1:${port}` } });
    expect(escape.status).toBe(404);
  });

  it('listens on the loopback address only', async () => {
    const address = host.host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((item) => item && item.family === 'IPv4' && !item.internal);
    if (external) {
      const reached = await new Promise<boolean>((resolve) => {
        const req = request({ host: external.address, port, path: '/', timeout: 1000 }, () => resolve(true));
        req.on('error', () => resolve(false));
        req.on('timeout', () => {
          req.destroy();
          resolve(false);
        });
        req.end();
      });
      expect(reached).toBe(false);
    }
  });
});

describe('the browser host and a malformed address', () => {
  let host: Host;
  beforeAll(async () => {
    host = await httpTransport(mkdtempSync(join(tmpdir(), 'costplan-host-')));
  });
  afterAll(async () => host.close());

  it.each(['/%E0%A4%A', '/api/%E0%A4%A', '/assets/%'])('answers 400 to GET %s and goes on answering', async (path) => {
    const port = host.host.port;
    const response = await send(port, { path, method: 'GET', headers: { host: `127.0.0.1:${port}` } });
    expect(response.status).toBe(400);
    expect((JSON.parse(response.body) as { error: { code: string } }).error.code).toBe('bad-request');
    const after = await send(port, {
      path: '/api/getSession',
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', [SECRET_HEADER]: host.host.secret },
      body: '{}',
    });
    expect(after.status).toBe(200);
  });
});
