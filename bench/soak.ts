import { generateModel } from './generate';
import { createExampleModel } from '../shared/model/example';
import {
  bundleWorker,
  formatCreateStats,
  formatEditStats,
  formatSnapshotStats,
  runCreateCrashLoop,
  runEditCrashLoop,
  runSnapshotCrashLoop,
  type CreateCrashStats,
  type EditCrashStats,
  type SnapshotCrashStats,
} from '../test/main/store/crash/harness';

/**
 * `npm run soak`: the store's crash test at length. A child process applies seeded random
 * edits to one model file and is killed with SIGKILL at random moments (1,000 times by
 * default); after each kill the file must be intact and hold every acknowledged edit and no
 * half edit (test/main/store/crash/). Prints the counts; exits 1 on any failure.
 *
 *   npm run soak -- [--kills 1000] [--seed N] [--reopen-every 40] [--auto-snapshot-ms N]
 *                   [--snapshot-kills N] [--create-kills N]
 *
 * --reopen-every: the worker closes and reopens the document every N steps, as the test does
 * (0: never); --auto-snapshot-ms: automatic snapshots between the edits; --snapshot-kills and
 * --create-kills add that many kills of a worker taking snapshots of a 3,400-node model, or
 * writing new model files over one name.
 */
interface SoakOptions {
  kills: number;
  seed: number;
  reopenEvery: number;
  autoSnapshotMs: number | undefined;
  snapshotKills: number;
  createKills: number;
}

function parseArgs(argv: readonly string[]): SoakOptions {
  const options: SoakOptions = {
    kills: 1000,
    seed: (Date.now() % 0x7fffffff) >>> 0,
    reopenEvery: 40,
    autoSnapshotMs: undefined,
    snapshotKills: 0,
    createKills: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = Number(argv[i + 1]);
    const needNumber = (): number => {
      if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a whole number, got ${argv[i + 1] ?? 'nothing'}`);
      i++;
      return value;
    };
    if (name === '--kills') options.kills = needNumber();
    else if (name === '--seed') options.seed = needNumber();
    else if (name === '--reopen-every') options.reopenEvery = needNumber();
    else if (name === '--auto-snapshot-ms') options.autoSnapshotMs = needNumber();
    else if (name === '--snapshot-kills') options.snapshotKills = needNumber();
    else if (name === '--create-kills') options.createKills = needNumber();
    else throw new Error(`unknown option ${name}; use --kills, --seed, --reopen-every, --auto-snapshot-ms, --snapshot-kills, --create-kills`);
  }
  return options;
}

function printFailures(failures: readonly string[]): void {
  for (const failure of failures.slice(0, 20)) console.log(`  FAILED ${failure}`);
  if (failures.length > 20) console.log(`  ... and ${failures.length - 20} more`);
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  console.log(
    `Service Cost Planner soak: ${options.kills} kills of an editing worker, seed ${options.seed}` +
      (options.reopenEvery > 0 ? `, reopening every ${options.reopenEvery} steps` : '') +
      (options.autoSnapshotMs === undefined ? '' : `, automatic snapshots every ${options.autoSnapshotMs} ms`) +
      (options.snapshotKills > 0 ? `; ${options.snapshotKills} kills of a snapshotting worker` : '') +
      `${options.createKills > 0 ? `; ${options.createKills} kills of a creating worker` : ''} (Node ${process.version})`,
  );
  const bundle = await bundleWorker();
  let edits: EditCrashStats | undefined;
  let snapshots: SnapshotCrashStats | undefined;
  let creates: CreateCrashStats | undefined;
  try {
    if (options.kills > 0) {
      edits = await runEditCrashLoop({
        bundle,
        kills: options.kills,
        seed: options.seed,
        model: createExampleModel('en'),
        ...(options.autoSnapshotMs === undefined ? {} : { snapshotMs: options.autoSnapshotMs }),
        ...(options.reopenEvery > 0 ? { reopenEvery: options.reopenEvery } : {}),
        progress: (done, stats) => {
          if (done % 100 === 0 || stats.failures.length > 0) {
            process.stderr.write(`  ${done}/${options.kills} kills, ${stats.ackedEdits} acknowledged edits, ${stats.failures.length} failures\n`);
          }
        },
      });
      console.log(`\nedits (file and data folder in ${edits.dir}${edits.failures.length === 0 ? ', removed' : ', kept'}):`);
      console.log(formatEditStats(edits));
      printFailures(edits.failures);
    }
    if (options.snapshotKills > 0) {
      snapshots = await runSnapshotCrashLoop({
        bundle,
        kills: options.snapshotKills,
        seed: options.seed,
        model: generateModel({ leafLines: 3_000, scenarios: 3 }),
        maxDelayMs: 60,
      });
      console.log(`\nsnapshots (in ${snapshots.dir}${snapshots.failures.length === 0 ? ', removed' : ', kept'}):`);
      console.log(formatSnapshotStats(snapshots));
      printFailures(snapshots.failures);
    }
    if (options.createKills > 0) {
      creates = await runCreateCrashLoop({ bundle, kills: options.createKills, seed: options.seed, leafLines: 1_000, maxDelayMs: 400 });
      console.log(`\ncreating files (in ${creates.dir}${creates.failures.length === 0 ? ', removed' : ', kept'}):`);
      console.log(formatCreateStats(creates));
      printFailures(creates.failures);
    }
  } finally {
    bundle.dispose();
  }
  const failures = (edits?.failures.length ?? 0) + (snapshots?.failures.length ?? 0) + (creates?.failures.length ?? 0);
  console.log(failures === 0 ? '\nno failures' : `\n${failures} FAILURES (replay with --seed ${options.seed})`);
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);
