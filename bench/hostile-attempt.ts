import { runCli } from '../main/cli/index';

/**
 * One attempt of `npm run bench:hostile`, in a process of its own: runs one command line on
 * one hostile file and prints, as JSON, its time, the process's resident memory before the
 * attempt and its peak (getrusage's maxRSS) after, the exit code and the first line it wrote.
 */
const argv = process.argv.slice(2);
// Loads what the command needs (the CLI and its modules) before the baseline is taken.
await runCli(['help'], { out: () => {}, err: () => {} });
const baselineMb = process.memoryUsage().rss / 1024 / 1024;
let stderr = '';
const started = performance.now();
const code = await runCli(argv, { out: () => {}, err: (text) => (stderr += text) });
const ms = performance.now() - started;
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ code, ms, baselineMb, peakMb, message: stderr.split('\n')[0] ?? '' })}\n`);
