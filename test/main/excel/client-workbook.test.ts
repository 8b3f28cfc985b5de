import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportWorkbook } from '../../../main/excel/export-workbook';
import { importFile } from '../../../main/excel/import-file';
import { STRUCTURE_COL } from '../../../main/excel/layout';
import { cellName } from '../../../main/excel/xlsx-writer';
import { zipPart } from './support/hostile';
import { exampleModel, smallGeneratedModel } from './support/models';
import { readWorkbook } from './support/workbook';

/** The parts of the package whose names match. */
function partNames(zip: Buffer, pattern: RegExp): string[] {
  const names: string[] = [];
  let at = zip.readUInt32LE(zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
  while (zip.readUInt32LE(at) === 0x02014b50) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (pattern.test(name)) names.push(name);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

const dir = mkdtempSync(join(tmpdir(), 'costplan-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the workbook a CFO gets', () => {
  it('protects every visible sheet without a password: formulas locked, inputs unlocked', async () => {
    const exported = await exportWorkbook(exampleModel('en'));
    const workbookXml = zipPart(exported.data, 'xl/workbook.xml');
    const sheetCount = (workbookXml.match(/<sheet /gu) ?? []).length;
    for (let i = 1; i < sheetCount; i++) {
      const xml = zipPart(exported.data, `xl/worksheets/sheet${i}.xml`);
      expect(xml, `sheet${i}`).toContain('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" autoFilter="0"/>');
      expect(xml).not.toMatch(/password/u);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(exported.data).buffer);
    const structure = workbook.getWorksheet(exported.layout.structure.sheet)!;
    const row = exported.layout.structure.firstRow + 1;
    for (const col of [STRUCTURE_COL.name, STRUCTURE_COL.basis, STRUCTURE_COL.value, STRUCTURE_COL.relevance, STRUCTURE_COL.notes])
      expect(structure.getCell(cellName(row, col)).protection, `input ${cellName(row, col)}`).toMatchObject({ locked: false });
    for (const col of [STRUCTURE_COL.amount, STRUCTURE_COL.ownAmount, STRUCTURE_COL.shareOfTotal])
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- ExcelJS types protection as always set; a cell without any has none
      expect(structure.getCell(cellName(row, col)).protection?.locked, `formula ${cellName(row, col)}`).not.toBe(false);
    const at = exported.layout.scenarios[0]!;
    const scenario = workbook.getWorksheet(at.sheet)!;
    expect(scenario.getCell(cellName(at.row.volumeGrowth, 2)).protection).toMatchObject({ locked: false });
    expect(scenario.getCell(cellName(at.row.line(0), at.col.timing)).protection).toMatchObject({ locked: false });
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- ExcelJS types protection as always set; a cell without any has none
    expect(scenario.getCell(cellName(at.row.npv, 2)).protection?.locked).not.toBe(false);
  });

  it('guards inputs with drop-downs and ranges, with input messages in the workbook language', async () => {
    const exported = await exportWorkbook(exampleModel('zh'));
    const workbookXml = zipPart(exported.data, 'xl/workbook.xml');
    const index = (name: string) => [...workbookXml.matchAll(/<sheet name="([^"]+)"/gu)].findIndex((match) => match[1] === name) + 1;
    const structure = zipPart(exported.data, `xl/worksheets/sheet${index(exported.layout.structure.sheet)}.xml`);
    expect(structure).toMatch(
      /<dataValidation type="list"[^>]*promptTitle="输入" prompt="“占比”：上级金额的比例[^"]*"[^>]*sqref="C4:C9"><formula1>"占比,金额"<\/formula1>/u,
    );
    expect(structure).toMatch(/<dataValidation type="list"[^>]*sqref="E4:E9"><formula1>"强相关,弱相关"<\/formula1>/u);
    expect(structure).toMatch(/<dataValidation type="custom"[^>]*sqref="D4:D9"><formula1>AND\(ISNUMBER\(D4\),D4&gt;=0,IF\(C4="占比",D4&lt;=1,/u);
    const at = exported.layout.scenarios[0]!;
    const scenario = zipPart(exported.data, `xl/worksheets/sheet${index(at.sheet)}.xml`);
    expect(scenario).toMatch(/<formula1>"年初支付,年内均摊"<\/formula1>/u);
    expect(scenario).toMatch(/<formula1>"奖金,数字化工具,团队与薪酬,培训,其他"<\/formula1>/u);
    expect(scenario).toMatch(
      /type="decimal" operator="between"[^>]*prompt="比率，-99% 到 1000%。" sqref="B5 B6"><formula1>-0.99<\/formula1><formula2>10<\/formula2>/u,
    );
    expect(scenario).toMatch(/type="decimal" operator="between"[^>]*sqref="B\d+:B\d+"><formula1>-1<\/formula1><formula2>10<\/formula2>/u);
  });

  it('prints on A4 landscape with the model, sheet, date and "page x of y" on every page, in DengXian for Chinese and Calibri for English', async () => {
    const date = new Date('2027-03-01T10:00:00Z');
    const zh = await exportWorkbook(exampleModel('zh'), { date });
    const xml = zipPart(zh.data, 'xl/worksheets/sheet2.xml');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape"');
    expect(xml).toContain(
      '<oddHeader>&amp;L售后服务成本示例&amp;C&amp;A&amp;R2027-03-01</oddHeader><oddFooter>&amp;LService Cost Planner&amp;R第 &amp;P 页，共 &amp;N 页</oddFooter>',
    );
    expect(zipPart(zh.data, 'xl/styles.xml')).toContain('<name val="等线"/><family val="2"/><charset val="134"/>');
    const en = await exportWorkbook(exampleModel('en'), { date });
    expect(zipPart(en.data, 'xl/worksheets/sheet2.xml')).toContain('&amp;RPage &amp;P of &amp;N');
    expect(zipPart(en.data, 'xl/styles.xml')).toContain('<name val="Calibri"/>');
    expect(zipPart(en.data, 'xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="4">'Cost structure'!$3:$3</definedName>`);
  });

  it('draws native charts bound to the live cells: composition, and per scenario the years, the bridge and the tornado', async () => {
    const exported = await exportWorkbook(exampleModel('en'));
    const charts = partNames(exported.data, /^xl\/charts\/chart\d+\.xml$/u);
    expect(charts).toHaveLength(1 + 3 * 2);
    expect(zipPart(exported.data, '[Content_Types].xml')).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    const xml = charts.map((name) => zipPart(exported.data, name));
    expect(xml[0]).toContain('<c:pieChart>');
    const at = exported.layout.scenarios[0]!;
    // Saving and investment by year (columns) with the cumulative net (line), straight from the scenario sheet.
    expect(xml[1]).toContain(`<c:f>'Target 15%'!$C$${at.row.saving}:$E$${at.row.saving}</c:f>`);
    expect(xml[1]).toContain(`<c:lineChart>`);
    expect(xml[1]).toContain(`<c:f>'Target 15%'!$C$${at.row.cumulativeNet}:$E$${at.row.cumulativeNet}</c:f>`);
    expect(xml[2]).toContain('<c:grouping val="stacked"/>');
    expect(xml[3]).toContain('<c:barDir val="bar"/>');
    // The bridge and the tornado read formula cells of the Charts sheet.
    const book = await readWorkbook(exported.data);
    for (const chart of [xml[2]!, xml[3]!]) {
      const refs = [...chart.matchAll(/<c:f>'Charts'!\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)<\/c:f>/gu)].filter((match) => match[1] !== 'A');
      expect(refs.length).toBeGreaterThan(1);
      const cells = book.sheets.find((s) => s.name === 'Charts')!.cells;
      for (const [, col, from, to] of refs) {
        const inRange = cells.filter((c) => c.address.startsWith(col!) && c.row >= Number(from) && c.row <= Number(to));
        expect(inRange.length, `${col}${from}:${col}${to}`).toBeGreaterThan(0);
        for (const cell of inRange) expect(cell.formula, cell.address).toBeDefined();
      }
    }
  });

  it("defines the figures with this model's own numbers, never the example's", async () => {
    const example = exampleModel('zh');
    const exampleText = ['473.23', '225.3', '224%', '14% × 87%', '14% x 87%', '130.01', '1.827', '13.04', '17.65', '2.25', '.25 '];
    for (const language of ['zh', 'en'] as const) {
      const model = { ...smallGeneratedModel(1), language };
      const book = await readWorkbook((await exportWorkbook(model)).data);
      const sheet = book.sheets.find((s) => s.name === (language === 'zh' ? '定义' : 'Definitions'))!;
      const text = sheet.cells.map((cell) => String(cell.value)).join('\n');
      for (const figure of exampleText) expect(text, `${language}: ${figure}`).not.toContain(figure);
      expect(sheet.cells.filter((cell) => cell.col === 3 && cell.formula !== undefined).length).toBeGreaterThanOrEqual(8);
    }
    const own = await readWorkbook((await exportWorkbook(example)).data);
    expect(own.sheets.find((s) => s.name === '定义')!.cells.map((cell) => cell.value)).toContain('473.23 / 210 = 225.3%');
  });

  it('warns on import about formula cells typed over, and keeps the model computed from the inputs', async () => {
    const model = exampleModel('en');
    const exported = await exportWorkbook(model);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(exported.data).buffer);
    const at = exported.layout.scenarios[0]!;
    workbook.getWorksheet(exported.layout.structure.sheet)!.getCell(cellName(exported.layout.structure.firstRow + 1, STRUCTURE_COL.amount)).value = 5000;
    workbook.getWorksheet(at.sheet)!.getCell(cellName(at.row.npv, 2)).value = 999;
    workbook.getWorksheet(at.sheet)!.getCell(cellName(at.row.saving, 3)).value = 1;
    const path = join(dir, 'typed-over.xlsx');
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    const outcome = await importFile(path);
    expect(outcome.model).toEqual(exported.model);
    expect(outcome.warnings).toHaveLength(2);
    expect(outcome.warnings[0]).toMatchObject({ sheet: 'Cost structure', row: 5, column: STRUCTURE_COL.amount });
    expect(outcome.warnings[0]!.message).toMatch(/^1 formula cell was replaced by a typed value \(the first at F5\)/u);
    expect(outcome.warnings[1]).toMatchObject({ sheet: at.sheet });
    expect(outcome.warnings[1]!.message).toMatch(/^2 formula cells were replaced/u);
  });

  it('reads the investment category back from its drop-down', async () => {
    const model = exampleModel('en');
    const exported = await exportWorkbook(model);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(exported.data).buffer);
    const at = exported.layout.scenarios[0]!;
    workbook.getWorksheet(at.sheet)!.getCell(cellName(at.row.line(0), at.col.category)).value = 'Training';
    const path = join(dir, 'category.xlsx');
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
    const outcome = await importFile(path);
    expect(outcome.model.scenarios[0]!.investments[0]!.category).toBe('training');
    expect(outcome.warnings).toEqual([]);
  });
});
