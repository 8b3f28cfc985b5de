import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const root = join(import.meta.dirname, '..', '..', '..');
const html = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');

function contentSecurityPolicy(source: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(source);
  if (meta?.[1] === undefined) throw new Error('no CSP meta tag');
  const directives = new Map<string, string[]>();
  for (const part of meta[1].split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

describe('renderer/index.html (the page the window loads)', () => {
  const csp = contentSecurityPolicy(html);

  it('has the strict Content-Security-Policy', () => {
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
    });
  });

  it('allows neither eval nor inline scripts nor inline styles', () => {
    const scripts = csp.get('script-src') ?? [];
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
    // The grid theme's <style> elements get a per-load nonce from whoever serves the page.
    expect(html).not.toContain('unsafe-inline');
    expect(html).not.toContain('unsafe-hashes');
  });

  it('has no inline style: no <style> element and no style attribute', () => {
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
  });

  it('has no inline script: every <script> has a src and no body', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });
});

describe('one policy everywhere', () => {
  it('the meta tag states the same policy the desktop session and the browser host send', async () => {
    const { CONTENT_SECURITY_POLICY, PAGE_POLICY } = await import('../../../main/window/csp');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(PAGE_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(`${PAGE_POLICY}; frame-ancestors 'none'`);
  });
});
