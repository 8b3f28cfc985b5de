import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createExampleModel, type Model } from '../../../shared/model';
import { ModelDocument } from '../../../main/store/document';
import { StoreError } from '../../../main/store/errors';
import { readModelFile } from '../../../main/store/read';
import { SnapshotFolder, SNAPSHOT_RETENTION, type SnapshotInfo } from '../../../main/store/snapshots';
import { createClosed, DAY, deadPid, fileSetup, journalHeaderBytes, listing, useScratch } from './helpers';

const scratch = useScratch('snapshots');
const example = (): Model => createExampleModel('en');
const reasons = (list: readonly SnapshotInfo[]) => list.map((s) => s.reason);
const rename = (document: ModelDocument, name: string) => {
  const result = document.apply({ type: 'renameNode', nodeId: 'other-service', name });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
};
const otherName = (model: Model) => model.costTree.find((n) => n.id === 'other-service')?.name;

describe('automatic snapshots', () => {
  it('takes one at most every 10 minutes while edits come in, none without edits', async () => {
    const { path, clock, options } = fileSetup(scratch);
    const document = await ModelDocument.create(path, example(), options);

    rename(document, 't0');
    clock.minutes(5);
    rename(document, 't5');
    expect(document.snapshots()).toEqual([]);

    clock.minutes(6); // 11 minutes after the file was opened
    rename(document, 't11');
    await vi.waitFor(() => expect(document.snapshots()).toHaveLength(1));
    const [first] = document.snapshots();
    expect(first?.reason).toBe('auto');
    expect(first?.createdAt.toISOString()).toBe('2027-03-01T09:11:00.000Z');
    expect(otherName(readModelFile(first!.path).model)).toBe('t11');

    clock.minutes(9); // 20 minutes: 9 after the last snapshot
    rename(document, 't20');
    clock.minutes(1.5); // 21.5 minutes: 10.5 after it
    rename(document, 't21.5');
    await vi.waitFor(() => expect(document.snapshots()).toHaveLength(2));
    expect(document.snapshots().map((s) => s.createdAt.toISOString())).toEqual(['2027-03-01T09:21:30.000Z', '2027-03-01T09:11:00.000Z']);

    clock.minutes(60); // an hour without edits
    expect(document.snapshots()).toHaveLength(2);
    await document.close();
    // Nothing changed since the last snapshot: closing adds none.
    expect(new SnapshotFolder(options.dataDir, path).list()).toHaveLength(2);
  });

  it('takes none for a file opened and closed without edits, however long it stayed open', async () => {
    const { path, clock, options } = fileSetup(scratch);
    await createClosed(path, options, example());
    const document = await ModelDocument.open(path, options);
    clock.minutes(600);
    expect(document.canUndo()).toBe(false);
    await document.close();
    expect(new SnapshotFolder(options.dataDir, path).list()).toEqual([]);
  });

  it('takes one at close when there are edits since the last snapshot, holding the last edit', async () => {
    const { path, clock, options } = fileSetup(scratch);
    const document = await ModelDocument.create(path, example(), options);
    rename(document, 'only edit');
    clock.minutes(2);
    await document.close();
    const list = new SnapshotFolder(options.dataDir, path).list();
    expect(reasons(list)).toEqual(['auto']);
    expect(otherName(readModelFile(list[0]!.path).model)).toBe('only edit');
  });

  it('writes snapshots as self-contained rollback-journal files: looking at one leaves nothing beside it', async () => {
    const { path, options } = fileSetup(scratch);
    const document = await ModelDocument.create(path, example(), options);
    const info = await document.snapshot();
    await document.close();
    expect(journalHeaderBytes(info.path)).toEqual([1, 1]);
    expect(readModelFile(info.path).model).toEqual(example());
    const folder = new SnapshotFolder(options.dataDir, path);
    expect(readdirSync(folder.dir)).toEqual([`${info.id}.costplan`]);
  });
});

describe('snapshot retention', () => {
  it('keeps the latest 10 plus the newest of each of the last 30 days', async () => {
    expect(SNAPSHOT_RETENTION).toEqual({ latest: 10, dailyForDays: 30 });
    const { path, clock, options } = fileSetup(scratch);
    const document = await ModelDocument.create(path, example(), options);
    // Day 0 is 2027-01-01. Three snapshots a day for 40 days (06:00, 12:00, 18:00), then one
    // more at 21:00 on the last day, so that "30 days before now" falls inside day 9.
    const start = Date.parse('2027-01-01T00:00:00.000Z');
    const stamp = (day: number, hour: number) => new Date(start + day * DAY + hour * 3_600_000).toISOString();
    for (let day = 0; day < 40; day++) {
      for (const hour of [6, 12, 18]) {
        clock.set(stamp(day, hour));
        await document.snapshot('manual');
      }
    }
    clock.set(stamp(39, 21));
    await document.snapshot('manual');

    const kept = document
      .snapshots()
      .map((s) => s.createdAt.toISOString())
      .sort();
    const latestTen = [
      stamp(37, 6),
      stamp(37, 12),
      stamp(37, 18),
      stamp(38, 6),
      stamp(38, 12),
      stamp(38, 18),
      stamp(39, 6),
      stamp(39, 12),
      stamp(39, 18),
      stamp(39, 21),
    ];
    // Days 10..36: only the newest of the day; day 9's newest (18:00) is 30 days and 3 hours old.
    const daily = Array.from({ length: 27 }, (_, i) => stamp(10 + i, 18));
    expect(kept).toEqual([...daily, ...latestTen].sort());
    expect(kept).toHaveLength(37);
    expect(readdirSync(document.snapshotFolder.dir)).toHaveLength(37);
    await document.close();
  });

  it('counts snapshots of every reason alike and never removes the one just taken', async () => {
    const { path, clock, options } = fileSetup(scratch);
    const document = await ModelDocument.create(path, example(), options);
    for (let i = 0; i < 12; i++) {
      clock.minutes(1);
      await document.snapshot(i % 2 === 0 ? 'manual' : 'auto');
    }
    clock.set('2030-01-01T00:00:00.000Z'); // years later: only the latest ten survive
    const last = await document.snapshot('manual');
    const list = document.snapshots();
    expect(list).toHaveLength(10);
    expect(list[0]?.id).toBe(last.id);
    expect(list.at(-1)?.createdAt.toISOString()).toBe('2027-03-01T09:04:00.000Z');
    await document.close();
  });
});

describe('restore and import', () => {
  it('restores a snapshot as one undoable edit, snapshotting the current state first (reason "restore")', async () => {
    const { path, clock, options } = fileSetup(scratch);
    const document = await ModelDocument.create(path, example(), options);
    rename(document, 'good');
    const good = document.model;
    const saved = await document.snapshot();
    clock.minutes(1);
    rename(document, 'bad 1');
    document.apply({ type: 'deleteScenario', scenarioId: 'target-15' });
    const current = document.model;
    clock.minutes(1);

    expect(await document.restore(saved.id)).toEqual(good);
    const restoreSnapshot = document.snapshots().find((s) => s.reason === 'restore');
    expect(restoreSnapshot?.createdAt.toISOString()).toBe('2027-03-01T09:02:00.000Z');
    expect(readModelFile(restoreSnapshot!.path).model).toEqual(current);

    expect(document.undo()).toEqual(current);
    expect(document.redo()).toEqual(good);
    await document.close();

    const again = await ModelDocument.open(path, options);
    expect(again.model).toEqual(good);
    expect(again.undo()).toEqual(current);
    await again.close();
  });

  it('refuses an unknown snapshot id and changes nothing', async () => {
    const { path, options } = fileSetup(scratch);
    const document = await ModelDocument.create(path, example(), options);
    let error: unknown;
    try {
      await document.restore('20270101T000000000Z-manual');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('snapshot-not-found');
    expect(document.snapshots()).toEqual([]);
    expect(document.canUndo()).toBe(false);
    await document.close();
  });

  it('snapshots the model before an import, and the import is undoable', async () => {
    const { path, options } = fileSetup(scratch);
    const document = await ModelDocument.create(path, example(), options);
    rename(document, 'before import');
    const before = document.model;
    const imported = createExampleModel('zh', 2030);

    expect(await document.importModel(imported, 'plan-2030.json')).toEqual(imported);
    const list = document.snapshots();
    expect(reasons(list)).toEqual(['import']);
    expect(readModelFile(list[0]!.path).model).toEqual(before);
    expect(document.undo()).toEqual(before);
    expect(document.redo()).toEqual(imported);
    await document.close();
    expect(readModelFile(path).model).toEqual(imported);
  });

  it('refuses an invalid import before snapshotting or writing anything', async () => {
    const { path, options } = fileSetup(scratch);
    const document = await ModelDocument.create(path, example(), options);
    const broken = { ...example(), currency: 'euro' };
    let error: unknown;
    try {
      await document.importModel(broken, 'broken.json');
    } catch (caught) {
      error = caught;
    }
    expect((error as StoreError).code).toBe('invalid-model');
    expect((error as StoreError).message).toMatch(/^broken\.json holds a model that breaks a rule: currency: /);
    expect(document.snapshots()).toEqual([]);
    expect(document.model).toEqual(example());
    await document.close();
  });
});

describe('where snapshots live', () => {
  it('keeps snapshots under the data folder, never beside the model', async () => {
    const { folder, path, options } = fileSetup(scratch);
    const document = await ModelDocument.create(path, example(), options);
    rename(document, 'x');
    await document.snapshot();
    await document.importModel(createExampleModel('zh'), 'zh.json');
    expect(listing(folder)).toEqual(['plan.costplan', 'plan.costplan-wal']);
    await document.close();
    const all = new SnapshotFolder(options.dataDir, path).list();
    expect(reasons(all).sort()).toEqual(['auto', 'import', 'manual']);
    for (const snapshot of all) expect(snapshot.path.startsWith(join(options.dataDir, 'snapshots') + sep)).toBe(true);
    expect(listing(folder)).toEqual(['plan.costplan']);
    // One folder per model, named so a person can tell whose it is.
    expect(relative(options.dataDir, document.snapshotFolder.dir)).toMatch(/^snapshots[/\\]plan-[0-9a-f]{12}$/);
  });

  it('follows a file by its real path: two paths of one file share snapshots, two files do not', async () => {
    const { folder, path, options } = fileSetup(scratch);
    await createClosed(path, options, example());
    const link = join(scratch.dir('links'), 'link.costplan');
    symlinkSync(path, link);
    const other = join(folder, 'other.costplan');
    await createClosed(other, options, example());

    const document = await ModelDocument.open(link, options);
    const taken = await document.snapshot();
    await document.close();
    expect(new SnapshotFolder(options.dataDir, path).list().map((s) => s.id)).toEqual([taken.id]);
    expect(new SnapshotFolder(options.dataDir, other).list()).toEqual([]);
  });
});

describe('leftovers of dead processes', () => {
  it('removes *.partial snapshot files of dead processes at the next open, and keeps those of live ones', async () => {
    const { path, options } = fileSetup(scratch);
    await createClosed(path, options, example());
    const dead = deadPid();
    const folder = new SnapshotFolder(options.dataDir, path);
    const otherFolder = join(options.dataDir, 'snapshots', 'someone-else-0123456789ab');
    mkdirSync(folder.dir, { recursive: true });
    mkdirSync(otherFolder, { recursive: true });
    const names = {
      dead: `20270301T090000000Z-auto.costplan.${dead}.partial`,
      live: `20270301T090000000Z-manual.costplan.${process.pid}.partial`,
      otherDead: `20270301T090000000Z-auto.costplan.${dead}.partial`,
    };
    writeFileSync(join(folder.dir, names.dead), 'half a snapshot');
    writeFileSync(join(folder.dir, names.live), 'a snapshot being written');
    writeFileSync(join(otherFolder, names.otherDead), 'half a snapshot of another model');

    const document = await ModelDocument.open(path, options);
    expect(readdirSync(folder.dir)).toEqual([names.live]);
    expect(readdirSync(otherFolder)).toEqual([]);
    expect(document.snapshots()).toEqual([]);
    await document.close();
  });

  it("removes .~NAME.costplan.<pid>.tmp files of dead processes beside the model at the next open, and only this model's", async () => {
    const { folder, path, options } = fileSetup(scratch);
    await createClosed(path, options, example());
    const dead = deadPid();
    const mine = `.~plan.costplan.${dead}.tmp`;
    const live = `.~plan.costplan.${process.pid}.tmp`;
    const another = `.~other.costplan.${dead}.tmp`;
    for (const name of [mine, live, another]) writeFileSync(join(folder, name), 'half a model');

    const document = await ModelDocument.open(path, options);
    expect(listing(folder)).toEqual([another, live, 'plan.costplan'].sort());
    await document.close();
    expect(listing(folder)).toEqual([another, live, 'plan.costplan'].sort());
  });
});

describe('snapshots started together', () => {
  it('get their own names and are both complete, listed newest first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costplan-snap-race-'));
    const now = () => new Date('2027-01-01T00:00:00Z');
    const document = await ModelDocument.create(join(dir, 'm.costplan'), createExampleModel('en'), { dataDir: join(dir, 'data'), now });
    const [first, second] = await Promise.all([document.snapshot('manual'), document.snapshot('manual')]);
    expect(first.id).not.toBe(second.id);
    for (const info of [first, second]) expect(readModelFile(info.path).model).toEqual(document.model);
    expect(document.snapshots().map((s) => s.id)).toEqual([second.id, first.id]);
    await document.close();
  });
});
