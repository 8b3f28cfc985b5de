import { describe, expect, it, vi } from 'vitest';
import {
  denyWindowOpen,
  hardenSession,
  hardenWebContents,
  secureWebPreferences,
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

  it.each(['https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank'])(
    'denies window.open(%s)',
    (url) => {
      const contents = new FakeWebContents();
      hardenWebContents(contents);
      expect(contents.windowOpenHandler?.(openDetails(url))).toEqual({ action: 'deny' });
    },
  );

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
