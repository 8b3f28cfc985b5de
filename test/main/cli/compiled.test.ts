import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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

  it('loads for `compute` only the code compute needs: no deck, no workbook code, no foreign zod locale', async () => {
    const built = spawnSync(process.execPath, ['scripts/costplan.mjs', 'help'], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    // The help lists every command's usage (each from its own chunk), as the sources do.
    let fromSources = '';
    expect(await runCli(['help'], { out: (text) => (fromSources += text), err: () => undefined })).toBe(0);
    expect(built.stdout.replace(/^costplan: building.*\n/, '')).toBe(fromSources);
    const meta = JSON.parse(readFileSync(join(root, 'out', 'cli', 'meta.json'), 'utf8')) as {
      outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
    };
    const computeChunk = Object.keys(meta.outputs).find((out) => meta.outputs[out]!.entryPoint === 'main/cli/commands/compute.ts');
    expect(computeChunk).toBeDefined();
    // Everything `costplan compute` evaluates: the entry, the compute chunk, and what they import statically.
    const loaded = new Set<string>();
    const visit = (out: string) => {
      if (loaded.has(out)) return;
      loaded.add(out);
      for (const next of meta.outputs[out]!.imports) if (next.kind === 'import-statement' && next.path in meta.outputs) visit(next.path);
    };
    visit('out/cli/costplan.mjs');
    visit(computeChunk!);
    const inputs = [...loaded].flatMap((out) => Object.keys(meta.outputs[out]!.inputs));
    expect(inputs).toContain('main/cli/commands/compute.ts');
    expect(inputs.filter((input) => /pptxgenjs|jszip|main\/deck\/|main\/excel\/|cli\/commands\/(deck|excel|analysis)/.test(input))).toEqual([]);
    expect(inputs.filter((input) => /zod\/v4\/locales\/(?!en\.js)/.test(input))).toEqual([]);
    // The rest is there for the commands that need it.
    expect(Object.values(meta.outputs).some((output) => Object.keys(output.inputs).some((input) => input.includes('pptxgenjs')))).toBe(true);
  });
});
