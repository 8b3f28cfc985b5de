import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, mainWindowOptions } from '../../../main/window/create-window';
import {
  DEFAULT_WINDOW_SIZE,
  fitToDisplays,
  MIN_WINDOW_SIZE,
  readWindowState,
  windowStateFile,
  writeWindowState,
  type WindowState,
} from '../../../main/window/window-state';
import { FakeWindow } from './fakes';

vi.mock('electron', () => ({}));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'costplan-window-'));
  dirs.push(dir);
  return dir;
}

const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const paths = { preload: '/app/out/preload/index.cjs', renderer: '/app/out/renderer/index.html' };

describe('window state file', () => {
  it('round-trips through a JSON file in the data folder, written atomically', () => {
    const dir = scratch();
    const file = windowStateFile(join(dir, 'not-yet-there'));
    const state: WindowState = { x: -1200, y: 40, width: 1100, height: 760, maximized: false };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(readdirSync(join(dir, 'not-yet-there'))).toEqual(['window-state.json']);
  });

  it.each([['{ not json'], ['{"width": "wide", "height": 3, "maximized": false}'], ['[]'], ['{"width": 1e9, "height": 700, "maximized": false}']])(
    'ignores a damaged or foreign file: %s',
    (content) => {
      const file = join(scratch(), 'window-state.json');
      writeFileSync(file, content);
      expect(readWindowState(file)).toBeUndefined();
    },
  );

  it('is undefined when there is none', () => {
    expect(readWindowState(join(scratch(), 'window-state.json'))).toBeUndefined();
  });
});

describe('fitToDisplays', () => {
  it('uses the defaults on the first run', () => {
    expect(fitToDisplays(undefined, [screen])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('keeps a position that is on a screen', () => {
    expect(fitToDisplays({ x: 100, y: 80, width: 1000, height: 700, maximized: true }, [screen])).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it('drops a position on a screen that is gone, so the window shows up centred', () => {
    expect(fitToDisplays({ x: 2500, y: 80, width: 1000, height: 700, maximized: false }, [screen])).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('keeps the size between the minimum and the largest screen', () => {
    expect(fitToDisplays({ width: 10, height: 10, maximized: false }, [screen])).toMatchObject(MIN_WINDOW_SIZE);
    expect(fitToDisplays({ width: 5000, height: 4000, maximized: false }, [screen])).toMatchObject({ width: 1920, height: 1080 });
  });
});

describe('createMainWindow with a remembered state', () => {
  it('opens at the remembered bounds, maximises before showing, and saves on close', () => {
    const saved: WindowState[] = [];
    const state: WindowState = { x: 30, y: 40, width: 1000, height: 700, maximized: true };
    const window = createMainWindow((options) => new FakeWindow(options), paths, undefined, { state, saveState: (s) => saved.push(s) });
    expect(window.options).toEqual(mainWindowOptions(paths.preload, state));
    expect(window.options).toMatchObject({ x: 30, y: 40, width: 1000, height: 700 });
    window.emitReadyToShow();
    expect(window.calls).toEqual(['maximize', 'show']);
    window.bounds = { x: 31.4, y: 41, width: 999.6, height: 701 };
    window.emitClosed();
    expect(saved).toEqual([{ x: 31, y: 41, width: 1000, height: 701, maximized: true }]);
  });

  it('reports a failure to save instead of throwing while the window closes', () => {
    const reportError = vi.fn<(message: string, error: unknown) => void>();
    const window = createMainWindow((options) => new FakeWindow(options), paths, reportError, {
      saveState: () => {
        throw new Error('disk full');
      },
    });
    expect(() => window.emitClosed()).not.toThrow();
    expect(reportError).toHaveBeenCalledOnce();
  });

  it('writes the file the next start reads', () => {
    const file = windowStateFile(scratch());
    const window = createMainWindow((options) => new FakeWindow(options), paths, undefined, { saveState: (s) => writeWindowState(file, s) });
    window.emitClosed();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 10, y: 20, width: 1280, height: 820, maximized: false });
  });
});
