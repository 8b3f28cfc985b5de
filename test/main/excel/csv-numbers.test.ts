import { describe, expect, it } from 'vitest';
import { detectCsvSeparator, parseCsvNumber } from '../../../main/excel/csv-number';
import { parseCsv } from '../../../main/excel/csv-parse';
import { importStructure } from '../../../main/excel/import-structure';
import { formatProblem, ImportError } from '../../../main/excel/problems';
import type { Model } from '../../../shared/model';

/** CSV numbers are never silently rescaled: decimal commas, thousands separators, title lines. */
const csv = (text: string) => parseCsv(Buffer.from(text, 'utf8'), 'lines.csv');

function imported(text: string): Model {
  const result = importStructure(csv(text));
  if (!result.ok) throw new Error(result.error.map(formatProblem).join('\n'));
  return result.value;
}

const amounts = (model: Model) => model.costTree.map((node) => (node.basis.kind === 'amount' ? node.basis.amount : node.basis.share));

function refusal(text: string): string {
  try {
    csv(text);
  } catch (error) {
    if (error instanceof ImportError) return error.problems.map(formatProblem).join('\n');
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('CSV separator', () => {
  it('is the one that splits the header row into column names, under a title line too', () => {
    expect(detectCsvSeparator('Level,Name,Basis,Value\n1,Root,amount,100')).toBe(',');
    expect(detectCsvSeparator('Level;Name;Basis;Value\n1;Service cost;amount;1234,5')).toBe(';');
    expect(detectCsvSeparator('Level\tName\tBasis\tValue\n1\tRoot\tamount\t1,5')).toBe('\t');
    // A title line that has commas in it, above a ; header.
    expect(detectCsvSeparator('Cost plan, version 2, Q3\n\nLevel;Name;Basis;Value\n1;Root;amount;100')).toBe(';');
    expect(detectCsvSeparator('成本结构（万元）\n层级\t名称\t依据\t数值\n1\t根\t金额\t100')).toBe('\t');
  });
});

describe('CSV numbers', () => {
  it('reads decimal commas in ; and tab files: 1234,5 is 1234.5, 100,25 is 100.25', () => {
    expect(parseCsvNumber('1234,5', ';')).toEqual({ kind: 'number', value: 1234.5, percent: false });
    expect(parseCsvNumber('100,25', ';')).toEqual({ kind: 'number', value: 100.25, percent: false });
    expect(parseCsvNumber('0,125', '\t')).toEqual({ kind: 'number', value: 0.125, percent: false });
    expect(parseCsvNumber('12,5%', ';')).toEqual({ kind: 'number', value: 0.125, percent: true });
    expect(parseCsvNumber('1.234,56', ';')).toEqual({ kind: 'number', value: 1234.56, percent: false });
    expect(parseCsvNumber('1 234,5', ';')).toEqual({ kind: 'number', value: 1234.5, percent: false });
  });

  it('reads thousands separators in groups of three only', () => {
    expect(parseCsvNumber('1,234.5', '\t')).toEqual({ kind: 'number', value: 1234.5, percent: false });
    expect(parseCsvNumber('1,234,567', ';')).toEqual({ kind: 'number', value: 1234567, percent: false });
    expect(parseCsvNumber('1.234.567', ';')).toEqual({ kind: 'number', value: 1234567, percent: false });
    expect(parseCsvNumber("1'234'567.5", ',')).toEqual({ kind: 'number', value: 1234567.5, percent: false });
    expect(parseCsvNumber('12,34.5', '\t')).toEqual({ kind: 'text' });
    expect(parseCsvNumber('1.5.3', ',')).toEqual({ kind: 'text' });
  });

  it('reads full-width digits, points, signs and percent as a Chinese keyboard types them', () => {
    expect(parseCsvNumber('１２３４．５', ',')).toEqual({ kind: 'number', value: 1234.5, percent: false });
    expect(parseCsvNumber('４４％', ',')).toEqual({ kind: 'number', value: 0.44, percent: true });
    expect(parseCsvNumber('－３', ',')).toEqual({ kind: 'number', value: -3, percent: false });
    expect(parseCsvNumber('１，２３４．５', '\t')).toEqual({ kind: 'number', value: 1234.5, percent: false });
  });

  it('calls a number that reads two ways ambiguous instead of guessing', () => {
    expect(parseCsvNumber('1,234', ';')).toEqual({ kind: 'ambiguous', readings: [1234, 1.234] });
    expect(parseCsvNumber('1.234', ';')).toEqual({ kind: 'ambiguous', readings: [1234, 1.234] });
    expect(parseCsvNumber('1,234', '\t')).toEqual({ kind: 'ambiguous', readings: [1234, 1.234] });
    // In a , file a point is a decimal point: 1.234 is 1.234.
    expect(parseCsvNumber('1.234', ',')).toEqual({ kind: 'number', value: 1.234, percent: false });
    expect(parseCsvNumber('Team 1', ';')).toEqual({ kind: 'text' });
    expect(parseCsvNumber('2027', ';')).toEqual({ kind: 'number', value: 2027, percent: false });
  });
});

describe('CSV structure import keeps every number as written', () => {
  it('a ; file with decimal commas: 1234,5 imports as 1,234.5 yuan, not 12,345', () => {
    const model = imported(['Level;Name;Basis;Value', '1;Service cost;amount;1234,5', '2;Parts;share;44,5%', '2;Rest;amount;100,25'].join('\n'));
    expect(amounts(model)).toEqual([1234.5, 0.445, 100.25]);
  });

  it('a , file with a title line above the header', () => {
    const model = imported(['Service cost plan 2027', '', 'Level,Name,Basis,Value', '1,Service cost,amount,1234.5', '2,Parts,share,44%'].join('\n'));
    expect(amounts(model)).toEqual([1234.5, 0.44]);
  });

  it('a tab file with thousands separators and a title line', () => {
    const model = imported(['成本结构', '层级\t名称\t依据\t数值', '1\t售后服务成本\t金额\t71,160,000.00', '2\t物料\t比例\t44%'].join('\n'));
    expect(amounts(model)).toEqual([71_160_000, 0.44]);
  });

  it('a tab file with full-width digits', () => {
    const model = imported(['层级\t名称\t依据\t数值', '1\t售后服务成本\t金额\t１２３４．５', '2\t物料\t比例\t４４％'].join('\n'));
    expect(amounts(model)).toEqual([1234.5, 0.44]);
  });

  it('refuses an ambiguous number with its row and column', () => {
    expect(refusal(['Title', 'Level;Name;Basis;Value', '1;Service cost;amount;1,234'].join('\n'))).toBe(
      'sheet "lines.csv", row 3, column D: "1,234" reads as 1234 (a thousands separator) or as 1.234 (a decimal mark); write it without the thousands separator (1234) or with a decimal point (1.234)',
    );
  });
});
