import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createExampleModel } from '../../../shared/model';
import { ModelDocument } from '../../../main/store/document';
import { APPLICATION_ID } from '../../../main/store/format';
import { inspectModelFile } from '../../../main/store/inspect';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, migrate } from '../../../main/store/migrations';
import type { Migration } from '../../../main/store/migrations/types';
import { readModelFile } from '../../../main/store/read';
import { readModel } from '../../../main/store/rows';
import { SnapshotFolder } from '../../../main/store/snapshots';
import type { FixtureExpectation } from '../../fixtures/make-fixtures';
import { MODEL_SCHEMA_VERSION } from '../../../shared/model';

/** An older fixture's models as today's version reads them: the same content, the current JSON schema version. */
function readExpectation(path: string): FixtureExpectation {
  const expectation = JSON.parse(readFileSync(path, 'utf8')) as FixtureExpectation;
  const current = (model: FixtureExpectation['model']): FixtureExpectation['model'] => ({ ...model, schemaVersion: MODEL_SCHEMA_VERSION });
  return {
    ...expectation,
    model: current(expectation.model),
    afterUndoingAll: current(expectation.afterUndoingAll),
    afterRedoingAll: current(expectation.afterRedoingAll),
  };
}
import { cli, fileSetup, journalHeaderBytes, listing, sha256, useScratch } from './helpers';

/**
 * File formats. Every released format has a fixture, test/fixtures/model-v<N>.costplan (made by
 * test/fixtures/make-fixtures.ts when format N was current), with what it holds in
 * model-v<N>.expected.json. Each must open in today's version, migrated, with the same model
 * and the same undo history. `migrate` takes no list of steps, so a failing step is simulated
 * by adding one to (or swapping one in) the MIGRATIONS array for the length of a test.
 */

const scratch = useScratch('migrations');
const fixturesDir = join(import.meta.dirname, '..', '..', 'fixtures');
const fixtures = readdirSync(fixturesDir)
  .map((name) => ({ name, version: Number(/^model-v(\d+)\.costplan$/.exec(name)?.[1]) }))
  .filter((fixture) => Number.isInteger(fixture.version))
  .sort((a, b) => a.version - b.version);

afterEach(() => {
  vi.unstubAllEnvs();
});

function userVersion(path: string): number {
  return readFileSync(path).readUInt32BE(60);
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
}

function schemaOf(db: Database.Database): unknown[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').all();
}

/** Runs `body` with extra or swapped migration steps, then puts the list back as it was. */
function withMigrations(change: (list: Migration[]) => void, body: () => unknown): unknown {
  const list = MIGRATIONS as Migration[];
  const saved = [...list];
  change(list);
  try {
    return body();
  } finally {
    list.splice(0, list.length, ...saved);
  }
}

async function withMigrationsAsync<T>(change: (list: Migration[]) => void, body: () => Promise<T>): Promise<T> {
  const list = MIGRATIONS as Migration[];
  const saved = [...list];
  change(list);
  try {
    return await body();
  } finally {
    list.splice(0, list.length, ...saved);
  }
}

/** A step that does part of its work and then fails. */
function failingStep(version: number): Migration {
  return {
    version,
    name: `failing step ${version}`,
    up(db) {
      db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY, note TEXT); CREATE INDEX half_done_note ON half_done(note);');
      db.prepare("INSERT INTO half_done (note) VALUES ('written before the failure')").run();
      if (tableNames(db).includes('model_settings')) db.exec('ALTER TABLE model_settings ADD COLUMN half_done TEXT');
      throw new Error(`step ${version} fails half-way`);
    },
  };
}

describe('the list of migrations', () => {
  it('goes up by one from 1, and the current version is the last step', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(CURRENT_SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)!.version);
    const names = MIGRATIONS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.trim()).not.toBe('');
  });

  it('has a fixture for every version from 1 to the current one (run test/fixtures/make-fixtures.ts for a new one)', () => {
    expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1));
  });
});

describe.each(fixtures)('fixture $name', ({ name, version }) => {
  const fixturePath = join(fixturesDir, name);
  const expected = readExpectation(fixturePath.replace(/\.costplan$/, '.expected.json'));

  it('is what its name says: a model file of that format, with edits in its log', () => {
    const header = inspectModelFile(fixturePath);
    expect(header.schemaVersion).toBe(version);
    expect(expected.schemaVersion).toBe(version);
    expect(readFileSync(fixturePath).readUInt32BE(68)).toBe(APPLICATION_ID);
    expect(journalHeaderBytes(fixturePath)).toEqual([1, 1]);
    expect(expected.undoSteps).toBeGreaterThanOrEqual(2);
  });

  it('reads without a byte written (compute, dump, check migrate in memory)', () => {
    const setup = fileSetup(scratch, `read-v${version}`);
    copyFileSync(fixturePath, setup.path);
    const before = sha256(setup.path);
    const report = readModelFile(setup.path);
    expect(report.schemaVersion).toBe(version);
    expect(report.model).toEqual(expected.model);
    expect(report.counts).toMatchObject({ undoSteps: expected.undoSteps, redoSteps: expected.redoSteps });
    expect(sha256(setup.path)).toBe(before);
    expect(listing(setup.folder)).toEqual([`read-v${version}.costplan`]);
  });

  it('opens migrated to the current format with the same model and the same undo history', async () => {
    const fixtureBefore = sha256(fixturePath);
    const setup = fileSetup(scratch, `open-v${version}`);
    copyFileSync(fixturePath, setup.path);

    const document = await ModelDocument.open(setup.path, setup.options);
    expect(document.readOnly).toBeUndefined();
    expect(document.model).toEqual(expected.model);
    const snapshots = document.snapshots();
    if (version < CURRENT_SCHEMA_VERSION) {
      // The file as it was before the migration, kept as a snapshot.
      expect(snapshots.map((s) => s.reason)).toEqual(['migration']);
      expect(inspectModelFile(snapshots[0]!.path).schemaVersion).toBe(version);
    } else {
      expect(snapshots).toEqual([]);
    }
    for (let i = 0; i < expected.redoSteps; i++) document.redo();
    expect(document.model).toEqual(expected.afterRedoingAll);
    while (document.canUndo()) document.undo();
    expect(document.model).toEqual(expected.afterUndoingAll);
    for (let i = 0; i < expected.undoSteps + expected.redoSteps; i++) document.redo();
    expect(document.model).toEqual(expected.afterRedoingAll);
    document.undo();
    expect(document.integrity()).toEqual({ quickCheck: 'ok', foreignKeyProblems: 0 });
    await document.close();

    expect(userVersion(setup.path)).toBe(CURRENT_SCHEMA_VERSION);
    expect(readModelFile(setup.path).model).toEqual(expected.model);
    expect(sha256(fixturePath)).toBe(fixtureBefore);

    vi.stubEnv('COSTPLAN_DATA_DIR', setup.options.dataDir);
    const run = await cli('check', setup.path);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`file format: ${CURRENT_SCHEMA_VERSION}`);
  });
});

describe.each(fixtures)('write-protected fixture $name', ({ name, version }) => {
  const fixturePath = join(fixturesDir, name);
  const expected = readExpectation(fixturePath.replace(/\.costplan$/, '.expected.json'));

  it('opens read-only with the same model (migrated in memory), untouched; "Save as" writes the current format', async () => {
    const setup = fileSetup(scratch, `ro-v${version}`);
    copyFileSync(fixturePath, setup.path);
    chmodSync(setup.path, 0o444);
    const before = sha256(setup.path);

    const document = await ModelDocument.open(setup.path, setup.options);
    expect(document.readOnly?.code).toBe('read-only');
    expect(document.model).toEqual(expected.model);
    expect([document.canUndo(), document.canRedo()]).toEqual([expected.undoSteps > 0, expected.redoSteps > 0]);
    const copyPath = join(setup.folder, 'copy.costplan');
    const copy = await document.saveAs(copyPath);
    expect(copy.readOnly).toBeUndefined();
    expect(copy.model).toEqual(expected.model);
    await copy.close();

    expect(sha256(setup.path)).toBe(before);
    expect(userVersion(copyPath)).toBe(CURRENT_SCHEMA_VERSION);
    expect(listing(setup.folder)).toEqual(['copy.costplan', `ro-v${version}.costplan`]);
  });
});

describe('a migration that fails', () => {
  it('leaves exactly the old version and no partial tables, columns or rows', async () => {
    const setup = fileSetup(scratch, 'fail');
    const created = await ModelDocument.create(setup.path, createExampleModel('en'), setup.options);
    await created.close();

    const db = new Database(setup.path);
    const schemaBefore = schemaOf(db);
    const modelBefore = readModel(db);
    const from = CURRENT_SCHEMA_VERSION;
    expect(() =>
      withMigrations(
        (list) => list.push(failingStep(from + 1)),
        () => migrate(db, from + 1),
      ),
    ).toThrow(`step ${from + 1} fails half-way`);
    expect(db.pragma('user_version', { simple: true })).toBe(from);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(schemaOf(db)).toEqual(schemaBefore);
    expect(tableNames(db)).not.toContain('half_done');
    expect(readModel(db)).toEqual(modelBefore);
    expect(db.inTransaction).toBe(false);
    db.close();

    expect(readModelFile(setup.path).model).toEqual(createExampleModel('en'));
  });

  it('through ModelDocument.open: refused, the file left at its old version, unchanged tables, rollback journal, the migration snapshot kept', async () => {
    const setup = fileSetup(scratch, 'fail-open');
    // A file of format 0: our application_id, no tables yet.
    const raw = new Database(setup.path);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.close();
    const error = await withMigrationsAsync(
      (list) => {
        const first = list[0]!;
        list[0] = {
          ...first,
          up: (db) => {
            first.up(db);
            throw new Error('the first step fails at its end');
          },
        };
      },
      async () => {
        try {
          await ModelDocument.open(setup.path, setup.options);
        } catch (caught) {
          return caught;
        }
        return undefined;
      },
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('the first step fails at its end');
    expect(userVersion(setup.path)).toBe(0);
    expect(journalHeaderBytes(setup.path)).toEqual([1, 1]);
    expect(listing(setup.folder)).toEqual(['fail-open.costplan']);
    const db = new Database(setup.path, { readonly: true });
    expect(tableNames(db)).toEqual([]);
    db.close();
    expect(new SnapshotFolder(setup.options.dataDir, setup.path).list().map((s) => s.reason)).toEqual(['migration']);
  });
});

describe('a file at user_version 0 with our application_id', () => {
  function versionZeroFile(): { path: string; db: Database.Database } {
    const setup = fileSetup(scratch, 'v0');
    const db = new Database(setup.path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    expect(inspectModelFile(setup.path).schemaVersion).toBe(0);
    return { path: setup.path, db };
  }

  it('is migrated in one transaction: a failure in the last step undoes the first too', () => {
    const { db } = versionZeroFile();
    const target = CURRENT_SCHEMA_VERSION + 1;
    expect(() =>
      withMigrations(
        (list) => list.push(failingStep(target)),
        () => migrate(db, target),
      ),
    ).toThrow('fails half-way');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(schemaOf(db)).toEqual([]);
    db.close();
  });

  it('gets every table of the current format and the current version', async () => {
    const { db } = versionZeroFile();
    expect(migrate(db)).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(CURRENT_SCHEMA_VERSION);
    const reference = fileSetup(scratch, 'reference');
    await (await ModelDocument.create(reference.path, createExampleModel('en'), reference.options)).close();
    const created = new Database(reference.path, { readonly: true });
    expect(schemaOf(db)).toEqual(schemaOf(created));
    created.close();
    // Running it again changes nothing.
    expect(migrate(db)).toBe(CURRENT_SCHEMA_VERSION);
    db.close();
  });
});
