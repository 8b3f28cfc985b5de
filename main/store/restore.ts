import { problem } from '../../shared/messages/problems';
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ModelDocument, readSnapshotModel, type StoreOptions } from './document';
import { StoreError, writeProblem } from './errors';
import { SnapshotFolder, syncFile } from './snapshots';
import { openDatabase } from './sqlite';

export interface RestoreOutcome {
  /** Where a damaged file was moved before the snapshot took its place. */
  damagedCopy?: string;
}

/**
 * Restores a snapshot into a model file. A healthy file gets it as one undoable edit; a
 * damaged one is moved aside (never deleted) and the snapshot is copied into its place.
 */
export async function restoreSnapshot(path: string, snapshotId: string, options: StoreOptions): Promise<RestoreOutcome> {
  const folder = new SnapshotFolder(options.dataDir, path);
  const snapshot = folder.find(snapshotId);
  if (!snapshot) throw new StoreError('snapshot-not-found', problem('snapshot-not-found', { path, id: snapshotId }), path);
  let document: ModelDocument | undefined;
  try {
    document = await ModelDocument.open(path, options);
  } catch (error) {
    // A damaged file, or one changed outside the app, is moved aside and replaced by the snapshot.
    if (!(error instanceof StoreError) || (error.code !== 'damaged' && error.code !== 'tampered')) throw error;
  }
  if (document && !document.readOnly) {
    try {
      await document.restore(snapshotId);
    } finally {
      await document.close();
    }
    return {};
  }
  if (document?.readOnly?.code === 'read-only') {
    await document.close();
    throw new StoreError('read-only', problem('file-read-only', { path, then: 'restore' }), path);
  }
  await document?.close();
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[-:.]/g, '');
  const damagedCopy = join(dirname(path), `${basename(path, '.costplan')}.damaged-${stamp}.costplan`);
  const temporary = join(dirname(path), `.~${basename(path)}.${process.pid}.tmp`);
  // The snapshot itself is verified and read in full before it takes the file's place.
  readSnapshotModel(folder, snapshotId, path);
  const source = openDatabase(snapshot.path, { readonly: true, fileMustExist: true });
  try {
    await source.backup(temporary);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new StoreError('io', writeProblem(error, path), path);
  } finally {
    source.close();
  }
  syncFile(temporary);
  renameSync(path, damagedCopy);
  for (const suffix of ['-wal', '-shm']) {
    try {
      renameSync(`${path}${suffix}`, `${damagedCopy}${suffix}`);
    } catch {
      // Most damaged files have no WAL beside them.
    }
  }
  renameSync(temporary, path);
  syncFile(dirname(path));
  return { damagedCopy };
}
