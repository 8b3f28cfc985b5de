import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateModel } from '../../../bench/generate';
import { buildDeck } from '../../../main/deck/build-deck';
import { createExampleModel, type Model } from '../../../shared/model';
import { createTemplateModel } from '../../../shared/model/templates';
import { convert, findSoffice, freshProfile } from '../excel/support/libreoffice';
import { solidPng } from './support/png';

/**
 * LibreOffice Impress, a second reader of the file, converts each deck to PDF without errors,
 * one page per slide; poppler's pdftoppm turns the pages into PNGs kept under
 * test-artifacts/deck/ (with the decks) for a person to look at.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'deck');
const soffice = findSoffice();
const pdftoppm = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).status === 0;

// Outside CI a machine without LibreOffice or poppler skips this block; in CI their absence is a failure.
describe.skipIf((!soffice || !pdftoppm) && !process.env['CI'])(
  'decks converted by LibreOffice (skipped only outside CI when soffice or pdftoppm is missing)',
  () => {
    if (!soffice || !pdftoppm) {
      it('needs LibreOffice Impress and poppler (CI installs libreoffice-impress-nogui and poppler-utils)', () => {
        throw new Error('soffice or pdftoppm is not installed: CI must install libreoffice-impress-nogui and poppler-utils (.ci/run)');
      });
      return;
    }

    const decks: { name: string; model: Model; options: Parameters<typeof buildDeck>[1] }[] = [
      { name: 'example-zh', model: createExampleModel('zh'), options: { style: { client: '某家电集团售后服务有限公司' } } },
      {
        name: 'example-en',
        model: createExampleModel('en'),
        options: { style: { client: 'ACME Appliances', accent: '2E8B57', logo: { data: solidPng(240, 80, [46, 139, 87]), type: 'png' } } },
      },
      {
        name: 'generated-1000-en',
        model: withRanges(generateModel({ leafLines: 1000, seed: 7, scenarios: 6, horizonYears: 12 })),
        options: { language: 'en' },
      },
      // Margin gain and one-off cash: their own tiles, series, columns and bridge steps.
      { name: 'service-revenue-zh', model: createTemplateModel('service-revenue', 'zh'), options: {} },
      { name: 'spare-parts-en', model: createTemplateModel('spare-parts', 'en'), options: {} },
      { name: 'revenue-and-one-off-en', model: withOneOff(createTemplateModel('service-revenue', 'en')), options: {} },
      {
        name: 'long-names-zh',
        model: longNames(),
        options: { style: { client: '一个非常非常长的客户名称：某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某有限责任公司（中国）' } },
      },
    ];
    const slides = new Map<string, number>();

    beforeAll(async () => {
      rmSync(ARTIFACTS, { recursive: true, force: true });
      mkdirSync(ARTIFACTS, { recursive: true });
      const files: string[] = [];
      for (const deck of decks) {
        const built = await buildDeck(deck.model, { date: new Date('2026-12-04T00:00:00Z'), ...deck.options });
        const path = join(ARTIFACTS, `${deck.name}.pptx`);
        writeFileSync(path, built.data);
        files.push(path);
        slides.set(deck.name, built.slides);
      }
      convert(soffice, freshProfile(), files, ARTIFACTS, 'pdf');
      for (const deck of decks) {
        const run = spawnSync('pdftoppm', ['-r', '60', '-png', join(ARTIFACTS, `${deck.name}.pdf`), join(ARTIFACTS, deck.name)], { encoding: 'utf8' });
        if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr}`);
      }
    }, 600_000);

    it.each(decks.map((deck) => deck.name))('%s: a PDF page, and a PNG, for every slide', (name) => {
      expect(existsSync(join(ARTIFACTS, `${name}.pdf`))).toBe(true);
      const pages = readdirSync(ARTIFACTS).filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'));
      expect(pages.length).toBe(slides.get(name));
    });
  },
);

/** Ranges on the first scenario's growth and discount rate: the risk slide shows the Monte Carlo. */
function withRanges(model: Model): Model {
  const [first, ...rest] = model.scenarios;
  const growth = first!.volumeGrowth;
  const uncertainty = [
    { input: 'growth', low: growth - 0.05, mostLikely: growth, high: growth + 0.05, distribution: 'triangular' as const },
    { input: 'discount', low: 0.05, mostLikely: 0.08, high: 0.12, distribution: 'pert' as const },
  ];
  return { ...model, scenarios: [{ ...first!, uncertainty }, ...rest] };
}

/** The example with names at the limit of 120 characters, to see wrapping and shrinking. */
function longNames(): Model {
  const model = createExampleModel('zh');
  const long = (base: string) => `${base}${'（含外包、备件与现场服务的全部人工和差旅费用）'.repeat(6)}`.slice(0, 120);
  return {
    ...model,
    name: long('售后服务成本示例：一个名称很长的模型'),
    costTree: model.costTree.map((node) => ({ ...node, name: long(node.name) })),
    scenarios: model.scenarios.map((scenario) => ({
      ...scenario,
      name: long(scenario.name),
      investments: scenario.investments.map((line) => ({ ...line, name: long(line.name) })),
    })),
  };
}

/** A template with a one-off item added to its first scenario (a revenue model with stock sold, say). */
export function withOneOff(model: Model): Model {
  const [first, ...rest] = model.scenarios;
  const item = {
    id: 'asset-sale',
    name: model.language === 'zh' ? '出售旧备件库' : 'Old parts store sold',
    amount: 1_200_000,
    year: 2,
    timing: 'upfront' as const,
  };
  return { ...model, scenarios: [{ ...first!, oneOffs: [...(first!.oneOffs ?? []), item] }, ...rest] };
}
