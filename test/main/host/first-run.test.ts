import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { describeDataDirError, ensureDataDir } from '../../../main/store/data-dir';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Runs `npm run serve` (tsx main/host/serve.ts --no-build) until it prints its address or exits. */
function serve(env: NodeJS.ProcessEnv): Promise<{ url?: string; code?: number | null; output: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'main', 'host', 'serve.ts'), '--no-build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve said nothing useful in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /open: (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, stop });
    });
  });
}

async function sessionOf(url: string): Promise<{ file: { name: string } | null; model: { name: string } | null }> {
  const { origin, hash } = new URL(url);
  const secret = new URLSearchParams(hash.slice(1)).get('secret') ?? '';
  const response = await fetch(`${origin}/api/getSession`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-costplan-secret': secret },
    body: '{}',
  });
  const body = (await response.json()) as { ok: boolean; value: { file: { name: string } | null; model: { name: string } | null } };
  expect(body.ok).toBe(true);
  return body.value;
}

describe('first run: the data folder is made by every entry point', () => {
  it('npm run serve with COSTPLAN_DATA_DIR set to a folder that does not exist prints the address and serves the example', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'costplan-first-')), 'not', 'yet', 'there');
    const started = await serve({ ...process.env, COSTPLAN_DATA_DIR: dataDir });
    try {
      expect(started.url, started.output).toBeDefined();
      expect(started.output).toContain(join(dataDir, '示例.costplan'));
      const session = await sessionOf(started.url!);
      expect(session.file?.name).toBe('示例.costplan');
      expect(session.model?.name).toBe('售后服务成本示例');
      expect(statSync(dataDir).isDirectory()).toBe(true);
    } finally {
      await started.stop();
    }
  }, 90_000);

  it('npm run serve on a fresh machine (no config folder at all) makes the default data folder', async () => {
    const home = mkdtempSync(join(tmpdir(), 'costplan-home-'));
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    delete env['COSTPLAN_DATA_DIR'];
    const started = await serve(env);
    try {
      expect(started.url, started.output).toBeDefined();
      expect(existsSync(join(home, '.config', 'Service Cost Planner', '示例.costplan'))).toBe(true);
      expect((await sessionOf(started.url!)).model?.name).toBe('售后服务成本示例');
    } finally {
      await started.stop();
    }
  }, 90_000);

  it('npm run serve stops with one clear line, no stack trace, when a file is in the way', async () => {
    const root = mkdtempSync(join(tmpdir(), 'costplan-blocked-'));
    writeFileSync(join(root, 'data'), 'a file, not a folder');
    const ended = await serve({ ...process.env, COSTPLAN_DATA_DIR: join(root, 'data', 'planner') });
    expect(ended.url).toBeUndefined();
    expect(ended.code).toBe(2);
    expect(ended.output.trim()).toBe(
      `error: cannot create the data folder ${join(root, 'data', 'planner')}: a file is in the way (${join(root, 'data')} is a file, not a folder). Move or rename that file, or start the planner with COSTPLAN_DATA_DIR set to a folder you can write to.`,
    );
    expect(readFileSync(join(root, 'data'), 'utf8')).toBe('a file, not a folder');
  }, 90_000);

  it('the command line makes the data folder when it first needs it, and says why it cannot', async () => {
    const root = mkdtempSync(join(tmpdir(), 'costplan-cli-first-'));
    const saved = process.env['COSTPLAN_DATA_DIR'];
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
    try {
      process.env['COSTPLAN_DATA_DIR'] = join(root, 'new', 'data');
      expect(await runCli(['example', '--out', join(root, 'a.costplan')], io)).toBe(0);
      expect(await runCli(['restore', join(root, 'a.costplan'), '--snapshot', 'none'], io)).toBe(2);
      expect(statSync(join(root, 'new', 'data')).isDirectory()).toBe(true);

      writeFileSync(join(root, 'blocker'), '');
      process.env['COSTPLAN_DATA_DIR'] = join(root, 'blocker', 'data');
      err.length = 0;
      expect(await runCli(['example', '--out', join(root, 'b.costplan')], io)).toBe(2);
      expect(err.join('')).toMatch(/^error: cannot create the data folder .*a file is in the way/);
      expect(existsSync(join(root, 'b.costplan'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env['COSTPLAN_DATA_DIR'];
      else process.env['COSTPLAN_DATA_DIR'] = saved;
    }
  });

  it('names the cause: permission, a read-only disk, a file in the way', () => {
    const dir = '/srv/planner/data';
    expect(describeDataDirError(dir, Object.assign(new Error('x'), { code: 'EACCES' })).message).toBe(
      'cannot create or write the data folder /srv/planner/data: permission denied. Give your user write access to it (or to /srv/planner), or start the planner with COSTPLAN_DATA_DIR set to a folder you can write to.',
    );
    expect(describeDataDirError(dir, Object.assign(new Error('x'), { code: 'EROFS' })).message).toBe(
      'cannot create or write the data folder /srv/planner/data: the disk is read-only. Use a folder on a writable disk: start the planner with COSTPLAN_DATA_DIR set to a folder you can write to.',
    );
    expect(describeDataDirError(dir, Object.assign(new Error('x'), { code: 'ENOTDIR' })).reason).toBe('file-in-the-way');
    const made = join(mkdtempSync(join(tmpdir(), 'costplan-ensure-')), 'a', 'b');
    expect(ensureDataDir(made)).toBe(made);
    expect(ensureDataDir(made)).toBe(made);
  });
});
