import { describe, expect, it } from 'vitest';
import { boundsOf, choiceParser, clean, fillDownTargets, pasteTargets, splitList, typedNumber } from '../../../renderer/src/components/grid/sheet';

describe('spreadsheet helpers of the grids', () => {
  const order = ['name', 'relevance', 'basis', 'share', 'amount'];

  it('turns an anchor and a focus into a block in display order', () => {
    expect(boundsOf({ rowIndex: 4, colId: 'share' }, { rowIndex: 1, colId: 'relevance' }, order)).toEqual({ top: 1, bottom: 4, left: 1, right: 3 });
    expect(boundsOf({ rowIndex: 0, colId: 'gone' }, { rowIndex: 1, colId: 'name' }, order)).toBeNull();
  });

  it('places a pasted block from the top-left of the selection, dropping cells beyond the grid', () => {
    const block = [
      ['a', 'b'],
      ['c', 'd'],
    ];
    expect(pasteTargets(block, { top: 2, bottom: 2, left: 3, right: 3 }, 10, 5)).toEqual([
      { rowIndex: 2, colIndex: 3, text: 'a' },
      { rowIndex: 2, colIndex: 4, text: 'b' },
      { rowIndex: 3, colIndex: 3, text: 'c' },
      { rowIndex: 3, colIndex: 4, text: 'd' },
    ]);
    expect(pasteTargets(block, { top: 9, bottom: 9, left: 4, right: 4 }, 10, 5)).toEqual([{ rowIndex: 9, colIndex: 4, text: 'a' }]);
  });

  it('fills a larger selection with one pasted value', () => {
    expect(pasteTargets([['7']], { top: 1, bottom: 2, left: 0, right: 1 }, 10, 5).map((t) => [t.rowIndex, t.colIndex, t.text])).toEqual([
      [1, 0, '7'],
      [1, 1, '7'],
      [2, 0, '7'],
      [2, 1, '7'],
    ]);
  });

  it('fills down from the top row of a block, or into one cell from the cell above', () => {
    expect(fillDownTargets({ top: 2, bottom: 5, left: 1, right: 2 })).toEqual({ source: 2, rows: [3, 4, 5], left: 1, right: 2 });
    expect(fillDownTargets({ top: 3, bottom: 3, left: 0, right: 0 })).toEqual({ source: 2, rows: [3], left: 0, right: 0 });
    expect(fillDownTargets({ top: 0, bottom: 0, left: 0, right: 0 })).toBeNull();
  });

  it('splits a typed list of yearly amounts without splitting grouped thousands', () => {
    expect(splitList('20 / 30 / 20')).toEqual(['20', '30', '20']);
    expect(splitList('20;30；40')).toEqual(['20', '30', '40']);
    expect(splitList('1,000, 2,000')).toEqual(['1,000', '2,000']);
    expect(splitList('1,000')).toEqual(['1,000']);
    expect(splitList('20 30')).toEqual(['20', '30']);
    expect(splitList('20，30、40')).toEqual(['20', '30', '40']);
  });

  it('reads numbers and percentages as planners type them', () => {
    expect(typedNumber('15', true)).toBe(0.15);
    expect(typedNumber(' -15 % ', true)).toBe(-0.15);
    expect(typedNumber('１４％', true)).toBe(0.14);
    expect(typedNumber('3,131.04', false)).toBe(3131.04);
    expect(typedNumber('abc', false)).toBeNull();
    expect(clean(0.14 * 100)).toBe(14);
  });

  it('reads a choice by code or label in either language, or says what is allowed', () => {
    const relevance = choiceParser({ strong: ['Strong', '强相关'], weak: ['Weak', '弱相关'] }, (text) => `"${text}" is not one of: strong, weak`);
    expect(relevance('强相关')).toEqual({ ok: true, value: 'strong' });
    expect(relevance(' WEAK ')).toEqual({ ok: true, value: 'weak' });
    expect(relevance('weak')).toEqual({ ok: true, value: 'weak' });
    expect(relevance('maybe')).toEqual({ ok: false, message: '"maybe" is not one of: strong, weak' });
  });
});
