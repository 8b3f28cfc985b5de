import type { MenuItemConstructorOptions } from 'electron';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/api/methods';
import { secureWebPreferences } from '../../../main/window/security';
import type { FakeIpcMain } from '../electron/fakes';
import type { FakeApp, FakeSession, FakeWindow } from './fakes';

// main/index.ts imports the real `electron`, which plain Node cannot load (it would try to
// download the binary): a factory replaces the module before anything imports it. The
// preload has its own test (test/main/electron/preload.test.ts).
const fake = vi.hoisted(() => ({
  app: undefined as FakeApp | undefined,
  session: undefined as FakeSession | undefined,
  ipcMain: undefined as FakeIpcMain | undefined,
  windows: [] as FakeWindow[],
  menus: [] as MenuItemConstructorOptions[][],
  errorBoxes: [] as string[],
  external: [] as string[],
}));

vi.mock('electron', async () => {
  const { FakeApp, FakeSession, FakeWindow } = await import('./fakes');
  const { FakeIpcMain } = await import('../electron/fakes');
  fake.app = new FakeApp();
  fake.session = new FakeSession();
  fake.ipcMain = new FakeIpcMain();
  class BrowserWindow extends FakeWindow {
    constructor(options: unknown) {
      super(options);
      fake.windows.push(this);
    }
  }
  const refuse = () => Promise.reject(new Error('no dialogs in this test'));
  return {
    app: fake.app,
    session: { defaultSession: fake.session },
    BrowserWindow,
    ipcMain: fake.ipcMain,
    dialog: {
      showErrorBox: (title: string, content: string) => fake.errorBoxes.push(`${title}: ${content}`),
      showOpenDialog: refuse,
      showSaveDialog: refuse,
      showMessageBox: refuse,
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (template: MenuItemConstructorOptions[]) => fake.menus.push(template),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: {
      openExternal: (url: string) => {
        fake.external.push(url);
        return Promise.resolve();
      },
    },
  };
});

const dataDir = mkdtempSync(join(tmpdir(), 'costplan-entry-'));
const previousDataDir = process.env['COSTPLAN_DATA_DIR'];

beforeAll(async () => {
  process.env['COSTPLAN_DATA_DIR'] = dataDir;
  await import('../../../main/index');
});

afterAll(async () => {
  fake.app?.emitWith('will-quit');
  await vi.waitFor(() => expect(fake.app?.quitCalls).toBe(1));
  if (previousDataDir === undefined) delete process.env['COSTPLAN_DATA_DIR'];
  else process.env['COSTPLAN_DATA_DIR'] = previousDataDir;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('main/index.ts', () => {
  it('starts the app with one secure window on the bundled renderer and the example model', async () => {
    const app = fake.app;
    if (app === undefined) throw new Error('electron mock not loaded');
    expect(fake.windows).toHaveLength(0);
    await app.becomeReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const window = fake.windows[0]!;
    const root = join(import.meta.dirname, '..', '..', '..');
    const preload = join(root, 'preload', 'index.cjs');
    expect(window.options).toMatchObject({ show: false, webPreferences: secureWebPreferences(preload) });
    expect(window.loaded).toEqual([join(root, 'renderer', 'index.html')]);
    expect(window.webContents.emit('will-navigate', 'https://example.com/')).toBe(true);
    expect(fake.session?.requestHandler).not.toBeNull();
    expect(fake.session?.webRequest.cancels('https://example.com/')).toBe(true);
    expect(existsSync(join(dataDir, 'Example.costplan'))).toBe(true);
    expect(fake.errorBoxes).toEqual([]);
  });

  it('registers the API, one channel per contract method, and the menus', () => {
    expect([...(fake.ipcMain?.handlers.keys() ?? [])].sort()).toEqual(API_METHODS.map((method) => `api:${method}`).sort());
    expect(fake.menus.at(-1)?.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('answers the window, and only the window', async () => {
    const window = fake.windows[0]!;
    window.webContents.mainFrame.url = `file://${join(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html')}`;
    const ipcMain = fake.ipcMain!;
    const fromWindow = await ipcMain.invoke('api:getSession', { sender: window.webContents, senderFrame: window.webContents.mainFrame }, {});
    expect(fromWindow).toMatchObject({ ok: true, value: { file: { name: 'Example.costplan' }, appVersion: '9.8.7' } });
    const noFrame = await ipcMain.invoke('api:getSession', { sender: window.webContents, senderFrame: null }, {});
    expect(noFrame).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });
});
