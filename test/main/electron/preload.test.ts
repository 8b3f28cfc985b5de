import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../shared/api/contract';
import { API_METHODS } from '../../../shared/api/methods';

// The preload imports the real `electron`, which plain Node cannot load: a factory replaces
// it with a contextBridge that records what is exposed and an ipcRenderer that records calls.
const fake = vi.hoisted(() => ({
  exposed: [] as { key: string; value: unknown }[],
  invoked: [] as { channel: string; args: unknown[] }[],
  subscriptions: [] as { channel: string; listener: (event: unknown, ...args: unknown[]) => void }[],
  ipcRenderer: undefined as unknown, // eslint-disable-line @typescript-eslint/no-unnecessary-type-assertion -- widens the hoisted field so a fake can be stored in it
}));

vi.mock('electron', () => {
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => {
      fake.invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: channel });
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      fake.subscriptions.push({ channel, listener });
      return ipcRenderer;
    },
    send: () => {
      throw new Error('the preload sends nothing');
    },
  };
  fake.ipcRenderer = ipcRenderer;
  return {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.push({ key, value }) },
    ipcRenderer,
  };
});

interface Bridge {
  version: string;
  api: Record<string, (input: unknown) => Promise<unknown>>;
  onSessionChanged: (listener: (session: SessionState) => void) => () => void;
  onWindowDialog: (listener: (dialog: string) => void) => () => void;
}

let bridge: Bridge;

beforeAll(async () => {
  vi.stubGlobal('__APP_VERSION__', '9.8.7');
  await import('../../../main/preload/index');
  bridge = fake.exposed[0]?.value as Bridge;
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('main/preload/index.ts', () => {
  it('exposes exactly one frozen object, costPlanner, with the version, the API, onSessionChanged and onWindowDialog', () => {
    expect(fake.exposed.map((entry) => entry.key)).toEqual(['costPlanner']);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onSessionChanged', 'onWindowDialog', 'version']);
    expect(bridge.version).toBe('9.8.7');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.api)).toBe(true);
  });

  it('has one function per contract method and nothing else', () => {
    expect(Object.keys(bridge.api)).toEqual([...API_METHODS]);
    for (const method of API_METHODS) expect(typeof bridge.api[method]).toBe('function');
  });

  it('invokes each method on its own channel with the input, one argument', async () => {
    for (const method of API_METHODS) {
      fake.invoked.length = 0;
      const input = { probe: method };
      await expect(bridge.api[method]?.(input)).resolves.toEqual({ ok: true, value: `api:${method}` });
      expect(fake.invoked).toEqual([{ channel: `api:${method}`, args: [input] }]);
    }
  });

  it('never hands out ipcRenderer or anything of it', () => {
    const reachable: unknown[] = [bridge, bridge.api, bridge.onSessionChanged, ...Object.values(bridge.api)];
    expect(reachable).not.toContain(fake.ipcRenderer);
    for (const value of reachable) expect(value).not.toBe((fake.ipcRenderer as { invoke: unknown }).invoke);
    expect(JSON.stringify(bridge)).not.toMatch(/ipc/i);
    expect(Object.keys(bridge)).not.toContain('ipcRenderer');
    expect(bridge.onSessionChanged(() => undefined)).toBeTypeOf('function');
  });

  it('passes the name of a window dialog a menu asks for, and nothing else', () => {
    const push = fake.subscriptions.find((s) => s.channel === 'window:dialog')!.listener;
    const seen: string[] = [];
    const unsubscribe = bridge.onWindowDialog((dialog) => seen.push(dialog));
    push({ sender: 'main' }, 'exportDeck');
    push({ sender: 'main' }, 'formatDisk');
    push({ sender: 'main' }, { toString: () => 'exportDeck' });
    expect(seen).toEqual(['exportDeck']);
    unsubscribe();
    push({ sender: 'main' }, 'exportDeck');
    expect(seen).toHaveLength(1);
    expect(() => bridge.onWindowDialog('not a function' as never)).toThrow(TypeError);
  });

  it('listens to the session:changed and window:dialog pushes only, and passes the state to subscribers until they unsubscribe', () => {
    expect(fake.subscriptions.map((s) => s.channel)).toEqual(['session:changed', 'window:dialog']);
    const push = fake.subscriptions[0]!.listener;
    const seen: SessionState[] = [];
    const unsubscribe = bridge.onSessionChanged((session) => seen.push(session));
    const state = { revision: 3 } as SessionState;
    push({ sender: 'main' }, state);
    expect(seen).toEqual([state]);
    unsubscribe();
    push({ sender: 'main' }, state);
    expect(seen).toHaveLength(1);
    expect(() => bridge.onSessionChanged('not a function' as never)).toThrow(TypeError);
  });

  it('imports nothing at run time but electron and its own small modules (one CommonJS bundle)', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const imports = (file: string) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)].map((match) => match[1]);
    expect(imports('main/preload/index.ts')).toEqual(['electron', '../../shared/api/methods', '../electron/channels']);
    expect(imports('main/electron/channels.ts')).toEqual([]);
    expect(imports('shared/api/methods.ts')).toEqual([]);
  });
});
