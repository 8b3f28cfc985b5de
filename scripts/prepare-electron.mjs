#!/usr/bin/env node
// `npm start`, step 1 of 3 (then `electron-vite build`, then `electron .`). Makes sure that:
//   1. Node is 22.12 or newer (Electron 45's download tooling needs it);
//   2. the Electron binary is there (node_modules/electron downloads it once, ~100 MB);
//   3. better-sqlite3 is built for Electron's ABI, in
//      native/electron-<version>-<platform>-<arch>/better_sqlite3.node
//      from a temporary copy of node_modules/better-sqlite3: first a prebuilt binary
//      (prebuild-install, from better-sqlite3's GitHub releases), else a compile with
//      node-gyp against Electron's headers (needs Python and a C++ compiler). The Node build
//      in node_modules/better-sqlite3/build, which tests and the CLI load, is never touched.
//      The result is loaded once in Electron (run as Node) before it is put in place.
// Quick when everything is there. `--print-path` prints where the module goes and exits.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { downloadFailureReason, electronDownloadHelp } from './electron-download-help.mjs';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const moduleDir = join(root, 'node_modules', 'better-sqlite3');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const { platform, arch } = process;
// Keep in step with main/electron/native-binding.ts (a test compares the two).
const target = join(root, 'native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');

class Failure extends Error {}

function log(message) {
  console.log(`[prepare-electron] ${message}`);
}

function fail(message) {
  throw new Failure(message);
}

if (process.argv.includes('--print-path')) {
  console.log(target);
} else {
  try {
    prepare();
  } catch (error) {
    console.error(`[prepare-electron] ${error instanceof Failure ? error.message : error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  }
}

/**
 * node_modules/electron would download a missing binary itself, printing the downloader's stack
 * trace when that fails; run its installer here instead, quietly, and say what to do.
 */
function downloadElectronIfMissing() {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return;
  if (existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))) return;
  log(`downloading Electron ${electronVersion} (about 100 MB, once)...`);
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0 || result.error)
    fail(electronDownloadHelp(electronVersion, downloadFailureReason(`${result.stdout ?? ''}\n${result.stderr ?? ''}\n${result.error?.message ?? ''}`)));
}

function prepare() {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    fail(
      `npm start needs Node 22.12 or newer (Electron ${electronVersion}'s download tooling); this is Node ${process.versions.node}. Tests, the command line and the browser edition (npm run serve: the same app in your browser) run on Node 20.19 or newer.`,
    );
  }

  log(`Electron ${electronVersion}: finding its binary (downloaded on the first run)...`);
  downloadElectronIfMissing();
  let electronPath;
  try {
    electronPath = require('electron');
  } catch (error) {
    fail(electronDownloadHelp(electronVersion, downloadFailureReason(error instanceof Error ? error.message : String(error))));
  }

  if (existsSync(target) && loadsInElectron(electronPath, target)) {
    log(`SQLite for Electron is ready: ${target}`);
    return;
  }

  // npm hands its config to scripts as npm_config_*: a `nodedir` (set on some machines to the
  // local Node headers) would make node-gyp compile for Node instead of Electron, silently.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^npm_config_(nodedir|target|target_arch|runtime|disturl|dist_url|arch|platform|build_from_source)$/i.test(name),
    ),
  );

  const work = mkdtempSync(join(tmpdir(), 'costplan-sqlite-'));
  try {
    const copy = join(work, 'better-sqlite3');
    const nodeBuild = join(moduleDir, 'build');
    cpSync(moduleDir, copy, { recursive: true, filter: (source) => source !== nodeBuild && !source.startsWith(nodeBuild + sep) });
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');

    log(`better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}): trying a prebuilt binary...`);
    const prebuilt = spawnSync(
      process.execPath,
      [
        require.resolve('prebuild-install/bin.js'),
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        `--platform=${platform}`,
        '--verbose',
      ],
      { cwd: copy, env, stdio: 'inherit' },
    );

    if (prebuilt.status !== 0 || !existsSync(built)) {
      log('no prebuilt binary: compiling with node-gyp against the Electron headers (1-2 minutes; needs Python and a C++ compiler)...');
      const compiled = spawnSync(
        process.execPath,
        [
          nodeGypScript(),
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${electronVersion}`,
          `--arch=${arch}`,
          '--dist-url=https://electronjs.org/headers',
          `--devdir=${join(homedir(), '.electron-gyp')}`,
        ],
        { cwd: copy, env, stdio: 'inherit' },
      );
      if (compiled.status !== 0 || !existsSync(built)) fail('compiling better-sqlite3 for Electron failed (see above)');
    }

    if (!loadsInElectron(electronPath, built)) fail(`the module built for Electron ${electronVersion} does not load in it`);
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    cpSync(built, temporary);
    renameSync(temporary, target);
    log(`SQLite for Electron is ready: ${target}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Loads the module in Electron running as Node and opens an in-memory database with it. */
function loadsInElectron(electronPath, binding) {
  const check = spawnSync(
    electronPath,
    [
      '-e',
      "const D = require(process.env.COSTPLAN_SQLITE_LIB); new D(':memory:', { nativeBinding: process.env.COSTPLAN_SQLITE_BINDING }).prepare('select 1').get();",
    ],
    { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', COSTPLAN_SQLITE_LIB: moduleDir, COSTPLAN_SQLITE_BINDING: binding }, encoding: 'utf8' },
  );
  if (check.status !== 0) log(`not loadable in Electron: ${(check.stderr || check.error?.message || 'no output').trim().split('\n')[0]}`);
  return check.status === 0;
}

/** node-gyp from node_modules (electron-builder brings it), else the one npm bundles. */
function nodeGypScript() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const bundled = process.env.npm_config_node_gyp;
    if (bundled && existsSync(bundled)) return bundled;
    return fail('node-gyp is not installed: run "npm install" first');
  }
}
