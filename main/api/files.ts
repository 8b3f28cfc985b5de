import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileReferenceProblem, HANDLE_PREFIX, MODEL_EXTENSION, modelFileName, type ExportKind } from '../../shared/api/files';
import type { FileUse } from '../../shared/messages/codes/api';
import { problem } from '../../shared/messages/problems';
import { ApiFailure } from './failure';

/** What a handle may be used for: a model to open or write, a file to import, an export target of one kind. */
export type FilePurpose = 'model' | 'import' | `export:${ExportKind}`;

/**
 * Whether files outside the data folder can be reached at all. The browser host says
 * 'data-folder-only': there, the only files are those in the data folder and uploads.
 */
export type FilePolicy = 'any' | 'data-folder-only';

interface Registered {
  path: string;
  purpose: FilePurpose;
}

const UPLOADS = 'uploads';
const DELETED = 'deleted';

/**
 * Turns what the UI names (a file name in the data folder, or a handle) into a path, and paths
 * the main process chose (native dialogs, the OS, uploads, recent files) into handles. Nothing
 * else becomes a path: a name with a folder in it, `..`, an absolute path or an unknown handle
 * is refused with a message saying so.
 */
export class ModelFiles {
  private readonly handles = new Map<string, Registered>();

  readonly dataDir: string;

  constructor(
    dataDir: string,
    readonly policy: FilePolicy = 'any',
  ) {
    this.dataDir = resolve(dataDir);
  }

  /** A path the main process chose; the handle stands for it, for this purpose, until the app quits. */
  register(path: string, purpose: FilePurpose): string {
    const absolute = resolve(path);
    for (const [handle, entry] of this.handles) if (entry.path === absolute && entry.purpose === purpose) return handle;
    const handle = `${HANDLE_PREFIX}${randomBytes(8).toString('hex')}`;
    this.handles.set(handle, { path: absolute, purpose });
    return handle;
  }

  /** The UI's name for a model file: its file name when it is in the data folder, else a handle. */
  referenceFor(path: string): string {
    return this.inDataFolder(path) ? basename(path) : this.register(path, 'model');
  }

  inDataFolder(path: string): boolean {
    return dirname(resolve(path)) === resolve(this.dataDir);
  }

  /** The path of a file the UI named, for a purpose; throws a clear `refused-file` otherwise. */
  resolve(file: string, purpose: FilePurpose): string {
    const refused = fileReferenceProblem(file);
    if (refused) throw new ApiFailure('refused-file', refused);
    if (file.startsWith(HANDLE_PREFIX)) {
      const entry = this.handles.get(file);
      if (!entry) throw new ApiFailure('refused-file', problem('handle-unknown', { file }));
      if (entry.purpose !== purpose)
        throw new ApiFailure(
          'refused-file',
          problem('handle-other-use', { name: basename(entry.path), chosenFor: fileUse(entry.purpose), wanted: fileUse(purpose) }),
        );
      return entry.path;
    }
    if (purpose !== 'model') throw new ApiFailure('refused-file', problem('data-folder-not-for', { file, use: purpose === 'import' ? 'import' : 'export' }));
    if (!file.toLowerCase().endsWith(MODEL_EXTENSION))
      throw new ApiFailure('refused-file', problem('model-extension-missing', { file, extension: MODEL_EXTENSION }));
    const path = join(this.dataDir, file);
    this.assertInside(path);
    return path;
  }

  /** A path in the data folder for a model named `name` ("客户A" -> ".../客户A.costplan"); a taken name gets " 2", " 3"... when `unique`. */
  pathForName(name: string, unique: boolean): string {
    const file = modelFileName(name);
    const stem = file.slice(0, -MODEL_EXTENSION.length);
    let path = join(this.dataDir, file);
    if (!unique) return path;
    for (let n = 2; existsSync(path); n++) path = join(this.dataDir, `${stem} ${n}${MODEL_EXTENSION}`);
    return path;
  }

  /** The model files in the data folder, by file name. */
  modelFiles(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dataDir);
    } catch {
      return [];
    }
    return names
      .filter((name) => name.toLowerCase().endsWith(MODEL_EXTENSION) && !name.startsWith('.'))
      .filter((name) => {
        try {
          return statSync(join(this.dataDir, name)).isFile();
        } catch {
          return false;
        }
      })
      .map((name) => join(this.dataDir, name));
  }

  /** Keeps an uploaded file in the data folder's uploads (cleared at each start) and hands out a handle to import it. */
  saveUpload(name: string, bytes: Uint8Array): { file: string; path: string } {
    const folder = join(this.dataDir, UPLOADS, randomBytes(6).toString('hex'));
    mkdirSync(folder, { recursive: true });
    const path = join(folder, basename(name));
    writeFileSync(path, bytes);
    return { file: this.register(path, 'import'), path };
  }

  /** Removes an uploaded file (and its folder) once imported; any other path is left alone. */
  removeUpload(path: string): void {
    const uploads = join(this.dataDir, UPLOADS);
    if (dirname(dirname(path)) === uploads) rmSync(dirname(path), { recursive: true, force: true });
  }

  clearUploads(): void {
    rmSync(join(this.dataDir, UPLOADS), { recursive: true, force: true });
  }

  /** Deleted models wait in the data folder's "deleted" folder, to be restored from the Models view. */
  get deletedDir(): string {
    return join(this.dataDir, DELETED);
  }

  /** Refuses a path in the data folder that a link leads out of it. */
  private assertInside(path: string): void {
    if (!existsSync(path)) return;
    const real = realpathSync(path);
    const folder = realpathSync(this.dataDir);
    const inside = relative(folder, real);
    if (inside === '' || inside.startsWith('..') || inside.includes(sep))
      throw new ApiFailure('refused-file', problem('data-folder-link', { name: basename(path) }));
  }
}

/** A purpose as the problems name it ("export:deck" -> "export-deck"). */
function fileUse(purpose: FilePurpose): FileUse {
  return purpose === 'model' || purpose === 'import' ? purpose : `export-${purpose.slice('export:'.length) as ExportKind}`;
}

/** Moves a file, also across disks. */
export function moveFile(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  renameSync(from, to);
}

export function extensionOf(name: string): string {
  return extname(name).toLowerCase();
}
