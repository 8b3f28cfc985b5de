import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportWorkbook } from '../../../main/excel/export-workbook';
import { importFile } from '../../../main/excel/import-file';
import { RANGE_COL } from '../../../main/excel/sheets/analysis';
import { zipPart } from './support/hostile';
import { applyEdit } from '../../../shared/edits';
import type { Model } from '../../../shared/model';
import { cellName } from '../../../main/excel/xlsx-writer';
import { exampleModel } from './support/models';

const dir = mkdtempSync(join(tmpdir(), 'costplan-ranges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The example (in Chinese, at 万元) with three ranges on the first scenario: a lever, the growth and an investment line (money). */
function exampleWithRanges(): Model {
  let model = exampleModel('zh');
  const scenarioId = model.scenarios[0]!.id;
  for (const [input, range] of [
    ['lever:contact-center-labor:unitCost', { low: -0.2, mostLikely: -0.15, high: -0.08, distribution: 'pert' }],
    ['growth', { low: 0, mostLikely: 0.2, high: 0.3, distribution: 'triangular' }],
    ['investment:digital-tools', { low: 200_000, mostLikely: 300_000, high: 500_000, distribution: 'triangular' }],
  ] as const) {
    const applied = applyEdit(model, { type: 'setInputRange', scenarioId, input, range });
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    model = applied.value.model;
  }
  return model;
}

async function edit(data: Buffer, change: (sheet: ExcelJS.Worksheet, firstRow: number) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(data).buffer);
  const sheet = workbook.getWorksheet('分析')!;
  let firstRow = 0;
  sheet.eachRow((row, r) => {
    if (firstRow === 0 && row.getCell(RANGE_COL.distribution).value === 'PERT 分布') firstRow = r;
  });
  change(sheet, firstRow);
  const path = join(dir, `edited-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return path;
}

describe('uncertainty ranges as workbook inputs', () => {
  it('writes each range as inputs with a distribution drop-down in the workbook language, and reads an untouched workbook back exactly', async () => {
    const model = exampleWithRanges();
    const exported = await exportWorkbook(model);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(exported.data).buffer);
    const sheet = book.getWorksheet('分析')!;
    const rows: number[] = [];
    sheet.eachRow((row, r) => {
      const value = row.getCell(RANGE_COL.distribution).value;
      if (value === 'PERT 分布' || value === '三角分布') rows.push(r);
    });
    expect(rows).toHaveLength(3);
    for (const r of rows)
      for (const col of [RANGE_COL.low, RANGE_COL.mostLikely, RANGE_COL.high, RANGE_COL.distribution])
        expect(sheet.getCell(cellName(r, col)).protection, cellName(r, col)).toMatchObject({ locked: false });
    // The investment line's range is money, shown in 万元: 20 / 30 / 50.
    expect([RANGE_COL.low, RANGE_COL.mostLikely, RANGE_COL.high].map((col) => sheet.getCell(cellName(rows[2]!, col)).value)).toEqual([20, 30, 50]);
    const workbookXml = zipPart(exported.data, 'xl/workbook.xml');
    const index = [...workbookXml.matchAll(/<sheet name="([^"]+)"/gu)].findIndex((match) => match[1] === '分析') + 1;
    const xml = zipPart(exported.data, `xl/worksheets/sheet${index}.xml`);
    expect(xml).toContain(`type="list"`);
    expect(xml).toContain(`sqref="E${rows[0]}:E${rows[2]}"><formula1>"三角分布,PERT 分布"</formula1>`);
    expect(xml).toMatch(/promptTitle="输入" prompt="蒙特卡洛抽样在低值与高值之间的分布：“三角分布”或“PERT 分布”。"/u);

    const path = join(dir, 'untouched.xlsx');
    writeFileSync(path, exported.data);
    expect((await importFile(path)).model).toEqual(model);
  });

  it('reads a changed distribution, low and high back (amounts from the sheet unit), typed in either language', async () => {
    const model = exampleWithRanges();
    const exported = await exportWorkbook(model);
    const path = await edit(exported.data, (sheet, first) => {
      sheet.getCell(cellName(first, RANGE_COL.distribution)).value = '三角分布';
      sheet.getCell(cellName(first, RANGE_COL.low)).value = -0.25;
      sheet.getCell(cellName(first + 1, RANGE_COL.distribution)).value = 'PERT';
      sheet.getCell(cellName(first + 2, RANGE_COL.high)).value = 60;
    });
    const ranges = (await importFile(path)).model.scenarios[0]!.uncertainty!;
    expect(ranges.map((range) => [range.input, range.low, range.mostLikely, range.high, range.distribution])).toEqual([
      ['lever:contact-center-labor:unitCost', -0.25, -0.15, -0.08, 'triangular'],
      ['growth', 0, 0.2, 0.3, 'pert'],
      ['investment:digital-tools', 200_000, 300_000, 600_000, 'triangular'],
    ]);
  });

  it('refuses an unknown distribution and a range out of order, naming the cell', async () => {
    const model = exampleWithRanges();
    const exported = await exportWorkbook(model);
    let first = 0;
    const unknown = await edit(exported.data, (sheet, row) => {
      first = row;
      sheet.getCell(cellName(row, RANGE_COL.distribution)).value = '正态';
    });
    await expect(importFile(unknown)).rejects.toThrow(new RegExp(`sheet "分析", row ${first}, column E: the distribution must be one of`, 'u'));
    const reversed = await edit(exported.data, (sheet, row) => {
      sheet.getCell(cellName(row, RANGE_COL.low)).value = 0.5;
    });
    await expect(importFile(reversed)).rejects.toThrow(/low|most likely|range/u);
  });
});
