import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether `value` is a file:// address inside the bundled renderer folder (out/renderer): the
 * app's own page and its assets, and nothing else on disk.
 */
export function isAppFileUrl(value: string, rendererDir: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return false;
  url.hash = '';
  url.search = '';
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return false;
  }
  const inside = relative(resolve(rendererDir), resolve(path));
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/**
 * What the app's pages may load: their own bundled files, data: and blob: URLs they make
 * themselves, and the developer tools. Every other request (http, https, ws, other files) is
 * cancelled: the app makes no outbound network request.
 */
export function isAllowedRequest(value: string, rendererDir: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'devtools' || scheme === 'data' || scheme === 'blob') return true;
  return isAppFileUrl(value, rendererDir);
}
