import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ModelDocument } from '../main/store/document';
import type { Model } from '../shared/model/schema';
import { median, type Timing } from './timing';

export const CLI_EXPORT_TARGET = { ms: 2000, mb: 250 };

type Report = (label: string, timing: Timing, targetMs?: number) => void;

/** Prints the peak resident memory of the process as it exits (kilobytes, from getrusage). */
const PEAK_PROBE = `data:text/javascript,process.on("exit",()=>process.stderr.write("costplan-peak-rss-kb:"+process.resourceUsage().maxRSS+"\\n"))`;

/**
 * `costplan export` end to end, the way a user runs it: a new node process (the CLI bundled
 * into one file, as a compiled CLI ships) opens the 10,000-line, 10-scenario model file,
 * writes the workbook and exits. Wall time from spawn to exit and the peak resident memory
 * of that process (getrusage), median of 3 runs after one warm-up (file cache).
 */
export async function benchCliExport(model: Model, report: Report, countTarget: (ok: boolean) => void): Promise<void> {
  const dir = mkdtempSync(join(existsSync('/var/tmp') ? '/var/tmp' : tmpdir(), 'costplan-bench-cli-'));
  try {
    const bundle = join(dir, 'costplan.mjs');
    const sqlite = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
    await build({
      entryPoints: [join(import.meta.dirname, '..', 'main', 'cli', 'bin.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      minify: true,
      logLevel: 'silent',
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      plugins: [{ name: 'external-better-sqlite3', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
    });
    const file = join(dir, 'large.costplan');
    await (await ModelDocument.create(file, model, { dataDir: join(dir, 'data'), snapshotIntervalMs: Number.MAX_SAFE_INTEGER })).close();
    const times: number[] = [];
    const peaks: number[] = [];
    for (let run = 0; run < 4; run++) {
      const start = performance.now();
      const child = spawnSync(process.execPath, ['--import', PEAK_PROBE, bundle, 'export', file, '--out', join(dir, 'out.xlsx'), '--force'], {
        encoding: 'utf8',
        env: { ...process.env, INIT_CWD: '' },
      });
      const elapsed = performance.now() - start;
      if (child.status !== 0) throw new Error(`costplan export failed (${child.status}): ${child.stderr}`);
      const peak = Number(/costplan-peak-rss-kb:(\d+)/u.exec(child.stderr)?.[1]) / 1024;
      if (run === 0) continue;
      times.push(elapsed);
      peaks.push(peak);
    }
    report(
      `costplan export end to end (new process: start, open the model file, write the .xlsx, exit)`,
      { medianMs: median(times), minMs: Math.min(...times), runs: times.length },
      CLI_EXPORT_TARGET.ms,
    );
    const peakMb = Math.max(...peaks);
    const ok = peakMb < CLI_EXPORT_TARGET.mb;
    countTarget(ok);
    console.log(
      `costplan export end to end, peak resident memory of the process: ${peakMb.toFixed(0)} MB (target < ${CLI_EXPORT_TARGET.mb} MB) ${ok ? 'OK' : 'MISSED'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
