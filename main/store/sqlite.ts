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

/**
 * SQLite's own memory: temporary tables and sorts stay in memory (never a growing file on
 * disk) and the library may allocate at most this much in all, so a query that runs away fails
 * with "out of memory" instead of filling the disk or the machine. Process-wide.
 */
export const SQLITE_HEAP_LIMIT_BYTES = 1024 * 1024 * 1024;

/** `new Database(filename, options)`, with the Electron build when one was set, temporary storage capped. */
export function openDatabase(filename?: string | Buffer, options: Database.Options = {}): Database.Database {
  const db = new Database(filename, nativeBinding === undefined ? options : { ...options, nativeBinding });
  try {
    db.pragma('temp_store = MEMORY');
    db.pragma(`hard_heap_limit = ${SQLITE_HEAP_LIMIT_BYTES}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
