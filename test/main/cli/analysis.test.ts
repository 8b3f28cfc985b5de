import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { createExampleModel, type Model } from '../../../shared/model';
import { dataTable, goalSeek, simulate, tornado } from '../../../shared/analysis';

/** The what-if commands: goal-seek, tornado, data-table and simulate, as text and as JSON. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

let file = '';
let zh = '';
let ranged = '';
const example = createExampleModel('en');
const ranges = [
  { input: 'lever:contact-center-labor:unitCost', low: -0.2, mostLikely: -0.15, high: -0.1, distribution: 'pert' as const },
  { input: 'growth', low: 0.1, mostLikely: 0.2, high: 0.3, distribution: 'triangular' as const },
];

/** The example with `ranges` on its first scenario: the model of the file `ranged`. */
function rangedExample(): Model {
  const model = structuredClone(example);
  model.scenarios[0]!.uncertainty = ranges;
  return model;
}

/** Runs an analysis command on a model file for a scenario and an output; `options` are the command's own. */
function analyse(command: string, model: string, scenario: string, output: string, ...options: string[]) {
  return run(command, model, '--scenario', scenario, '--output', output, ...options);
}

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'costplan-analysis-'));
  file = join(dir, 'example.json');
  zh = join(dir, 'example-zh.json');
  ranged = join(dir, 'ranged.json');
  writeFileSync(file, JSON.stringify(example));
  writeFileSync(zh, JSON.stringify(createExampleModel('zh')));
  writeFileSync(ranged, JSON.stringify(rangedExample()));
});

describe('goal-seek', () => {
  it('prints the value found, the output reached and that it is reachable', async () => {
    const result = await analyse('goal-seek', file, 'Target 15%', 'affectedShare', '--input', 'lever:Contact-center labor:unitCost', '--target', '2%');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Goal seek: Share of total cost saved = 2.00%');
    expect(result.stdout).toContain(
      'Input: Contact-center labor: unit cost (lever:contact-center-labor:unitCost), now -15.00%, valid range -100.00% to 1,000.00%',
    );
    expect(result.stdout).toContain('Reachable: yes');
    expect(result.stdout).toMatch(/Value found: -16\.42% \(-0\.16420361247947\d*\)/);
    expect(result.stdout).toContain('Output there: 2.00% (now 1.83%)');
  });

  it('prints JSON: the shared result with the scenario and the input named', async () => {
    const result = await analyse('goal-seek', file, 'target-15', 'npv', '--input', 'growth', '--target', '3000000', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    const shared = goalSeek(example, { scenario: 'target-15', input: 'growth', output: 'npv', target: 3e6 });
    expect(shared.ok && json).toEqual({ model: example.name, scenario: 'Target 15%', label: 'Volume growth', ...(shared.ok ? shared.value : {}) });
    expect(json['reachable']).toBe(true);
  });

  it("says when the target is out of reach, in the model's language", async () => {
    const result = await analyse('goal-seek', zh, '目标 15%', 'paybackYears', '--input', 'lever:呼叫中心人工:unitCost', '--target', '5');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('能否达到: 不能：在输入的有效范围内无法达到目标');
    expect(result.stdout).toMatch(/该取值下的结果: 3\.00 年/);
    const negative = await analyse('goal-seek', file, 'target-15', 'npv', '--input', 'discount', '--target=-1e6');
    expect(negative.code).toBe(0);
    expect(negative.stdout).toContain('Reachable:');
  });
});

describe('tornado', () => {
  it('prints bars sorted by swing, and JSON equal to the shared tornado', async () => {
    const text = await analyse('tornado', file, 'Target 15%', 'npv');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Tornado of NPV (now 222.35); each input to its range, else ±10.0% of its value');
    const lines = text.stdout.split('\n');
    const first = lines.findIndex((line) => line.includes('Contact-center labor: unit cost'));
    expect(lines[first]).toMatch(/-16\.50%\s+-13\.50%\s+262\.63\s+182\.08\s+80\.55/);
    expect(first).toBeLessThan(lines.findIndex((line) => line.includes('Discount rate')));
    const json = await analyse(
      'tornado',
      ranged,
      'target-15',
      'saving',
      '--swing',
      '0.2',
      '--input',
      'growth',
      '--input',
      'investment:Digital tools',
      '--json',
    );
    const parsed = JSON.parse(json.stdout) as { bars: { input: string; label: string; source: string }[] };
    const shared = tornado(rangedExample(), {
      scenario: 'target-15',
      output: 'saving',
      swing: 0.2,
      inputs: ['growth', 'investment:digital-tools'],
    });
    expect(shared.ok).toBe(true);
    if (shared.ok) expect(parsed.bars.map(({ label: _label, ...bar }) => bar)).toEqual(shared.value.bars);
    expect(parsed.bars.map((bar) => [bar.label, bar.source])).toEqual([
      ['Volume growth', 'range'],
      ['Digital tools (investment)', 'swing'],
    ]);
  });
});

describe('data-table', () => {
  it('prints one input as a column and two as a grid; JSON equals the shared table', async () => {
    const one = await analyse('data-table', file, 'target-15', 'returnOnInvestment', '--input', 'growth=0,10%,0.2');
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/20\.00%\s+225\.3%/);
    const two = await analyse(
      'data-table',
      file,
      'target-15',
      'npv',
      '--input',
      'growth=0,0.2',
      '--input',
      'lever:contact-center-labor:unitCost=-0.1,-0.2',
      '--json',
    );
    const json = JSON.parse(two.stdout) as { cells: number[][]; inputs: { input: string; label: string; values: number[] }[] };
    const shared = dataTable(example, {
      scenario: 'target-15',
      output: 'npv',
      inputs: [
        { input: 'growth', values: [0, 0.2] },
        { input: 'lever:contact-center-labor:unitCost', values: [-0.1, -0.2] },
      ],
    });
    expect(shared.ok && json.cells).toEqual(shared.ok ? shared.value.cells : null);
    expect(json.inputs.map((input) => input.label)).toEqual(['Volume growth', 'Contact-center labor: unit cost']);
    const grid = await analyse('data-table', file, 'target-15', 'npv', '--input', 'growth=0,0.2', '--input', 'lever:contact-center-labor:unitCost=-0.1,-0.2');
    expect(grid.stdout).toMatch(/20\.00%\s+88\.10\s+356\.60/);
  });
});

describe('simulate', () => {
  it('prints percentiles, chances, a histogram and sensitivities; the same seed gives the same output', async () => {
    const args = ['simulate', ranged, '--scenario', 'Target 15%', '--trials', '10000', '--seed', '42', '--output', 'npv'];
    const first = await run(...args);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Monte Carlo: 10,000 trials, seed 42, NPV');
    expect(first.stdout).toMatch(/P10: [\d.,]+ {3}P50: [\d.,]+ {3}P90: [\d.,]+/);
    expect(first.stdout).toContain('Chance that return / investment exceeds 1: 100.0%');
    expect(first.stdout).toContain('Sensitivity (rank correlation with NPV):');
    expect((await run(...args)).stdout).toBe(first.stdout);
    const json = JSON.parse((await run(...args, '--json')).stdout) as Record<string, unknown>;
    const model = rangedExample();
    const shared = simulate(model, { scenario: 'target-15', output: 'npv', trials: 10_000, seed: 42 });
    expect(shared.ok).toBe(true);
    if (shared.ok) {
      expect(json['p50']).toBe(shared.value.p50);
      expect(json['histogram']).toEqual(shared.value.histogram);
    }
  });

  it('takes ranges on the command line, and says so clearly when there are none', async () => {
    const none = await analyse('simulate', file, 'Target 15%', 'npv', '--trials', '1000', '--seed', '1');
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      `error: ${file}: scenario "Target 15%" has no uncertainty ranges to simulate; give inputs a range in the model ("uncertainty" in the JSON, the setInputRange edit) or here with --range INPUT=low,likely,high\n`,
    );
    const given = await analyse(
      'simulate',
      file,
      'Target 15%',
      'paybackYears',
      '--trials',
      '1000',
      '--seed',
      '1',
      '--range',
      'lever:Contact-center labor:unitCost=-20%,-15%,-10%',
      '--json',
    );
    expect(given.code).toBe(0);
    expect((JSON.parse(given.stdout) as { ranges: unknown }).ranges).toEqual([
      { input: 'lever:contact-center-labor:unitCost', low: -0.2, mostLikely: -0.15, high: -0.1, distribution: 'pert' },
    ]);
    const bad = await analyse(
      'simulate',
      file,
      'Target 15%',
      'npv',
      '--trials',
      '1000',
      '--seed',
      '1',
      '--range',
      'share:contact-center=0.1,0.14,0.3,triangular',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `error: ${file}: --range: scenarios["Target 15%"].uncertainty["share:contact-center"].high: must be at least 0% and at most 14%, got 30%\n`,
    );
  });
});

describe('bad input', () => {
  it.each([
    [
      ['goal-seek', 'FILE', '--scenario', 'Target 15%', '--input', 'lever:Call center:unitCost', '--output', 'npv', '--target', '1'],
      /^error: .*example\.json: --input "lever:Call center:unitCost": refers to no cost node "Call center"/,
    ],
    [
      ['goal-seek', 'FILE', '--scenario', 'Target 15%', '--input', 'growth', '--output', 'profit', '--target', '1'],
      /^error: --output must be one of affectedShare, saving, investment, net, returnOnInvestment, netRoi, npv, paybackYears, got "profit"/,
    ],
    [
      ['goal-seek', 'FILE', '--scenario', 'Target 15%', '--input', 'growth', '--output', 'npv', '--target', 'lots'],
      /^error: --target must be a number \(such as 0\.15, -2e6 or 15%\), got "lots"/,
    ],
    [
      ['goal-seek', 'FILE', '--scenario', 'Target 15%', '--input', 'growth', '--output', 'npv', '--target', '-5'],
      /^error: option --target: attach a value that starts with a dash, as in --target=-0\.02/,
    ],
    [['goal-seek', 'FILE', '--scenario', 'Nope', '--input', 'growth', '--output', 'npv', '--target', '1'], /no scenario named "Nope"/],
    [['goal-seek', 'FILE', '--input', 'growth', '--output', 'npv', '--target', '1'], /^error: --scenario NAME is required/],
    [['tornado', 'FILE', '--scenario', 'Target 15%', '--output', 'npv', '--swing', '0'], /^error: .*: --swing: must be above 0/],
    [
      ['data-table', 'FILE', '--scenario', 'Target 15%', '--output', 'npv', '--input', 'share:contact-center=0.1,0.5'],
      /^error: .*: --input "share:contact-center": value 2 must be at least 0% and at most 14%, got 50%/,
    ],
    [['data-table', 'FILE', '--scenario', 'Target 15%', '--output', 'npv', '--input', 'growth'], /^error: --input "growth": expected INPUT=v1,v2,/],
    [['data-table', 'FILE', '--scenario', 'Target 15%', '--output', 'npv'], /^error: give one or two --input/],
    [
      ['simulate', 'RANGED', '--scenario', 'Target 15%', '--output', 'npv', '--trials', '1000000', '--seed', '1'],
      /^error: .*: --trials: must be a whole number from 1 to 100,000, got 1000000/,
    ],
    [['simulate', 'RANGED', '--scenario', 'Target 15%', '--output', 'npv', '--trials', '10'], /^error: --seed S is required/],
  ])('%j exits 2 with one line', async (argv, message) => {
    const result = await run(...argv.map((arg) => (arg === 'FILE' ? file : arg === 'RANGED' ? ranged : arg)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('lists the new commands in the help', async () => {
    const help = await run('help');
    for (const command of ['goal-seek', 'tornado', 'data-table', 'simulate']) expect(help.stdout).toContain(`costplan ${command} FILE`);
  });
});
