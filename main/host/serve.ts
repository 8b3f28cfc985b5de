import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiService } from '../api/handlers';
import { defaultDataDir, ensureDataDir } from '../store/data-dir';
import { startHost } from './server';
import { deckService } from '../deck/service';
import { workbookService } from '../excel/service';

/**
 * `npm run serve`: the planner in a browser. Builds the renderer when its sources are newer
 * than the last build, opens the same default model as the desktop app, and prints the
 * address (with its secret) to open.
 */
const root = join(import.meta.dirname, '..', '..');
const staticDir = join(root, 'out', 'renderer');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfNeeded(): void {
  const built = join(staticDir, 'index.html');
  const sources = Math.max(newestSource(join(root, 'renderer')), newestSource(join(root, 'shared')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('building the renderer...');
  execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, 'no-build': { type: 'boolean' } }, allowPositionals: false });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${values.port}`);
  if (!values['no-build']) buildIfNeeded();
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  // First run: the data folder may not exist yet (a clear message if it cannot be made).
  const dataDir = ensureDataDir(defaultDataDir());
  const api = new ApiService({ dataDir, appVersion: version, workbooks: workbookService, decks: deckService, files: 'data-folder-only' });
  // The example's language: the app setting (the language chosen last), else Chinese.
  const session = await api.openDefault(api.settings.settings(undefined).uiLanguage ?? 'zh');
  const host = await startHost({ api, staticDir, port });
  console.log(`Service Cost Planner is running on this computer only.`);
  console.log(`model: ${session.file?.path ?? 'none'}`);
  console.log(`open: ${host.url}`);
  const stop = () => {
    void host
      .close()
      .then(() => api.shutdown())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
