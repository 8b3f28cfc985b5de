import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ModelDocument } from '../../../../main/store/document';
import type { Model } from '../../../../shared/model/schema';
import { describeStep, nextStep } from './generator';
import { createModels } from './models';
import { checkIntegrity, execStep, fingerprint, hashOf, readFileState, type Fingerprint, type SimState } from './oracle';
import { mulberry32, seedSequence, type Rng } from './random';

/**
 * The crash-test loops, shared by the vitest tests and `bench/soak.ts`: a child process
 * (worker.ts, bundled once with esbuild and run by plain node) edits or snapshots a model
 * file and is killed with SIGKILL at a random moment; then the file is checked.
 */

const HERE = dirname(fileURLToPath(import.meta.url));

/** A fresh scratch folder, on tmpfs (/dev/shm) where there is one: hundreds of kills go faster there. */
export function scratchRoot(): string {
  try {
    if (statSync('/dev/shm').isDirectory()) return mkdtempSync(join('/dev/shm', 'costplan-crash-'));
  } catch {
    // No /dev/shm (macOS, Windows) or not writable: the system's temporary folder.
  }
  return mkdtempSync(join(tmpdir(), 'costplan-crash-'));
}

export interface WorkerBundle {
  path: string;
  dispose(): void;
}

/** Bundles worker.ts into one ESM file for plain node; better-sqlite3 stays the project's own (native) copy. */
export async function bundleWorker(): Promise<WorkerBundle> {
  const dir = scratchRoot();
  const outfile = join(dir, 'worker.mjs');
  const sqlite = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
  await build({
    entryPoints: [join(HERE, 'worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'silent',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [
      {
        name: 'external-better-sqlite3',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true }));
        },
      },
    ],
  });
  return { path: outfile, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------
// Running one worker

export interface WorkerRun {
  /** Its stdout lines, after "ready". */
  lines: string[];
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** We sent the SIGKILL (the worker did not exit by itself first). */
  killed: boolean;
  timedOut: boolean;
  ms: number;
}

export interface KillPlan {
  /** Start the clock when the worker is told to go, or at its first line that starts with this word. */
  after: 'go' | 'open' | 'ack' | 'snap' | 'never';
  delayMs: number;
}

/** A worker spawned ahead, done loading, waiting on stdin to start: its start-up overlaps the previous kill's check. */
export interface PreparedWorker {
  go(kill: KillPlan, timeoutMs?: number): Promise<WorkerRun>;
  /** Kills a worker that is not needed after all. */
  cancel(): Promise<void>;
}

export function prepareWorker(bundle: WorkerBundle, args: readonly string[]): PreparedWorker {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const child = spawn(process.execPath, [bundle.path, ...args, '--wait'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let stdout = '';
  let stderr = '';
  let onStdout: ((chunk: string) => void) | undefined;
  let spawnError: Error | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.on('error', (error) => {
    spawnError = error;
    markReady();
  });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      markReady();
      resolve({ code, signal });
    });
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith('ready\n')) markReady();
    onStdout?.(chunk);
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin.on('error', () => undefined); // A worker that died early closes its stdin: the close tells the rest.
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    async go(kill, timeoutMs = 20_000) {
      // Timing starts once the worker has loaded, so that a kill plan means the same on a busy machine.
      await ready;
      const started = performance.now();
      let armed = false;
      let killed = false;
      let timedOut = false;
      const timers: NodeJS.Timeout[] = [];
      const sendKill = (): void => {
        if (alive()) killed = child.kill('SIGKILL') || killed;
      };
      const arm = (): void => {
        if (armed || kill.after === 'never') return;
        armed = true;
        timers.push(setTimeout(sendKill, kill.delayMs));
      };
      const trigger = new RegExp(`(^|\\n)${kill.after} `);
      onStdout = (chunk) => {
        if (!armed && kill.after !== 'go' && trigger.test(stdout.slice(-chunk.length - 16))) arm();
      };
      timers.push(
        setTimeout(() => {
          timedOut = true;
          sendKill();
        }, timeoutMs),
      );
      child.stdin.end('go\n');
      if (kill.after === 'go') arm();
      const { code, signal } = await closed;
      for (const timer of timers) clearTimeout(timer);
      if (spawnError) throw spawnError;
      const lines = stdout.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      if (lines[0] === 'ready') lines.shift();
      return { lines, stderr, code, signal, killed, timedOut, ms: performance.now() - started };
    },
    async cancel() {
      if (alive()) child.kill('SIGKILL');
      await closed;
    },
  };
}

export function runWorker(bundle: WorkerBundle, args: readonly string[], kill: KillPlan, timeoutMs = 20_000): Promise<WorkerRun> {
  return prepareWorker(bundle, args).go(kill, timeoutMs);
}

// ---------------------------------------------------------------------------------------------
// Edits

export interface EditCrashOptions {
  bundle: WorkerBundle;
  kills: number;
  seed: number;
  /** The kill comes 0..maxDelayMs after the worker's first acknowledged edit. Default 150. */
  maxDelayMs?: number;
  /** Share of kills timed from the go instead, 0..30 ms (they may hit the open). Default 0.1. */
  earlyKillRate?: number;
  /** Automatic snapshots every N ms while editing; default none. */
  snapshotMs?: number;
  /** The worker closes the document and opens it again every N steps (a close checkpoints and snapshots). */
  reopenEvery?: number;
  /** A deliberate fault in the worker (worker.ts), to check that the checks catch it. */
  fault?: 'split-commit' | 'early-ack';
  model: Model;
  /** Folder for the model file and the data folder; a fresh scratch folder by default. */
  dir?: string;
  progress?: (done: number, stats: EditCrashStats) => void;
}

/** Early kills come this soon after the go: in the open (WAL recovery) or the first edits. */
const EARLY_KILL_MS = 30;

/** Where the last line before the kill says the worker was. */
export const LANDINGS = ['opening', 'betweenSteps', 'beforeTransaction', 'inTransaction', 'inCommit', 'closing'] as const;
export type Landing = (typeof LANDINGS)[number];

export interface EditCrashStats {
  kills: number;
  /** Kills that came after at least one acknowledged edit of that worker. */
  killsAfterAck: number;
  ackedEdits: number;
  skippedSteps: number;
  landed: Record<Landing, number>;
  /** The file holds the step after the last acknowledged one (committed, killed before the ack). */
  committedNotAcked: number;
  /** Killed inside the write transaction, and the file holds the state before that step. */
  rolledBack: number;
  snapshotsChecked: number;
  /** *.partial files a kill left (removed by the next open). */
  partialLeftovers: number;
  /** Where the time went: worker runs (go to exit), the replay, checking the file, checking snapshots. */
  phaseMs: { worker: number; replay: number; checkFile: number; checkSnapshots: number };
  failures: string[];
  ms: number;
  /** The scratch folder: removed after a run without failures, kept to look into otherwise. */
  dir: string;
}

function landing(lines: readonly string[]): Landing {
  let opened = false;
  let last: string | undefined;
  for (const line of lines) {
    const word = line.split(' ', 1)[0];
    if (word === 'open') opened = true;
    last = word;
  }
  if (!opened) return 'opening';
  switch (last) {
    case 'try':
      return 'beforeTransaction';
    case 'txb':
      return 'inTransaction';
    case 'txw':
      return 'inCommit';
    case 'closing':
      return 'closing';
    default:
      return 'betweenSteps';
  }
}

export interface Replay {
  /** States the file may hold now: the last acknowledged one, then maybe the one right after. */
  candidates: SimState[];
  acks: number;
  skips: number;
  problems: string[];
}

/** Replays the worker's output against the pure model, checking each ack's hash on the way. */
export function replay(start: SimState, seed: number, lines: readonly string[], land: Landing): Replay {
  const rng: Rng = mulberry32(seed);
  const problems: string[] = [];
  let state = start;
  let acks = 0;
  let skips = 0;
  let inFlight: { step: number; after: SimState | undefined; description: string } | undefined;
  for (const line of lines) {
    const [word, a, b] = line.split(' ');
    if (word === 'open') {
      const expected = hashOf(state.model);
      if (a !== expected) problems.push(`the worker opened a model with hash ${a}, the file should hold ${expected}`);
    } else if (word === 'closing') {
      if (inFlight) problems.push(`"closing" while step ${inFlight.step} is in flight`);
    } else if (word === 'try') {
      const step = nextStep(rng, state.model);
      const result = execStep(state, step);
      inFlight = { step: Number(a), after: result.committed ? result.state : undefined, description: describeStep(step) };
    } else if (word === 'ack' || word === 'skip') {
      if (!inFlight || inFlight.step !== Number(a)) {
        problems.push(`unexpected line "${line}"`);
        break;
      }
      if (word === 'ack') {
        if (!inFlight.after) {
          problems.push(`step ${a} was acknowledged by the worker but the pure replay refuses it: ${inFlight.description}`);
          break;
        }
        const hash = hashOf(inFlight.after.model);
        if (hash !== b) {
          problems.push(`step ${a}: the worker's model hash ${b} differs from the replay's ${hash} after ${inFlight.description}`);
          break;
        }
        state = inFlight.after;
        acks++;
      } else {
        if (inFlight.after) {
          problems.push(`step ${a} was refused by the worker but the pure replay commits it: ${inFlight.description}`);
          break;
        }
        skips++;
      }
      inFlight = undefined;
    } else if (word === 'txb' || word === 'txw') {
      if (!inFlight?.after) problems.push(`a write transaction for step ${inFlight?.step ?? '?'}, which the replay refuses`);
    } else if (word === 'done') {
      if (inFlight) problems.push(`"done" while step ${inFlight.step} is in flight`);
    } else if (word !== undefined && word !== '') {
      problems.push(`unexpected line "${line}"`);
    }
  }
  const candidates = [state];
  // Only a kill after the transaction body (COMMIT running or done) may leave the next step in the file.
  if (inFlight?.after && land === 'inCommit') candidates.push(inFlight.after);
  return { candidates, acks, skips, problems };
}

export interface SnapshotFolderCheck {
  /** Snapshot files opened and checked (new ones, or ones whose size or time changed). */
  checked: number;
  /** *.partial files: a backup in progress when the process died. */
  partial: number;
  /** SQLite's side files of a *.partial (-journal, -wal, -shm). */
  partialSideFiles: number;
  /** Names that are none of these nor a snapshot's own -wal/-shm. */
  stray: string[];
  problems: string[];
}

/**
 * Every file under a snapshot's final name opens read-only, passes integrity_check and
 * foreign_key_check and holds a valid model (`expectedModel` when given). A snapshot is never
 * written after its rename, so one already checked with the same size and time is not reopened.
 */
export function checkSnapshotFolder(dataDir: string, verified: Map<string, string>, expectedModel?: Model): SnapshotFolderCheck {
  const result: SnapshotFolderCheck = { checked: 0, partial: 0, partialSideFiles: 0, stray: [], problems: [] };
  const root = join(dataDir, 'snapshots');
  if (!existsSync(root)) return result;
  const expected = expectedModel ? hashOf(expectedModel) : undefined;
  for (const folder of readdirSync(root)) {
    for (const name of readdirSync(join(root, folder))) {
      if (/\.partial$/.test(name)) result.partial++;
      else if (/\.partial-(journal|wal|shm)$/.test(name)) result.partialSideFiles++;
      else if (!/\.costplan(-wal|-shm)?$/.test(name)) result.stray.push(name);
      if (!name.endsWith('.costplan')) continue;
      const path = join(root, folder, name);
      const stat = statSync(path);
      const signature = `${stat.size}:${stat.mtimeMs}`;
      if (verified.get(path) === signature) continue;
      result.checked++;
      let db: Database.Database | undefined;
      try {
        db = openForCheck(path);
        const integrity = checkIntegrity(db);
        if (integrity.length > 0) {
          result.problems.push(`snapshot ${name}: ${integrity.join('; ')}`);
          continue;
        }
        const file = readFileState(db, { validate: expected === undefined });
        result.problems.push(...file.problems.map((problem) => `snapshot ${name}: ${problem}`));
        if (expected && file.fingerprint.model !== expected)
          result.problems.push(`snapshot ${name} holds model ${file.fingerprint.model}, not the document's ${expected}`);
        if (file.problems.length === 0 && (!expected || file.fingerprint.model === expected)) verified.set(path, signature);
      } catch (error) {
        result.problems.push(`snapshot ${name} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        closeChecked(db);
      }
    }
  }
  return result;
}

/** Copies of files that needed WAL recovery, removed when their connection closes. */
const recoveredCopies = new Map<Database.Database, string>();

/**
 * Opens a file read-only, so the check neither checkpoints nor removes the WAL the next worker
 * recovers. A kill can leave a WAL index that must be rebuilt, which a read-only connection may
 * refuse ("attempt to write a readonly database"); then the file and its WAL are copied and the
 * copy is recovered, so the original stays exactly as the killed process left it.
 */
function openForCheck(path: string): Database.Database {
  try {
    return new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    if (!(error instanceof Error) || !/readonly/iu.test(error.message)) throw error;
    const dir = mkdtempSync(join(tmpdir(), 'crash-check-'));
    const copy = join(dir, 'model.costplan');
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    const db = new Database(copy, { fileMustExist: true });
    recoveredCopies.set(db, dir);
    return db;
  }
}

function closeChecked(db: Database.Database | undefined): void {
  if (db === undefined) return;
  db.close();
  const dir = recoveredCopies.get(db);
  if (dir !== undefined) {
    recoveredCopies.delete(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens the file read-only (no checkpoint, the WAL stays for the next worker to recover) and compares it. */
export function checkFile(path: string, candidates: readonly SimState[]): { matched: number; file?: SimState; problems: string[] } {
  let db: Database.Database | undefined;
  try {
    db = openForCheck(path);
    const integrity = checkIntegrity(db);
    if (integrity.length > 0) return { matched: -1, problems: integrity };
    const file = readFileState(db);
    const prints: Fingerprint[] = candidates.map(fingerprint);
    const matched = prints.findIndex((p) => p.model === file.fingerprint.model && p.log === file.fingerprint.log);
    const problems = [...file.problems];
    if (matched < 0) {
      const detail = prints
        .map(
          (p, i) =>
            `candidate ${i}: model ${p.model === file.fingerprint.model ? 'equal' : 'differs'}, log ${p.log === file.fingerprint.log ? 'equal' : 'differs'}`,
        )
        .join('; ');
      problems.push(
        `the file holds neither the last acknowledged state nor the one after it (${detail}; file log ids ${describeLog(file.state)}, expected ${describeLog(candidates[0]!)})`,
      );
    }
    return { matched, file: file.state, problems };
  } catch (error) {
    return { matched: -1, problems: [`cannot read the file: ${error instanceof Error ? error.message : String(error)}`] };
  } finally {
    closeChecked(db);
  }
}

function describeLog(state: SimState): string {
  const ids = state.log.map((e) => `${e.id}${e.undone ? 'u' : ''}`);
  return `[${ids.length > 6 ? `${ids.slice(0, 2).join(',')},...,${ids.slice(-4).join(',')}` : ids.join(',')}] seq ${state.seq}`;
}

export async function runEditCrashLoop(options: EditCrashOptions): Promise<EditCrashStats> {
  const started = performance.now();
  const dir = options.dir ?? scratchRoot();
  const file = join(dir, 'crash.costplan');
  const dataDir = join(dir, 'data');
  const maxDelay = options.maxDelayMs ?? 150;
  const earlyRate = options.earlyKillRate ?? 0.1;
  const stats: EditCrashStats = {
    kills: 0,
    killsAfterAck: 0,
    ackedEdits: 0,
    skippedSteps: 0,
    landed: { opening: 0, betweenSteps: 0, beforeTransaction: 0, inTransaction: 0, inCommit: 0, closing: 0 },
    committedNotAcked: 0,
    rolledBack: 0,
    snapshotsChecked: 0,
    partialLeftovers: 0,
    phaseMs: { worker: 0, replay: 0, checkFile: 0, checkSnapshots: 0 },
    failures: [],
    ms: 0,
    dir,
  };
  const created = await ModelDocument.create(file, options.model, { dataDir });
  let state: SimState = { model: created.model, log: [], seq: 0 };
  await created.close();

  const nextSeed = seedSequence(options.seed);
  const seeds = Array.from({ length: options.kills }, () => nextSeed());
  const timing = mulberry32(options.seed ^ 0x5eed);
  const verified = new Map<string, string>();
  const argsFor = (seed: number): string[] => [
    'edits',
    file,
    dataDir,
    String(seed),
    ...(options.snapshotMs === undefined ? [] : ['--snapshot-ms', String(options.snapshotMs)]),
    ...(options.reopenEvery === undefined ? [] : ['--reopen-every', String(options.reopenEvery)]),
    ...(options.fault === undefined ? [] : ['--fault', options.fault]),
  ];
  let prepared: PreparedWorker | undefined = options.kills > 0 ? prepareWorker(options.bundle, argsFor(seeds[0]!)) : undefined;
  try {
    for (let kill = 1; kill <= options.kills && prepared; kill++) {
      const seed = seeds[kill - 1]!;
      const early = timing.chance(earlyRate);
      const plan: KillPlan = early ? { after: 'go', delayMs: timing.int(0, EARLY_KILL_MS) } : { after: 'ack', delayMs: timing.int(0, maxDelay) };
      const running = prepared.go(plan);
      // The next worker loads while this one edits and the file is checked.
      prepared = kill < options.kills ? prepareWorker(options.bundle, argsFor(seeds[kill]!)) : undefined;
      const run = await running;
      stats.phaseMs.worker += run.ms;
      let phaseStart = performance.now();
      const where = `kill ${kill} (seed ${options.seed}, worker seed ${seed}, ${plan.after}+${plan.delayMs} ms)`;
      const fail = (message: string): void => {
        stats.failures.push(`${where}: ${message}`);
      };
      if (!run.killed) {
        fail(`the worker ended by itself (code ${run.code}, signal ${run.signal}${run.timedOut ? ', timed out' : ''}): ${run.stderr.trim().slice(0, 2000)}`);
      }
      stats.kills++;
      const land = landing(run.lines);
      stats.landed[land]++;
      const replayed = replay(state, seed, run.lines, land);
      stats.ackedEdits += replayed.acks;
      stats.skippedSteps += replayed.skips;
      if (replayed.acks > 0) stats.killsAfterAck++;
      for (const problem of replayed.problems) fail(problem);
      stats.phaseMs.replay += performance.now() - phaseStart;
      phaseStart = performance.now();

      const checked = checkFile(file, replayed.candidates);
      for (const problem of checked.problems) fail(problem);
      if (checked.matched === 1) stats.committedNotAcked++;
      if (checked.matched === 0 && (land === 'inTransaction' || land === 'inCommit')) stats.rolledBack++;
      if (checked.matched >= 0) state = replayed.candidates[checked.matched]!;
      else if (checked.file) state = checked.file; // Carry on from what the file holds, so one failure is reported once.
      stats.phaseMs.checkFile += performance.now() - phaseStart;
      phaseStart = performance.now();

      // Snapshots (automatic ones, and the one each close takes) are intact too.
      const snapshots = checkSnapshotFolder(dataDir, verified);
      stats.snapshotsChecked += snapshots.checked;
      stats.partialLeftovers += snapshots.partial;
      for (const problem of snapshots.problems) fail(problem);
      for (const name of snapshots.stray) fail(`a stray file in the snapshot folder: ${name}`);
      stats.phaseMs.checkSnapshots += performance.now() - phaseStart;
      options.progress?.(kill, stats);
      if (stats.failures.length > 50) break;
    }
  } finally {
    await prepared?.cancel();
  }

  // Finally the store's own open: recovery, integrity, the same model; a clean close.
  try {
    const document = await ModelDocument.open(file, { dataDir });
    try {
      if (document.readOnly) stats.failures.push(`final open: read-only (${document.readOnly.message})`);
      const integrity = document.integrity();
      if (integrity.quickCheck !== 'ok' || integrity.foreignKeyProblems > 0) stats.failures.push(`final open: ${JSON.stringify(integrity)}`);
      if (hashOf(document.model) !== hashOf(state.model)) stats.failures.push('final open: the model differs from the last checked state');
    } finally {
      await document.close();
    }
  } catch (error) {
    stats.failures.push(`final open failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  stats.ms = performance.now() - started;
  if (options.dir === undefined && stats.failures.length === 0) rmSync(dir, { recursive: true, force: true });
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Snapshots

export interface SnapshotCrashOptions {
  bundle: WorkerBundle;
  kills: number;
  seed: number;
  model: Model;
  /** The kill comes 0..maxDelayMs after the file is open. */
  maxDelayMs: number;
  /** A deliberate fault in the worker (worker.ts), to check that the checks catch it. */
  fault?: 'snapshot-in-place';
  dir?: string;
}

export interface SnapshotCrashStats {
  kills: number;
  /** Kills after at least one complete snapshot of that worker. */
  killsAfterSnapshot: number;
  snapshotsTaken: number;
  snapshotsChecked: number;
  /** Kills that left a *.partial file (a backup in progress). */
  killsLeavingPartial: number;
  /** Kills that left SQLite side files of a *.partial (-journal, -wal, -shm). */
  killsLeavingSideFiles: number;
  /** Other names found in the snapshot folder (not a snapshot, its -wal/-shm, a *.partial or its side files). */
  strayNames: string[];
  /** -wal/-shm files beside no snapshot at the end (left by read-only opens of snapshots since pruned). */
  orphanSideFiles: number;
  /** Where the time went: the worker runs (go to exit), checking the folder, the store's open and close. */
  phaseMs: { worker: number; check: number; reopen: number };
  failures: string[];
  ms: number;
  dir: string;
}

export async function runSnapshotCrashLoop(options: SnapshotCrashOptions): Promise<SnapshotCrashStats> {
  const started = performance.now();
  const dir = options.dir ?? scratchRoot();
  const file = join(dir, 'large.costplan');
  const dataDir = join(dir, 'data');
  const stats: SnapshotCrashStats = {
    kills: 0,
    killsAfterSnapshot: 0,
    snapshotsTaken: 0,
    snapshotsChecked: 0,
    killsLeavingPartial: 0,
    killsLeavingSideFiles: 0,
    strayNames: [],
    orphanSideFiles: 0,
    phaseMs: { worker: 0, check: 0, reopen: 0 },
    failures: [],
    ms: 0,
    dir,
  };
  const created = await ModelDocument.create(file, options.model, { dataDir });
  const folder = created.snapshotFolder.dir;
  const model = created.model;
  await created.close();
  const timing = mulberry32(options.seed);
  const verified = new Map<string, string>();
  const args = ['snapshots', file, dataDir, ...(options.fault === undefined ? [] : ['--fault', options.fault])];
  let prepared: PreparedWorker | undefined = options.kills > 0 ? prepareWorker(options.bundle, args) : undefined;
  try {
    for (let kill = 1; kill <= options.kills && prepared; kill++) {
      const plan: KillPlan = { after: 'open', delayMs: timing.int(0, options.maxDelayMs) };
      const running = prepared.go(plan);
      prepared = kill < options.kills ? prepareWorker(options.bundle, args) : undefined;
      const run = await running;
      stats.phaseMs.worker += run.ms;
      let phaseStart = performance.now();
      const fail = (message: string): void => {
        stats.failures.push(`kill ${kill} (open+${plan.delayMs} ms): ${message}`);
      };
      if (!run.killed) fail(`the worker ended by itself (code ${run.code}, signal ${run.signal}): ${run.stderr.trim().slice(0, 2000)}`);
      stats.kills++;
      const taken = run.lines.filter((line) => line.startsWith('snap '));
      stats.snapshotsTaken += taken.length;
      if (taken.length > 0) stats.killsAfterSnapshot++;
      const names = existsSync(folder) ? readdirSync(folder) : [];
      // The newest acknowledged snapshot must be there (retention keeps the latest ten).
      const last = taken[taken.length - 1]?.split(' ')[2];
      if (last && !names.includes(`${last}.costplan`)) fail(`acknowledged snapshot ${last} is missing`);

      const checked = checkSnapshotFolder(dataDir, verified, model);
      stats.snapshotsChecked += checked.checked;
      if (checked.partial > 0) stats.killsLeavingPartial++;
      if (checked.partialSideFiles > 0) stats.killsLeavingSideFiles++;
      for (const problem of checked.problems) fail(problem);
      for (const name of checked.stray) if (!stats.strayNames.includes(name)) stats.strayNames.push(name);
      stats.phaseMs.check += performance.now() - phaseStart;
      phaseStart = performance.now();

      // The next open removes what the kill left behind.
      try {
        const document = await ModelDocument.open(file, { dataDir });
        try {
          if (document.readOnly) fail(`the model file opens read-only: ${document.readOnly.message}`);
          if (hashOf(document.model) !== hashOf(model)) fail('the model file changed');
        } finally {
          await document.close();
        }
      } catch (error) {
        fail(`open after the kill failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const left = existsSync(folder) ? readdirSync(folder).filter((name) => name.includes('.partial')) : [];
      if (left.length > 0) fail(`ModelDocument.open left ${left.join(', ')}`);
      stats.phaseMs.reopen += performance.now() - phaseStart;
      if (stats.failures.length > 50) break;
    }
  } finally {
    await prepared?.cancel();
  }
  const names = existsSync(folder) ? readdirSync(folder) : [];
  stats.orphanSideFiles = names.filter((name) => /-(wal|shm)$/.test(name) && !names.includes(name.slice(0, -4))).length;
  stats.ms = performance.now() - started;
  if (options.dir === undefined && stats.failures.length === 0) rmSync(dir, { recursive: true, force: true });
  return stats;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatEditStats(stats: EditCrashStats): string {
  const landed = LANDINGS.map((key) => `${key} ${stats.landed[key]}`).join(', ');
  return [
    `kills: ${stats.kills} (${stats.killsAfterAck} after >= 1 acknowledged edit)`,
    `acknowledged edits: ${stats.ackedEdits}, refused steps: ${stats.skippedSteps}`,
    `where the kills landed: ${landed}`,
    `killed inside a write transaction: ${stats.landed.inTransaction + stats.landed.inCommit} (rolled back ${stats.rolledBack}, committed but not acknowledged ${stats.committedNotAcked})`,
    `snapshot files checked: ${stats.snapshotsChecked}, *.partial leftovers seen: ${stats.partialLeftovers}`,
    `failures: ${stats.failures.length}`,
    `time: ${(stats.ms / 1000).toFixed(1)} s, ${(stats.ms / Math.max(1, stats.kills)).toFixed(0)} ms a kill (worker runs ${seconds(stats.phaseMs.worker)}, ` +
      `replay ${seconds(stats.phaseMs.replay)}, file checks ${seconds(stats.phaseMs.checkFile)}, snapshot checks ${seconds(stats.phaseMs.checkSnapshots)})`,
  ].join('\n');
}

export function formatSnapshotStats(stats: SnapshotCrashStats): string {
  return [
    `kills: ${stats.kills} (${stats.killsAfterSnapshot} after >= 1 complete snapshot), snapshots taken: ${stats.snapshotsTaken}`,
    `snapshot files checked: ${stats.snapshotsChecked}, kills that left a *.partial: ${stats.killsLeavingPartial}, left -journal/-wal/-shm of one: ${stats.killsLeavingSideFiles}`,
    `stray names: ${stats.strayNames.length > 0 ? stats.strayNames.join(', ') : 'none'}; orphan -wal/-shm at the end: ${stats.orphanSideFiles}`,
    `failures: ${stats.failures.length}`,
    `time: ${(stats.ms / 1000).toFixed(1)} s (worker runs ${(stats.phaseMs.worker / 1000).toFixed(1)} s, folder checks ${(stats.phaseMs.check / 1000).toFixed(1)} s, reopening ${(stats.phaseMs.reopen / 1000).toFixed(1)} s)`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Creating a file over an existing one

export interface CreateCrashOptions {
  bundle: WorkerBundle;
  kills: number;
  seed: number;
  leafLines: number;
  /** The kill comes 0..maxDelayMs after the go. */
  maxDelayMs: number;
  dir?: string;
}

export interface CreateCrashStats {
  kills: number;
  createsAcked: number;
  /** The file held the model of the create in flight (renamed into place, killed before the ack). */
  inFlightLanded: number;
  /** Kills that left the temporary copy (.~NAME.PID.tmp, or its -journal/-wal/-shm) beside the file. */
  killsLeavingTemporary: number;
  failures: string[];
  ms: number;
  dir: string;
}

/**
 * A worker writes new model files over one name (ModelDocument.create with overwrite) and is
 * killed: the name must always hold a complete, intact model (the last acknowledged one or the
 * one in flight), and the next open must remove every temporary file the kill left.
 */
export async function runCreateCrashLoop(options: CreateCrashOptions): Promise<CreateCrashStats> {
  const started = performance.now();
  const dir = options.dir ?? scratchRoot();
  const file = join(dir, 'created.costplan');
  const dataDir = join(dir, 'data');
  const stats: CreateCrashStats = { kills: 0, createsAcked: 0, inFlightLanded: 0, killsLeavingTemporary: 0, failures: [], ms: 0, dir };
  const models = createModels(options.leafLines);
  const hashes = models.map((model) => hashOf(model));
  // The file starts with "create 0".
  await (await ModelDocument.create(file, models[0]!, { dataDir })).close();
  let holds = 0;
  const timing = mulberry32(options.seed);
  const args = ['create', file, dataDir, '--leaf-lines', String(options.leafLines)];
  let prepared: PreparedWorker | undefined = options.kills > 0 ? prepareWorker(options.bundle, args) : undefined;
  try {
    for (let kill = 1; kill <= options.kills && prepared; kill++) {
      const plan: KillPlan = { after: 'go', delayMs: timing.int(0, options.maxDelayMs) };
      const running = prepared.go(plan);
      prepared = kill < options.kills ? prepareWorker(options.bundle, args) : undefined;
      const run = await running;
      const fail = (message: string): void => {
        stats.failures.push(`kill ${kill} (go+${plan.delayMs} ms): ${message}`);
      };
      if (!run.killed) fail(`the worker ended by itself (code ${run.code}, signal ${run.signal}): ${run.stderr.trim().slice(0, 2000)}`);
      stats.kills++;
      // The worker counts its creates from 1 each run; the file's rotation goes on from what it holds.
      const acked = run.lines.filter((line) => line.startsWith('created '));
      stats.createsAcked += acked.length;
      for (const [i, line] of acked.entries()) {
        const expected = hashes[(i + 1) % hashes.length];
        if (line.split(' ')[2] !== expected) fail(`"${line}": expected model hash ${expected}`);
      }
      // After the worker's k acknowledged creates the file holds model k % 3 (model 0 before any),
      // or the next one (renamed into place before the kill, not yet acknowledged).
      const last = acked.length % hashes.length;
      const next = (acked.length + 1) % hashes.length;
      if (readdirSync(dir).some((name) => name.startsWith('.~'))) stats.killsLeavingTemporary++;
      let db: Database.Database | undefined;
      try {
        db = openForCheck(file);
        for (const problem of checkIntegrity(db)) fail(problem);
        const found = hashes.indexOf(readFileState(db, { validate: false }).fingerprint.model);
        if (found === next) stats.inFlightLanded++;
        else if (found !== last) fail(`the file holds model ${found} (of 0..2); expected ${last} or ${next}`);
        holds = found;
      } catch (error) {
        fail(`cannot read the file: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        closeChecked(db);
      }
      try {
        const document = await ModelDocument.open(file, { dataDir });
        try {
          if (document.readOnly) fail(`opens read-only: ${document.readOnly.message}`);
        } finally {
          await document.close();
        }
      } catch (error) {
        fail(`open after the kill failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const left = readdirSync(dir).filter((name) => name.startsWith('.~'));
      if (left.length > 0) fail(`ModelDocument.open left ${left.join(', ')}`);
      // Each worker starts its rotation at model 1: put model 0 back when the file holds another.
      if (holds !== 0) await (await ModelDocument.create(file, models[0]!, { dataDir, overwrite: true })).close();
      if (stats.failures.length > 50) break;
    }
  } finally {
    await prepared?.cancel();
  }
  stats.ms = performance.now() - started;
  if (options.dir === undefined && stats.failures.length === 0) rmSync(dir, { recursive: true, force: true });
  return stats;
}

export function formatCreateStats(stats: CreateCrashStats): string {
  return [
    `kills: ${stats.kills}, creates acknowledged: ${stats.createsAcked}, kills after the rename but before the ack: ${stats.inFlightLanded}`,
    `kills that left a temporary copy beside the file: ${stats.killsLeavingTemporary}`,
    `failures: ${stats.failures.length}`,
    `time: ${(stats.ms / 1000).toFixed(1)} s`,
  ].join('\n');
}
