// @ts-check
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The command line compiled to one JavaScript file, so that `costplan` starts in plain Node
 * (no TypeScript loader at every call):
 *   main/cli/bin.ts (+ main/, shared/)  ->  out/cli/costplan.mjs (+ chunk-*.mjs, one per command group)
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

/**
 * zod's `z.locales` namespace holds the messages of 40-odd languages (about 290 KB of the
 * bundle, parsed at every start); the app sets none of them (its messages are its own), and
 * zod's default English comes from locales/en.js directly. The namespace keeps only `en`.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * better-sqlite3 is CommonJS: imported from an ES module, Node first scans its source for the
 * names it exports (cjs-module-lexer). Loaded with `require` (the banner's), it is not scanned.
 */
const requireSqlite = {
  name: 'require-better-sqlite3',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /^better-sqlite3$/ }, (args) =>
      args.namespace === 'required' ? { path: args.path, external: true } : { path: args.path, namespace: 'required' },
    );
    build.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/** Builds the bundle (about a second); esbuild is loaded only here. */
export async function buildCli() {
  const { build } = await import('esbuild');
  mkdirSync(dirname(CLI_OUT), { recursive: true });
  const result = await build({
    write: false,
    entryPoints: { costplan: join(ROOT, 'main', 'cli', 'bin.ts') },
    outdir: dirname(CLI_OUT),
    outExtension: { '.js': '.mjs' },
    // Each command's module is a chunk loaded when that command runs (main/cli/index.ts):
    // `compute` parses a fraction of the code `deck` or `export` need.
    splitting: true,
    chunkNames: 'chunk-[hash]',
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
    plugins: [zodEnglishOnly, requireSqlite],
    // What each chunk holds and imports (out/cli/meta.json): a test checks what `compute` loads.
    metafile: true,
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
  place(join(dirname(CLI_OUT), 'meta.json'), JSON.stringify(result.metafile));
  const files = [...result.outputFiles].sort((a, b) => (a.path === CLI_OUT ? 1 : 0) - (b.path === CLI_OUT ? 1 : 0));
  for (const file of files) place(file.path, file.contents);
  // Chunks of earlier builds (their names are content hashes) go.
  const current = new Set(files.map((file) => file.path));
  for (const name of readdirSync(dirname(CLI_OUT))) {
    const path = join(dirname(CLI_OUT), name);
    if (/^chunk-\w+\.mjs(\.map)?$/.test(name) && !current.has(path)) rmSync(path, { force: true });
  }
}

// `node scripts/cli-build.mjs` (npm run build:cli) builds unconditionally.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  await buildCli();
  console.log(`built ${CLI_OUT} in ${Math.round(performance.now() - started)} ms`);
}
