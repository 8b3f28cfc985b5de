import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, rowNumbers } from '../../../main/excel/cell-grid';
import { csvField, neutralise, resultsCsv, unneutralise } from '../../../main/excel/csv';
import { parseCsv } from '../../../main/excel/csv-parse';
import { computeModel } from '../../../shared/engine';
import { exampleModel } from './support/models';

describe('CSV export of the results', () => {
  it('has one row per scenario and year, amounts in the display unit at full precision', () => {
    const model = exampleModel('en');
    const csv = resultsCsv(model);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      '"Scenario","Plan year","Year","Saving (10k yuan)","Investment paid upfront, start of year (10k yuan)","Investment spread through the year (10k yuan)","Investment (10k yuan)","Net: saving - investment (10k yuan)","Cumulative net, end of year (10k yuan)"',
    );
    const computed = computeModel(model);
    if (!computed.ok) throw new Error('invalid');
    const year = computed.value.scenarios[0]!.years[0]!;
    expect(lines[1]).toBe(`"Target 15%",1,2027,${year.saving / 1e4},30,40,70,${year.net / 1e4},${year.cumulativeNet / 1e4}`);
    expect(lines).toHaveLength(1 + 2 * 3 + 1);
    expect(resultsCsv(model, { language: 'zh', scenarios: ['digital-tools-20'] }).split('\r\n')[1]).toMatch(/^"Digital tools 20%",1,2027,173\.3457/u);
  });

  it('quotes every text and neutralises text a spreadsheet would run as a formula; numbers stay numbers', () => {
    expect(['=1+2', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', 'plain', 'say "hi"', "'=1"].map(csvField)).toEqual([
      `"'=1+2"`,
      `"'+1"`,
      `"'-1"`,
      `"'@SUM(A1)"`,
      `"'\t=1"`,
      `"'\r=1"`,
      '"plain"',
      '"say ""hi"""',
      `"''=1"`,
    ]);
    expect([-12.5, 0, 1e21, 2.5e-7, Number.NaN].map(csvField)).toEqual(['-12.5', '0', '1e+21', '2.5e-7', '']);
    const model = exampleModel('en');
    const csv = resultsCsv({ ...model, scenarios: model.scenarios.map((scenario, i) => (i === 0 ? { ...scenario, name: '=cmd|" /C calc"!A0' } : scenario)) });
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0",1,2027,`);
  });

  it('reads back what it writes: the import undoes the neutralising exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('=1', "'=1", "''+x", '-', '@', '\r\n', '"', ',')), { minLength: 1, maxLength: 6 }), (fields) => {
        expect(unneutralise(neutralise(fields[0]!))).toBe(fields[0]);
        const sheet = parseCsv(Buffer.from(`${fields.map(csvField).join(',')}\r\n`), 'x.csv');
        const row = sheet.rows.get(1);
        const read = fields.map((_, col) => cellText(row?.get(col + 1)));
        expect(read).toEqual(fields);
        expect(rowNumbers(sheet).every((r) => r === 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
