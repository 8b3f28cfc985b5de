import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateModel } from '../../../../bench/generate';
import { createExampleModel } from '../../../../shared/model/example';
import { bundleWorker, runEditCrashLoop, runSnapshotCrashLoop, type WorkerBundle } from './harness';

/**
 * The crash tests must be able to fail: the worker plays a store that breaks its promises
 * (worker.ts, --fault) and the same checks must catch it within a few kills.
 */
const SEED = Number(process.env['CRASH_SEED'] ?? 20270101);

describe('crash tests catch a store that breaks its promises', () => {
  let bundle: WorkerBundle;
  beforeAll(async () => {
    bundle = await bundleWorker();
  });
  afterAll(() => bundle?.dispose()); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed

  it('an edit whose rows and log entry are committed separately: half an edit is seen', async () => {
    const stats = await runEditCrashLoop({ bundle, kills: 10, seed: SEED, model: createExampleModel('en'), fault: 'split-commit', earlyKillRate: 0 });
    rmSync(stats.dir, { recursive: true, force: true }); // Kept by the harness because of the failures.
    expect(stats.failures.some((failure) => failure.includes('holds neither the last acknowledged state nor the one after it'))).toBe(true);
  }, 120_000);

  it('an edit acknowledged before it is written: a lost acknowledged edit is seen', async () => {
    const stats = await runEditCrashLoop({ bundle, kills: 10, seed: SEED, model: createExampleModel('en'), fault: 'early-ack', earlyKillRate: 0 });
    rmSync(stats.dir, { recursive: true, force: true });
    expect(stats.failures.some((failure) => failure.includes('holds neither the last acknowledged state nor the one after it'))).toBe(true);
  }, 120_000);

  it('a snapshot written straight under its final name: a broken snapshot is seen', async () => {
    const model = generateModel({ leafLines: 3_000, scenarios: 3 });
    // 30 kills: on a loaded machine fewer snapshots are under way within the 60 ms window (10 kills once caught none).
    const stats = await runSnapshotCrashLoop({ bundle, kills: 30, seed: SEED, model, maxDelayMs: 60, fault: 'snapshot-in-place' });
    rmSync(stats.dir, { recursive: true, force: true });
    expect(stats.failures.some((failure) => /snapshot \S+\.costplan/.test(failure))).toBe(true);
  }, 120_000);
});
