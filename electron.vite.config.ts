import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Build of the three Electron entry points into `out/`:
 *   main      main/index.ts          -> out/main/index.js      (ESM, "type": "module")
 *   preload   main/preload/index.ts  -> out/preload/index.cjs  (one CommonJS file: a sandboxed
 *                                                              preload cannot be ESM)
 *   renderer  renderer/index.html    -> out/renderer/index.html (+ assets/)
 * `main/window/paths.ts` derives the preload and renderer paths from these locations.
 */
const root = import.meta.dirname;
const fromRoot = (...segments: string[]): string => resolve(root, ...segments);

const packageJson = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };

/**
 * The workbook parser runs as a separate plain-JavaScript child process (main/excel/
 * read-workbook.ts forks it next to itself), so it is copied beside the bundled main file.
 */
const copyWorkbookParser = {
  name: 'copy-workbook-parser',
  closeBundle(): void {
    mkdirSync(fromRoot('out', 'main'), { recursive: true });
    copyFileSync(fromRoot('main', 'excel', 'xlsx-reader.child.mjs'), fromRoot('out', 'main', 'xlsx-reader.child.mjs'));
  },
};

export default defineConfig({
  main: {
    plugins: [copyWorkbookParser],
    build: {
      outDir: fromRoot('out', 'main'),
      rollupOptions: {
        input: { index: fromRoot('main', 'index.ts') },
        // Native module: loaded from node_modules (unpacked from the asar) at run time.
        external: ['better-sqlite3', 'exceljs'],
      },
    },
  },
  preload: {
    // Replaced at build time: the sandboxed preload cannot read package.json.
    define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
    build: {
      outDir: fromRoot('out', 'preload'),
      // Everything the preload needs is bundled into the one file: a sandboxed preload can
      // require only `electron` (and a few Node built-ins), never a package from node_modules.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: fromRoot('main', 'preload', 'index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('renderer'),
    plugins: [react()],
    // The end-to-end tests and the UI benchmark build with COSTPLAN_TEST_HOOKS=1 to reach the
    // page's workspace; every other build (npm run build, npm start, packaging) has no such hook.
    define: { __COSTPLAN_TEST_HOOKS__: JSON.stringify(process.env['COSTPLAN_TEST_HOOKS'] === '1') },
    build: {
      outDir: fromRoot('out', 'renderer'),
      rollupOptions: {
        input: { index: fromRoot('renderer', 'index.html') },
      },
    },
  },
});
