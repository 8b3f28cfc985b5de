import { existsSync } from 'node:fs';
import { problem } from '../../../shared/messages/problems';
import { modelToJson } from '../../io/model-json';
import { writeFileAtomically } from '../../io/write-file';
import { defaultDataDir } from '../../store/data-dir';
import { cliDataDir } from '../data-dir';
import { readModelFile } from '../../store/read';
import { restoreSnapshot } from '../../store/restore';
import { SnapshotFolder } from '../../store/snapshots';
import { UsageError } from '../errors';
import { asUsageError, loadModel } from '../load-model';
import type { CommandContext } from '../types';
import { cannotWrite, refuseExisting, requireOut, writeModelFile } from '../write-model';
import { single } from './compute';

export const dumpUsage = 'dump FILE --out FILE.json [--force]';
export const loadUsage = 'load FILE.json --out FILE.costplan [--force]';
export const checkUsage = 'check FILE.costplan [--json]';
export const snapshotsUsage = 'snapshots FILE.costplan [--json]';
export const restoreUsage = 'restore FILE.costplan --snapshot ID';

export function runDump(context: CommandContext): void {
  const { positionals, values } = context.parse({ out: { type: 'string' }, force: { type: 'boolean' } });
  const file = single(positionals, dumpUsage);
  const out = requireOut(values['out'], dumpUsage);
  if (!out.endsWith('.json')) throw new UsageError(problem('file-kind', { path: out, expected: 'dump-out' }));
  refuseExisting(out, values['force']);
  const model = loadModel(file);
  try {
    writeFileAtomically(out, modelToJson(model));
  } catch (error) {
    throw cannotWrite(out, error);
  }
  context.out(`wrote ${out}\n`);
}

export async function runLoad(context: CommandContext): Promise<void> {
  const { positionals, values } = context.parse({ out: { type: 'string' }, force: { type: 'boolean' } });
  const file = single(positionals, loadUsage);
  const out = requireOut(values['out'], loadUsage);
  await writeModelFile(out, loadModel(file), values['force'] === true);
  context.out(`wrote ${out}\n`);
}

export function runCheck(context: CommandContext): void {
  const { positionals, values } = context.parse({ json: { type: 'boolean' } });
  const file = single(positionals, checkUsage);
  if (!file.endsWith('.costplan')) throw new UsageError(problem('file-kind', { path: file, expected: 'check-in' }));
  let report;
  try {
    report = readModelFile(file);
  } catch (error) {
    throw asUsageError(error);
  }
  const snapshots = new SnapshotFolder(defaultDataDir(), file).list().length;
  const summary = { file, integrity: 'ok', schema: 'ok', schemaVersion: report.schemaVersion, model: report.model.name, ...report.counts, snapshots };
  if (values['json']) {
    context.out(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const c = report.counts;
  context.out(
    [
      `${file}: ok`,
      `  model: ${report.model.name}`,
      `  file format: ${report.schemaVersion}`,
      `  schema: ok (exactly the tables and indexes of file format ${report.schemaVersion}; no views, triggers or virtual tables)`,
      '  integrity check: ok; references between rows: ok',
      `  cost nodes: ${c.nodes}; scenarios: ${c.scenarios}; levers: ${c.levers}; investment lines: ${c.investmentLines}`,
      `  undo steps: ${c.undoSteps}; redo steps: ${c.redoSteps}; snapshots: ${snapshots}`,
      '',
    ].join('\n'),
  );
}

export function runSnapshots(context: CommandContext): void {
  const { positionals, values } = context.parse({ json: { type: 'boolean' } });
  const file = single(positionals, snapshotsUsage);
  if (!existsSync(file)) throw new UsageError(problem('in-file', { file, problem: problem('cannot-read', { reason: 'missing' }) }));
  const folder = new SnapshotFolder(defaultDataDir(), file);
  const snapshots = folder.list();
  if (values['json']) {
    context.out(
      `${JSON.stringify(
        snapshots.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), reason: s.reason, bytes: s.bytes })),
        null,
        2,
      )}\n`,
    );
    return;
  }
  if (snapshots.length === 0) {
    context.out(`${file}: no snapshots yet (kept in ${folder.dir})\n`);
    return;
  }
  const lines = snapshots.map((s) => `  ${s.id}  ${s.createdAt.toISOString()}  ${s.reason.padEnd(9)} ${(s.bytes / 1024).toFixed(0)} KB`);
  context.out(`${file}: ${snapshots.length} snapshot${snapshots.length > 1 ? 's' : ''} in ${folder.dir}\n${lines.join('\n')}\n`);
}

export async function runRestore(context: CommandContext): Promise<void> {
  const { positionals, values } = context.parse({ snapshot: { type: 'string' } });
  const file = single(positionals, restoreUsage);
  const snapshotId = values['snapshot'];
  if (typeof snapshotId !== 'string' || snapshotId === '') throw new UsageError(problem('option-required', { option: '--snapshot ID', usage: restoreUsage }));
  try {
    const outcome = await restoreSnapshot(file, snapshotId, { dataDir: cliDataDir() });
    context.out(
      outcome.damagedCopy
        ? `restored ${snapshotId} into ${file}; the damaged file was kept as ${outcome.damagedCopy}\n`
        : `restored ${snapshotId} into ${file} (undoable; the state before was snapshotted)\n`,
    );
  } catch (error) {
    throw asUsageError(error);
  }
}
