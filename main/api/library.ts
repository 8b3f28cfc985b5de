import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DeletedModel, ModelEntry } from '../../shared/api/contract';
import { MODEL_EXTENSION } from '../../shared/api/files';
import type { Model } from '../../shared/model/schema';
import { problemOfStoreError, StoreError } from '../store/errors';
import { readModelFile } from '../store/read';
import { SnapshotFolder } from '../store/snapshots';
import { problem, type Problem } from '../../shared/messages/problems';
import { ApiFailure } from './failure';
import { moveFile, type ModelFiles } from './files';

/**
 * The Models view's operations on the data folder: list the models, delete one into the
 * "deleted" folder and bring it back, rename one with its snapshots. Files open in the app are
 * passed in by the caller (the open model is listed from memory: its file is locked).
 */
export class ModelLibrary {
  constructor(private readonly files: ModelFiles) {}

  list(open: { path: string; model: Model } | undefined): ModelEntry[] {
    return this.files
      .modelFiles()
      .map((path): ModelEntry => {
        const stat = statSync(path);
        const base = { file: basename(path), fileName: basename(path), modifiedAt: stat.mtime.toISOString(), bytes: stat.size };
        if (open && open.path === path)
          return { ...base, name: open.model.name, scenarios: open.model.scenarios.length, costLines: open.model.costTree.length, open: true };
        try {
          const { model } = readModelFile(path);
          return { ...base, name: model.name, scenarios: model.scenarios.length, costLines: model.costTree.length, open: false };
        } catch (error) {
          return {
            ...base,
            name: basename(path, MODEL_EXTENSION),
            scenarios: null,
            costLines: null,
            open: false,
            problem:
              error instanceof StoreError
                ? byFileName(problemOfStoreError(error), path)
                : problem('internal-error', { detail: error instanceof Error ? error.message : String(error) }),
          };
        }
      })
      .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.fileName.localeCompare(b.fileName));
  }

  /** Moves a model (and nothing else) into the deleted folder, under a name that keeps when and what. */
  delete(path: string, now: Date): DeletedModel {
    const id = `${now.toISOString().replace(/[-:.]/g, '')}--${basename(path)}`;
    moveFile(path, join(this.files.deletedDir, id));
    return { id, fileName: basename(path), deletedAt: now.toISOString() };
  }

  deleted(): DeletedModel[] {
    let names: string[];
    try {
      names = readdirSync(this.files.deletedDir);
    } catch {
      return [];
    }
    return names
      .map((id) => parseDeleted(id))
      .filter((entry): entry is DeletedModel => entry !== undefined)
      .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  /** Puts a deleted model back in the data folder; a name taken meanwhile gets " 2". Returns its path. */
  restore(id: string): string {
    const entry = parseDeleted(id);
    const from = join(this.files.deletedDir, id);
    if (!entry || !existsSync(from)) throw new ApiFailure('not-found', problem('deleted-model-missing', { id }));
    const target = this.files.pathForName(entry.fileName, true);
    moveFile(from, target);
    return target;
  }

  /** Renames a closed model file in the data folder, with its snapshots. */
  rename(from: string, to: string): void {
    if (existsSync(to) && to.toLowerCase() !== from.toLowerCase()) throw new ApiFailure('exists', problem('name-taken', { name: basename(to) }));
    const snapshots = new SnapshotFolder(this.files.dataDir, from).dir;
    renameSync(from, to);
    if (existsSync(snapshots)) renameSync(snapshots, new SnapshotFolder(this.files.dataDir, to).dir);
  }
}

/** The Models view lists files of the data folder by name: a problem about one names it so too. */
function byFileName(coded: Problem, path: string): Problem {
  const params = coded.params as { path?: unknown };
  return params.path === path ? ({ ...coded, params: { ...coded.params, path: basename(path) } } as unknown as Problem) : coded;
}

const DELETED_PATTERN = /^(\d{8}T\d{9}Z)--(.+\.costplan)$/i;

function parseDeleted(id: string): DeletedModel | undefined {
  const match = DELETED_PATTERN.exec(id);
  if (!match) return undefined;
  const s = match[1]!;
  const deletedAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  return { id, fileName: match[2]!, deletedAt };
}
