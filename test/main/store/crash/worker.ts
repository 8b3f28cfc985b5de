/**
 * The crash-test child process, bundled with esbuild and run by plain node:
 *
 *   node worker.mjs edits FILE DATA_DIR SEED [--steps N] [--snapshot-ms N] [--reopen-every N] [--fault F] [--wait]
 *   node worker.mjs snapshots FILE DATA_DIR [--count N] [--fault F] [--wait]
 *   node worker.mjs create FILE DATA_DIR [--leaf-lines N] [--count N] [--wait]
 *
 * `edits` applies the seeded random steps of generator.ts until it is killed (or N steps).
 * `snapshots` takes manual snapshots in a loop. `create` writes a new model file over FILE
 * (ModelDocument.create with overwrite, then close) in a loop, three models in turn. With
 * --wait it loads, says "ready" and waits for a line on stdin before it touches the file (the
 * test spawns the next worker while it checks what the previous one left). Progress goes to
 * stdout, one line each, written synchronously so every line printed before a SIGKILL
 * reaches the parent:
 *
 *   ready              (--wait) loaded, waiting for the go
 *   open HASH          the file is open; HASH is its model's (`create`: just "open")
 *   closing            the document is being closed (--reopen-every), to be opened again
 *   try STEP           step STEP starts
 *   txb / txw          inside the store's write transaction: after BEGIN / before COMMIT
 *   ack STEP HASH      step STEP is committed; HASH is the model after it
 *   skip STEP          step STEP was refused (invalid edit, nothing to undo): nothing written
 *   snap N ID          snapshot N is complete under its final name
 *   created N HASH     create N is complete (and open); HASH is its model's
 *   done               finished (with --steps / --count), file closed
 */
import Database from 'better-sqlite3';
import { copyFileSync, writeSync } from 'node:fs';
import { ModelDocument } from '../../../../main/store/document';
import { StoreError } from '../../../../main/store/errors';
import { applyEdit } from '../../../../shared/edits/apply';
import type { Model } from '../../../../shared/model/schema';
import { nextStep, type Step } from './generator';
import { createModels } from './models';
import { hashOf } from './oracle';
import { mulberry32 } from './random';

function emit(line: string): void {
  const buffer = Buffer.from(`${line}\n`);
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(1, buffer, offset);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'EAGAIN') continue;
      throw error;
    }
  }
}

/**
 * Deliberate faults, only to show that the test catches a store that breaks its promises
 * (faults.test.ts): `split-commit` commits an edit's rows, waits 2 ms, then writes its log
 * entry in a second transaction; `early-ack` acknowledges an edit before writing it;
 * `snapshot-in-place` lets a snapshot's backup write straight under the final name.
 */
const FAULTS = ['split-commit', 'early-ack', 'snapshot-in-place'] as const;
type Fault = (typeof FAULTS)[number];

function faultOf(args: readonly string[]): Fault | undefined {
  const index = args.indexOf('--fault');
  if (index < 0) return undefined;
  const name = args[index + 1];
  const fault = FAULTS.find((known) => known === name);
  if (!fault) throw new Error(`--fault needs one of ${FAULTS.join(', ')}`);
  return fault;
}

function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Spin: the point is a window a kill can land in.
  }
}

function injectFault(fault: Fault | undefined): void {
  if (fault === 'split-commit') {
    const prototype = Database.prototype as unknown as { prepare(this: Database.Database, sql: string): Database.Statement };
    const original = prototype.prepare;
    prototype.prepare = function prepare(this: Database.Database, sql: string) {
      const statement = original.call(this, sql);
      if (!sql.startsWith('INSERT INTO edit_log')) return statement;
      const db = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the proxy below needs the connection the statement belongs to
      return new Proxy(statement, {
        get(target, property) {
          if (property === 'run')
            return (...args: unknown[]) => {
              db.exec('COMMIT');
              busyWait(2);
              db.exec('BEGIN IMMEDIATE');
              return target.run(...args);
            };
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    };
  }
  if (fault === 'snapshot-in-place') {
    type Backup = (this: Database.Database, destination: string, options?: Database.BackupOptions) => Promise<Database.BackupMetadata>;
    const prototype = Database.prototype as unknown as { backup: Backup };
    const original = prototype.backup;
    prototype.backup = async function backup(this: Database.Database, destination: string, options?: Database.BackupOptions) {
      const final = destination.replace(/\.\d+\.partial$/, '');
      const result = await original.call(this, final, { ...options, progress: () => 8 });
      copyFileSync(final, destination);
      return result;
    };
  }
}

let tracing = true;

/** Marks the store's transactions in the output, so the test can tell where a kill landed. */
function traceTransactions(): void {
  type Body = (this: unknown, ...args: unknown[]) => unknown;
  const prototype = Database.prototype as unknown as { transaction(this: Database.Database, body: Body): unknown };
  const original = prototype.transaction;
  prototype.transaction = function traced(this: Database.Database, body: Body) {
    return original.call(this, function (this: unknown, ...args: unknown[]) {
      if (tracing) emit('txb');
      const result = body.apply(this, args);
      if (tracing) emit('txw');
      return result;
    });
  };
}

function option(args: readonly string[], name: string): number | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value)) throw new Error(`${name} needs a number`);
  return value;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function runStep(document: ModelDocument, step: Step): boolean {
  try {
    switch (step.kind) {
      case 'edit':
        return document.apply(step.command).ok;
      case 'undo':
        document.undo();
        return true;
      case 'redo':
        document.redo();
        return true;
    }
  } catch (error) {
    if (error instanceof StoreError && (error.code === 'nothing-to-undo' || error.code === 'nothing-to-redo')) return false;
    throw error;
  }
}

async function edits(file: string, dataDir: string, seed: number, args: readonly string[]): Promise<void> {
  const steps = option(args, '--steps') ?? Number.POSITIVE_INFINITY;
  const snapshotMs = option(args, '--snapshot-ms');
  const reopenEvery = option(args, '--reopen-every');
  const fault = faultOf(args);
  injectFault(fault);
  traceTransactions();
  const open = async (): Promise<ModelDocument> => {
    const opened = await ModelDocument.open(file, { dataDir, snapshotIntervalMs: snapshotMs ?? 3_600_000 });
    if (opened.readOnly) throw new Error(`opened read-only: ${opened.readOnly.message}`);
    emit(`open ${hashOf(opened.model)}`);
    return opened;
  };
  let document = await open();
  const rng = mulberry32(seed);
  for (let step = 1; step <= steps; step++) {
    if (reopenEvery !== undefined && step > 1 && (step - 1) % reopenEvery === 0) {
      // A close checkpoints the WAL into the file (journal_mode = DELETE) and snapshots it.
      emit('closing');
      await document.close();
      document = await open();
    }
    const next = nextStep(rng, document.model);
    emit(`try ${step}`);
    if (fault === 'early-ack' && next.kind === 'edit') {
      const predicted = applyEdit(document.model, next.command);
      if (predicted.ok) {
        emit(`ack ${step} ${hashOf(predicted.value.model)}`);
        busyWait(2);
        tracing = false;
        document.apply(next.command);
        tracing = true;
        continue;
      }
    }
    if (runStep(document, next)) emit(`ack ${step} ${hashOf(document.model)}`);
    else emit(`skip ${step}`);
    // Lets automatic snapshots (the backup API steps on the event loop) make progress.
    if (snapshotMs !== undefined) await tick();
  }
  await document.close();
  emit('done');
}

async function snapshots(file: string, dataDir: string, args: readonly string[]): Promise<void> {
  const count = option(args, '--count') ?? Number.POSITIVE_INFINITY;
  injectFault(faultOf(args));
  const document = await ModelDocument.open(file, { dataDir, snapshotIntervalMs: 3_600_000 });
  if (document.readOnly) throw new Error(`opened read-only: ${document.readOnly.message}`);
  emit(`open ${hashOf(document.model)}`);
  for (let n = 1; n <= count; n++) {
    const info = await document.snapshot('manual');
    emit(`snap ${n} ${info.id}`);
  }
  await document.close();
  emit('done');
}

/** Waits for the parent's go (any input, or the end of stdin), then lets stdin go. */
async function waitForGo(): Promise<void> {
  await new Promise<void>((resolve) => {
    process.stdin.once('data', () => resolve());
    process.stdin.once('end', () => resolve());
  });
  process.stdin.destroy();
}

async function creates(file: string, dataDir: string, models: readonly Model[], args: readonly string[]): Promise<void> {
  const count = option(args, '--count') ?? Number.POSITIVE_INFINITY;
  emit('open');
  for (let n = 1; n <= count; n++) {
    const document = await ModelDocument.create(file, models[n % models.length]!, { dataDir, overwrite: true });
    emit(`created ${n} ${hashOf(document.model)}`);
    await document.close();
  }
  emit('done');
}

async function main(argv: readonly string[]): Promise<void> {
  const [mode, file, dataDir, ...rest] = argv.filter((arg) => arg !== '--wait');
  // Generated before the go, so the kill timing covers the creates only.
  const models = mode === 'create' ? createModels(option(rest, '--leaf-lines') ?? 2_000) : [];
  if (argv.includes('--wait')) {
    emit('ready');
    await waitForGo();
  }
  if (mode === 'edits' && file && dataDir && rest[0] !== undefined) return edits(file, dataDir, Number(rest[0]), rest.slice(1));
  if (mode === 'snapshots' && file && dataDir) return snapshots(file, dataDir, rest);
  if (mode === 'create' && file && dataDir) return creates(file, dataDir, models, rest);
  throw new Error('usage: worker edits FILE DATA_DIR SEED [options] | worker snapshots FILE DATA_DIR [options] | worker create FILE DATA_DIR [options]');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
