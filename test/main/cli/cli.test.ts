import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { createExampleModel } from '../../../shared/model';

const root = join(import.meta.dirname, '..', '..', '..');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'costplan-cli-'));
}

interface ComputeJson {
  scenarios: {
    name: string;
    affectedShare: number;
    years: { year: number; saving: number; investment: number; net: number; cumulativeNet: number }[];
    totals: { saving: number; investment: number; net: number; returnOnInvestment: number; netRoi: number; npv: number; paybackYears: number | null };
  }[];
}

describe('costplan CLI', () => {
  it('writes the example and computes it as JSON with the oracle figures', async () => {
    const dir = tempDir();
    const file = join(dir, 'example.json');
    expect((await run('example', '--out', file, '--lang', 'en')).code).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(written).toEqual(createExampleModel('en'));

    const result = await run('compute', file, '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as ComputeJson;
    const target = json.scenarios.find((s) => s.name === 'Target 15%')!;
    expect(target.years.map((y) => y.saving / 1e4)).toEqual([expect.closeTo(130.00932, 9), expect.closeTo(156.011184, 9), expect.closeTo(187.2134208, 9)]);
    expect(target.totals.saving / 1e4).toBeCloseTo(473.2339248, 9);
    expect(target.totals.returnOnInvestment).toBeCloseTo(2.25349488, 12);
    expect(target.totals.npv / 1e4).toBeCloseTo(222.3527047, 6);
    expect(target.totals.paybackYears).toBeCloseTo(30 / 90.00932, 12);
    expect(target.affectedShare).toBeCloseTo(0.01827, 14);
  });

  it('prints a readable table in the model language and unit, one scenario when asked', async () => {
    const dir = tempDir();
    const file = join(dir, 'example.json');
    await run('example', '--out', file);
    const zh = await run('compute', file, '--scenario', '目标 15%');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('金额单位 万元');
    expect(zh.stdout).toMatch(/2027\s+130\.01\s+70\.00\s+60\.01\s+60\.01/);
    expect(zh.stdout).toContain('投入产出比: 225.3%');
    expect(zh.stdout).toContain('回收期: 0.33 年（4.0 个月）');
    expect(zh.stdout).not.toContain('数字化工具 20%');
    const en = await run('compute', file, '--lang', 'en');
    expect(en.stdout).toContain('Return / investment: 300.5%');
    expect(en.stdout).toContain('Payback: 0.22 years (2.7 months)');
  });

  it.each([
    [['compute', 'missing.json'], /^error: missing\.json: no such file\n$/],
    [['compute', 'missing.costplan'], /^error: there is no file missing\.costplan\n$/],
    [['compute'], /^error: expected one FILE/],
    [['compute', 'a.json', '--nope'], /^error: unknown option --nope/],
    [['frobnicate'], /^error: unknown command "frobnicate"/],
    [['example'], /^error: --out FILE is required/],
  ])('rejects %j with exit 2 and one line', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('names the file and the place of a rule broken inside the model', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.json');
    const model = createExampleModel('en');
    const other = model.costTree.find((node) => node.id === 'contact-center-other')!;
    other.basis = { kind: 'share', share: 0.25 };
    writeFileSync(file, JSON.stringify(model));
    const result = await run('compute', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${file}: costTree["Contact center"].children: the shares under "Contact center" add up to 112% (max 100%)\n`);
  });

  it('reports broken JSON with its line and column, and unknown scenarios with the known ones', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "name": "x",\n}');
    expect((await run('compute', broken)).stderr).toMatch(/not valid JSON at line 3, column 1/);
    const file = join(dir, 'example.json');
    await run('example', '--out', file, '--lang', 'en');
    expect((await run('compute', file, '--scenario', 'Nope')).stderr).toContain('no scenario named "Nope" (scenarios: "Target 15%", "Digital tools 20%")');
  });

  it('runs through npm with only the command output on stdout and exit code 2 on bad input', async () => {
    const dir = tempDir();
    const file = join(dir, 'example.json');
    execFileSync('npm', ['run', '-s', 'costplan', '--', 'example', '--out', file], { cwd: root });
    const stdout = execFileSync('npm', ['run', '-s', 'costplan', '--', 'compute', file, '--json'], { cwd: root, encoding: 'utf8' });
    expect((JSON.parse(stdout) as ComputeJson).scenarios).toHaveLength(2);
    const bad = spawnSync('npm', ['run', '-s', 'costplan', '--', 'compute', join(dir, 'none.json')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(`error: ${join(dir, 'none.json')}: no such file`);
    expect(bad.stdout).toBe('');
  });
});
