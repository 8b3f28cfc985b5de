import { describe, expect, it } from 'vitest';
import { text } from '../../../shared/i18n/vocabulary';
import { categoryWords, clientWords, coverSheetsList, distributionMessage, withUnit, workbookWords } from '../../../shared/workbook/words';

const SHEETS = { summary: 'S', checks: 'C', assumptions: 'A', structure: 'T', charts: 'H', analyses: 'N', definitions: 'D' };

describe('the workbook words', () => {
  it('leave the display unit as a marker that withUnit fills where the label meets a sheet', () => {
    const book = workbookWords('en');
    expect(book('summary.rows.saving')).toBe('Horizon saving ({unit})');
    expect(withUnit(book('summary.rows.saving'), '10k yuan')).toBe('Horizon saving (10k yuan)');
    expect(withUnit(workbookWords('zh')('scenario.net'), '万元')).toContain('万元');
    expect(clientWords('en')('charts.years')).toBe('Saving and investment by year, cumulative net ({unit})');
  });

  it('fill named placeholders, and read texts shared with other surfaces through the vocabulary', () => {
    const book = workbookWords('en');
    expect(book('analysis.tornado', { output: 'NPV', swing: 10 })).toBe(
      'Tornado of NPV: each input moved alone to its low and high (its uncertainty range, else -/+10% of its value)',
    );
    expect(book('analysis.largest', { shown: 20, of: 12345 })).toBe('The 20 largest swings of 12,345 inputs');
    expect(clientWords('zh')('print.header', { model: 'M', date: '2026-12-05' })).toBe('&LM&C&A&R2026-12-05');
    expect(book('summary.rows.volumeGrowth')).toBe(text('en', 'figures', 'volumeGrowthRate'));
  });

  it('a text looked up twice reads the same (the plain ones are kept per language)', () => {
    const first = workbookWords('zh')('sheets.summary');
    expect(workbookWords('zh')('sheets.summary')).toBe(first);
    expect(workbookWords('en')('sheets.summary')).toBe('Summary');
  });

  it('list the cover sheets in the vocabulary order, each naming its sheet', () => {
    const lines = coverSheetsList(clientWords('en'), SHEETS);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^S: every scenario/u);
    expect(lines[4]).toMatch(/^One sheet per scenario/u);
    expect(lines[7]).toMatch(/^D: how every figure/u);
    expect(coverSheetsList(clientWords('zh'), SHEETS)[0]).toMatch(/^S：/u);
  });

  it('word the distribution message and the category list', () => {
    expect(distributionMessage(clientWords('en'), ['pert', 'triangular'])).toBe(
      'The distribution of the Monte Carlo draws between low and high: "pert" or "triangular".',
    );
    expect(categoryWords(workbookWords('en'))).toEqual(['Bonus', 'Digital tools', 'Team and pay', 'Training', 'Other']);
    expect(categoryWords(workbookWords('zh'))).toHaveLength(5);
  });

  it('check keys and placeholders when compiled (the @ts-expect-error lines fail the type check if they stop being errors)', () => {
    const book = workbookWords('en');
    const client = clientWords('en');
    const wrong = [
      // @ts-expect-error a misspelt key
      () => book('summary.rows.savings'),
      // @ts-expect-error a missing placeholder
      () => book('analysis.tornado', { output: 'NPV' }),
      // @ts-expect-error a misspelt placeholder
      () => client('print.header', { model: 'M', dat: '2026-12-05' }),
      // @ts-expect-error a text that takes no placeholder given one
      () => book('summary.figure', { model: 'M' }),
      // @ts-expect-error the plain lookup has no unit marker given: {{u}} must be named
      () => text('en', 'workbook', 'summary.rows.saving'),
    ];
    expect(wrong).toHaveLength(5);
    expect(text('en', 'workbook', 'summary.rows.saving', { u: 'yuan' })).toBe('Horizon saving (yuan)');
  });
});
