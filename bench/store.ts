import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ModelDocument } from '../main/store/document';
import type { EditCommand } from '../shared/edits/commands';
import type { Model } from '../shared/model/schema';
import { median, type Timing } from './timing';

export const STORE_TARGET = { openMs: 200, editMs: 5, undoMs: 5 };

type Report = (label: string, timing: Timing, targetMs?: number) => void;

/**
 * The model file on a real disk (not tmpfs: synchronous=FULL must pay for its fsyncs): open
 * a 10,000-line model, commit one edit, undo one edit.
 */
export interface StoreBenchOptions {
  /** How the model is named in the report lines. */
  what?: string;
  /** The edit committed and undone, for step i (default: a unit cost lever of the first scenario). */
  edit?: (model: Model, i: number) => EditCommand;
}

function leverEdit(model: Model, i: number): EditCommand {
  const scenario = model.scenarios[0]!;
  return { type: 'setLever', scenarioId: scenario.id, nodeId: scenario.levers[0]!.nodeId, kind: 'unitCostChange', value: -0.01 - 0.001 * i };
}

export async function benchStore(model: Model, report: Report, bench: StoreBenchOptions = {}): Promise<void> {
  const what = bench.what ?? '10,000 lines';
  const edit = bench.edit ?? leverEdit;
  const dir = mkdtempSync(join(existsSync('/var/tmp') ? '/var/tmp' : tmpdir(), 'costplan-bench-'));
  const options = { dataDir: join(dir, 'data'), snapshotIntervalMs: Number.MAX_SAFE_INTEGER };
  const path = join(dir, 'large.costplan');
  try {
    await (await ModelDocument.create(path, model, options)).close();
    const opens: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      const document = await ModelDocument.open(path, options);
      opens.push(performance.now() - start);
      await document.close();
    }
    report(
      bench.what === undefined
        ? 'open a 10,000-line model file with 10 scenarios (checks, pragmas, read, validate)'
        : `open a model file, ${what} x ${model.scenarios.length} scenarios (checks, pragmas, read, validate)`,
      timing(opens.slice(2)),
      STORE_TARGET.openMs,
    );

    const document = await ModelDocument.open(path, options);
    const edits: number[] = [];
    for (let i = 0; i < 60; i++) {
      const command = edit(document.model, i);
      const start = performance.now();
      const applied = document.apply(command);
      edits.push(performance.now() - start);
      if (!applied.ok) throw new Error(`bench edit rejected: ${applied.error[0]?.message}`);
    }
    report(`one edit committed (validated, written with its log entry, synchronous=FULL), ${what}`, timing(edits.slice(10)), STORE_TARGET.editMs);
    const undos: number[] = [];
    for (let i = 0; i < 40; i++) {
      const start = performance.now();
      document.undo();
      undos.push(performance.now() - start);
    }
    report(`undo of one edit, ${what}`, timing(undos), STORE_TARGET.undoMs);
    await document.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timing(samples: number[]): Timing {
  return { medianMs: median(samples), minMs: Math.min(...samples), runs: samples.length };
}
