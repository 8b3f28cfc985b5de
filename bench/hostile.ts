import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { generateHostileCorpus, type HostileCase } from '../test/fixtures/hostile/generate';

/**
 * `npm run bench:hostile`: every file of the hostile corpus (test/fixtures/hostile/generate.ts)
 * through the command line, each in a fresh process: the time of the attempt and the peak
 * memory of the process above its baseline (taken once the CLI is loaded). Each must be
 * refused (exit 2) within 5 s and 300 MB; the workbook parser runs in a child of its own, whose
 * heap is capped at 512 MB (main/excel/limits.ts). Exits 1 when an attempt breaks a bound.
 */
const BOUNDS = { ms: 5000, mb: 300 };

function commandFor(item: HostileCase, out: string): string[] {
  if (item.kind === 'model') return ['check', item.path];
  if (item.kind === 'import') return ['import', item.path, '--out', join(out, `${item.name}.costplan`)];
  return ['load', item.path, '--out', join(out, `${item.name}.costplan`)];
}

const dir = mkdtempSync(join(tmpdir(), 'costplan-bench-hostile-'));
try {
  const corpus = await generateHostileCorpus(join(dir, 'corpus'));
  const out = join(dir, 'out');
  console.log(`hostile corpus: ${corpus.length} files; bounds: ${BOUNDS.ms / 1000} s and ${BOUNDS.mb} MB above the baseline, exit 2\n`);
  console.log(`${'kind'.padEnd(7)}${'file'.padEnd(42)}${'time'.padStart(9)}${'peak +MB'.padStart(10)}  verdict  refusal`);
  let broken = 0;
  for (const item of corpus) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'hostile-attempt.ts'), ...commandFor(item, out)], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let result: { code: number; ms: number; baselineMb: number; peakMb: number; message: string };
    try {
      result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as typeof result;
    } catch {
      console.log(`${item.kind.padEnd(7)}${item.name.padEnd(42)}  FAILED to run: ${(run.stderr || String(run.signal)).split('\n')[0]}`);
      broken++;
      continue;
    }
    const grew = result.peakMb - result.baselineMb;
    const ok = result.code === 2 && result.ms < BOUNDS.ms && grew < BOUNDS.mb;
    if (!ok) broken++;
    const message = result.message.replace(/^error: /u, '').replace(item.path, basename(item.path));
    console.log(
      `${item.kind.padEnd(7)}${item.name.slice(0, 40).padEnd(42)}${`${result.ms.toFixed(0)} ms`.padStart(9)}${grew.toFixed(0).padStart(10)}  ${ok ? 'ok     ' : 'BROKEN '}  ${message.length > 90 ? `${message.slice(0, 90)}…` : message}`,
    );
  }
  console.log(`\n${corpus.length - broken} of ${corpus.length} attempts refused within ${BOUNDS.ms / 1000} s and ${BOUNDS.mb} MB`);
  process.exitCode = broken > 0 ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
