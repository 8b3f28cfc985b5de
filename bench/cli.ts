import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Timing } from './timing';

export const CLI_TARGET = { computeMs: 250 };

type Report = (label: string, timing: Timing, targetMs?: number) => void;

const ROOT = join(import.meta.dirname, '..');
const RUNS = 11;

/**
 * CPU time (user + system, ms) of this process's finished children, from /proc (Linux; clock
 * ticks of 10 ms); undefined elsewhere. Unlike wall time it does not grow when the machine is busy.
 */
function childrenCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) sit at 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Wall time of `node ARGS`, median and fastest of RUNS runs after one untimed run, and the mean CPU time. */
function wallTime(args: readonly string[], runs = RUNS): Timing & { cpuMs: number | undefined } {
  const times: number[] = [];
  let cpuBefore: number | undefined;
  for (let i = 0; i <= runs; i++) {
    if (i === 1) cpuBefore = childrenCpuMs();
    const start = performance.now();
    const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    const elapsed = performance.now() - start;
    if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${child.stderr}`);
    if (i > 0) times.push(elapsed);
  }
  const cpuAfter = childrenCpuMs();
  times.sort((a, b) => a - b);
  const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / runs;
  return { medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]!, runs, cpuMs };
}

function withCpu(label: string, timing: { cpuMs: number | undefined; minMs: number }): string {
  const cpu = timing.cpuMs === undefined ? '' : `, CPU ${Math.round(timing.cpuMs)} ms a run`;
  return `${label} (fastest ${Math.round(timing.minMs)} ms${cpu})`;
}

/**
 * The command line's start-up as a user pays it: `costplan compute` on the example, from
 * starting Node to the printed figures, with the compiled CLI (out/cli/costplan.mjs, built
 * here when stale) and, for comparison, plain Node doing nothing and the TypeScript sources
 * run through tsx (how the CLI ran before it was compiled).
 */
export function benchCli(report: Report): void {
  const build = spawnSync(process.execPath, ['scripts/costplan.mjs', 'help'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`could not build the CLI: ${build.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'costplan-bench-cli-'));
  try {
    const example = join(dir, 'example.costplan');
    const made = spawnSync(process.execPath, ['out/cli/costplan.mjs', 'example', '--out', example], { cwd: ROOT, encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`could not write the example: ${made.stderr}`);
    // Wall time grows with the machine's load; the CPU time per run does not.
    const [oneMinute, , fifteenMinutes] = loadavg();
    console.log(`machine load (1 / 15 min average): ${oneMinute!.toFixed(2)} / ${fifteenMinutes!.toFixed(2)} on ${availableParallelism()} cores`);
    const floor = wallTime(['-e', '0']);
    report(withCpu('node doing nothing (node -e 0), the floor of any start-up', floor), floor);
    const compute = wallTime(['out/cli/costplan.mjs', 'compute', example]);
    report(withCpu('CLI start-up: costplan compute on the example, compiled, wall time', compute), compute, CLI_TARGET.computeMs);
    const help = wallTime(['out/cli/costplan.mjs', 'help']);
    report(withCpu('CLI start-up: costplan help, compiled', help), help);
    const sources = wallTime(['--import', 'tsx', 'main/cli/bin.ts', 'compute', example], 3);
    report(withCpu('CLI start-up: costplan compute run from the sources through tsx (as before)', sources), sources);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npm run bench:cli`: only the command line's start-up.
if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  benchCli((label, timing, targetMs) => {
    const verdict = targetMs === undefined ? '' : ` (target < ${targetMs} ms) ${timing.medianMs < targetMs ? 'OK' : 'MISSED'}`;
    console.log(`${label}: median ${Math.round(timing.medianMs)} ms of ${timing.runs} runs${verdict}`);
  });
}
