import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeModel } from '../../../shared/engine';
import { applyEdit, type SingleEditCommand } from '../../../shared/edits';
import { createExampleModel, type Model } from '../../../shared/model';
import { commandMakers, counterIds, type CommandMaker, type IdSource } from '../../support/edit-commands';
import { ModelDocument } from '../../../main/store/document';
import { StoreError } from '../../../main/store/errors';

/**
 * The store against a reference: random sequences of edits, undo, redo, close and reopen,
 * snapshot and restore run on a real model file and on an in-memory model with undo and
 * redo stacks. After every step both hold the same model and the engine gives the same
 * results on both.
 */

const scratch = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'costplan-mbt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Reference {
  model: Model;
  done: { before: Model; after: Model }[];
  undone: { before: Model; after: Model }[];
  snapshots: Map<string, Model>;
}

interface Real {
  document: ModelDocument;
  path: string;
  dataDir: string;
  clock: { now: number };
  ids: IdSource;
}

type Step = fc.AsyncCommand<Reference, Real>;

class EditStep implements Step {
  constructor(private readonly maker: { label: string; make: CommandMaker }) {}

  check(): boolean {
    return true;
  }
  async run(reference: Reference, real: Real): Promise<void> {
    const command = this.maker.make(reference.model, real.ids);
    if (!command) return;
    const expected = applyEdit(reference.model, command);
    const actual = real.document.apply(command);
    expect(actual.ok).toBe(expected.ok);
    if (expected.ok && expected.value.changes.length === 0) {
      expect(real.document.model).toEqual(reference.model);
    } else if (expected.ok) {
      reference.done.push({ before: reference.model, after: expected.value.model });
      reference.undone = [];
      reference.model = expected.value.model;
    } else if (!actual.ok) {
      expect(actual.error).toEqual(expected.error);
    }
    real.clock.now += 60_000;
    assertSame(reference, real);
  }
  toString(): string {
    return this.maker.label;
  }
}

/** A paste or fill: several edits as one batch, each made for the model the ones before it leave. */
class BatchStep implements Step {
  constructor(private readonly makers: { label: string; make: CommandMaker }[]) {}

  check(): boolean {
    return true;
  }
  async run(reference: Reference, real: Real): Promise<void> {
    const edits: SingleEditCommand[] = [];
    let planned = reference.model;
    for (const maker of this.makers) {
      const command = maker.make(planned, real.ids);
      if (!command || command.type === 'batch') continue;
      edits.push(command);
      const applied = applyEdit(planned, command);
      if (applied.ok) planned = applied.value.model;
    }
    if (edits.length === 0) return;
    await new EditStep({ label: 'batch', make: () => ({ type: 'batch', edits }) }).run(reference, real);
  }
  toString(): string {
    return `batch(${this.makers.map((m) => m.label).join(', ')})`;
  }
}

class UndoStep implements Step {
  check = () => true;
  async run(reference: Reference, real: Real): Promise<void> {
    const entry = reference.done.pop();
    if (!entry) {
      expect(() => real.document.undo()).toThrow(StoreError);
      return;
    }
    real.document.undo();
    reference.undone.push(entry);
    reference.model = entry.before;
    assertSame(reference, real);
  }
  toString = () => 'undo';
}

class RedoStep implements Step {
  check = () => true;
  async run(reference: Reference, real: Real): Promise<void> {
    const entry = reference.undone.pop();
    if (!entry) {
      expect(() => real.document.redo()).toThrow(StoreError);
      return;
    }
    real.document.redo();
    reference.done.push(entry);
    reference.model = entry.after;
    assertSame(reference, real);
  }
  toString = () => 'redo';
}

class ReopenStep implements Step {
  check = () => true;
  async run(reference: Reference, real: Real): Promise<void> {
    await real.document.close();
    real.document = await ModelDocument.open(real.path, options(real));
    assertSame(reference, real);
    expect(real.document.canUndo()).toBe(reference.done.length > 0);
    expect(real.document.canRedo()).toBe(reference.undone.length > 0);
  }
  toString = () => 'close and reopen';
}

class SnapshotStep implements Step {
  check = () => true;
  async run(reference: Reference, real: Real): Promise<void> {
    const info = await real.document.snapshot('manual');
    reference.snapshots.set(info.id, reference.model);
    real.clock.now += 1000;
  }
  toString = () => 'snapshot';
}

class RestoreStep implements Step {
  constructor(private readonly which: number) {}
  check = (reference: Readonly<Reference>) => reference.snapshots.size > 0;
  async run(reference: Reference, real: Real): Promise<void> {
    const ids = [...reference.snapshots.keys()];
    const id = ids[this.which % ids.length]!;
    await real.document.restore(id);
    real.clock.now += 1000;
    const restored = reference.snapshots.get(id)!;
    reference.done.push({ before: reference.model, after: restored });
    reference.undone = [];
    reference.model = restored;
    assertSame(reference, real);
  }
  toString = () => `restore #${this.which}`;
}

function options(real: Real) {
  return { dataDir: real.dataDir, now: () => new Date(real.clock.now), snapshotIntervalMs: Number.MAX_SAFE_INTEGER };
}

function assertSame(reference: Reference, real: Real): void {
  expect(real.document.model).toEqual(reference.model);
  const expected = computeModel(reference.model);
  const actual = computeModel(real.document.model);
  expect(actual.ok && expected.ok).toBe(true);
  if (actual.ok && expected.ok) {
    expect(actual.value.scenarios.map((s) => s.totals)).toEqual(expected.value.scenarios.map((s) => s.totals));
    expect(actual.value.scenarios.map((s) => s.affectedShare)).toEqual(expected.value.scenarios.map((s) => s.affectedShare));
  }
}

const steps = [
  ...commandMakers.map((maker) => maker.map((m): Step => new EditStep(m))),
  fc.array(fc.oneof(...commandMakers), { minLength: 2, maxLength: 5 }).map((makers): Step => new BatchStep(makers)),
  fc.constant<Step>(new UndoStep()),
  fc.constant<Step>(new UndoStep()),
  fc.constant<Step>(new RedoStep()),
  fc.constant<Step>(new ReopenStep()),
  fc.constant<Step>(new SnapshotStep()),
  fc.nat().map((n): Step => new RestoreStep(n)),
];

describe('model file against an in-memory reference', () => {
  it('agrees after every edit, batch, undo, redo, reopen, snapshot and restore (1,000 runs)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(steps, { maxCommands: 14 }), async (commands) => {
        run += 1;
        const folder = join(scratch, `run-${run}`);
        const real: Real = {
          path: join(folder, 'model.costplan'),
          dataDir: join(folder, 'data'),
          clock: { now: Date.UTC(2027, 0, 1) },
          ids: counterIds(),
          document: undefined as unknown as ModelDocument,
        };
        const { mkdirSync } = await import('node:fs');
        mkdirSync(folder, { recursive: true });
        const initial = createExampleModel('en');
        real.document = await ModelDocument.create(real.path, initial, options(real));
        const reference: Reference = { model: real.document.model, done: [], undone: [], snapshots: new Map() };
        try {
          await fc.asyncModelRun(() => ({ model: reference, real }), commands);
        } finally {
          await real.document.close();
          rmSync(folder, { recursive: true, force: true });
        }
      }),
      { numRuns: 1000 },
    );
  }, 600_000);
});
