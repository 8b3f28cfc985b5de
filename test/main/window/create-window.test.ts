import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, mainWindowOptions, WINDOW_TITLE } from '../../../main/window/create-window';
import { builtEntryPaths } from '../../../main/window/paths';
import { secureWebPreferences } from '../../../main/window/security';
import { FakeWindow } from './fakes';

vi.mock('electron', () => ({}));

const paths = { preload: '/app/out/preload/index.cjs', renderer: '/app/out/renderer/index.html' };

describe('builtEntryPaths', () => {
  it('points from out/main to the CommonJS preload and the bundled renderer file', () => {
    const built = builtEntryPaths('/app/out/main');
    expect(built.preload).toBe('/app/out/preload/index.cjs');
    expect(built.renderer).toBe('/app/out/renderer/index.html');
  });
});

describe('createMainWindow', () => {
  it('creates a hidden window with the secure web preferences and the preload', () => {
    let options: unknown;
    createMainWindow((o) => {
      options = o;
      return new FakeWindow(o);
    }, paths);
    expect(options).toEqual(mainWindowOptions(paths.preload));
    expect(mainWindowOptions(paths.preload)).toMatchObject({
      title: WINDOW_TITLE,
      show: false,
      webPreferences: secureWebPreferences(paths.preload),
    });
  });

  it('hardens the web contents and loads the bundled file, never a URL', () => {
    const window = createMainWindow((o) => new FakeWindow(o), paths);
    expect(window.webContents.emit('will-navigate')).toBe(true);
    expect(window.webContents.windowOpenHandler).not.toBeNull();
    expect(window.loaded).toEqual(['/app/out/renderer/index.html']);
  });

  it('shows the window once it is ready to show', () => {
    const window = createMainWindow((o) => new FakeWindow(o), paths);
    expect(window.calls).toEqual([]);
    window.emitReadyToShow();
    expect(window.calls).toEqual(['show']);
  });

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    const reportError = vi.fn<(message: string, error: unknown) => void>();
    const failure = new Error('ERR_FILE_NOT_FOUND');
    createMainWindow((o) => new FakeWindow(o, () => Promise.reject(failure)), paths, reportError);
    await vi.waitFor(() => expect(reportError).toHaveBeenCalledOnce());
    expect(reportError.mock.calls[0]?.[1]).toBe(failure);
  });
});
