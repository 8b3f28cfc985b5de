import { fileSystemProblem, problem } from '../../shared/messages/problems';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { errorText, StoreError } from './errors';
import { APPLICATION_ID, SQLITE_HEADER } from './format';
import { CURRENT_SCHEMA_VERSION } from './migrations';

export interface FileHeader {
  schemaVersion: number;
  /** No write bit for anyone: we open it read-only rather than fail at the first edit. */
  writeProtected: boolean;
}

/**
 * Reads a file's SQLite header without opening it as a database, so a file that is not ours
 * is refused before SQLite could write anything to it.
 */
export function inspectModelFile(path: string): FileHeader {
  let size: number;
  let mode: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new StoreError('not-found', problem('not-a-model', { path, reason: 'folder' }), path);
    size = stat.size;
    mode = stat.mode;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const coded = code === 'ENOENT' ? problem('file-not-found', { path }) : fileSystemProblem(code, path);
    throw new StoreError('not-found', coded ?? problem('file-open-failed', { path, detail: errorText(error) }), path);
  }
  if (size === 0) throw new StoreError('empty', problem('not-a-model', { path, reason: 'empty' }), path);
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_HEADER)
    throw new StoreError('not-sqlite', problem('not-a-model', { path, reason: 'not-sqlite' }), path);
  const schemaVersion = header.readUInt32BE(60);
  const applicationId = header.readUInt32BE(68);
  if (applicationId !== APPLICATION_ID) throw new StoreError('foreign-sqlite', problem('not-a-model', { path, reason: 'foreign-sqlite' }), path);
  if (schemaVersion > CURRENT_SCHEMA_VERSION)
    throw new StoreError('newer-version', problem('file-newer-version', { path, version: schemaVersion, supported: CURRENT_SCHEMA_VERSION }), path);
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pageCount = header.readUInt32BE(28);
  if (pageCount > 0 && size < pageCount * pageSize && !walExists(path))
    throw new StoreError('damaged', problem('file-damaged', { path, damage: { kind: 'truncated', bytes: size, expectedBytes: pageCount * pageSize } }), path);
  return { schemaVersion, writeProtected: (mode & 0o222) === 0 };
}

function walExists(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch {
    return false;
  }
}
