import { randomBytes } from 'node:crypto';

/**
 * The one Content-Security-Policy of the UI, wherever it is served: no eval, no inline script,
 * no inline style, nothing from the network. The meta tag of renderer/index.html states
 * `PAGE_POLICY` (checked equal by a test): a page loaded as built gets only its own files.
 *
 * The grid's theme (AG Grid's theming API) writes <style> elements at run time. Instead of
 * `style-src 'unsafe-inline'`, whoever serves the page (the browser host per request, the
 * desktop window per load) gives it a fresh nonce: `withStyleNonce` states the policy with
 * `'nonce-…'` in the meta tag and adds `<meta property="csp-nonce" nonce="…">`, which the
 * renderer hands to AG Grid (`styleNonce`); the response header says the same policy. Style
 * set through the CSSOM (React's `style` prop, element.style) is not governed by CSP.
 */
export const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** The header sent with everything that is not the page itself (and with the page as built). */
export const CONTENT_SECURITY_POLICY = `${PAGE_POLICY}; frame-ancestors 'none'`;

/** A nonce is 128 random bits, base64: new for every page served. */
export function newStyleNonce(): string {
  return randomBytes(16).toString('base64');
}

const NONCE = /^[A-Za-z0-9+/]{22}==$/;

/** The page policy allowing <style> elements that carry `nonce`. */
export function pagePolicy(nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error('a style nonce is 16 random bytes in base64');
  return PAGE_POLICY.replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`);
}

/** The header policy of a page served with `nonce`. */
export function contentSecurityPolicy(nonce: string): string {
  return `${pagePolicy(nonce)}; frame-ancestors 'none'`;
}

/** Whether `policy` is the header policy of a page served with some nonce (kept as is by the desktop session). */
export function isNoncePagePolicy(policy: string): boolean {
  const nonce = /'nonce-([^']*)'/.exec(policy)?.[1];
  return nonce !== undefined && NONCE.test(nonce) && policy === contentSecurityPolicy(nonce);
}

const META_POLICY = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)("\s*\/?>)/i;

/**
 * index.html as served with `nonce`: the meta policy allows that nonce, and the nonce meta tag
 * follows it. Throws when the page lacks the policy meta tag (never serve a page without one).
 */
export function withStyleNonce(html: string, nonce: string): string {
  const meta = META_POLICY.exec(html);
  if (meta?.[2] !== PAGE_POLICY) throw new Error('index.html does not state the app policy in its meta tag');
  const policy = pagePolicy(nonce);
  return html.replace(
    META_POLICY,
    (_all, start: string, _old: string, end: string) => `${start}${policy}${end}\n    <meta property="csp-nonce" nonce="${nonce}" />`,
  );
}
