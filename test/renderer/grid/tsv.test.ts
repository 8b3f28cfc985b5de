import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../../renderer/src/components/grid/tsv';

describe('parseTsv (clipboard text from Excel, LibreOffice, Google Sheets)', () => {
  it('splits cells on tabs and rows on CRLF or LF', () => {
    expect(parseTsv('a\tb\tc\r\n1\t2\t3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(parseTsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseTsv('a\rb')).toEqual([['a'], ['b']]);
  });

  it('ignores the line break Excel puts after the last row', () => {
    expect(parseTsv('40\r\n18\r\n')).toEqual([['40'], ['18']]);
    expect(parseTsv('x\n')).toEqual([['x']]);
  });

  it('keeps empty cells, at the start, in the middle and at the end of a row', () => {
    expect(parseTsv('\ta\t\tb\t')).toEqual([['', 'a', '', 'b', '']]);
    expect(parseTsv('a\r\n\r\nb')).toEqual([['a'], [''], ['b']]);
    expect(parseTsv('\n')).toEqual([['']]);
  });

  it('reads quoted cells holding tabs, line breaks and doubled quotes', () => {
    expect(parseTsv('"line 1\nline 2"\t"a\tb"\t"say ""hi"""')).toEqual([['line 1\nline 2', 'a\tb', 'say "hi"']]);
    expect(parseTsv('"x"\r\n"y"\r\n')).toEqual([['x'], ['y']]);
  });

  it('keeps a quote that does not open a closed quoted cell as text', () => {
    expect(parseTsv('5" screen\t"open')).toEqual([['5" screen', '"open']]);
    expect(parseTsv('"a"b\tc')).toEqual([['"a"b', 'c']]);
  });

  it('writes rows ending in CRLF, quoting only the cells that need it', () => {
    expect(
      toTsv([
        ['a', 'b c'],
        ['1', 'x\ty'],
      ]),
    ).toBe('a\tb c\r\n1\t"x\ty"\r\n');
    expect(toTsv([['say "hi"', '']])).toBe('"say ""hi"""\t\r\n');
  });

  it('returns no rows for empty text, and Chinese text and full-width digits untouched', () => {
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('呼叫中心\t１４％')).toEqual([['呼叫中心', '１４％']]);
  });

  it('reads back what toTsv writes, for any block of cells', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', '1', ' ', '\t', '\n', '\r', '"', '中', '%') });
    const block = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([rows, columns]) => fc.array(fc.array(cellText, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));
    fc.assert(
      fc.property(block, (rows) => {
        expect(parseTsv(toTsv(rows))).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});
