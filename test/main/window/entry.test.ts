import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeApp, FakeSession, FakeWindow } from './fakes';

// The entry points import the real `electron`, which plain Node cannot load (it would try to
// download the binary): a factory replaces the module before anything imports it.
const fake = vi.hoisted(() => ({
  app: undefined as FakeApp | undefined,
  session: undefined as FakeSession | undefined,
  windows: [] as FakeWindow[],
  exposed: [] as { key: string; api: unknown }[],
}));

vi.mock('electron', async () => {
  const { FakeApp, FakeSession, FakeWindow } = await import('./fakes');
  fake.app = new FakeApp();
  fake.session = new FakeSession();
  class BrowserWindow extends FakeWindow {
    constructor(options: unknown) {
      super(options);
      fake.windows.push(this);
    }
  }
  return {
    app: fake.app,
    session: { defaultSession: fake.session },
    BrowserWindow,
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => fake.exposed.push({ key, api }),
    },
  };
});

describe('main/index.ts', () => {
  it('starts the app with one secure window on the bundled renderer', async () => {
    await import('../../../main/index');
    const app = fake.app;
    if (app === undefined) throw new Error('electron mock not loaded');
    expect(fake.windows).toHaveLength(0);
    await app.becomeReady();
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0];
    const mainDir = join(import.meta.dirname, '..', '..', '..', 'main');
    expect(window?.options).toMatchObject({
      webPreferences: { preload: join(mainDir, '..', 'preload', 'index.cjs'), sandbox: true, contextIsolation: true },
    });
    expect(window?.loaded).toEqual([join(mainDir, '..', 'renderer', 'index.html')]);
    expect(window?.webContents.emit('will-navigate')).toBe(true);
    expect(fake.session?.requestHandler).not.toBeNull();
  });
});

describe('main/preload/index.ts', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('exposes only a frozen costPlanner object with the version, never ipcRenderer', async () => {
    vi.stubGlobal('__APP_VERSION__', '9.8.7');
    await import('../../../main/preload/index');
    expect(fake.exposed.map((entry) => entry.key)).toEqual(['costPlanner']);
    const api = fake.exposed[0]?.api;
    expect(api).toEqual({ version: '9.8.7' });
    expect(Object.isFrozen(api)).toBe(true);
    expect(JSON.stringify(api)).not.toMatch(/ipc/i);
  });
});
