import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, newStyleNonce, withStyleNonce } from '../window/csp';
import type { ApiService } from '../api/handlers';
import { MAX_UPLOAD_BASE64, MAX_UPLOAD_BYTES } from '../../shared/api/contract';
import { problem, type Problem } from '../../shared/messages/problems';
import { renderProblem } from '../../shared/messages/render';

/**
 * The browser host: the same renderer and the same API as the desktop window, over HTTP on
 * the loopback interface. Every API call carries the per-start secret (the page reads it from
 * the address it was opened with); requests naming a foreign Host or Origin are refused, so a
 * web page elsewhere cannot reach the planner by DNS rebinding.
 */
export interface HostOptions {
  api: ApiService;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  secret?: string;
  maxBodyBytes?: number;
  /** uploadFile carries a whole file (base64): its own, larger limit. */
  maxUploadBodyBytes?: number;
}

export interface RunningHost {
  server: Server;
  port: number;
  secret: string;
  /** Open this in a browser: the secret travels in the fragment, never to a server log. */
  url: string;
  close(): Promise<void>;
}

export const SECRET_HEADER = 'x-costplan-secret';
const DEFAULT_MAX_BODY = 2 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const maxUploadBody = options.maxUploadBodyBytes ?? MAX_UPLOAD_BASE64 + 1024;
  let port = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        refuse(response, 500, 'internal', problem('internal-error', { detail: error instanceof Error ? error.message : String(error) }));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request.headers.host, port)) {
      refuse(response, 421, 'forbidden-host', problem('request-refused', { reason: 'host' }));
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !originAllowed(origin, port)) {
      refuse(response, 403, 'forbidden-origin', problem('request-refused', { reason: 'origin' }));
      return;
    }
    let url: URL;
    let pathname: string;
    try {
      url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      // "%E0%A4%A" and the like: the client's mistake, not the host's.
      refuse(response, 400, 'bad-request', problem('request-refused', { reason: 'escape' }));
      return;
    }
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, pathname.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      refuse(response, 405, 'method-not-allowed', problem('request-refused', { reason: 'get-only' }));
      return;
    }
    return serveStatic(response, options.staticDir, url.pathname === '/' ? '/' : pathname);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') {
      refuse(response, 405, 'method-not-allowed', problem('request-refused', { reason: 'post-only' }));
      return;
    }
    if (!secretMatches(request.headers[SECRET_HEADER], secret)) {
      refuse(response, 401, 'unauthorized', problem('request-refused', { reason: 'secret' }));
      return;
    }
    const contentType = request.headers['content-type'] ?? '';
    if (!contentType.startsWith('application/json')) {
      refuse(response, 415, 'unsupported-media-type', problem('request-refused', { reason: 'media-type' }));
      return;
    }
    const limit = method === 'uploadFile' ? maxUploadBody : maxBody;
    const body = await readBody(request, limit);
    if (!body.ok) {
      const upload = method === 'uploadFile';
      refuse(response, 413, 'body-too-large', problem('request-too-large', { bytes: upload ? MAX_UPLOAD_BYTES : limit, upload }));
      return;
    }
    let input: unknown;
    try {
      input = body.text === '' ? {} : (JSON.parse(body.text) as unknown);
    } catch {
      refuse(response, 400, 'invalid-json', problem('request-refused', { reason: 'json' }));
      return;
    }
    const result = await options.api.dispatch(method, input);
    send(response, result.ok ? 200 : result.error.code === 'unknown-method' ? 404 : 200, result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    secret,
    url: `http://127.0.0.1:${port}/#secret=${secret}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function originAllowed(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: IncomingMessage, limit: number): Promise<{ ok: true; text: string } | { ok: false }> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      request.resume();
      resolve({ ok: false });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(over ? { ok: false } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', reject);
  });
}

/** A refusal as the API's error: the problem the page words in its language, the English message for logs and curl. */
function refuse(response: ServerResponse, status: number, code: string, refused: Problem): void {
  send(response, status, { ok: false, error: { code, message: renderProblem(refused, { language: 'en', unit: 'yuan' }), problem: refused } });
}

async function serveStatic(response: ServerResponse, root: string, pathname: string): Promise<void> {
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const target = normalize(join(root, relative));
  if (!target.startsWith(normalize(root) + sep) && target !== normalize(join(root, 'index.html'))) {
    refuse(response, 404, 'not-found', problem('request-refused', { reason: 'not-found' }));
    return;
  }
  let content: Buffer;
  try {
    content = await readFile(target);
  } catch {
    refuse(response, 404, 'not-found', problem('request-refused', { reason: 'not-found' }));
    return;
  }
  // The page gets a fresh style nonce per request (for the grid's theme styles), stated in its
  // meta tag and in the header; everything else gets the policy without one.
  let policy = CONTENT_SECURITY_POLICY;
  if (extname(target) === '.html') {
    const nonce = newStyleNonce();
    content = Buffer.from(withStyleNonce(content.toString('utf8'), nonce));
    policy = contentSecurityPolicy(nonce);
  }
  response.writeHead(200, {
    ...securityHeaders(policy),
    'content-type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  response.end(content);
}

function securityHeaders(policy = CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...securityHeaders(), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}
