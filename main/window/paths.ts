import { join } from 'node:path';

/** Where the built main process finds the other two entry points (see electron.vite.config.ts). */
export interface EntryPaths {
  /** The sandboxed preload, one CommonJS file. */
  readonly preload: string;
  /** The bundled renderer page, loaded from disk, never from a network URL. */
  readonly renderer: string;
}

/** `mainDir` is the folder of the built main entry, `out/main`. */
export function builtEntryPaths(mainDir: string): EntryPaths {
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    renderer: join(mainDir, '..', 'renderer', 'index.html'),
  };
}
