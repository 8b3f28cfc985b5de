import { defaultDataDir, DataDirError, ensureDataDir } from '../store/data-dir';
import { UsageError } from './errors';

/** The data folder (snapshots live there), created on first use; a folder that cannot be made is a one-line error. */
export function cliDataDir(): string {
  try {
    return ensureDataDir(defaultDataDir());
  } catch (error) {
    if (error instanceof DataDirError) throw new UsageError(error.problem);
    throw error;
  }
}
