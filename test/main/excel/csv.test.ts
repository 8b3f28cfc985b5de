import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, rowNumbers } from '../../../main/excel/cell-grid';
import { csvField, neutralise, resultsCsv, unneutralise } from '../../../main/excel/csv';
import { parseCsv } from '../../../main/excel/csv-parse';
import { exampleModel } from './support/models';

describe('CSV export of the results', () => {
  it('has one row per scenario and year and a total row per scenario, in yuan rounded to the cent, units in the header', () => {
    const model = exampleModel('en');
    const csv = resultsCsv(model);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      '"Scenario","Plan year","Year","Saving (yuan)","Investment paid upfront, start of year (yuan)","Investment spread through the year (yuan)","Investment (yuan)","Net: saving - investment (yuan)","Cumulative net, end of year (yuan)","Return / investment (ratio)","Net ROI (ratio)","NPV (yuan)","Payback (years)"',
    );
    // 130.00932 万元 = 1,300,093.2 yuan; no float tails such as 130.00932000000003.
    expect(lines[1]).toBe('"Target 15%",1,2027,1300093.20,300000.00,400000.00,700000.00,600093.20,600093.20,,,,');
    expect(lines[4]).toBe('"Target 15%","Total",,4732339.25,900000.00,1200000.00,2100000.00,2632339.25,2632339.25,2.253495,1.253495,2223527.05,0.333299');
    expect(lines).toHaveLength(1 + 2 * 4 + 1);
    const zh = resultsCsv(model, { language: 'zh', scenarios: ['digital-tools-20'] }).split('\r\n');
    expect(zh[0]).toContain('"节省（元）"');
    expect(zh[1]).toMatch(/^"Digital tools 20%",1,2027,1733457\.60,/u);
    expect(zh[4]).toMatch(/^"Digital tools 20%","合计",,6309785\.66,/u);
    for (const line of lines.slice(1, -1)) for (const field of line.split(',').slice(3)) expect(field).toMatch(/^(-?\d+\.(\d{2}|\d{6}))?$/u);
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
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('=1', "'=1", "''+x", '-', '@', '\r\n', '"', ',')), { minLength: 1, maxLength: 6 }),
        (fields) => {
          expect(unneutralise(neutralise(fields[0]!))).toBe(fields[0]);
          const sheet = parseCsv(Buffer.from(`${fields.map(csvField).join(',')}\r\n`), 'x.csv');
          const row = sheet.rows.get(1);
          const read = fields.map((_, col) => cellText(row?.get(col + 1)));
          expect(read).toEqual(fields);
          expect(rowNumbers(sheet).every((r) => r === 1)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
