// @ts-check
import { copyFileSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The command line compiled to one JavaScript file, so that `costplan` starts in plain Node
 * (no TypeScript loader at every call):
 *   main/cli/bin.ts (+ main/, shared/)  ->  out/cli/costplan.mjs
 * better-sqlite3 and exceljs stay packages loaded from node_modules (the first is native, the
 * second is large and loaded only by the commands that read or write workbooks). The workbook
 * parser runs as a child process from a file beside the bundle (main/excel/read-workbook.ts).
 */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = join(ROOT, 'out', 'cli', 'costplan.mjs');
const SOURCES = ['main', 'shared'].map((folder) => join(ROOT, folder));
const EXTRA_SOURCES = [join(ROOT, 'package.json'), fileURLToPath(import.meta.url)];

/** Newest modification time (ms) of any file the bundle is built from. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mts|mjs|js|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  SOURCES.forEach(walk);
  for (const file of EXTRA_SOURCES) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

/** True when out/cli/costplan.mjs is missing or older than a source file. */
export function cliIsStale() {
  let built;
  try {
    built = statSync(CLI_OUT).mtimeMs;
  } catch {
    return true;
  }
  return newestSource() > built;
}

/** Builds the bundle (about a second); esbuild is loaded only here. */
export async function buildCli() {
  const { build } = await import('esbuild');
  mkdirSync(dirname(CLI_OUT), { recursive: true });
  const result = await build({
    write: false,
    entryPoints: [join(ROOT, 'main', 'cli', 'bin.ts')],
    outfile: CLI_OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'exceljs', 'electron'],
    // Bundled CommonJS code may call require(); an ES module has none of its own.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    sourcemap: 'linked',
    legalComments: 'none',
    minifySyntax: true,
    minifyWhitespace: true,
    logLevel: 'warning',
  });
  // Each file appears whole (written aside, then renamed): two commands that build at the same
  // time never run a half-written bundle. The bundle is renamed last: its time marks the build.
  const place = (path, contents) => {
    const aside = `${path}.${process.pid}.tmp`;
    writeFileSync(aside, contents);
    renameSync(aside, path);
  };
  const child = join(dirname(CLI_OUT), 'xlsx-reader.child.mjs');
  copyFileSync(join(ROOT, 'main', 'excel', 'xlsx-reader.child.mjs'), `${child}.${process.pid}.tmp`);
  renameSync(`${child}.${process.pid}.tmp`, child);
  const files = [...result.outputFiles].sort((a, b) => (a.path === CLI_OUT ? 1 : 0) - (b.path === CLI_OUT ? 1 : 0));
  for (const file of files) place(file.path, file.contents);
}

// `node scripts/cli-build.mjs` (npm run build:cli) builds unconditionally.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  await buildCli();
  console.log(`built ${CLI_OUT} in ${Math.round(performance.now() - started)} ms`);
}
