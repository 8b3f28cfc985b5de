import type { MenuItemConstructorOptions } from 'electron';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../shared/api/contract';
import { API_METHODS } from '../../../shared/api/methods';
import { ApiService } from '../../../main/api/handlers';
import { startDesktop } from '../../../main/electron/desktop';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, newStyleNonce } from '../../../main/window/csp';
import { secureWebPreferences } from '../../../main/window/security';
import { FakeApp, FakeSession, FakeWindow, openDetails } from '../window/fakes';
import { FakeDialogs, FakeIpcMain, findMenuItem, menuLabels, settle } from './fakes';

vi.mock('electron', () => ({}));

const paths = { preload: '/app/out/preload/index.cjs', renderer: '/app/out/renderer/index.html' };
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Options {
  dataDir?: string;
  argv?: string[];
  platform?: string;
  locale?: string;
  lock?: boolean;
}

function start(options: Options = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'costplan-desktop-'));
  if (options.dataDir === undefined) cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const app = new FakeApp(options.lock ?? true);
  app.locale = options.locale ?? 'en-US';
  const session = new FakeSession();
  const windows: FakeWindow[] = [];
  const ipcMain = new FakeIpcMain();
  const menus: MenuItemConstructorOptions[][] = [];
  const dialogs = new FakeDialogs();
  const external: string[] = [];
  const errors: [string, unknown, string][] = [];
  const apis: ApiService[] = [];
  const started = startDesktop<FakeWindow>({
    app,
    platform: options.platform ?? 'linux',
    argv: options.argv ?? ['/opt/costplan/costplan'],
    cwd: dataDir,
    versions: { electron: '45.5.0', chrome: '142.0', node: '22.20.0' },
    paths,
    dataDir,
    createApi: () => {
      const api = new ApiService({ dataDir, appVersion: '9.8.7' });
      apis.push(api);
      return api;
    },
    createWindow: (windowOptions) => {
      const window = new FakeWindow(windowOptions);
      windows.push(window);
      return window;
    },
    defaultSession: () => session,
    fetchFile: (request) => Promise.resolve(new Response(`file ${request.url}`)),
    ipcMain,
    setMenu: (template) => menus.push(template),
    dialogs: () => dialogs,
    openExternal: (url) => {
      external.push(url);
      return Promise.resolve();
    },
    workAreas: () => [{ x: 0, y: 0, width: 1920, height: 1080 }],
    reportError: (message, error, language) => errors.push([message, error, language]),
  });
  cleanups.push(() => Promise.all(apis.map((api) => api.shutdown())).then(() => undefined));
  const window = (): FakeWindow => {
    const last = windows.at(-1);
    if (last === undefined) throw new Error('no window yet');
    return last;
  };
  const call = (method: string, input: unknown = {}) =>
    ipcMain.invoke(`api:${method}`, { sender: window().webContents, senderFrame: window().webContents.mainFrame }, input);
  const pushed = (): SessionState[] =>
    window()
      .webContents.sent.filter((message) => message.channel === 'session:changed')
      .map((message) => message.args[0] as SessionState);
  return { dataDir, app, session, windows, window, ipcMain, menus, dialogs, external, errors, apis, started, call, pushed };
}

/** A fresh data folder holding one model file, closed again. */
async function modelInNewFolder(name: string): Promise<{ dataDir: string; path: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'costplan-desktop-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const maker = new ApiService({ dataDir, appVersion: 'x' });
  const path = join(dataDir, name);
  const created = await maker.call('newModel', { name: name.replace(/\.costplan$/, ''), template: 'empty', language: 'en' });
  await maker.shutdown();
  if (!created.ok) throw new Error(created.error.message);
  return { dataDir, path };
}

async function ready(desktop: ReturnType<typeof start>): Promise<void> {
  await desktop.app.becomeReady();
  await vi.waitFor(() => expect(desktop.windows.length).toBeGreaterThan(0));
}

describe('startDesktop', () => {
  it('on first run creates the example in the data folder and opens it in one secure window', async () => {
    const desktop = start();
    await ready(desktop);
    expect(desktop.errors).toEqual([]);
    expect(desktop.windows).toHaveLength(1);
    expect(desktop.window().options).toMatchObject({ show: false, webPreferences: secureWebPreferences(paths.preload) });
    expect(desktop.window().loaded).toEqual([paths.renderer]);
    const session = await desktop.call('getSession');
    expect(session).toMatchObject({ ok: true, value: { file: { path: join(desktop.dataDir, 'Example.costplan') } } });
    expect(existsSync(join(desktop.dataDir, 'Example.costplan'))).toBe(true);
  });

  it('makes a data folder that does not exist yet; one that cannot be made stops the app with why', async () => {
    const root = mkdtempSync(join(tmpdir(), 'costplan-desktop-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const fresh = start({ dataDir: join(root, 'new', 'folder') });
    await ready(fresh);
    expect(existsSync(join(root, 'new', 'folder', 'Example.costplan'))).toBe(true);

    writeFileSync(join(root, 'blocker'), 'a file');
    const blocked = start({ dataDir: join(root, 'blocker', 'data') });
    expect(blocked.started).toBe(false);
    expect(blocked.app.quitCalls).toBe(1);
    expect(blocked.errors.map(([title, error]) => [title, String(error)])).toEqual([
      ['Service Cost Planner cannot start', expect.stringContaining(`a file is in the way (${join(root, 'blocker')} is a file, not a folder)`)],
    ]);
    expect(blocked.windows).toEqual([]);
    // The dialog is worded in the system's language (no model, no setting yet).
    expect(blocked.errors[0]?.[2]).toBe('en');
    expect(start({ dataDir: join(root, 'blocker', 'data'), locale: 'zh-CN' }).errors[0]?.[2]).toBe('zh');
  });

  it('names the example in Chinese on a Chinese system and labels the menus in Chinese', async () => {
    const desktop = start({ locale: 'zh-CN' });
    await ready(desktop);
    expect(existsSync(join(desktop.dataDir, '示例.costplan'))).toBe(true);
    expect(menuLabels(desktop.menus.at(-1))).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('opens the last file on the next start', async () => {
    const first = start();
    await ready(first);
    const other = join(first.dataDir, 'other.costplan');
    expect((await first.call('newModel', { name: 'other', template: 'empty', language: 'en' })).ok).toBe(true);
    await first.apis[0]!.shutdown();
    const second = start({ dataDir: first.dataDir });
    await ready(second);
    expect(await second.call('getSession')).toMatchObject({ ok: true, value: { file: { path: other } } });
  });

  it('registers every contract method on its own channel and nothing else', async () => {
    const desktop = start();
    await ready(desktop);
    expect([...desktop.ipcMain.handlers.keys()].sort()).toEqual(API_METHODS.map((method) => `api:${method}`).sort());
  });

  it('refuses calls from a subframe or without a frame, and an invalid payload, before any handler runs', async () => {
    const desktop = start();
    await ready(desktop);
    const api = desktop.apis[0]!;
    const apply = vi.spyOn(api.currentDocument!, 'apply');
    const window = desktop.window();
    const subframe = { url: window.webContents.mainFrame.url, parent: window.webContents.mainFrame, processId: 7, routingId: 999 };
    const edit = { command: { type: 'setModelSettings', name: 'Changed' } };
    expect(await desktop.ipcMain.invoke('api:applyEdit', { sender: window.webContents, senderFrame: subframe }, edit)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await desktop.ipcMain.invoke('api:applyEdit', { sender: window.webContents, senderFrame: null }, edit)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await desktop.call('applyEdit', { command: { type: 'setModelSettings', name: 42 } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(apply).not.toHaveBeenCalled();
    expect(api.currentDocument?.model.name).not.toBe('Changed');
  });

  it('denies every permission, cancels every outbound request and sends the CSP header', async () => {
    const desktop = start();
    await ready(desktop);
    const callback = vi.fn<(granted: boolean) => void>();
    desktop.session.requestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(desktop.session.checkHandler?.({}, 'clipboard-read')).toBe(false);
    expect(desktop.session.webRequest.cancels('https://example.com/track.gif')).toBe(true);
    expect(desktop.session.webRequest.cancels('file:///app/out/renderer/assets/index.js')).toBe(false);
    let headers: Record<string, string[]> | undefined;
    desktop.session.webRequest.headersReceived?.({ url: 'file:///app/out/renderer/index.html', responseHeaders: {} }, (response) => {
      headers = response.responseHeaders;
    });
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('serves the page with a style nonce per load, which the header rules keep', async () => {
    const desktop = start();
    await ready(desktop);
    // The fake page path does not exist: the handler is reached, reports it, and never serves a page without its policy.
    const missing = await desktop.session.protocol.fetch('file:///app/out/renderer/index.html');
    expect(missing.status).toBe(500);
    expect(desktop.errors.map(([message]) => message)).toEqual(['Could not load /app/out/renderer/index.html']);
    expect(await (await desktop.session.protocol.fetch('file:///app/out/renderer/assets/index.js')).text()).toBe(
      'file file:///app/out/renderer/assets/index.js',
    );
    const page = contentSecurityPolicy(newStyleNonce());
    let headers: Record<string, string[]> | undefined;
    desktop.session.webRequest.headersReceived?.(
      { url: 'file:///app/out/renderer/index.html', responseHeaders: { 'content-security-policy': [page] } },
      (response) => {
        headers = response.responseHeaders;
      },
    );
    expect(headers).toEqual({ 'Content-Security-Policy': [page] });
  });

  it('blocks navigation and window.open in the window; an allow-listed documentation link opens in the browser', async () => {
    const desktop = start();
    await ready(desktop);
    const contents = desktop.window().webContents;
    expect(contents.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler?.(openDetails('https://evil.example/'))).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.(openDetails('https://github.com/docs'))).toEqual({ action: 'deny' });
    expect(contents.emit('will-navigate', 'http://github.com/docs')).toBe(true);
    await settle();
    expect(desktop.external).toEqual(['https://github.com/docs']);
  });

  it('opens a .costplan file given on the command line', async () => {
    const { dataDir, path } = await modelInNewFolder('given.costplan');
    const desktop = start({ dataDir, argv: ['/opt/costplan/costplan', '--no-sandbox', 'given.costplan'] });
    await ready(desktop);
    expect(await desktop.call('getSession')).toMatchObject({ ok: true, value: { file: { path } } });
    expect(existsSync(join(dataDir, 'Example.costplan'))).toBe(false);
  });

  it('falls back to the default model and shows why when the given file cannot be opened', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'costplan-desktop-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    writeFileSync(join(dataDir, 'broken.costplan'), 'not a database at all');
    const desktop = start({ dataDir, argv: ['costplan', join(dataDir, 'broken.costplan')] });
    await ready(desktop);
    expect(await desktop.call('getSession')).toMatchObject({ ok: true, value: { file: { path: join(dataDir, 'Example.costplan') } } });
    desktop.window().emitReadyToShow();
    await settle();
    expect(desktop.dialogs.messages('error')).toHaveLength(1);
    expect(readFileSync(join(dataDir, 'broken.costplan'), 'utf8')).toBe('not a database at all');
  });

  it('a second launch with a file focuses the first window and opens the file there', async () => {
    const desktop = start();
    await ready(desktop);
    const path = join(desktop.dataDir, 'second.costplan');
    expect((await desktop.call('newModel', { name: 'second', template: 'example', language: 'zh' })).ok).toBe(true);
    expect((await desktop.call('newModel', { name: 'third', template: 'empty', language: 'en' })).ok).toBe(true);
    desktop.window().minimized = true;
    desktop.app.emitWith('second-instance', ['costplan', 'second.costplan'], desktop.dataDir);
    expect(desktop.window().calls).toEqual(['restore', 'focus']);
    await vi.waitFor(() => expect(desktop.pushed().at(-1)?.file?.path).toBe(path));
    expect(desktop.windows).toHaveLength(1);
    expect(menuLabels(desktop.menus.at(-1))).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('macOS open-file: a file passed before the app is ready is the first one opened', async () => {
    const { dataDir, path } = await modelInNewFolder('double-clicked.costplan');
    const desktop = start({ dataDir, platform: 'darwin' });
    const event = desktop.app.emitWith('open-file', path);
    expect(event.defaultPrevented).toBe(true);
    await ready(desktop);
    expect(await desktop.call('getSession')).toMatchObject({ ok: true, value: { file: { path } } });
    expect(menuLabels(desktop.menus.at(-1))[0]).toBe('Service Cost Planner');
  });

  it('remembers the window size, position and maximised state in the data folder', async () => {
    const first = start();
    await ready(first);
    const window = first.window();
    window.bounds = { x: 100, y: 50, width: 1000, height: 700 };
    window.maximized = true;
    window.emitClosed();
    const saved = JSON.parse(readFileSync(join(first.dataDir, 'window-state.json'), 'utf8')) as unknown;
    expect(saved).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
    await first.apis[0]!.shutdown();

    const second = start({ dataDir: first.dataDir });
    await ready(second);
    expect(second.window().options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 });
    second.window().emitReadyToShow();
    expect(second.window().calls).toEqual(['maximize', 'show']);
  });

  it('every window it opens (again, after macOS closed the last one) has the secure web preferences', async () => {
    const desktop = start({ platform: 'darwin' });
    await ready(desktop);
    desktop.window().emitClosed();
    desktop.app.emit('activate');
    expect(desktop.windows).toHaveLength(2);
    for (const window of desktop.windows) expect((window.options as { webPreferences: unknown }).webPreferences).toEqual(secureWebPreferences(paths.preload));
    // Calls from the closed window's contents are no longer trusted.
    const closed = desktop.windows[0]!;
    expect(await desktop.ipcMain.invoke('api:getSession', { sender: closed.webContents, senderFrame: closed.webContents.mainFrame }, {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('follows the model in the menus after calls from the window (language, undo)', async () => {
    const desktop = start();
    await ready(desktop);
    expect(findMenuItem(desktop.menus.at(-1)!, 'undo')?.enabled).toBe(false);
    expect((await desktop.call('applyEdit', { command: { type: 'setModelSettings', language: 'zh' } })).ok).toBe(true);
    await vi.waitFor(() => expect(menuLabels(desktop.menus.at(-1))).toEqual(['文件', '编辑', '视图', '帮助']));
    expect(findMenuItem(desktop.menus.at(-1)!, 'undo')?.enabled).toBe(true);
    expect(findMenuItem(desktop.menus.at(-1)!, 'language-zh')?.checked).toBe(true);
  });

  it('menu commands go through the same API and push the new session to the window', async () => {
    const desktop = start();
    await ready(desktop);
    const target = join(desktop.dataDir, 'from-menu');
    desktop.dialogs.saveAnswers.push(target);
    (findMenuItem(desktop.menus.at(-1)!, 'new-empty')?.click as () => void)();
    await vi.waitFor(() => expect(desktop.pushed().at(-1)?.file?.path).toBe(`${target}.costplan`));
    (findMenuItem(desktop.menus.at(-1)!, 'unit-million')?.click as () => void)();
    // The display unit is a view setting: pushed to the window and checked in the menu, no undo step.
    await vi.waitFor(() => expect(desktop.pushed().at(-1)?.view?.displayUnit).toBe('million'));
    expect(desktop.pushed().at(-1)?.model?.displayUnit).toBe('tenThousand');
    await vi.waitFor(() => expect(findMenuItem(desktop.menus.at(-1)!, 'unit-million')?.checked).toBe(true));
    expect(findMenuItem(desktop.menus.at(-1)!, 'undo')?.enabled).toBe(false);
  });

  it('closes the model file before the app quits', async () => {
    const desktop = start();
    await ready(desktop);
    const path = join(desktop.dataDir, 'Example.costplan');
    expect(existsSync(`${path}-wal`)).toBe(true);
    const event = desktop.app.emitWith('will-quit');
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(desktop.app.quitCalls).toBe(1));
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(desktop.app.emitWith('will-quit').defaultPrevented).toBe(false);
  });

  it('quits at once, opening nothing, when another instance runs', async () => {
    const desktop = start({ lock: false });
    expect(desktop.started).toBe(false);
    expect(desktop.app.quitCalls).toBe(1);
    await desktop.app.becomeReady();
    expect(desktop.windows).toHaveLength(0);
    expect(desktop.apis).toHaveLength(0);
    expect(desktop.ipcMain.handlers.size).toBe(0);
  });
});
