import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/api/methods';
import { ApiService } from '../../../main/api/handlers';
import { workbookService } from '../../../main/excel/service';
import { templateCsv } from '../../../main/excel/template';
import { startDesktop } from '../../../main/electron/desktop';
import { FakeApp, FakeSession, FakeWindow } from '../window/fakes';
import { FakeDialogs, FakeIpcMain } from './fakes';

vi.mock('electron', () => ({}));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The desktop app with fakes for Electron's objects; `call` is the window's ipcRenderer.invoke. */
async function desktop() {
  const root = mkdtempSync(join(tmpdir(), 'costplan-paths-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const dataDir = join(root, 'data');
  const elsewhere = join(root, 'elsewhere');
  mkdirSync(elsewhere);
  const app = new FakeApp(true);
  const windows: FakeWindow[] = [];
  const ipcMain = new FakeIpcMain();
  const dialogs = new FakeDialogs();
  const apis: ApiService[] = [];
  startDesktop<FakeWindow>({
    app,
    platform: 'linux',
    argv: ['costplan'],
    cwd: root,
    versions: { electron: '45.5.0', chrome: '142.0', node: '22.20.0' },
    paths: { preload: '/app/out/preload/index.cjs', renderer: '/app/out/renderer/index.html' },
    dataDir,
    createApi: () => {
      const api = new ApiService({ dataDir, appVersion: '1.0.0', workbooks: workbookService });
      apis.push(api);
      return api;
    },
    createWindow: (options) => {
      const window = new FakeWindow(options);
      windows.push(window);
      return window;
    },
    defaultSession: () => new FakeSession(),
    fetchFile: () => Promise.resolve(new Response('')),
    ipcMain,
    setMenu: () => undefined,
    dialogs: () => dialogs,
    openExternal: () => Promise.resolve(),
    workAreas: () => [{ x: 0, y: 0, width: 1920, height: 1080 }],
    reportError: (message, error) => {
      throw new Error(`${message}: ${String(error)}`);
    },
  });
  cleanups.push(() => Promise.all(apis.map((api) => api.shutdown())).then(() => undefined));
  await app.becomeReady();
  await vi.waitFor(() => expect(windows.length).toBe(1));
  const window = windows[0]!;
  const call = (method: string, input: unknown) =>
    ipcMain.invoke(`api:${method}`, { sender: window.webContents, senderFrame: window.webContents.mainFrame }, input);
  return { root, dataDir, elsewhere, dialogs, call };
}

function snapshotOf(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'latin1')]));
}

describe('no IPC method takes a raw path from the renderer', () => {
  it('refuses a path, ../ or another folder in every field of every method, and changes no file outside the data folder', async () => {
    const app = await desktop();
    const victim = join(app.elsewhere, 'victim.sh');
    writeFileSync(victim, '#!/bin/sh\necho precious\n');
    writeFileSync(join(app.elsewhere, 'model.costplan'), 'not yours');
    const before = snapshotOf(app.elsewhere);
    const values = [
      victim,
      join(app.elsewhere, 'model.costplan'),
      join(app.elsewhere, 'new.xlsx'),
      '../elsewhere/victim.sh',
      '../elsewhere/model.costplan',
      'elsewhere/model.costplan',
      `..\\elsewhere\\model.costplan`,
    ];
    const keys = ['path', 'file', 'target', 'source', 'fileName', 'name', 'id', 'snapshotId'];
    let calls = 0;
    for (const method of API_METHODS) {
      for (const key of keys) {
        for (const raw of values) {
          // Alone, and beside whatever else the method needs.
          for (const input of [{ [key]: raw }, { kind: 'workbook', mode: 'replace', template: 'empty', base64: '', [key]: raw }]) {
            const response = await app.call(method, input);
            calls += 1;
            if (response.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`);
          }
        }
      }
    }
    expect(calls).toBe(API_METHODS.length * keys.length * values.length * 2);
    expect(snapshotOf(app.elsewhere)).toEqual(before);
  });

  it('takes files from elsewhere only as handles that the main process gave out after a native dialog, for that purpose only', async () => {
    const app = await desktop();
    const target = join(app.elsewhere, 'report.xlsx');
    app.dialogs.saveAnswers.push(join(app.elsewhere, 'report'));
    const picked = await app.call('pickFile', { purpose: 'export', kind: 'workbook' });
    if (!picked.ok || picked.value === null) throw new Error('no handle');
    const handle = (picked.value as { file: string; name: string }).file;
    expect(handle).toMatch(/^#[0-9a-f]{16}$/);
    expect(picked.value).toMatchObject({ name: 'report.xlsx' });
    expect(app.dialogs.shown[0]).toMatchObject({ kind: 'save', options: { filters: [{ extensions: ['xlsx'] }] } });

    // The export handle cannot open, replace or import anything.
    for (const [method, input] of [
      ['openModel', { file: handle }],
      ['saveModelAs', { target: handle }],
      ['importFile', { source: handle, mode: 'new' }],
      ['exportFile', { kind: 'model', target: handle }],
    ] as const) {
      const response = await app.call(method, input);
      expect(response).toMatchObject({ ok: false, error: { code: 'refused-file', message: expect.stringContaining('another purpose') } });
    }
    expect(existsSync(target)).toBe(false);
    const written = await app.call('exportFile', { kind: 'workbook', target: handle, language: 'en' });
    expect(written).toMatchObject({ ok: true, value: { kind: 'workbook', name: 'report.xlsx' } });
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');

    // The window's Import button: the native open dialog, then the import with the handle.
    const csv = join(app.elsewhere, 'lines.csv');
    writeFileSync(csv, templateCsv('en'));
    app.dialogs.openAnswers.push(csv);
    const chosen = await app.call('pickFile', { purpose: 'import' });
    if (!chosen.ok || chosen.value === null) throw new Error('no handle');
    const imported = await app.call('importFile', { source: (chosen.value as { file: string }).file, mode: 'new' });
    expect(imported).toMatchObject({ ok: true, value: { mode: 'new', fileName: 'lines.costplan', costLines: 6, source: 'structure' } });
    expect(existsSync(join(app.dataDir, 'lines.costplan'))).toBe(true);

    // A handle the main process never gave out is refused too.
    expect(await app.call('openModel', { file: '#0123456789abcdef' })).toMatchObject({ ok: false, error: { code: 'refused-file' } });
    // A cancelled dialog gives no handle.
    expect(await app.call('pickFile', { purpose: 'open' })).toEqual({ ok: true, value: null });
  });
});
