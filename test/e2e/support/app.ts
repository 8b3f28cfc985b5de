import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * End-to-end support: the real `npm run serve` host (its own data folder), and Debian's
 * Chromium driven by playwright-core. In CI a missing browser is a failure, never a skip.
 */
export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'screenshots');

export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env['CI']) throw new Error(`Chromium is required in CI but ${CHROMIUM} does not exist (.ci/run installs Debian's chromium)`);
  return false;
}

let built = false;
/** Builds the renderer once per test run (the host serves out/renderer). */
export function buildRenderer(): void {
  if (built) return;
  // With the page's test hook (window.costPlannerWorkspace), which production builds lack.
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, COSTPLAN_TEST_HOOKS: '1' },
  });
  built = true;
}

export interface ServedApp {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `npm run serve` (through tsx, without rebuilding) on a free port with a fresh data folder. */
export async function startServe(dataDir = mkdtempSync(join(tmpdir(), 'costplan-e2e-'))): Promise<ServedApp> {
  buildRenderer();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'main', 'host', 'serve.ts'), '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, COSTPLAN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not print its address in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'costplan-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a screenshot under test-artifacts/ (not committed) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** The app starts on the Models view: continue with the model that is open (the example on a first run). */
export async function enterWorkspace(page: Page): Promise<void> {
  await page.getByTestId('models-continue').click();
  await page.locator('.tabs').waitFor();
}

export interface ServedPage {
  readonly app: ServedApp;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Errors the page logged or threw; a screen's last test expects none. */
  readonly errors: string[];
}

/**
 * The describe block's own served app and page (registered as its beforeAll and afterAll):
 * the example opened, the screen's tab shown, `ready` awaited. `setUp` attaches handlers
 * (dialogs) before the page loads.
 */
export function usePage(tab: string, ready: (page: Page) => Promise<unknown>, setUp?: (page: Page) => void): ServedPage {
  let app: ServedApp | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    app = await startServe();
    context = await launchBrowser();
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    setUp?.(page);
    await page.goto(app.url);
    await enterWorkspace(page);
    await page.click(`[data-tab="${tab}"]`);
    await page.locator(`[data-screen="${tab}"]`).waitFor();
    await ready(page);
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await app?.stop();
  });
  return {
    get app() {
      return app!;
    },
    get context() {
      return context!;
    },
    get page() {
      return page!;
    },
    errors,
  };
}

/** A fresh data folder whose settings open the app in the Chinese UI. */
export function chineseDataDir(prefix: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ recent: [], baselines: [], uiLanguage: 'zh' }));
  return dataDir;
}

/** Chromium on the served app: a page that records its uncaught errors into `errors`. */
export async function openAppPage(app: ServedApp, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchBrowser();
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.url);
  return { context, page };
}
