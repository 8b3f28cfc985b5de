import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeModel } from '../../../shared/engine';
import { applyEdit, type EditCommand } from '../../../shared/edits';
import { createExampleModel, LEVER_KINDS, type Model } from '../../../shared/model';
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
  ids: { next: number };
}

type Step = fc.AsyncCommand<Reference, Real>;

function freshId(real: Real, prefix: string): string {
  real.ids.next += 1;
  return `${prefix}${real.ids.next}`;
}

function pick<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

/** Turns generated numbers into a command on the current model (the model decides what exists). */
type CommandMaker = (model: Model, real: Real) => EditCommand | undefined;

const commandMakers: fc.Arbitrary<{ label: string; make: CommandMaker }>[] = [
  fc.record({ node: fc.nat(), scenario: fc.nat(), kind: fc.constantFrom(...LEVER_KINDS), value: fc.oneof(fc.double({ min: -0.6, max: 0.6, noNaN: true }), fc.constant(null), fc.constant(-1.5)) }).map((a) => ({
    label: `setLever(${a.kind}=${a.value})`,
    make: (model: Model) => {
      const node = pick(model.costTree, a.node);
      const scenario = pick(model.scenarios, a.scenario);
      return node && scenario ? { type: 'setLever', scenarioId: scenario.id, nodeId: node.id, kind: a.kind, value: a.value } : undefined;
    },
  })),
  fc.record({ node: fc.nat(), share: fc.double({ min: 0, max: 1.2, noNaN: true }) }).map((a) => ({
    label: `setBasis(share=${a.share})`,
    make: (model: Model) => {
      const node = pick(model.costTree, a.node);
      return node ? { type: 'setBasis', nodeId: node.id, basis: node.parentId === null ? { kind: 'amount', amount: a.share * 1e8 } : { kind: 'share', share: a.share } } : undefined;
    },
  })),
  fc.record({ parent: fc.nat(), share: fc.double({ min: 0, max: 0.5, noNaN: true }), name: fc.string({ minLength: 1, maxLength: 12 }) }).map((a) => ({
    label: `addNode(${JSON.stringify(a.name)})`,
    make: (model: Model, real: Real) => {
      const parent = pick(model.costTree, a.parent);
      return parent
        ? { type: 'addNode', node: { id: freshId(real, 'n'), parentId: parent.id, name: a.name, basis: { kind: 'share', share: a.share }, relevance: 'weak' } }
        : undefined;
    },
  })),
  fc.record({ node: fc.nat(), name: fc.string({ minLength: 0, maxLength: 12 }) }).map((a) => ({
    label: `renameNode(${JSON.stringify(a.name)})`,
    make: (model: Model) => {
      const node = pick(model.costTree, a.node);
      return node ? { type: 'renameNode', nodeId: node.id, name: a.name } : undefined;
    },
  })),
  fc.record({ node: fc.nat(), parent: fc.nat() }).map((a) => ({
    label: 'moveNode',
    make: (model: Model) => {
      const node = pick(model.costTree, a.node);
      const parent = pick(model.costTree, a.parent);
      return node && parent ? { type: 'moveNode', nodeId: node.id, parentId: parent.id } : undefined;
    },
  })),
  fc.nat().map((n) => ({
    label: 'deleteNode',
    make: (model: Model) => {
      const node = pick(model.costTree, n);
      return node ? { type: 'deleteNode', nodeId: node.id } : undefined;
    },
  })),
  fc.record({ scenario: fc.nat(), name: fc.string({ minLength: 1, maxLength: 10 }) }).map((a) => ({
    label: 'cloneScenario',
    make: (model: Model, real: Real) => {
      const scenario = pick(model.scenarios, a.scenario);
      return scenario ? { type: 'cloneScenario', scenarioId: scenario.id, newId: freshId(real, 's'), name: a.name } : undefined;
    },
  })),
  fc.nat().map((n) => ({
    label: 'deleteScenario',
    make: (model: Model) => {
      const scenario = pick(model.scenarios, n);
      return scenario ? { type: 'deleteScenario', scenarioId: scenario.id } : undefined;
    },
  })),
  fc.record({ scenario: fc.nat(), horizon: fc.integer({ min: 0, max: 31 }), growth: fc.double({ min: -0.5, max: 0.5, noNaN: true }), ramp: fc.option(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }), { nil: null }) }).map((a) => ({
    label: `setScenarioParameters(h=${a.horizon})`,
    make: (model: Model) => {
      const scenario = pick(model.scenarios, a.scenario);
      return scenario ? { type: 'setScenarioParameters', scenarioId: scenario.id, horizonYears: a.horizon, volumeGrowth: a.growth, ramp: a.ramp } : undefined;
    },
  })),
  fc.record({ scenario: fc.nat(), amount: fc.double({ min: 0, max: 1e6, noNaN: true }), timing: fc.constantFrom('upfront' as const, 'spread' as const) }).map((a) => ({
    label: 'addInvestment',
    make: (model: Model, real: Real) => {
      const scenario = pick(model.scenarios, a.scenario);
      return scenario
        ? { type: 'addInvestment', scenarioId: scenario.id, line: { id: freshId(real, 'i'), name: 'Line', category: 'training', amount: { kind: 'perYear', amount: a.amount }, timing: a.timing } }
        : undefined;
    },
  })),
  fc.record({ scenario: fc.nat(), line: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }).map((a) => ({
    label: 'changeInvestment',
    make: (model: Model) => {
      const scenario = pick(model.scenarios, a.scenario);
      const line = scenario && pick(scenario.investments, a.line);
      return scenario && line ? { type: 'changeInvestment', scenarioId: scenario.id, lineId: line.id, amount: { kind: 'shareOfSaving', share: a.share } } : undefined;
    },
  })),
  fc.record({ name: fc.string({ minLength: 1, maxLength: 10 }), unit: fc.constantFrom('yuan' as const, 'tenThousand' as const, 'hundredMillion' as const) }).map((a) => ({
    label: 'setModelSettings',
    make: () => ({ type: 'setModelSettings', name: a.name, displayUnit: a.unit }),
  })),
];

class EditStep implements Step {
  constructor(private readonly maker: { label: string; make: CommandMaker }) {}
  check(): boolean {
    return true;
  }
  async run(reference: Reference, real: Real): Promise<void> {
    const command = this.maker.make(reference.model, real);
    if (!command) return;
    const expected = applyEdit(reference.model, command);
    const actual = real.document.apply(command);
    expect(actual.ok).toBe(expected.ok);
    if (expected.ok) {
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
  fc.constant<Step>(new UndoStep()),
  fc.constant<Step>(new UndoStep()),
  fc.constant<Step>(new RedoStep()),
  fc.constant<Step>(new ReopenStep()),
  fc.constant<Step>(new SnapshotStep()),
  fc.nat().map((n): Step => new RestoreStep(n)),
];

describe('model file against an in-memory reference', () => {
  it('agrees after every edit, undo, redo, reopen, snapshot and restore (1,000 runs)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(steps, { maxCommands: 14 }), async (commands) => {
        run += 1;
        const folder = join(scratch, `run-${run}`);
        const real: Real = {
          path: join(folder, 'model.costplan'),
          dataDir: join(folder, 'data'),
          clock: { now: Date.UTC(2027, 0, 1) },
          ids: { next: 0 },
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
