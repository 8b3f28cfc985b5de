import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelDocument } from '../../../main/store/document';
import { StoreError } from '../../../main/store/errors';
import { CURRENT_SCHEMA_VERSION } from '../../../main/store/migrations';
import { readModelFile } from '../../../main/store/read';
import { restoreSnapshot } from '../../../main/store/restore';
import { expectedSchema, schemaProblem } from '../../../main/store/schema-check';
import { HOSTILE_MODEL_FILES, writeHealthyModel } from '../../fixtures/hostile/model-files';
import { cli, fileSetup, fingerprint, useScratch } from './helpers';

/**
 * A model file's schema is checked before any row is read: a view, a trigger, a virtual table,
 * a changed table or index is refused with one line, in well under a second, and the file is
 * left byte for byte as it was, with nothing beside it.
 */
const scratch = useScratch('schema-check');

async function refusal(run: () => unknown): Promise<StoreError> {
  try {
    const outcome = await run();
    if (outcome instanceof ModelDocument) await outcome.close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('the expected schema', () => {
  it('is what the migrations produce, for every version', () => {
    expect([...expectedSchema(0).keys()]).toEqual([]);
    const current = expectedSchema(CURRENT_SCHEMA_VERSION);
    expect([...current.keys()].sort()).toEqual(
      expect.arrayContaining(['cost_node', 'cost_node_parent', 'edit_log', 'investment_line', 'lever', 'model_settings', 'scenario', 'sqlite_sequence']),
    );
    expect([...current.values()].filter((entry) => entry.type === 'view' || entry.type === 'trigger')).toEqual([]);
  });

  it('matches the fixtures an older release wrote', () => {
    for (const version of [1, 2]) {
      const db = new Database(join(import.meta.dirname, '..', '..', 'fixtures', `model-v${version}.costplan`), { readonly: true });
      expect(schemaProblem(db, version), `model-v${version}`).toBeUndefined();
      db.close();
    }
  });
});

describe.each(HOSTILE_MODEL_FILES)('a hostile model file: $name', (hostile) => {
  it('is refused by open, check and compute with one line, unchanged, quickly', async () => {
    const setup = fileSetup(scratch, hostile.name);
    await writeHealthyModel(setup.path, setup.options.dataDir);
    hostile.make(setup.path);
    const before = fingerprint(setup.path, setup.folder);
    const started = performance.now();
    const error = await refusal(() => ModelDocument.open(setup.path, setup.options));
    expect(error.message).toMatch(hostile.expect);
    expect(error.message).not.toMatch(/\n/u);
    expect(fingerprint(setup.path, setup.folder)).toEqual(before);
    expect((await refusal(() => readModelFile(setup.path))).message).toMatch(hostile.expect);
    for (const command of ['check', 'compute']) {
      const run = await cli(command, setup.path);
      expect(run.code, command).toBe(2);
      expect(run.stderr, command).toMatch(/^error: [^\n]+\n$/u);
      expect(run.stderr, command).toMatch(hostile.expect);
    }
    expect(fingerprint(setup.path, setup.folder)).toEqual(before);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('recovery from a file changed outside the app', () => {
  it('offers the latest good snapshot, and restore moves the changed file aside and puts the snapshot back', async () => {
    const setup = fileSetup(scratch, 'restore');
    const document = await ModelDocument.create(setup.path, (await import('../../../shared/model')).createExampleModel('en'), setup.options);
    const snapshot = await document.snapshot('manual');
    await document.close();
    HOSTILE_MODEL_FILES.find((file) => file.name === 'trigger-on-edit')!.make(setup.path);
    const error = await refusal(() => ModelDocument.open(setup.path, setup.options));
    expect(error.code).toBe('tampered');
    expect(error.message).toContain(`its latest good snapshot is ${snapshot.id}`);
    const outcome = await restoreSnapshot(setup.path, snapshot.id, setup.options);
    expect(outcome.damagedCopy && existsSync(outcome.damagedCopy)).toBe(true);
    const reopened = await ModelDocument.open(setup.path, setup.options);
    expect(reopened.readOnly).toBeUndefined();
    await reopened.close();
  });

  it('a hostile snapshot is refused, not restored', async () => {
    const setup = fileSetup(scratch, 'bad-snapshot');
    const document = await ModelDocument.create(setup.path, (await import('../../../shared/model')).createExampleModel('en'), setup.options);
    const snapshot = await document.snapshot('manual');
    HOSTILE_MODEL_FILES.find((file) => file.name === 'trigger-on-edit')!.make(snapshot.path);
    const error = await refusal(() => document.restore(snapshot.id));
    expect(error.message).toMatch(/unexpected trigger evil/u);
    await document.close();
    mkdirSync(join(setup.folder, 'unused'), { recursive: true });
  });
});
