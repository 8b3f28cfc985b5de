import { fileSystemProblem, problem } from '../../shared/messages/problems';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { describeFsError } from '../io/model-json';
import { StoreError } from './errors';
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
    if (stat.isDirectory())
      throw new StoreError('not-found', `${path} is a folder, not a model file`, path, problem('not-a-model', { path, reason: 'folder' }));
    size = stat.size;
    mode = stat.mode;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    throw new StoreError(
      'not-found',
      `${path}: ${describeFsError(error)}`,
      path,
      code === 'ENOENT' ? problem('file-not-found', { path }) : fileSystemProblem(code, path),
    );
  }
  if (size === 0)
    throw new StoreError('empty', `${path} is empty: it is not a Service Cost Planner model`, path, problem('not-a-model', { path, reason: 'empty' }));
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_HEADER)
    throw new StoreError(
      'not-sqlite',
      `${path} is not a Service Cost Planner model (it is not a SQLite database at all)`,
      path,
      problem('not-a-model', { path, reason: 'not-sqlite' }),
    );
  const schemaVersion = header.readUInt32BE(60);
  const applicationId = header.readUInt32BE(68);
  if (applicationId !== APPLICATION_ID)
    throw new StoreError(
      'foreign-sqlite',
      `${path} is a SQLite database of another program, not a Service Cost Planner model`,
      path,
      problem('not-a-model', { path, reason: 'foreign-sqlite' }),
    );
  if (schemaVersion > CURRENT_SCHEMA_VERSION)
    throw new StoreError(
      'newer-version',
      `${path} was saved by a newer version of Service Cost Planner (file format ${schemaVersion}, this version reads up to ${CURRENT_SCHEMA_VERSION}); update the app to open it`,
    );
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pageCount = header.readUInt32BE(28);
  if (pageCount > 0 && size < pageCount * pageSize && !walExists(path))
    throw new StoreError('damaged', `${path} is truncated: it holds ${size} bytes of the ${pageCount * pageSize} its header promises`);
  return { schemaVersion, writeProtected: (mode & 0o222) === 0 };
}

function walExists(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch {
    return false;
  }
}
