import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createExampleModel, type Model } from '../../../shared/model';
import { ModelDocument, type StoreOptions } from '../../../main/store/document';
import { StoreError, type StoreErrorCode } from '../../../main/store/errors';
import { inspectModelFile } from '../../../main/store/inspect';
import { CURRENT_SCHEMA_VERSION } from '../../../main/store/migrations';
import { readModelFile } from '../../../main/store/read';
import { restoreSnapshot } from '../../../main/store/restore';
import { SnapshotFolder } from '../../../main/store/snapshots';
import { cli, type CliRun, fileSetup, fingerprint, journalHeaderBytes, listing, overwrite, sha256, useScratch } from './helpers';

/**
 * Files that are not a healthy model of ours. Each is refused (or opened read-only) with a
 * message of its own, by the store and by the command line, and is left exactly as it was:
 * same bytes, nothing added beside it.
 */

const scratch = useScratch('bad-files');
const example = (): Model => createExampleModel('en');

afterEach(() => {
  vi.unstubAllEnvs();
});

type Setup = ReturnType<typeof fileSetup>;

/** A real model file with a short edit history, closed. */
async function realModel(setup: Setup, edits = 2): Promise<Model> {
  const document = await ModelDocument.create(setup.path, example(), setup.options);
  for (let i = 0; i < edits; i++) document.apply({ type: 'renameNode', nodeId: 'other-service', name: `Edit ${i + 1}` });
  const model = document.model;
  await document.close();
  return model;
}

async function refusal(path: string, options: StoreOptions): Promise<StoreError> {
  try {
    const document = await ModelDocument.open(path, options);
    await document.close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error(`${path} opened`);
}

function expectOneErrorLine(run: CliRun, words: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(run.stderr).toMatch(words);
}

/** Page number and byte offset of a table's or index's root page (each fits in one page here). */
function rootPageOffset(path: string, name: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(name) as { rootpage: number } | undefined;
    if (!row) throw new Error(`no ${name} in ${path}`);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    return (row.rootpage - 1) * pageSize;
  } finally {
    db.close();
  }
}

/**
 * Damages one page inside the file and leaves the header valid: the first byte of a b-tree
 * page is its type (2, 5, 10 or 13); 0 is none of them, so SQLite's quick_check reports the
 * page ("btreeInitPage() returns error code 11") and reading that table fails, while every
 * other page still reads.
 */
function damagePage(path: string, tableOrIndex: string): void {
  overwrite(path, rootPageOffset(path, tableOrIndex), [0]);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('quick_check', { simple: true })).not.toBe('ok');
  } finally {
    db.close();
  }
  expect(() => inspectModelFile(path)).not.toThrow();
}

/** A deterministic stream of bytes that is not a SQLite file. */
function noise(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

interface BadCase {
  label: string;
  /** Writes the bad file at setup.path; may hand back a release (a writer holding it) and a snapshot id. */
  make(setup: Setup): Promise<{ release?: () => Promise<void>; snapshotId?: string }>;
  /** The store refuses with this code, or opens read-only. */
  expected: StoreErrorCode | 'opens read-only';
  /** The words that tell this case from every other. */
  words: RegExp;
  /** The command line that must fail on it, exit 2, one line. */
  cliArgs(path: string, snapshotId: string | undefined): string[];
}

const badCases: BadCase[] = [
  {
    label: 'an empty file',
    make: async ({ path }) => {
      writeFileSync(path, '');
      return {};
    },
    expected: 'empty',
    words: /is empty: it is not a Service Cost Planner model/,
    cliArgs: (path) => ['check', path],
  },
  {
    label: 'random bytes',
    make: async ({ path }) => {
      writeFileSync(path, noise(10_000, 42));
      return {};
    },
    expected: 'not-sqlite',
    words: /is not a Service Cost Planner model \(it is not a SQLite database at all\)/,
    cliArgs: (path) => ['check', path],
  },
  {
    label: 'a model cut in half',
    make: async (setup) => {
      await realModel(setup);
      const bytes = readFileSync(setup.path);
      writeFileSync(setup.path, bytes.subarray(0, bytes.length / 2));
      return {};
    },
    expected: 'damaged',
    words: /is truncated: it holds [\d,]+ bytes of the [\d,]+ its header promises/,
    cliArgs: (path) => ['check', path],
  },
  {
    label: 'a SQLite database of another program',
    make: async ({ path }) => {
      const db = new Database(path);
      db.exec("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('Ada');");
      db.close();
      return {};
    },
    expected: 'foreign-sqlite',
    words: /is a SQLite database of another program, not a Service Cost Planner model/,
    cliArgs: (path) => ['check', path],
  },
  {
    label: 'a model from a future version (user_version 99)',
    make: async (setup) => {
      const original = join(dirname(setup.path), 'original.costplan');
      await realModel({ ...setup, path: original });
      copyFileSync(original, setup.path);
      const db = new Database(setup.path);
      db.pragma('user_version = 99');
      db.close();
      return {};
    },
    expected: 'newer-version',
    words: new RegExp(
      `was saved by a newer version of Service Cost Planner \\(file format 99, this version reads up to ${CURRENT_SCHEMA_VERSION}\\); update the app to open it`,
    ),
    cliArgs: (path) => ['check', path],
  },
  {
    label: 'a write-protected model',
    make: async (setup) => {
      const document = await ModelDocument.create(setup.path, example(), setup.options);
      const snapshot = await document.snapshot();
      await document.close();
      chmodSync(setup.path, 0o444);
      return { snapshotId: snapshot.id };
    },
    expected: 'opens read-only',
    words: /is read-only/,
    // Reading it is fine (see below); restoring into it is what must be refused.
    cliArgs: (path, snapshotId) => ['restore', path, '--snapshot', snapshotId ?? ''],
  },
  {
    label: 'a model another writer holds open',
    make: async (setup) => {
      await realModel(setup);
      const holder = await ModelDocument.open(setup.path, setup.options);
      holder.apply({ type: 'renameNode', nodeId: 'materials-field', name: 'Held' });
      return { release: () => holder.close() };
    },
    expected: 'locked',
    words: /is in use by another window or program; close it there first/,
    cliArgs: (path) => ['check', path],
  },
];

const messages = new Map<string, string[]>();

describe('bad files through ModelDocument.open and the command line', () => {
  it.each(badCases)('$label: its own message, and the file and its folder are left as they were', async (badCase) => {
    const setup = fileSetup(scratch, 'bad');
    const { release, snapshotId } = await badCase.make(setup);
    const { path, folder, options } = setup;
    const before = fingerprint(path, folder);
    const seen: string[] = [];
    try {
      if (badCase.expected === 'opens read-only') {
        const document = await ModelDocument.open(path, options);
        expect(document.readOnly?.code).toBe('read-only');
        expect(document.readOnly?.message).toMatch(badCase.words);
        seen.push(document.readOnly?.message ?? '');
        await document.close();
      } else {
        const error = await refusal(path, options);
        expect(error.code).toBe(badCase.expected);
        expect(error.message).toContain(path);
        expect(error.message).toMatch(badCase.words);
        expect(error.message).not.toContain('\n');
        seen.push(error.message);
      }
      expect(fingerprint(path, folder)).toEqual(before);

      vi.stubEnv('COSTPLAN_DATA_DIR', options.dataDir);
      const run = await cli(...badCase.cliArgs(path, snapshotId));
      expectOneErrorLine(run, badCase.words);
      seen.push(run.stderr);
      expect(fingerprint(path, folder)).toEqual(before);
      messages.set(badCase.label, seen);
    } finally {
      await release?.();
    }
  });

  it("tells every case apart: each one's words match its own messages only", () => {
    expect([...messages.keys()]).toEqual(badCases.map((c) => c.label));
    for (const badCase of badCases)
      for (const [label, texts] of messages)
        for (const text of texts) expect(badCase.words.test(text), `${badCase.label} vs ${label}: ${text}`).toBe(label === badCase.label);
  });

  it('a write-protected model still reads through the command line, and stays as it was', async () => {
    const setup = fileSetup(scratch, 'ro');
    await realModel(setup);
    chmodSync(setup.path, 0o444);
    const before = fingerprint(setup.path, setup.folder);
    vi.stubEnv('COSTPLAN_DATA_DIR', setup.options.dataDir);
    const run = await cli('check', setup.path);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/: ok\n/);
    expect(fingerprint(setup.path, setup.folder)).toEqual(before);
  });

  it('a model whose rows break a rule is refused, and opening it leaves the bytes and no -wal or -shm behind', async () => {
    const setup = fileSetup(scratch, 'rule');
    await realModel(setup);
    const db = new Database(setup.path);
    db.prepare("UPDATE cost_node SET basis_value = 0.9 WHERE id = 'materials-field'").run();
    db.close();
    const before = fingerprint(setup.path, setup.folder);

    const error = await refusal(setup.path, setup.options);
    expect(error.code).toBe('damaged');
    expect(error.message).toMatch(
      /holds a model that breaks a rule: costTree\["After-sales service cost"\]\.children: the shares under "After-sales service cost" add up to 146%/,
    );
    expect(fingerprint(setup.path, setup.folder)).toEqual(before);
    expect(journalHeaderBytes(setup.path)).toEqual([1, 1]);

    vi.stubEnv('COSTPLAN_DATA_DIR', setup.options.dataDir);
    expectOneErrorLine(await cli('check', setup.path), /breaks a rule/);
    expect(fingerprint(setup.path, setup.folder)).toEqual(before);
  });
});

describe('a damaged model (a page broken inside, the header intact)', () => {
  /** A model with a manual snapshot ("Edit 1") and, a minute later, the snapshot taken at close ("Edit 2"). */
  async function modelWithSnapshots(setup: Setup): Promise<{ good: Model; older: Model }> {
    const document = await ModelDocument.create(setup.path, example(), setup.options);
    document.apply({ type: 'renameNode', nodeId: 'other-service', name: 'Edit 1' });
    const older = document.model;
    await document.snapshot();
    setup.clock.minutes(1);
    document.apply({ type: 'renameNode', nodeId: 'other-service', name: 'Edit 2' });
    const good = document.model;
    await document.close();
    return { good, older };
  }

  it('opens read-only offering the latest good snapshot; restoreSnapshot puts it back and keeps the damaged file aside', async () => {
    const setup = fileSetup(scratch, 'damaged');
    const { path, folder, options } = setup;
    const { good } = await modelWithSnapshots(setup);
    const [latest, older] = new SnapshotFolder(options.dataDir, path).list();
    expect([latest?.reason, older?.reason]).toEqual(['auto', 'manual']);
    damagePage(path, 'edit_log');
    const before = fingerprint(path, folder);

    const document = await ModelDocument.open(path, options);
    expect(document.readOnly?.code).toBe('damaged');
    expect(document.readOnly?.latestGoodSnapshot?.id).toBe(latest!.id);
    const message = document.readOnly?.message ?? '';
    expect(message).toMatch(/is damaged \(the integrity check failed\) \(technical detail: "[^\n"]*btreeInitPage\(\) returns error code 11"\)/);
    expect(message).toContain(
      `its latest good snapshot is ${latest!.id} (2027-03-01T09:01:00.000Z): restore it with "costplan restore ${path} --snapshot ${latest!.id}"`,
    );
    expect(message).not.toContain('\n');
    expect(document.model).toEqual(good);
    expect(() => document.apply({ type: 'renameNode', nodeId: 'other-service', name: 'x' })).toThrow(expect.objectContaining({ code: 'damaged' }));
    await document.close();
    expect(fingerprint(path, folder)).toEqual(before);

    vi.stubEnv('COSTPLAN_DATA_DIR', options.dataDir);
    expectOneErrorLine(await cli('check', path), /is damaged \(the integrity check failed\) \(technical detail: .*btreeInitPage/);
    expect(fingerprint(path, folder)).toEqual(before);

    setup.clock.minutes(1);
    const outcome = await restoreSnapshot(path, latest!.id, options);
    expect(outcome.damagedCopy).toBe(join(folder, 'damaged.damaged-20270301T090200000Z.costplan'));
    expect(sha256(outcome.damagedCopy!)).toBe(before.sha256);
    expect(listing(folder)).toEqual([basename(outcome.damagedCopy!), 'damaged.costplan'].sort());
    expect(journalHeaderBytes(path)).toEqual([1, 1]);

    const restored = await ModelDocument.open(path, options);
    expect(restored.readOnly).toBeUndefined();
    expect(restored.model).toEqual(good);
    expect(restored.integrity()).toEqual({ quickCheck: 'ok', foreignKeyProblems: 0 });
    expect(restored.apply({ type: 'renameNode', nodeId: 'other-service', name: 'Edit 3' }).ok).toBe(true);
    await restored.close();
  });

  it('skips a broken snapshot and offers the newest good one', async () => {
    const setup = fileSetup(scratch, 'damaged');
    const { older } = await modelWithSnapshots(setup);
    const [latest, previous] = new SnapshotFolder(setup.options.dataDir, setup.path).list();
    damagePage(latest!.path, 'cost_node');
    damagePage(setup.path, 'edit_log');

    const document = await ModelDocument.open(setup.path, setup.options);
    expect(document.readOnly?.latestGoodSnapshot?.id).toBe(previous!.id);
    expect(document.readOnly?.message).toContain(`its latest good snapshot is ${previous!.id}`);
    await document.close();

    await restoreSnapshot(setup.path, previous!.id, setup.options);
    expect(readModelFile(setup.path).model).toEqual(older);
  });

  it('is refused when the model itself cannot be read, still offering the snapshot; `costplan restore` puts it back', async () => {
    const setup = fileSetup(scratch, 'unreadable');
    const { path, folder, options } = setup;
    const { good } = await modelWithSnapshots(setup);
    const [latest] = new SnapshotFolder(options.dataDir, path).list();
    damagePage(path, 'cost_node');
    const before = fingerprint(path, folder);

    const error = await refusal(path, options);
    expect(error.code).toBe('damaged');
    expect(error.message).toMatch(/is damaged \(the integrity check failed\)/);
    expect(error.message).toContain(`its latest good snapshot is ${latest!.id}`);
    expect(fingerprint(path, folder)).toEqual(before);

    vi.stubEnv('COSTPLAN_DATA_DIR', options.dataDir);
    const run = await cli('restore', path, '--snapshot', latest!.id);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(new RegExp(`^restored ${latest!.id} into .*; the damaged file was kept as .*unreadable\\.damaged-[0-9TZ]+\\.costplan\\n$`));
    const kept = listing(folder).filter((name) => name.includes('.damaged-'));
    expect(kept).toHaveLength(1);
    expect(sha256(join(folder, kept[0]!))).toBe(before.sha256);
    expect(readModelFile(path).model).toEqual(good);
  });

  it('says so when there is no snapshot to offer', async () => {
    const setup = fileSetup(scratch, 'nosnap');
    await realModel(setup);
    // The snapshot taken at close is the only one; without it there is nothing to offer.
    for (const snapshot of new SnapshotFolder(setup.options.dataDir, setup.path).list()) writeFileSync(snapshot.path, '');
    damagePage(setup.path, 'edit_log');
    const document = await ModelDocument.open(setup.path, setup.options);
    expect(document.readOnly?.code).toBe('damaged');
    expect(document.readOnly?.latestGoodSnapshot).toBeUndefined();
    expect(document.readOnly?.message).toMatch(/; there is no snapshot of it to restore$/);
    await document.close();
  });
});
