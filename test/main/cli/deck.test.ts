import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { createExampleModel } from '../../../shared/model';
import { solidPng } from '../deck/support/png';
import { readDeck } from '../deck/support/pptx';

/** `costplan deck`: the deck written atomically, options checked, one line and exit 2 on bad input. */
async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

let dir = '';
let model = '';
let logo = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'costplan-deck-cli-'));
  model = join(dir, 'example.json');
  writeFileSync(model, JSON.stringify(createExampleModel('zh')));
  logo = join(dir, 'logo.png');
  writeFileSync(logo, solidPng(2, 1, [255, 0, 0]));
});

describe('costplan deck', () => {
  it('writes the deck in the model language and unit, and says how many slides', async () => {
    const out = join(dir, 'deck.pptx');
    const result = await run('deck', model, '--out', out);
    expect(result).toEqual({ code: 0, stdout: `wrote ${out} (11 slides)\n`, stderr: '' });
    const deck = readDeck(readFileSync(out));
    expect(deck.slides[1]!.paragraphs).toContain('473.2 万元');
  });

  it('writes the deck of a template written by `costplan example`: margin gain and one-off cash on the slides', async () => {
    for (const [template, figure] of [
      ['service-revenue', '525.9 万元'],
      ['spare-parts', '+400.0 万元'],
    ] as const) {
      const file = join(dir, `${template}.json`);
      expect((await run('example', '--template', template, '--out', file)).code).toBe(0);
      const out = join(dir, `${template}.pptx`);
      const result = await run('deck', file, '--out', out, '--slides', 'summary,cashflow');
      expect(result).toEqual({ code: 0, stdout: `wrote ${out} (2 slides)\n`, stderr: '' });
      const deck = readDeck(readFileSync(out));
      expect(deck.slides[0]!.paragraphs).toContain(figure);
      const series = deck.slides[1]!.charts[0]!.series.map((s) => s.name);
      expect(series).toContain(template === 'service-revenue' ? '边际贡献增加' : '一次性现金');
    }
  });

  it('takes the scenarios, baseline, language, unit, slides, client, accent and logo', async () => {
    const out = join(dir, 'chosen.pptx');
    const result = await run(
      'deck',
      model,
      '--out',
      out,
      '--scenario',
      '数字化工具 20%',
      '--baseline',
      '目标 15%',
      '--lang',
      'en',
      '--unit',
      'million',
      '--slides',
      'title,summary',
      '--client',
      'ACME',
      '--accent',
      '#2e8b57',
      '--logo',
      logo,
    );
    expect(result.code).toBe(0);
    const deck = readDeck(readFileSync(out));
    expect(deck.slides).toHaveLength(2);
    expect(deck.slides[0]!.paragraphs).toContain('ACME');
    expect(deck.slides[1]!.paragraphs).toContain('1.7 million yuan');
    expect(deck.slides[1]!.text).toContain('Against the baseline "目标 15%":');
    expect(deck.slides[1]!.xml).toContain('2E8B57');
    expect([...deck.parts.keys()].some((name) => name.startsWith('ppt/media/'))).toBe(true);
  });

  it('refuses to replace a file without --force, and bad options, with one line and exit 2', async () => {
    const out = join(dir, 'kept.pptx');
    writeFileSync(out, 'keep me');
    const cases: [string[], RegExp][] = [
      [['deck', model, '--out', out], /already exists; pass --force/],
      [['deck', model, '--out', join(dir, 'x.ppt')], /must end in \.pptx/],
      [['deck', model, '--out', join(dir, 'x.pptx'), '--unit', 'wan'], /--unit must be one of/],
      [['deck', model, '--out', join(dir, 'x.pptx'), '--lang', 'fr'], /--lang must be one of/],
      [['deck', model, '--out', join(dir, 'x.pptx'), '--scenario', 'Nope'], /no scenario named "Nope"/],
      [['deck', model, '--out', join(dir, 'x.pptx'), '--baseline', 'Nope'], /no baseline scenario named "Nope"/],
      [['deck', model, '--out', join(dir, 'x.pptx'), '--slides', 'cover'], /--slides: no slide "cover"/],
      [['deck', model, '--out', join(dir, 'x.pptx'), '--accent', 'blue'], /--accent must be a colour/],
      [['deck', model, '--out', join(dir, 'x.pptx'), '--logo', model], /must be a PNG or JPEG/],
      [['deck', model, '--out', join(dir, 'x.pptx'), '--logo', join(dir, 'missing.png')], /cannot read the logo/],
      [['deck', join(dir, 'missing.json'), '--out', join(dir, 'x.pptx')], /missing\.json/],
      [['deck', model], /--out FILE is required/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(existsSync(join(dir, 'x.pptx'))).toBe(false);
    expect((await run('deck', model, '--out', out, '--force')).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
