import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';

const root = join(import.meta.dirname, '..', '..', '..');

describe('the compiled command line (out/cli/costplan.mjs)', () => {
  it('is built by the launcher when missing or stale and prints what the sources print', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costplan-compiled-'));
    const file = join(dir, 'example.costplan');
    const made = spawnSync(process.execPath, ['scripts/costplan.mjs', 'example', '--out', file, '--lang', 'en'], { cwd: root, encoding: 'utf8' });
    expect(made.status).toBe(0);
    const compiled = spawnSync(process.execPath, ['out/cli/costplan.mjs', 'compute', file], { cwd: root, encoding: 'utf8' });
    expect(compiled.status).toBe(0);
    let fromSources = '';
    expect(await runCli(['compute', file], { out: (text) => (fromSources += text), err: () => undefined })).toBe(0);
    expect(compiled.stdout).toBe(fromSources);
    expect(compiled.stdout).toContain('Target 15%');
  });

  it('runs the workbook parser child beside the bundle (an import of a template)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'costplan-compiled-'));
    const template = join(dir, 'template.xlsx');
    const out = join(dir, 'imported.costplan');
    const wrote = spawnSync(process.execPath, ['scripts/costplan.mjs', 'import-template', '--out', template, '--lang', 'en'], { cwd: root, encoding: 'utf8' });
    expect(wrote.status, wrote.stderr).toBe(0);
    const imported = spawnSync(process.execPath, ['out/cli/costplan.mjs', 'import', template, '--out', out], { cwd: root, encoding: 'utf8' });
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toBe('');
  });
});
