import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../../shared/i18n/resources';
import { text, translator } from '../../../shared/i18n/vocabulary';

describe('the vocabulary', () => {
  it('words a text in each language with its placeholders filled', () => {
    expect(text('zh', 'messages', 'not-a-number', { text: '原文' })).toBe('“原文”不是数字');
    expect(translator('en')('messages', 'not-a-number', { text: 'abc' })).toBe('"abc" is not a number');
  });

  it('holds the same namespaces in Chinese and English', () => {
    expect(Object.keys(VOCABULARY.zh).sort()).toEqual(Object.keys(VOCABULARY.en).sort());
  });

  it('words a text shared by several surfaces once: they point at one key and read the same', () => {
    for (const language of ['zh', 'en'] as const) {
      const rate = text(language, 'figures', 'volumeGrowthRate');
      const step = text(language, 'figures', 'volumeGrowthStep');
      expect([text(language, 'workbook', 'summary.rows.volumeGrowth'), text(language, 'workbook', 'scenario.volumeGrowth')]).toEqual([rate, rate]);
      expect([text(language, 'deck', 'assumptions.growth'), text(language, 'ui', 'levers.growth')]).toEqual([rate, rate]);
      expect([text(language, 'deck', 'bridge.growth'), text(language, 'workbook', 'analysis.growthStep'), text(language, 'ui', 'analysis.growthStep')]).toEqual(
        [step, step, step],
      );
    }
    expect(text('zh', 'figures', 'volumeGrowthRate')).toBe('业务量年增长率');
    expect(text('en', 'deck', 'bridge.growth')).toBe('Volume growth');
  });

  it('fills plurals and English number separators', () => {
    expect(text('en', 'menu', 'costLines', { count: 1 })).toBe('1 cost line');
    expect(text('en', 'menu', 'costLines', { count: 6 })).toBe('6 cost lines');
    expect(text('zh', 'menu', 'costLines', { count: 6 })).toBe('6 个成本项');
    expect(text('en', 'deck', 'levers.others', { levers: 12345 })).toBe('Other levers (12,345)');
    expect(text('zh', 'deck', 'levers.others', { levers: 12345 })).toBe('其他杠杆（12345 项）');
  });
});
