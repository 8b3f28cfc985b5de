import { describe, expect, it, vi } from 'vitest';
import { startApp } from '../../../main/window/lifecycle';
import { FakeApp, FakeSession, FakeWebContents, FakeWindow } from './fakes';

vi.mock('electron', () => ({}));

function setup(options: { lock?: boolean; platform?: string } = {}) {
  const app = new FakeApp(options.lock ?? true);
  const session = new FakeSession();
  const windows: FakeWindow[] = [];
  const started = startApp({
    app,
    platform: options.platform ?? 'linux',
    defaultSession: () => session,
    createWindow: () => {
      const window = new FakeWindow();
      windows.push(window);
      return window;
    },
  });
  return { app, session, windows, started };
}

describe('startApp', () => {
  it('quits at once when another instance holds the lock', async () => {
    const { app, windows, started } = setup({ lock: false });
    expect(started).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.listeners.size).toBe(0);
    await app.becomeReady();
    expect(windows).toHaveLength(0);
  });

  it('opens one window and hardens the session once ready', async () => {
    const { app, session, windows, started } = setup();
    expect(started).toBe(true);
    expect(windows).toHaveLength(0);
    await app.becomeReady();
    expect(windows).toHaveLength(1);
    expect(session.requestHandler).not.toBeNull();
    expect(session.checkHandler).not.toBeNull();
  });

  it('brings the existing window to the front when a second instance starts', async () => {
    const { app, windows } = setup();
    await app.becomeReady();
    const window = windows[0];
    if (window === undefined) throw new Error('no window');
    window.minimized = true;
    app.emit('second-instance');
    expect(window.calls).toEqual(['restore', 'focus']);
    expect(windows).toHaveLength(1);
  });

  it('hardens every web contents the app creates', () => {
    const { app } = setup();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', contents);
    expect(contents.emit('will-navigate')).toBe(true);
    expect(contents.windowOpenHandler).not.toBeNull();
  });

  it('quits when the window closes, except on macOS', () => {
    const linux = setup({ platform: 'win32' });
    linux.app.emit('window-all-closed');
    expect(linux.app.quitCalls).toBe(1);
    const mac = setup({ platform: 'darwin' });
    mac.app.emit('window-all-closed');
    expect(mac.app.quitCalls).toBe(0);
  });

  it('reopens the window on activate only when none is open', async () => {
    const { app, windows } = setup({ platform: 'darwin' });
    await app.becomeReady();
    app.emit('activate');
    expect(windows).toHaveLength(1);
    windows[0]?.emitClosed();
    app.emit('activate');
    expect(windows).toHaveLength(2);
  });

  it('reports a failed start and quits', async () => {
    const app = new FakeApp();
    const reportError = vi.fn<(message: string, error: unknown) => void>();
    startApp({
      app,
      platform: 'linux',
      defaultSession: () => {
        throw new Error('no session');
      },
      createWindow: () => new FakeWindow(),
      reportError,
    });
    await app.becomeReady();
    expect(reportError).toHaveBeenCalledOnce();
    expect(app.quitCalls).toBe(1);
  });
});

describe('startApp hooks', () => {
  it('runs beforeFirstWindow after hardening the session and before the window opens', async () => {
    const app = new FakeApp();
    const session = new FakeSession();
    const order: string[] = [];
    startApp({
      app,
      platform: 'linux',
      defaultSession: () => session,
      beforeFirstWindow: async () => {
        order.push(session.requestHandler === null ? 'before, session open' : 'before, session hardened');
        await Promise.resolve();
      },
      createWindow: () => {
        order.push('window');
        return new FakeWindow();
      },
    });
    await app.becomeReady();
    expect(order).toEqual(['before, session hardened', 'window']);
  });

  it('passes a second launch its arguments and folder, after focusing the window', async () => {
    const app = new FakeApp();
    const seen: [string[], string][] = [];
    const windows: FakeWindow[] = [];
    startApp({
      app,
      platform: 'linux',
      defaultSession: () => new FakeSession(),
      createWindow: () => {
        const window = new FakeWindow();
        windows.push(window);
        return window;
      },
      onSecondInstance: (argv, cwd) => seen.push([argv, cwd]),
    });
    await app.becomeReady();
    app.emitWith('second-instance', ['costplan', 'plan.costplan'], '/home/me');
    expect(windows[0]?.calls).toEqual(['focus']);
    expect(seen).toEqual([[['costplan', 'plan.costplan'], '/home/me']]);
  });

  it('does not open a window on activate before the app is started', () => {
    const app = new FakeApp();
    const windows: FakeWindow[] = [];
    startApp({ app, platform: 'darwin', defaultSession: () => new FakeSession(), createWindow: () => windows[windows.push(new FakeWindow()) - 1]! });
    app.emit('activate');
    expect(windows).toHaveLength(0);
  });
});
