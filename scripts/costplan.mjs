#!/usr/bin/env node
// @ts-check
import { pathToFileURL } from 'node:url';
import { buildCli, cliIsStale, CLI_OUT } from './cli-build.mjs';

/**
 * `npm run costplan -- ...` and the `costplan` bin: runs the compiled command line, building it
 * first when it is missing or older than its sources (so a fresh clone and an edited source
 * both just work; a build takes about a second, and only then).
 */
if (cliIsStale()) {
  process.stderr.write('costplan: building the command line (out/cli/costplan.mjs)...\n');
  await buildCli();
}
await import(pathToFileURL(CLI_OUT).href);
