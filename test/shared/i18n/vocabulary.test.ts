import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../../shared/i18n/resources';
import { text, translator } from '../../../shared/i18n/vocabulary';

describe('the vocabulary', () => {
  it('words a text in each language with its placeholders filled', () => {
    expect(text('zh', 'messages', 'other', { text: '原文' })).toBe('原文');
    expect(translator('en')('messages', 'other', { text: 'as written' })).toBe('as written');
  });

  it('holds the same namespaces in Chinese and English', () => {
    expect(Object.keys(VOCABULARY.zh).sort()).toEqual(Object.keys(VOCABULARY.en).sort());
  });
});
