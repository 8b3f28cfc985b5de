import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { applyChanges, type EntityChange } from '../../shared/edits/changes';
import { applyEdit } from '../../shared/edits/apply';
import { assignIds, type EditCommand } from '../../shared/edits/commands';
import type { Model } from '../../shared/model/schema';
import { validateModel, type ModelIssue } from '../../shared/model/validate';
import { err, ok, type Result } from '../../shared/result';
import { brokenRule, brokenRuleProblem, englishText, errorText, StoreError, storeFailure, writeProblem } from './errors';
import { problem, type Problem } from '../../shared/messages/problems';
import type { FileDamage } from '../../shared/messages/codes/store';
import { integrityDamage } from './read';
import { inspectModelFile } from './inspect';
import { LOCK_WAIT_MS } from './format';
import { CURRENT_SCHEMA_VERSION, migrate } from './migrations';
import { insertModel, readModel, writeChanges } from './rows';
import { processAlive, removeAllTemporarySnapshotFiles, SnapshotFolder, syncFile, type SnapshotInfo, type SnapshotReason } from './snapshots';
import { storedValuesOverBounds, verifyModelDatabase } from './schema-check';
import { openDatabase } from './sqlite';

export interface StoreOptions {
  /** The app's data folder; snapshots live under it. */
  dataDir: string;
  now?: () => Date;
  /** At most one automatic snapshot in this interval while edits come in. */
  snapshotIntervalMs?: number;
  newId?: () => string;
}

/** Why a document is open read-only, and what the planner can do about it. */
export interface ReadOnlyReason {
  code: 'read-only' | 'damaged';
  /** Why, and what to do, as a code with parameters the UI words in the planner's language. */
  problem: Problem;
  /** The problem in English, for logs. */
  message: string;
  latestGoodSnapshot?: SnapshotInfo;
}

function readOnlyReason(code: ReadOnlyReason['code'], why: Problem, latestGoodSnapshot?: SnapshotInfo): ReadOnlyReason {
  return { code, problem: why, message: englishText(why), ...(latestGoodSnapshot ? { latestGoodSnapshot } : {}) };
}

export const UNDO_DEPTH = 1000;
const DEFAULT_SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;

/**
 * One open model file. Every edit is validated against the whole model, then written with its
 * entry in the edit log in one transaction, so a crash keeps either all of it or none. The
 * log, kept in the file, is what undo and redo replay.
 */
export class ModelDocument {
  private lastSnapshotAt: number;
  private changedSinceSnapshot = false;
  private pendingSnapshot: Promise<unknown> | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    private db: Database.Database,
    private current: Model,
    readonly readOnly: ReadOnlyReason | undefined,
    readonly snapshotFolder: SnapshotFolder,
    private readonly options: Required<StoreOptions>,
  ) {
    this.lastSnapshotAt = options.now().getTime();
  }

  get model(): Model {
    return this.current;
  }

  /** Opens a model file; a file that is not a model, or is newer, or is locked, is refused untouched. */
  static async open(path: string, options: StoreOptions): Promise<ModelDocument> {
    try {
      return await ModelDocument.openChecked(path, options);
    } catch (error) {
      throw storeFailure(error, path, 'open');
    }
  }

  private static async openChecked(path: string, options: StoreOptions): Promise<ModelDocument> {
    const settings = withDefaults(options);
    removeAllTemporarySnapshotFiles(settings.dataDir);
    removeTemporarySiblings(path);
    const snapshots = new SnapshotFolder(settings.dataDir, path);
    let header;
    try {
      header = inspectModelFile(path);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'damaged') return ModelDocument.openDamaged(path, error.problem, snapshots, settings);
      throw error;
    }
    if (header.writeProtected) {
      let db = openReadOnly(path);
      try {
        verifyModelDatabase(db, path);
      } catch (error) {
        db.close();
        throw withSnapshotOffer(error, path, snapshots);
      }
      if (header.schemaVersion < CURRENT_SCHEMA_VERSION) {
        // An older format cannot be migrated on disk here: migrate a copy in memory to read it.
        const copy = openDatabase(db.serialize());
        db.close();
        db = copy;
        migrate(db);
      }
      const model = readValidModel(db, path);
      if (!model.ok) {
        db.close();
        throw new StoreError('damaged', model.error, path);
      }
      const reason = readOnlyReason('read-only', problem('file-read-only', { path, then: 'save-as' }));
      return new ModelDocument(path, db, model.value, reason, snapshots, settings);
    }

    const db = openDatabase(path, { fileMustExist: true, timeout: LOCK_WAIT_MS });
    let wal = false;
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      takeWriteLock(db, path);
      // Before any row is read: a view, a trigger or a changed table is refused unread.
      try {
        verifyModelDatabase(db, path);
      } catch (error) {
        closeInRollbackMode(db, false);
        throw withSnapshotOffer(error, path, snapshots);
      }
      const damage = integrityProblem(db);
      if (damage) {
        db.close();
        return await ModelDocument.openDamaged(path, problem('file-damaged', { path, ...damage }), snapshots, settings);
      }
      if (header.schemaVersion < CURRENT_SCHEMA_VERSION) {
        wal = true;
        setPragmas(db, path);
        await snapshots.create(db, 'migration', settings.now());
        migrate(db);
      }
      // Read before a current file is switched to WAL: a file we refuse keeps its bytes, and no
      // -wal or -shm is left beside it by the read-only look that follows.
      const model = readValidModel(db, path);
      if (!model.ok) {
        closeInRollbackMode(db, wal);
        return await ModelDocument.openDamaged(path, model.error, snapshots, settings);
      }
      wal = true;
      setPragmas(db, path);
      return new ModelDocument(path, db, model.value, undefined, snapshots, settings);
    } catch (error) {
      if (db.open) closeInRollbackMode(db, wal);
      throw error;
    }
  }

  /** Writes a new model file atomically: it appears complete under its name or not at all. */
  static async create(path: string, model: Model, options: StoreOptions & { overwrite?: boolean }): Promise<ModelDocument> {
    const validated = validateModel(model);
    if (!validated.ok) throw brokenRule(path, validated.error[0]!);
    const existed = existsSync(path);
    if (existed && !options.overwrite) throw new StoreError('io', problem('file-exists', { path }), path);
    prepareToReplace(path);
    const temporary = temporarySibling(path);
    try {
      const db = openDatabase(temporary);
      try {
        db.pragma('journal_mode = DELETE');
        migrate(db);
        db.transaction(() => insertModel(db, validated.value)).immediate();
      } finally {
        db.close();
      }
      syncFile(temporary);
      renameSync(temporary, path);
      syncFile(dirname(path));
    } catch (error) {
      rmSync(temporary, { force: true });
      if (error instanceof StoreError) throw error;
      throw new StoreError('io', writeProblem(error, path), path);
    }
    try {
      return await ModelDocument.open(path, options);
    } catch (error) {
      // A new file that does not read back is not left behind (there was nothing under its name).
      if (!existed) rmSync(path, { force: true });
      throw error;
    }
  }

  private static async openDamaged(path: string, damage: Problem, snapshots: SnapshotFolder, settings: Required<StoreOptions>): Promise<ModelDocument> {
    const latestGoodSnapshot = latestGood(snapshots);
    const reason = readOnlyReason('damaged', recoveryProblem(path, damage, latestGoodSnapshot ?? null), latestGoodSnapshot);
    let db: Database.Database | undefined;
    try {
      db = openReadOnly(path);
      verifyModelDatabase(db, path);
      const model = readValidModel(db, path);
      if (model.ok) return new ModelDocument(path, db, model.value, reason, snapshots, settings);
    } catch {
      // Not even readable: refuse, with the offer of the snapshot.
    }
    db?.close();
    throw new StoreError('damaged', reason.problem, path);
  }

  /** Validates and writes one edit; on any problem nothing is written and the problems come back. */
  apply(command: EditCommand): Result<Model, ModelIssue[]> {
    this.assertWritable();
    const withIds = assignIds(command, this.options.newId);
    const applied = applyEdit(this.current, withIds);
    if (!applied.ok) return err(applied.error);
    // An edit that changes nothing (clearing a lever that is not set) is not an undo step.
    if (applied.value.changes.length === 0) return ok(this.current);
    this.commit(withIds, applied.value.changes, applied.value.model);
    return ok(this.current);
  }

  canUndo(): boolean {
    return this.db.prepare('SELECT 1 FROM edit_log WHERE undone = 0 LIMIT 1').get() !== undefined;
  }

  canRedo(): boolean {
    return this.db.prepare('SELECT 1 FROM edit_log WHERE undone = 1 LIMIT 1').get() !== undefined;
  }

  undo(): Model {
    this.assertWritable();
    const entry = this.db.prepare('SELECT id, changes FROM edit_log WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as LogRow | undefined;
    if (!entry) throw new StoreError('nothing-to-undo', problem('nothing-to-undo', {}), this.path);
    return this.replay(entry, 'backward');
  }

  redo(): Model {
    this.assertWritable();
    const entry = this.db.prepare('SELECT id, changes FROM edit_log WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as LogRow | undefined;
    if (!entry) throw new StoreError('nothing-to-redo', problem('nothing-to-redo', {}), this.path);
    return this.replay(entry, 'forward');
  }

  snapshots(): SnapshotInfo[] {
    return this.snapshotFolder.list();
  }

  async snapshot(reason: SnapshotReason = 'manual'): Promise<SnapshotInfo> {
    await this.pendingSnapshot;
    const info = await this.snapshotFolder.create(this.db, reason, this.options.now());
    this.lastSnapshotAt = info.createdAt.getTime();
    this.changedSinceSnapshot = false;
    return info;
  }

  /** Puts a snapshot's model in place as one undoable edit, after snapshotting the current state. */
  async restore(snapshotId: string): Promise<Model> {
    this.assertWritable();
    const model = readSnapshotModel(this.snapshotFolder, snapshotId, this.path);
    await this.snapshot('restore');
    return this.replaceModel(model, { type: 'restoreSnapshot', snapshotId });
  }

  /** Replaces the whole model (an import), undoable, after a snapshot. */
  async importModel(model: Model, source: string): Promise<Model> {
    this.assertWritable();
    const validated = validateModel(model);
    if (!validated.ok) throw brokenRule(source, validated.error[0]!);
    await this.snapshot('import');
    return this.replaceModel(validated.value, { type: 'import', source });
  }

  /** Writes a clean, complete copy elsewhere (the backup API, never a file copy) and switches to it. */
  async saveAs(target: string): Promise<ModelDocument> {
    await this.pendingSnapshot;
    // Every edit is in the file already: "Save as" under its own name has nothing to do.
    if (sameFile(target, this.path)) return this;
    await this.copyTo(target);
    await this.close();
    return ModelDocument.open(target, this.options);
  }

  /** Writes a clean, complete, self-contained copy to `target` (duplicate, download) and stays on this file. */
  async copyTo(target: string): Promise<void> {
    await this.pendingSnapshot;
    await copyDatabase(this.db, target);
  }

  /** Waits for a snapshot in progress, then closes; a closed file is one self-contained file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pendingSnapshot?.catch(() => undefined);
    if (!this.readOnly) {
      try {
        if (this.changedSinceSnapshot) await this.snapshotFolder.create(this.db, 'auto', this.options.now());
      } catch {
        // A failed last snapshot must not keep the file from closing.
      }
      this.db.pragma('journal_mode = DELETE');
    }
    this.db.close();
  }

  /** Exposed for integrity checks in tests and `costplan check`. */
  integrity(): { quickCheck: string; foreignKeyProblems: number } {
    const quick = this.db.pragma('quick_check', { simple: true }) as string;
    return { quickCheck: quick, foreignKeyProblems: (this.db.pragma('foreign_key_check') as unknown[]).length };
  }

  private replaceModel(model: Model, command: unknown): Model {
    const changes: EntityChange[] = [{ entity: 'model', before: this.current, after: model }];
    this.commit(command, changes, applyChanges(this.current, changes));
    return this.current;
  }

  private commit(command: unknown, changes: readonly EntityChange[], next: Model): void {
    const now = this.options.now();
    this.write(
      this.db.transaction(() => {
        writeChanges(this.db, changes, 'forward');
        this.db.prepare('DELETE FROM edit_log WHERE undone = 1').run();
        this.db
          .prepare('INSERT INTO edit_log (applied_at, command, changes) VALUES (?, ?, ?)')
          .run(now.toISOString(), JSON.stringify(command), JSON.stringify(changes));
        this.db.prepare('DELETE FROM edit_log WHERE id <= (SELECT MAX(id) FROM edit_log) - ?').run(UNDO_DEPTH);
      }),
    );
    this.current = next;
    this.afterChange(now);
  }

  private replay(entry: LogRow, direction: 'forward' | 'backward'): Model {
    const changes = JSON.parse(entry.changes) as EntityChange[];
    const next = applyChanges(this.current, changes, direction);
    this.write(
      this.db.transaction(() => {
        writeChanges(this.db, changes, direction);
        this.db.prepare('UPDATE edit_log SET undone = ? WHERE id = ?').run(direction === 'backward' ? 1 : 0, entry.id);
      }),
    );
    this.current = next;
    this.afterChange(this.options.now());
    return next;
  }

  /** Runs one write transaction; a full disk or a lost lock is the store's problem, and nothing of it is kept. */
  private write(transaction: Database.Transaction<() => void>): void {
    try {
      transaction.immediate();
    } catch (error) {
      throw storeFailure(error, this.path, 'write');
    }
  }

  private afterChange(now: Date): void {
    this.changedSinceSnapshot = true;
    if (this.pendingSnapshot || now.getTime() - this.lastSnapshotAt < this.options.snapshotIntervalMs) return;
    this.lastSnapshotAt = now.getTime();
    this.pendingSnapshot = this.snapshotFolder
      .create(this.db, 'auto', now)
      .then(() => {
        this.changedSinceSnapshot = false;
      })
      .catch(() => undefined)
      .finally(() => {
        this.pendingSnapshot = undefined;
      });
  }

  private assertWritable(): void {
    if (this.closed) throw new StoreError('io', problem('file-closed', { path: this.path }), this.path);
    if (this.readOnly) throw new StoreError(this.readOnly.code, this.readOnly.problem, this.path);
  }
}

interface LogRow {
  id: number;
  changes: string;
}

function withDefaults(options: StoreOptions): Required<StoreOptions> {
  return {
    dataDir: options.dataDir,
    now: options.now ?? (() => new Date()),
    snapshotIntervalMs: options.snapshotIntervalMs ?? DEFAULT_SNAPSHOT_INTERVAL_MS,
    newId: options.newId ?? (() => randomUUID().slice(0, 8)),
  };
}

/** Leaves a file we switched to WAL as one self-contained file again. */
function closeInRollbackMode(db: Database.Database, wal: boolean): void {
  try {
    if (wal) db.pragma('journal_mode = DELETE');
  } catch {
    // Closing matters more; SQLite checkpoints and removes the WAL at close anyway.
  }
  db.close();
}

function openReadOnly(path: string): Database.Database {
  return openDatabase(path, { readonly: true, fileMustExist: true });
}

/** Holds the write lock for as long as the file is open: a second writer is refused, not interleaved. */
function takeWriteLock(db: Database.Database, path: string): void {
  try {
    db.prepare('BEGIN IMMEDIATE').run();
    db.prepare('COMMIT').run();
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw new StoreError('locked', problem('file-in-use', { path }), path);
    if (code.startsWith('SQLITE_READONLY')) throw new StoreError('read-only', problem('file-read-only', { path }), path);
    throw error;
  }
}

/**
 * Before a new file takes the place of an existing one: refuses while a window has the old one
 * open (its edits would go on into a file no longer under the name, and be lost), and removes
 * the old file's -wal, -shm and -journal, which SQLite would otherwise read into the new file
 * at its next open (a WAL left by a crash replays its pages into whatever file has the name).
 */
function prepareToReplace(path: string): void {
  if (!existsSync(path)) return;
  let db: Database.Database | undefined;
  try {
    db = openDatabase(path, { fileMustExist: true, timeout: LOCK_WAIT_MS });
    takeWriteLock(db, path);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'locked') throw error;
    // Not a database, or not writable: nothing holds it open as a model.
  } finally {
    db?.close();
  }
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** A copy made with the backup API (never a raw file copy of a live database), renamed into place once on disk. */
export async function copyDatabase(source: Database.Database, target: string): Promise<void> {
  prepareToReplace(target);
  const temporary = temporarySibling(target);
  try {
    await source.backup(temporary);
    const copy = openDatabase(temporary);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    syncFile(temporary);
    renameSync(temporary, target);
    syncFile(dirname(target));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new StoreError('io', writeProblem(error, target), target);
  }
}

/** Copies a model file that is not open here (duplicate in the Models view), read-only on the source. */
export async function copyModelFile(source: string, target: string): Promise<void> {
  inspectModelFile(source);
  let db: Database.Database;
  try {
    db = openReadOnly(source);
  } catch (error) {
    throw storeFailure(error, source, 'open');
  }
  try {
    await copyDatabase(db, target);
  } finally {
    db.close();
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const first = statSync(a);
    const second = statSync(b);
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}

/** What SQLite's quick check and the foreign keys find damaged; a check that fails outright is a failed check. */
function integrityProblem(db: Database.Database): { damage: FileDamage; detail?: string } | undefined {
  try {
    return integrityDamage(db);
  } catch (error) {
    return { damage: { kind: 'integrity-check-failed' }, detail: errorText(error) };
  }
}

/** better-sqlite3 reopens a WAL file with synchronous=NORMAL: set every pragma, then read it back. */
function setPragmas(db: Database.Database, path: string): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const journal = db.pragma('journal_mode', { simple: true });
  const synchronous = db.pragma('synchronous', { simple: true });
  const foreignKeys = db.pragma('foreign_keys', { simple: true });
  if (journal !== 'wal' || synchronous !== 2 || foreignKeys !== 1)
    throw new StoreError(
      'io',
      problem('safe-writing-refused', {
        path,
        detail: `journal_mode ${String(journal)}, synchronous ${String(synchronous)}, foreign_keys ${String(foreignKeys)}`,
      }),
      path,
    );
}

function readValidModel(db: Database.Database, path: string): Result<Model, Problem> {
  let model: Model;
  try {
    const overBounds = storedValuesOverBounds(db, path);
    if (overBounds !== undefined) return err(overBounds);
    model = readModel(db);
  } catch (error) {
    return err(problem('file-damaged', { path, damage: { kind: 'rows-unreadable' }, detail: errorText(error) }));
  }
  const validated = validateModel(model);
  return validated.ok ? ok(validated.value) : err(brokenRuleProblem(path, validated.error[0]!));
}

/** A damaged or changed file and the latest good snapshot to restore (null: there is none). */
function recoveryProblem(path: string, damage: Problem, snapshot: SnapshotInfo | null): Problem {
  return problem('damaged-file-recovery', {
    path,
    problem: damage,
    snapshot: snapshot ? { id: snapshot.id, createdAt: snapshot.createdAt.toISOString() } : null,
  });
}

/** A refused file: the message offers the latest good snapshot, as for a damaged file. */
function withSnapshotOffer(error: unknown, path: string, snapshots: SnapshotFolder): unknown {
  if (!(error instanceof StoreError) || (error.code !== 'tampered' && error.code !== 'damaged')) return error;
  const snapshot = latestGood(snapshots);
  return snapshot ? new StoreError(error.code, recoveryProblem(path, error.problem, snapshot), path) : error;
}

function latestGood(snapshots: SnapshotFolder): SnapshotInfo | undefined {
  for (const snapshot of snapshots.list()) {
    try {
      const db = openReadOnly(snapshot.path);
      try {
        verifyModelDatabase(db, snapshot.path);
        if (integrityProblem(db) === undefined && readValidModel(db, snapshot.path).ok) return snapshot;
      } finally {
        db.close();
      }
    } catch {
      // A broken snapshot is skipped; an older one may be good.
    }
  }
  return undefined;
}

/** The model of a snapshot of the model file `path`, verified and read in full. */
export function readSnapshotModel(folder: SnapshotFolder, snapshotId: string, path: string): Model {
  const snapshot = folder.find(snapshotId);
  if (!snapshot) throw new StoreError('snapshot-not-found', problem('snapshot-not-found', { path, id: snapshotId }), path);
  let db: Database.Database;
  try {
    db = openReadOnly(snapshot.path);
  } catch (error) {
    throw storeFailure(error, snapshot.path, 'open');
  }
  try {
    verifyModelDatabase(db, snapshot.path);
    const model = readValidModel(db, snapshot.path);
    if (!model.ok) throw new StoreError('damaged', model.error, snapshot.path);
    return model.value;
  } finally {
    db.close();
  }
}

const TEMPORARY_PREFIX = '.~';

function temporarySibling(path: string): string {
  return join(dirname(path), `${TEMPORARY_PREFIX}${basename(path)}.${process.pid}.tmp`);
}

/** Half-written copies that a crash left beside a model file. */
function removeTemporarySiblings(path: string): void {
  const prefix = `${TEMPORARY_PREFIX}${basename(path)}.`;
  try {
    for (const name of readdirSync(dirname(path))) {
      // With SQLite's side files of the copy (-journal, -wal, -shm), which a kill leaves too.
      const pid = Number(/\.(\d+)\.tmp(?:-journal|-wal|-shm)?$/.exec(name)?.[1]);
      if (name.startsWith(prefix) && pid && !processAlive(pid)) rmSync(join(dirname(path), name), { force: true });
    }
  } catch {
    // The folder may not be listable; nothing to clean then.
  }
}
