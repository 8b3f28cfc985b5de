import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { openDatabase } from './sqlite';
import { problem } from '../../shared/messages/problems';
import { StoreError, writeProblem } from './errors';

export const SNAPSHOT_REASONS = ['auto', 'manual', 'migration', 'import', 'restore'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

export interface SnapshotInfo {
  id: string;
  createdAt: Date;
  reason: SnapshotReason;
  path: string;
  bytes: number;
}

export const SNAPSHOT_RETENTION = { latest: 10, dailyForDays: 30 } as const;

/** Final paths of snapshots being written by this process. */
const writing = new Set<string>();

const NAME_PATTERN = /^(\d{8}T\d{9}Z)(?:-(\d+))?-([a-z]+)\.costplan$/;
const TEMPORARY_SUFFIX = '.partial';

/**
 * Snapshots of one model file, kept in the app's data folder (not beside the model, which may
 * sit in a cloud-synced folder). Each is a complete SQLite copy made with the backup API, written
 * under a temporary name and renamed only once it is on disk, so a kill never leaves a broken
 * file under a snapshot's name.
 */
export class SnapshotFolder {
  readonly dir: string;

  constructor(dataDir: string, modelPath: string) {
    this.dir = join(dataDir, 'snapshots', snapshotKey(modelPath));
  }

  list(): SnapshotInfo[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    const snapshots: SnapshotInfo[] = [];
    const sequence = new Map<string, number>();
    for (const name of names) {
      const match = NAME_PATTERN.exec(name);
      if (!match) continue;
      const reason = match[3] as SnapshotReason;
      if (!(SNAPSHOT_REASONS as readonly string[]).includes(reason)) continue;
      const path = join(this.dir, name);
      snapshots.push({ id: name.slice(0, -'.costplan'.length), createdAt: parseStamp(match[1]!), reason, path, bytes: statSync(path).size });
      sequence.set(path, Number(match[2] ?? 1));
    }
    // Newest first; within one millisecond, the later of "-2-", "-3-"... first.
    return snapshots.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || sequence.get(b.path)! - sequence.get(a.path)!);
  }

  find(id: string): SnapshotInfo | undefined {
    return this.list().find((snapshot) => snapshot.id === id);
  }

  async create(source: Database.Database, reason: SnapshotReason, now: Date): Promise<SnapshotInfo> {
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (error) {
      throw new StoreError('io', problem('snapshot-write-failed', { folder: this.dir, problem: writeProblem(error, this.dir) }), this.dir);
    }
    const stamp = formatStamp(now);
    // Chosen before the first await and reserved until written: two snapshots started in the
    // same millisecond get two names and two temporary files.
    let name = `${stamp}-${reason}.costplan`;
    for (let n = 2; this.exists(name) || writing.has(join(this.dir, name)); n++) name = `${stamp}-${n}-${reason}.costplan`;
    const finalPath = join(this.dir, name);
    writing.add(finalPath);
    const temporary = `${finalPath}.${process.pid}${TEMPORARY_SUFFIX}`;
    try {
      await source.backup(temporary);
      useRollbackJournal(temporary);
      syncFile(temporary);
      renameSync(temporary, finalPath);
      syncFile(this.dir);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw new StoreError('io', problem('snapshot-write-failed', { folder: this.dir, problem: writeProblem(error, temporary) }), this.dir);
    } finally {
      writing.delete(finalPath);
    }
    this.prune(now);
    return this.find(name.slice(0, -'.costplan'.length))!;
  }

  /** Keeps the latest ten, plus the newest of each day for the last thirty days. */
  prune(now: Date): void {
    const keep = new Set<string>();
    const snapshots = this.list();
    snapshots.slice(0, SNAPSHOT_RETENTION.latest).forEach((snapshot) => keep.add(snapshot.id));
    const oldestDay = now.getTime() - SNAPSHOT_RETENTION.dailyForDays * 86_400_000;
    const daysSeen = new Set<string>();
    for (const snapshot of snapshots) {
      if (snapshot.createdAt.getTime() < oldestDay) continue;
      const day = snapshot.createdAt.toISOString().slice(0, 10);
      if (daysSeen.has(day)) continue;
      daysSeen.add(day);
      keep.add(snapshot.id);
    }
    for (const snapshot of snapshots) if (!keep.has(snapshot.id)) rmSync(snapshot.path, { force: true });
  }

  /** Removes what a snapshot interrupted by a crash left behind. */
  removeTemporaryFiles(): void {
    removeTemporaryFilesIn(this.dir);
  }

  private exists(name: string): boolean {
    try {
      statSync(join(this.dir, name));
      return true;
    } catch {
      return false;
    }
  }
}

export function removeTemporaryFilesIn(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    // SQLite's side files of a killed backup (-journal, -wal, -shm) are leftovers too.
    const match = /(?:\.(\d+))?\.partial(?:-journal|-wal|-shm)?$/.exec(name);
    const pid = Number(match?.[1]);
    if (match && !(pid && processAlive(pid))) rmSync(join(dir, name), { force: true });
  }
}

/** A temporary file of a live process is work in progress, not a leftover. */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EPERM';
  }
}

/** Every snapshot folder of the data folder, cleaned of leftovers (run once at start). */
export function removeAllTemporarySnapshotFiles(dataDir: string): void {
  const root = join(dataDir, 'snapshots');
  let folders: string[];
  try {
    folders = readdirSync(root);
  } catch {
    return;
  }
  for (const folder of folders) removeTemporaryFilesIn(join(root, folder));
}

/** Snapshots follow a file by its real path, and are named so a person can tell whose they are. */
function snapshotKey(modelPath: string): string {
  let absolute = resolve(modelPath);
  try {
    absolute = realpathSync(absolute);
  } catch {
    // A file being created has no real path yet.
  }
  const stem = basename(absolute)
    .replace(/\.costplan$/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .slice(0, 40);
  return `${stem}-${createHash('sha256').update(absolute).digest('hex').slice(0, 12)}`;
}

/**
 * A backup copies the source's header, and an open model is in WAL mode: switch the copy to a
 * rollback journal so it is one self-contained file that a read-only open leaves untouched
 * (a WAL-mode copy opened read-only leaves -wal and -shm files beside it).
 */
function useRollbackJournal(path: string): void {
  const db = openDatabase(path);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

export function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function formatStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '');
}

function parseStamp(stamp: string): Date {
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  return new Date(iso);
}
