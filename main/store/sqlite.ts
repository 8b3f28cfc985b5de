import Database from 'better-sqlite3';

/**
 * The one place the store opens SQLite. Plain Node (tests, CLI, benchmarks) uses the build in
 * node_modules/better-sqlite3; the Electron main process calls `useNativeBinding` first with
 * the build for Electron's ABI (native/electron-*, made by scripts/prepare-electron.mjs), since
 * one compiled module cannot load in both.
 */
let nativeBinding: string | undefined;

export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export function currentNativeBinding(): string | undefined {
  return nativeBinding;
}

/** `new Database(filename, options)`, with the Electron build when one was set. */
export function openDatabase(filename?: string | Buffer, options: Database.Options = {}): Database.Database {
  return new Database(filename, nativeBinding === undefined ? options : { ...options, nativeBinding });
}
