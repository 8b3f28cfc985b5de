import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { createTemplateModel, LANGUAGES } from '../../../shared/model';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

interface YearJson {
  saving: number;
  marginGain: number;
  oneOff: number;
  investment: number;
  net: number;
  cumulativeNet: number;
}

interface ComputeJson {
  scenarios: {
    affectedShare: number;
    years: YearJson[];
    totals: {
      saving: number;
      marginGain: number;
      benefit: number;
      oneOff: number;
      investment: number;
      net: number;
      returnOnInvestment: number;
      netRoi: number;
      npv: number;
      paybackYears: number;
    };
  }[];
}

const WAN = 1e4;

/** The worked examples of ../shared/domain.md ("Templates"), in 万元. */
const ORACLES = {
  'spare-parts': {
    saving: [151, 332.2, 365.42],
    marginGain: [0, 0, 0],
    oneOff: [400, 0, 0],
    investment: [185.1, 53.22, 56.542],
    cumulativeNet: [365.9, 644.88, 953.758],
    totals: { saving: 848.62, marginGain: 0, benefit: 848.62, oneOff: 400, investment: 294.862 },
    returnOnInvestment: 2.8780243,
    netRoi: 1.8780243,
    npv: 823.17399533,
    payback: 150 / (151 + 400 - 35.1),
  },
  'service-providers': {
    saving: [211, 232.1, 255.31],
    marginGain: [0, 0, 0],
    oneOff: [0, 0, 0],
    investment: [90.55, 11.605, 12.7655],
    cumulativeNet: [120.45, 340.945, 583.4895],
    totals: { saving: 698.41, marginGain: 0, benefit: 698.41, oneOff: 0, investment: 114.9205 },
    returnOnInvestment: 6.07733172,
    netRoi: 5.07733172,
    npv: 493.10634494,
    payback: 80 / (211 - 10.55),
  },
  'service-revenue': {
    saving: [0, 0, 0],
    marginGain: [162, 174.96, 188.9568],
    oneOff: [0, 0, 0],
    investment: [91.2, 32.496, 33.89568],
    cumulativeNet: [70.8, 213.264, 368.32512],
    totals: { saving: 0, marginGain: 525.9168, benefit: 525.9168, oneOff: 0, investment: 157.59168 },
    returnOnInvestment: 3.33721171,
    netRoi: 2.33721171,
    npv: 310.78798964,
    payback: 60 / (162 - 16.2 - 15),
  },
} as const;

function close(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(Math.abs(expected) * relative, 1e-9));
}

describe.each(LANGUAGES)('costplan example --template and compute --json (%s)', (language) => {
  it.each(Object.entries(ORACLES))('%s reproduces the worked example', async (template, oracle) => {
    const dir = mkdtempSync(join(tmpdir(), 'costplan-templates-'));
    const file = join(dir, `${template}.json`);
    const written = await run('example', '--template', template, '--out', file, '--lang', language);
    expect(written.code, written.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(createTemplateModel(template as keyof typeof ORACLES, language));
    const result = await run('compute', file, '--json');
    expect(result.code, result.stderr).toBe(0);
    const scenario = (JSON.parse(result.stdout) as ComputeJson).scenarios[0]!;
    scenario.years.forEach((year, i) => {
      close(year.saving / WAN, oracle.saving[i]!);
      close(year.marginGain / WAN, oracle.marginGain[i]!);
      close(year.oneOff / WAN, oracle.oneOff[i]!);
      close(year.investment / WAN, oracle.investment[i]!);
      // The year's net is saving + margin gain + one-off cash - investment; the cumulative net follows it.
      close(year.net, year.saving + year.marginGain + year.oneOff - year.investment);
      close(year.cumulativeNet / WAN, oracle.cumulativeNet[i]!);
    });
    for (const [key, value] of Object.entries(oracle.totals)) close(scenario.totals[key as keyof typeof oracle.totals] / WAN, value);
    close(scenario.totals.net / WAN, oracle.cumulativeNet[2]);
    expect(Math.abs(scenario.totals.returnOnInvestment - oracle.returnOnInvestment)).toBeLessThan(5e-9);
    expect(Math.abs(scenario.totals.netRoi - oracle.netRoi)).toBeLessThan(5e-9);
    expect(Math.abs(scenario.totals.npv / WAN - oracle.npv)).toBeLessThan(5e-9);
    close(scenario.totals.paybackYears, oracle.payback);
  });
});

describe('costplan example --template', () => {
  it('writes an empty model and refuses an unknown template by naming the known ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costplan-templates-'));
    const file = join(dir, 'empty.json');
    expect((await run('example', '--template', 'empty', '--out', file)).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(createTemplateModel('empty', 'zh'));
    const bad = await run('example', '--template', 'warehouse', '--out', join(dir, 'x.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --template must be one of contact-center, spare-parts, service-providers, service-revenue, empty, got "warehouse"\n');
  });

  it('the text report shows margin gain and one-off cash as their own columns, and captions on levers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costplan-templates-'));
    const parts = join(dir, 'parts.json');
    await run('example', '--template', 'spare-parts', '--out', parts, '--lang', 'en');
    const text = (await run('compute', parts)).stdout;
    expect(text).toContain('One-off cash');
    expect(text).toContain('inventory turnover (per-capita volume) +25.0%');
    expect(text).toMatch(/2027\s+151\.00\s+400\.00\s+185\.10\s+365\.90\s+365\.90/);
    const revenue = join(dir, 'revenue.json');
    await run('example', '--template', 'service-revenue', '--out', revenue, '--lang', 'zh');
    const zh = (await run('compute', revenue)).stdout;
    expect(zh).toContain('边际贡献增加');
    expect(zh).toContain('二次消费率（业务量） +10.0%');
  });
});
