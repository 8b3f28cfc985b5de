import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, newStyleNonce, withStyleNonce } from './csp';

/** The part of Electron's `session.protocol` that serves the page. */
export interface PageProtocol {
  handle(scheme: 'file', handler: (request: Request) => Response | Promise<Response>): void;
}

/**
 * The desktop window's page gets a fresh style nonce at every load, like the browser host's:
 * file:// requests for the bundled index.html are answered with the page stating
 * `style-src 'self' 'nonce-…'` (meta tag and header) and the nonce tag the renderer hands to
 * AG Grid. Every other file:// request goes to Electron's own file handler (`passThrough`,
 * `net.fetch` bypassing this handler); the session's network rules still apply to all of them.
 */
export function servePageWithStyleNonce(
  protocol: PageProtocol,
  pagePath: string,
  passThrough: (request: Request) => Promise<Response>,
  reportError: (message: string, error: unknown) => void,
): void {
  const page = resolve(pagePath);
  protocol.handle('file', async (request) => {
    if (!isPage(request.url, page)) return passThrough(request);
    try {
      const nonce = newStyleNonce();
      const html = withStyleNonce(await readFile(page, 'utf8'), nonce);
      return new Response(html, {
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': contentSecurityPolicy(nonce) },
      });
    } catch (error) {
      reportError(`Could not load ${page}`, error);
      return new Response('The page could not be loaded.', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
  });
}

function isPage(value: string, page: string): boolean {
  try {
    const url = new URL(value);
    url.search = '';
    url.hash = '';
    return resolve(fileURLToPath(url)) === page;
  } catch {
    return false;
  }
}
