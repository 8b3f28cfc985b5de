import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, newStyleNonce } from '../../../main/window/csp';
import { isAllowedExternalUrl } from '../../../main/window/external-links';
import {
  denyWindowOpen,
  hardenSession,
  hardenWebContents,
  restrictNetwork,
  secureWebPreferences,
  withContentSecurityPolicy,
} from '../../../main/window/security';
import { FakeSession, FakeWebContents, openDetails } from './fakes';

// Importing the real module in plain Node would try to download the Electron binary.
vi.mock('electron', () => ({}));

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer and gives it no Node', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('enables no Blink feature and does not reuse a shared partition', () => {
    const prefs = secureWebPreferences('/p.cjs');
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.partition).toBeUndefined();
  });
});

describe('hardenWebContents', () => {
  it('prevents every navigation away from the bundled page', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    expect(contents.emit('will-navigate')).toBe(true);
    expect(contents.emit('will-frame-navigate')).toBe(true);
  });

  it('refuses to attach a <webview>', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    expect(contents.emit('will-attach-webview')).toBe(true);
  });

  it.each(['https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank'])('denies window.open(%s)', (url) => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    expect(contents.windowOpenHandler?.(openDetails(url))).toEqual({ action: 'deny' });
  });

  it('adds its listeners only once for the same contents', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    hardenWebContents(contents);
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
    expect(contents.windowOpenHandlerCalls).toBe(1);
  });

  it('denyWindowOpen never allows', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])(
    'denies the %s permission request and check',
    (permission) => {
      const session = new FakeSession();
      hardenSession(session);
      const callback = vi.fn<(granted: boolean) => void>();
      session.requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(session.checkHandler?.({}, permission)).toBe(false);
    },
  );

  it('installs both handlers', () => {
    const session = new FakeSession();
    hardenSession(session);
    expect(session.requestHandler).not.toBeNull();
    expect(session.checkHandler).not.toBeNull();
  });
});

describe('documentation links', () => {
  function hardened() {
    const opened: string[] = [];
    const contents = new FakeWebContents();
    hardenWebContents(contents, {
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
    });
    return { contents, opened };
  }

  it('opens an allow-listed https link in the system browser, and the window still opens nothing', () => {
    const { contents, opened } = hardened();
    expect(contents.windowOpenHandler?.(openDetails('https://github.com/docs/definitions'))).toEqual({ action: 'deny' });
    expect(contents.emit('will-navigate', 'https://github.com/docs')).toBe(true);
    expect(opened).toEqual(['https://github.com/docs/definitions', 'https://github.com/docs']);
  });

  it.each([
    'http://github.com/docs',
    'https://evil.example/',
    'https://github.com.evil.example/',
    'https://user:pw@github.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('never hands %s to the system browser', (url) => {
    const { contents, opened } = hardened();
    expect(contents.windowOpenHandler?.(openDetails(url))).toEqual({ action: 'deny' });
    expect(contents.emit('will-navigate', url)).toBe(true);
    expect(opened).toEqual([]);
  });

  it('without an opener, nothing opens at all', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    expect(contents.windowOpenHandler?.(openDetails('https://github.com/docs'))).toEqual({ action: 'deny' });
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://github.com/org/repo#how-the-figures-are-defined', true],
    ['https://GITHUB.com/x', true],
    ['http://github.com/x', false],
    ['https://github.com:8443/x', false],
    ['https://gist.github.com/x', false],
    ['https://github.com@evil.example/', false],
    ['not a url', false],
    [42, false],
  ])('%s -> %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });

  it('checks against the list it is given', () => {
    expect(isAllowedExternalUrl('https://docs.example.org/a', ['docs.example.org'])).toBe(true);
    expect(isAllowedExternalUrl('https://github.com/a', ['docs.example.org'])).toBe(false);
  });
});

describe('restrictNetwork', () => {
  const rendererDir = '/app/out/renderer';

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/api',
    'ws://localhost:5173/',
    'wss://example.com/socket',
    'ftp://example.com/x',
    'file:///etc/passwd',
    'file:///app/out/renderer-other/x.js',
    'file:///app/out/main/index.js',
    'file://remote-host/app/out/renderer/index.html',
    'chrome://settings',
  ])('cancels %s', (url) => {
    const session = new FakeSession();
    restrictNetwork(session.webRequest, rendererDir);
    expect(session.webRequest.cancels(url)).toBe(true);
  });

  it.each([
    'file:///app/out/renderer/index.html',
    'file:///app/out/renderer/assets/index-abc.js',
    'file:///app/out/renderer/index.html#/results',
    'data:image/png;base64,AAAA',
    'blob:file:///0b1c',
    'devtools://devtools/bundled/inspector.html',
  ])('lets %s through', (url) => {
    const session = new FakeSession();
    restrictNetwork(session.webRequest, rendererDir);
    expect(session.webRequest.cancels(url)).toBe(false);
  });

  it('sets the Content-Security-Policy header, replacing any other', () => {
    expect(withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'X-Other': ['1'] })).toEqual({
      'X-Other': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(/script-src ([^;]*)/.exec(CONTENT_SECURITY_POLICY)?.[1]).toBe("'self'");
    expect(/style-src ([^;]*)/.exec(CONTENT_SECURITY_POLICY)?.[1]).toBe("'self'");
  });

  it("keeps the page's own policy with its style nonce, and nothing looser", () => {
    const page = contentSecurityPolicy(newStyleNonce());
    expect(withContentSecurityPolicy({ 'Content-Security-Policy': [page], 'X-Other': ['1'] })).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [page] });
    const loose = page.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    expect(withContentSecurityPolicy({ 'content-security-policy': [loose] })).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    // Two policies (one of them the page's) are not "the page's policy".
    expect(withContentSecurityPolicy({ 'content-security-policy': [page, 'default-src *'] })).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
