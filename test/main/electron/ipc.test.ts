import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../../shared/api/contract';
import { API_METHODS, type ApiMethod } from '../../../shared/api/methods';
import { ApiService } from '../../../main/api/handlers';
import { apiChannel } from '../../../main/electron/channels';
import { registerApiHandlers } from '../../../main/electron/ipc';
import { createSenderCheck, type FrameLike, type IpcSenderEvent } from '../../../main/window/sender';
import { FakeFrame, FakeWindow } from '../window/fakes';
import { FakeIpcMain } from './fakes';

// Plain Node cannot load the real module (it would try to download the Electron binary).
vi.mock('electron', () => ({}));

const rendererDir = '/app/out/renderer';
const dirs: string[] = [];
const services: ApiService[] = [];

afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.shutdown()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'costplan-ipc-'));
  dirs.push(dir);
  const api = new ApiService({ dataDir: dir, appVersion: '0.0.0-test' });
  services.push(api);
  const created = await api.call('newModel', { name: 'plan', template: 'example', language: 'en' });
  if (!created.ok) throw new Error(created.error.message);
  const window = new FakeWindow();
  const ipcMain = new FakeIpcMain();
  const dispatch = vi.spyOn(api, 'dispatch');
  const document = api.currentDocument;
  if (document === undefined) throw new Error('no document');
  const apply = vi.spyOn(document, 'apply');
  const undo = vi.spyOn(document, 'undo');
  const afterCall = vi.fn<(method: ApiMethod, response: ApiResponse<ApiMethod>) => void>();
  const channels = registerApiHandlers(
    ipcMain,
    api,
    createSenderCheck(() => [window], rendererDir),
    afterCall,
  );
  const fromWindow = (frame: FrameLike | null = window.webContents.mainFrame): IpcSenderEvent => ({ sender: window.webContents, senderFrame: frame });
  return { api, window, ipcMain, dispatch, apply, undo, afterCall, channels, fromWindow, document };
}

const validEdit = { command: { type: 'setModelSettings', name: 'Renamed' } };

describe('registerApiHandlers', () => {
  it('registers one channel per contract method, api:<method>, and nothing else', async () => {
    const { ipcMain, channels } = await setup();
    const expected = API_METHODS.map((method) => `api:${method}`);
    expect(channels).toEqual(expected);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...expected].sort());
    expect(ipcMain.handlers.size).toBe(API_METHODS.length);
    expect(apiChannel('getSession')).toBe('api:getSession');
  });

  it('passes a call from the app window to dispatch, which runs the handler', async () => {
    const { ipcMain, fromWindow, dispatch, apply, afterCall, document } = await setup();
    const response = await ipcMain.invoke('api:applyEdit', fromWindow(), validEdit);
    expect(response.ok).toBe(true);
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('applyEdit', validEdit);
    expect(apply).toHaveBeenCalledOnce();
    expect(document.model.name).toBe('Renamed');
    expect(afterCall).toHaveBeenCalledExactlyOnceWith('applyEdit', response);
  });

  it.each([
    ['an empty command', { command: {} }],
    ['an unknown edit type', { command: { type: 'dropEverything' } }],
    ['an extra field', { command: { type: 'setModelSettings', name: 'X' }, sneaky: true }],
    ['a string', 'applyEdit'],
    ['nothing', undefined],
  ])('rejects %s as invalid input, and no handler runs', async (_name, input) => {
    const { ipcMain, fromWindow, apply, document } = await setup();
    const before = document.model;
    const response = await ipcMain.invoke('api:applyEdit', fromWindow(), input);
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.code).toBe('invalid-input');
    expect(apply).not.toHaveBeenCalled();
    expect(document.model).toBe(before);
  });

  it('rejects an invalid payload for a method without input (undo) before its handler runs', async () => {
    const { ipcMain, fromWindow, undo } = await setup();
    const response = await ipcMain.invoke('api:undo', fromWindow(), { steps: 5 });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(undo).not.toHaveBeenCalled();
  });

  it('rejects a call with more than one argument', async () => {
    const { ipcMain, fromWindow, dispatch, apply } = await setup();
    const response = await ipcMain.invoke('api:applyEdit', fromWindow(), validEdit, { more: 1 });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(apply).not.toHaveBeenCalled();
  });

  describe('refuses a call that is not from the main frame of an app window on the app page', () => {
    const cases: [string, (s: Awaited<ReturnType<typeof setup>>) => IpcSenderEvent][] = [
      ['no frame (destroyed or navigated away)', (s) => s.fromWindow(null)],
      ['a subframe of the app window', (s) => s.fromWindow(new FakeFrame('file:///app/out/renderer/index.html', s.window.webContents.mainFrame))],
      ['a remote subframe', (s) => s.fromWindow(new FakeFrame('https://evil.example/', s.window.webContents.mainFrame))],
      ['another main frame in the app window process', (s) => s.fromWindow(new FakeFrame('file:///app/out/renderer/index.html', null, 7, 9_999))],
      ['the app window showing a remote page', (s) => s.fromWindow(Object.assign(new FakeFrame(), { url: 'https://evil.example/index.html' }))],
      ['the app window showing another local file', (s) => s.fromWindow(Object.assign(s.window.webContents.mainFrame, { url: 'file:///home/me/evil.html' }))],
      [
        'a file beside the renderer folder',
        (s) => s.fromWindow(Object.assign(s.window.webContents.mainFrame, { url: 'file:///app/out/renderer-evil/index.html' })),
      ],
      ['a web contents that is not an app window', (s) => ({ sender: new FakeWindow().webContents, senderFrame: s.window.webContents.mainFrame })],
      [
        'a frame that throws when read (disposed)',
        (s) => ({
          sender: s.window.webContents,
          get senderFrame(): FrameLike {
            throw new Error('Render frame was disposed before WebFrameMain could be accessed');
          },
        }),
      ],
    ];

    it.each(cases)('%s: forbidden-sender, dispatch and the handler never run', async (_name, makeEvent) => {
      const s = await setup();
      const before = s.document.model;
      const response = await s.ipcMain.invoke('api:applyEdit', makeEvent(s), validEdit);
      expect(response).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(s.dispatch).not.toHaveBeenCalled();
      expect(s.apply).not.toHaveBeenCalled();
      expect(s.afterCall).not.toHaveBeenCalled();
      expect(s.document.model).toBe(before);
    });
  });

  it('trusts the app page with a fragment or query, and nothing once the window is gone', async () => {
    const { ipcMain, window } = await setup();
    window.webContents.mainFrame.url = 'file:///app/out/renderer/index.html#/results?x=1';
    const ok = await ipcMain.invoke('api:getSession', { sender: window.webContents, senderFrame: window.webContents.mainFrame }, {});
    expect(ok.ok).toBe(true);

    const isTrusted = createSenderCheck(() => [], rendererDir);
    expect(isTrusted({ sender: window.webContents, senderFrame: window.webContents.mainFrame })).toBe(false);
  });
});
