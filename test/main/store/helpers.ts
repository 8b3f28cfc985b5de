import type Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { ModelDocument, type StoreOptions } from '../../../main/store/document';
import { processAlive } from '../../../main/store/snapshots';

/**
 * Shared set-up of the store tests: scratch folders (on tmpfs when there is one: the store
 * fsyncs a lot), a clock the test drives, deterministic ids, file fingerprints and the CLI.
 */

/**
 * A scratch root removed after the file's tests; `dir()` gives a fresh folder inside it. The
 * root is made on first use, so collecting the tests (`vitest list`) leaves nothing behind.
 */
export function useScratch(prefix: string): { dir(name?: string): string } {
  let root: string | undefined;
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });
  let count = 0;
  return {
    dir: (name = 'case') => {
      root ??= mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), `costplan-${prefix}-`));
      return mkdtempSync(join(root, `${name}-${++count}-`));
    },
  };
}

export class FakeClock {
  private time: number;

  constructor(start = '2027-03-01T09:00:00.000Z') {
    this.time = Date.parse(start);
  }

  readonly now = (): Date => new Date(this.time);

  advance(ms: number): void {
    this.time += ms;
  }

  minutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }

  set(iso: string): void {
    this.time = Date.parse(iso);
  }
}

export const DAY = 86_400_000;

export function sequentialIds(prefix = 'id'): () => string {
  let next = 0;
  return () => `${prefix}-${++next}`;
}

/** A model file and the options to open it, each in a folder of its own, data folder apart. */
export function fileSetup(scratch: { dir(name?: string): string }, name = 'plan'): { folder: string; path: string; clock: FakeClock; options: StoreOptions } {
  const folder = scratch.dir(name);
  const clock = new FakeClock();
  const dataDir = join(scratch.dir(`${name}-data`), 'Service Cost Planner');
  return { folder, path: join(folder, `${name}.costplan`), clock, options: { dataDir, now: clock.now, newId: sequentialIds() } };
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function listing(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Everything a refused or read-only open must leave as it was: the bytes and the folder. */
export function fingerprint(path: string, dir: string): { sha256: string; listing: string[] } {
  return { sha256: sha256(path), listing: listing(dir) };
}

/**
 * The file bytes without the two header fields SQLite bumps on every write transaction
 * (file change counter, bytes 24-27, and version-valid-for, bytes 92-95): opening a model and
 * closing it switches WAL on and off again, which counts as a change, and nothing else.
 */
export function bytesBesidesChangeCounter(path: string): Buffer {
  const bytes = Buffer.from(readFileSync(path));
  bytes.fill(0, 24, 28);
  bytes.fill(0, 92, 96);
  return bytes;
}

/** Bytes 18 and 19 of the header: 1 = rollback journal, 2 = WAL. */
export function journalHeaderBytes(path: string): [number, number] {
  const bytes = readFileSync(path);
  return [bytes[18]!, bytes[19]!];
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/**
 * The document's own connection. There is no public accessor for the connection's pragmas
 * (synchronous and foreign_keys are per connection, a second handle cannot see them, and the
 * exclusive lock keeps a second handle out anyway), so the test reads the private field.
 */
export function connectionOf(document: ModelDocument): Database.Database {
  return (document as unknown as { db: Database.Database }).db;
}

/** A pid that belonged to a process which has exited. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  const pid = child.pid;
  if (processAlive(pid)) throw new Error('could not find a dead pid');
  return pid;
}

/** Overwrites bytes in place (to damage a file on purpose). */
export function overwrite(path: string, offset: number, bytes: readonly number[]): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.from(bytes), 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

export async function createClosed(path: string, options: StoreOptions, model: Parameters<typeof ModelDocument.create>[1]): Promise<void> {
  const document = await ModelDocument.create(path, model, options);
  await document.close();
}
