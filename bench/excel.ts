import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportWorkbook } from '../main/excel/export-workbook';
import { importFile } from '../main/excel/import-file';
import { structureCsv, structureWorkbook } from '../main/excel/template';
import type { Model } from '../shared/model/schema';
import { benchCliExport } from './cli-export';
import { formatCount, median, type Timing } from './timing';

export const EXCEL_TARGET = { exportMs: 2000, exportMb: 200, importMs: 2000 };

type Report = (label: string, timing: Timing, targetMs?: number) => void;

/**
 * Workbook export of the 10,000-line, 10-scenario model (time, and the peak resident memory
 * above the process's level before the export, sampled every 5 ms), and the import of its
 * 10,000-line cost structure from .xlsx (guarded, parsed in a child process, checked) and
 * from .csv.
 */
export async function benchExcel(model: Model, report: Report, countTarget: (ok: boolean) => void): Promise<void> {
  await benchExport(model, report, countTarget);
  await benchCliExport(model, report, countTarget);
  await benchStructureImport(model, report);
}

/** The in-process export: time, and peak memory above the baseline. `what` names a model other than the cost-only one. */
export async function benchExport(model: Model, report: Report, countTarget: (ok: boolean) => void, what?: string): Promise<void> {
  await exportWorkbook(model); // warm-up: code loaded and compiled
  const times: number[] = [];
  let peakMb = 0;
  let cells = 0;
  let bytes = 0;
  for (let run = 0; run < 5; run++) {
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const start = performance.now();
    const exported = await exportWorkbook(model);
    times.push(performance.now() - start);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    peakMb = Math.max(peakMb, (peak - baseline) / (1024 * 1024));
    bytes = exported.data.length;
    cells = exported.model.costTree.length;
  }
  const lines = what ?? `${formatCount(cells)} cost lines`;
  report(`export to .xlsx in process, ${lines} x ${model.scenarios.length} scenarios (${(bytes / 1e6).toFixed(1)} MB)`, timing(times), EXCEL_TARGET.exportMs);
  const memoryOk = peakMb < EXCEL_TARGET.exportMb;
  countTarget(memoryOk);
  console.log(
    `export to .xlsx in process${what ? `, ${what}` : ''}, peak memory above the baseline: ${peakMb.toFixed(0)} MB (target < ${EXCEL_TARGET.exportMb} MB) ${memoryOk ? 'OK' : 'MISSED'}`,
  );
}

async function benchStructureImport(model: Model, report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'costplan-bench-excel-'));
  try {
    const structure: Model = { ...model, scenarios: [] };
    const xlsx = join(dir, 'structure.xlsx');
    const csv = join(dir, 'structure.csv');
    writeFileSync(xlsx, await structureWorkbook(structure, 'en'));
    writeFileSync(csv, structureCsv(structure, 'en'));
    for (const [label, path, target] of [
      ['.xlsx (zip checks, parsed in a child process, layout checks)', xlsx, EXCEL_TARGET.importMs],
      ['.csv', csv, undefined],
    ] as const) {
      const runs: number[] = [];
      let lines = 0;
      for (let run = 0; run < 4; run++) {
        const start = performance.now();
        const imported = await importFile(path);
        runs.push(performance.now() - start);
        lines = imported.model.costTree.length;
      }
      report(`import of a ${formatCount(lines)}-line cost structure from ${label}`, timing(runs.slice(1)), target);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timing(samples: number[]): Timing {
  return { medianMs: median(samples), minMs: Math.min(...samples), runs: samples.length };
}
