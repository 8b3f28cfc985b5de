import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  isNoncePagePolicy,
  newStyleNonce,
  PAGE_POLICY,
  pagePolicy,
  withStyleNonce,
} from '../../../main/window/csp';

vi.mock('electron', () => ({}));

const html = readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8');

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('the Content-Security-Policy text', () => {
  it('allows no inline style, no inline script and no eval, with or without a nonce', () => {
    const nonce = newStyleNonce();
    for (const policy of [PAGE_POLICY, CONTENT_SECURITY_POLICY, pagePolicy(nonce), contentSecurityPolicy(nonce)]) {
      expect(policy).not.toContain("'unsafe-inline'");
      expect(policy).not.toContain("'unsafe-eval'");
      expect(policy).not.toContain("'unsafe-hashes'");
      expect(directives(policy)['script-src']).toEqual(["'self'"]);
    }
    expect(directives(CONTENT_SECURITY_POLICY)['style-src']).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy(nonce))['style-src']).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(directives(contentSecurityPolicy(nonce))['frame-ancestors']).toEqual(["'none'"]);
  });

  it('a nonce is 128 random bits, new each time; nothing else is accepted as one', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newStyleNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    for (const bad of ['', 'abc', "x' 'unsafe-inline", `${newStyleNonce()}; script-src *`]) expect(() => pagePolicy(bad)).toThrow();
  });

  it('recognises only its own policy with a nonce', () => {
    const nonce = newStyleNonce();
    expect(isNoncePagePolicy(contentSecurityPolicy(nonce))).toBe(true);
    expect(isNoncePagePolicy(CONTENT_SECURITY_POLICY)).toBe(false);
    expect(isNoncePagePolicy(`${contentSecurityPolicy(nonce)}; script-src *`)).toBe(false);
    expect(isNoncePagePolicy(contentSecurityPolicy(nonce).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"))).toBe(false);
    expect(isNoncePagePolicy("style-src 'nonce-x'")).toBe(false);
  });
});

describe('withStyleNonce (the page as served)', () => {
  it('states the nonce policy in the meta tag and adds the nonce tag the renderer reads', () => {
    const nonce = newStyleNonce();
    const served = withStyleNonce(html, nonce);
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(served)?.[1];
    expect(meta).toBe(pagePolicy(nonce));
    expect(served).toContain(`<meta property="csp-nonce" nonce="${nonce}" />`);
    expect(served.match(/Content-Security-Policy/g)).toHaveLength(html.match(/Content-Security-Policy/g)!.length);
    // Nothing else changes.
    expect(served.replace(pagePolicy(nonce), PAGE_POLICY).replace(`\n    <meta property="csp-nonce" nonce="${nonce}" />`, '')).toBe(html);
  });

  it('refuses a page that does not state the app policy', () => {
    expect(() => withStyleNonce('<html><head></head></html>', newStyleNonce())).toThrow(/meta tag/);
    expect(() => withStyleNonce(html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"), newStyleNonce())).toThrow(/meta tag/);
  });
});
