import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWorker, formatCreateStats, runCreateCrashLoop, type WorkerBundle } from './harness';

/**
 * Crash test of writing a new model file over an existing name (ModelDocument.create with
 * overwrite: "New", "Save as" over a file): a worker does it in a loop with three models in
 * turn and is killed with SIGKILL at random moments, 20 times. The name must always hold an
 * intact model, the last acknowledged one or the one in flight; the temporary copy a kill
 * leaves beside it (.~NAME.PID.tmp and its -journal) is removed by the next ModelDocument.open.
 */
const SEED = Number(process.env['CRASH_SEED'] ?? 20270101);

describe('crash: SIGKILL while a worker writes new model files over one name', () => {
  let bundle: WorkerBundle;
  beforeAll(async () => {
    bundle = await bundleWorker();
  });
  afterAll(() => bundle?.dispose()); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed

  it('20 kills: the name always holds a complete model; the next open removes the temporary copy', async () => {
    const stats = await runCreateCrashLoop({ bundle, kills: 20, seed: SEED, leafLines: 1_000, maxDelayMs: 400 });
    console.log(`create crash test, seed ${SEED}:\n${formatCreateStats(stats)}`);
    expect(stats.failures).toEqual([]);
    expect(stats.kills).toBe(20);
    expect(stats.createsAcked).toBeGreaterThan(0);
  }, 120_000);
});
