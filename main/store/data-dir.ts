import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { problem, type Problem } from '../../shared/messages/problems';
import type { DataFolderReason } from '../../shared/messages/codes/store';
import { renderProblem } from '../../shared/messages/render';

export const APP_FOLDER_NAME = 'Service Cost Planner';

/**
 * The app's data folder, the same one Electron's `userData` names, so the desktop app and the
 * command line share snapshots. COSTPLAN_DATA_DIR overrides it (tests, portable installs).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env['COSTPLAN_DATA_DIR']) return env['COSTPLAN_DATA_DIR'];
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}

/** The data folder cannot be made or written; the problem says why and what to do, `message` in English. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
  readonly problem: Problem;
  constructor(
    readonly reason: DataFolderReason,
    readonly dir: string,
    details: { blocker?: string; parent?: string; detail?: string } = {},
  ) {
    const why = problem('data-folder-unusable', { dir, reason, ...details });
    super(renderProblem(why, { language: 'en', unit: 'yuan' }));
    this.problem = why;
  }
}

/**
 * Creates the data folder (and its parents) when it is missing and checks that it can be
 * written, so the first run of any entry point (desktop, `npm run serve`, the command line)
 * finds its folder. Throws DataDirError with what is wrong: no permission, a file where the
 * folder (or one of its parents) should be, a read-only disk.
 */
export function ensureDataDir(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK);
    // access() trusts the permission bits; a read-only mount only shows when writing.
    const probe = join(dir, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return dir;
  } catch (error) {
    throw describeDataDirError(dir, error);
  }
}

export function describeDataDirError(dir: string, error: unknown): DataDirError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EEXIST' || code === 'ENOTDIR') return new DataDirError('file-in-the-way', dir, { blocker: inTheWay(dir) ?? dir });
  if (code === 'EACCES' || code === 'EPERM') return new DataDirError('permission', dir, { parent: dirname(dir) });
  if (code === 'EROFS') return new DataDirError('read-only', dir);
  return new DataDirError('other', dir, { detail: error instanceof Error ? error.message : String(error) });
}

/** The nearest of `dir` and its parents that exists as something other than a folder. */
function inTheWay(dir: string): string | undefined {
  for (let path = dir; ; path = dirname(path)) {
    try {
      if (!statSync(path).isDirectory()) return path;
      return undefined;
    } catch {
      // Missing: look at the parent.
    }
    if (dirname(path) === path) return undefined;
  }
}
