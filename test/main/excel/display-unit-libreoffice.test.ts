import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportWorkbook } from '../../../main/excel/export-workbook';
import { displayDigits } from '../../../shared/format/number';
import type { Model } from '../../../shared/model/schema';
import { convert, findSoffice, freshProfile } from './support/libreoffice';
import { exampleModel } from './support/models';
import { readWorkbook, type ReadCell } from './support/workbook';

/**
 * Issue 12's display rule in the workbook: at 亿元 the example's figures are hundredths and
 * thousandths of the unit, and none of them may read 0.00. The number format of each amount
 * carries the decimals the app would show, and LibreOffice (recalculating) renders that text.
 */
const soffice = findSoffice();
const dir = mkdtempSync(join(tmpdir(), 'costplan-lo-units-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function atHundredMillion(): Model {
  return { ...exampleModel('en'), language: 'zh', displayUnit: 'hundredMillion' };
}

/** The amount cells of a workbook: a number format "#,##0.00…" (or scientific, decimals -1) and a number in it. */
function amountCells(cells: readonly ReadCell[]): (ReadCell & { value: number; decimals: number })[] {
  const found: (ReadCell & { value: number; decimals: number })[] = [];
  for (const cell of cells) {
    if (typeof cell.value !== 'number') continue;
    const format = /^#,##0\.(0+)$/u.exec(cell.numFmt ?? '');
    if (format) found.push({ ...cell, value: cell.value, decimals: format[1]!.length });
    else if (cell.numFmt === '0.00E+00') found.push({ ...cell, value: cell.value, decimals: -1 });
  }
  return found;
}

/** Rows of a CSV file LibreOffice wrote (comma, double quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',' || char === '\n') {
      row.push(field);
      field = '';
      if (char === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (char !== '\r') field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('amounts at 亿元 keep their figures', () => {
  it('gives every non-zero amount the decimals of the display rule, never a format that shows 0.00', async () => {
    const exported = await exportWorkbook(atHundredMillion());
    const book = await readWorkbook(exported.data);
    const amounts = book.sheets.flatMap((sheet) => amountCells(sheet.cells));
    const nonZero = amounts.filter((cell) => cell.value !== 0);
    expect(nonZero.length).toBeGreaterThan(100);
    for (const cell of nonZero) {
      const where = `${cell.sheet}!${cell.address} = ${cell.value}`;
      // Below what ten decimals show (the payback's 10^-9 rounding tolerance): scientific.
      if (cell.decimals === -1) expect(Math.abs(cell.value), where).toBeLessThan(1e-8);
      else {
        expect(cell.decimals, where).toBe(displayDigits(cell.value, 2));
        expect(Number(cell.value.toFixed(cell.decimals)), where).not.toBe(0);
      }
    }
    expect(nonZero.some((cell) => cell.decimals === -1)).toBe(true);
    // 130 万 (year-1 saving of the first scenario) at 亿元 is 0.0130: three significant digits, not 0.01.
    expect(nonZero.some((cell) => cell.decimals === 4 && Math.abs(cell.value - 0.013) < 1e-5)).toBe(true);
    // Large figures keep the usual two decimals.
    const yuan = await readWorkbook((await exportWorkbook({ ...atHundredMillion(), displayUnit: 'yuan' })).data);
    const large = yuan.sheets.flatMap((sheet) => amountCells(sheet.cells)).filter((cell) => Math.abs(cell.value) >= 100);
    expect(large.length).toBeGreaterThan(50);
    for (const cell of large) expect(cell.decimals, `${cell.sheet}!${cell.address}`).toBe(2);
  });

  describe.skipIf(!soffice && !process.env['CI'])('rendered by LibreOffice (recalculated)', () => {
    if (!soffice) {
      it('needs LibreOffice (CI installs libreoffice-calc-nogui)', () => {
        throw new Error('soffice is not installed');
      });
      return;
    }
    it('shows no non-zero amount as 0.00 and keeps three significant digits', async () => {
      const exported = await exportWorkbook(atHundredMillion());
      const file = join(dir, 'yi.xlsx');
      writeFileSync(file, exported.data);
      const outDir = join(dir, 'csv');
      // CSV of every sheet (-1), cell text as shown (token 9), UTF-8 (76).
      convert(soffice, freshProfile(), [file], outDir, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1');
      const book = await readWorkbook(exported.data);
      const rendered = new Map(readdirSync(outDir).map((name) => [name.replace(/^yi-|\.csv$/gu, ''), parseCsv(readFileSync(join(outDir, name), 'utf8'))]));
      let checked = 0;
      for (const sheet of book.sheets) {
        const rows = rendered.get(sheet.name);
        expect(rows, sheet.name).toBeDefined();
        for (const cell of amountCells(sheet.cells)) {
          if (cell.value === 0 || cell.formula === undefined) continue;
          const text = rows![cell.row - 1]?.[cell.col - 1] ?? '';
          const where = `${sheet.name}!${cell.address} = ${cell.value}, shown "${text}"`;
          const shown = Number(text.replace(/,/gu, ''));
          expect(Number.isFinite(shown) && shown !== 0, where).toBe(true);
          if (cell.decimals === -1) expect(Math.abs(shown / cell.value - 1), where).toBeLessThan(0.01);
          else {
            expect(text.split('.')[1]?.length, where).toBe(cell.decimals);
            expect(Math.abs(shown - cell.value), where).toBeLessThanOrEqual(0.5 * 10 ** -cell.decimals + 1e-12);
          }
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
      const summary = rendered.get(exported.layout.summarySheet)!;
      expect(summary.flat()).toContain('0.0130');
    });
  });
});
