import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../main/deck/build-deck';
import { createTemplateModel } from '../../../shared/model/templates';
import type { Model } from '../../../shared/model/schema';
import { englishWords } from '../../support/chinese';
import { readDeck } from './support/pptx';

/**
 * Speaker notes hold the arithmetic behind every figure: in a Chinese deck they are Chinese,
 * margin gain and one-off cash included (they were written inline in English and Chinese).
 * Names of methods that Chinese writes in Latin letters too are allowed by name.
 */
const METHOD_NAMES = ['Shapley', 'PERCENTILE.INC'];

/** Every word of the model the planner wrote (line, scenario and investment names): they come in as they are. */
function modelWords(model: Model): string[] {
  return [
    model.name,
    ...model.costTree.map((node) => node.name),
    ...(model.revenueLines ?? []).map((line) => line.name),
    ...model.scenarios.flatMap((scenario) => [scenario.name, ...scenario.investments.map((line) => line.name)]),
  ];
}

describe('speaker notes of a Chinese deck', () => {
  it.each(['service-revenue', 'spare-parts'] as const)('%s: every note is Chinese, with the margin gain and one-off arithmetic', async (template) => {
    const model = createTemplateModel(template, 'zh');
    const deck = readDeck((await buildDeck(model, { date: new Date('2026-12-04T00:00:00Z') })).data);
    const notes = deck.slides.map((slide) => slide.notes).join('\n');
    for (const slide of deck.slides) expect(englishWords(slide.notes, [...METHOD_NAMES, ...modelWords(model)]), slide.paragraphs[0]).toEqual([]);
    if (template === 'service-revenue') {
      expect(notes).toContain('边际贡献增加 = 本级收入 R');
      expect(notes).toContain('期内收益 = 期内节省');
      expect(notes).toMatch(/第 1 年（\d{4}）：节省 .+ \+ 边际贡献增加 .+ \+ 一次性现金/u);
    }
  });

  it('the English deck keeps its English arithmetic', async () => {
    const model = createTemplateModel('service-revenue', 'en');
    const deck = readDeck((await buildDeck(model, { date: new Date('2026-12-04T00:00:00Z') })).data);
    const notes = deck.slides.map((slide) => slide.notes).join('\n');
    expect(notes).toContain('Margin gain = own revenue R x (margin m');
    expect(notes).toContain('Horizon benefit = horizon saving');
    expect(notes).not.toContain('边际贡献');
  });
});
