import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelDocument } from '../../../../main/store/document';
import { createExampleModel } from '../../../../shared/model/example';
import { bundleWorker, checkFile, formatEditStats, replay, runEditCrashLoop, runWorker, scratchRoot, type WorkerBundle } from './harness';
import { initialState } from './oracle';

/**
 * Crash test of the model store: a child process applies seeded random edits (and undo/redo)
 * to one model file and is killed with SIGKILL at a random moment, 200 times in a row on the
 * same file. After each kill the file must pass integrity_check and foreign_key_check and hold
 * exactly the last acknowledged state (model and undo log) or, when the kill came after the
 * transaction body, the state right after it: never a lost acknowledged edit, never half an edit.
 * Every snapshot the worker took (on close, automatic) must be intact as well.
 * CRASH_SEED=<n> replays another sequence; `npm run soak` runs 1,000 kills.
 */
const SEED = Number(process.env['CRASH_SEED'] ?? 20270101);

describe('crash: SIGKILL while a worker edits a model file', () => {
  let bundle: WorkerBundle;
  beforeAll(async () => {
    bundle = await bundleWorker();
  });
  afterAll(() => bundle?.dispose()); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed

  it('without a kill, the worker and the in-process replay walk the same 2,000 steps', async () => {
    const dir = scratchRoot();
    try {
      const file = join(dir, 'steps.costplan');
      const dataDir = join(dir, 'data');
      const created = await ModelDocument.create(file, createExampleModel('en'), { dataDir });
      const start = initialState(created.model);
      await created.close();
      const run = await runWorker(bundle, ['edits', file, dataDir, String(SEED), '--steps', '2000'], { after: 'never', delayMs: 0 }, 60_000);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.lines[run.lines.length - 1]).toBe('done');
      const replayed = replay(start, SEED, run.lines, 'betweenSteps');
      expect(replayed.problems).toEqual([]);
      expect(replayed.acks + replayed.skips).toBe(2000);
      // Every kind of step is exercised, and a few are refused.
      expect(replayed.acks).toBeGreaterThan(1500);
      expect(replayed.skips).toBeGreaterThan(20);
      expect(replayed.candidates).toHaveLength(1);
      const checked = checkFile(file, replayed.candidates);
      expect(checked.problems).toEqual([]);
      expect(checked.matched).toBe(0);
      // A clean close leaves one self-contained file.
      expect(existsSync(`${file}-wal`)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('200 kills: each file is intact and holds every acknowledged edit and no half edit', async () => {
    // The worker also closes and reopens the document every 40 steps (a close checkpoints the WAL and snapshots).
    const stats = await runEditCrashLoop({ bundle, kills: 200, seed: SEED, model: createExampleModel('en'), reopenEvery: 40 });
    console.log(`crash test, seed ${SEED}:\n${formatEditStats(stats)}`);
    expect(stats.failures).toEqual([]);
    expect(stats.kills).toBe(200);
    expect(stats.killsAfterAck).toBeGreaterThanOrEqual(150);
    expect(stats.ackedEdits).toBeGreaterThan(2_000);
    expect(stats.landed.inTransaction + stats.landed.inCommit).toBeGreaterThan(0);
  }, 300_000);

  it('30 kills while automatic snapshots run between the edits: the file and every snapshot stay intact', async () => {
    const stats = await runEditCrashLoop({ bundle, kills: 30, seed: SEED + 1, model: createExampleModel('en'), snapshotMs: 5, reopenEvery: 25 });
    console.log(`crash test with automatic snapshots, seed ${SEED + 1}:\n${formatEditStats(stats)}`);
    expect(stats.failures).toEqual([]);
    expect(stats.snapshotsChecked).toBeGreaterThan(0);
  }, 180_000);
});
