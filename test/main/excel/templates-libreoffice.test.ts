import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportWorkbook } from '../../../main/excel/export-workbook';
import { importFile } from '../../../main/excel/import-file';
import { cellName } from '../../../main/excel/xlsx-writer';
import { createTemplateModel, LANGUAGES, type Model } from '../../../shared/model';
import { convert, findSoffice, freshProfile } from './support/libreoffice';
import { cellAt, compareValues, formulaCells, readWorkbook, type ReadWorkbook } from './support/workbook';

/**
 * The templates' workbooks recalculated by LibreOffice: every formula cell (margin gain, one-off
 * cash, benefit, net, payback, NPV, ratios) gets the engine's figure, the worked examples'
 * oracles come out of the recalculated cells, and a revenue lever changed in the workbook gives
 * the engine's figures for the same change.
 */
const soffice = findSoffice();
const TEMPLATES = ['spare-parts', 'service-providers', 'service-revenue'] as const;

const ORACLE: Record<(typeof TEMPLATES)[number], { npv: number; net: number; returnOnInvestment: number; payback: number }> = {
  'spare-parts': { npv: 823.17399533, net: 953.758, returnOnInvestment: 2.8780243, payback: 150 / (151 + 400 - 35.1) },
  'service-providers': { npv: 493.10634494, net: 583.4895, returnOnInvestment: 6.07733172, payback: 80 / (211 - 10.55) },
  'service-revenue': { npv: 310.78798964, net: 368.32512, returnOnInvestment: 3.33721171, payback: 60 / (162 - 16.2 - 15) },
};

describe.skipIf(!soffice && !process.env['CI'])('template workbooks recalculated by LibreOffice', () => {
  if (!soffice) {
    it('needs LibreOffice (CI installs libreoffice-calc-nogui)', () => {
      throw new Error('soffice is not installed');
    });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'costplan-lo-templates-'));
  const inDir = join(dir, 'in');
  const outDir = join(dir, 'out');
  const originals = new Map<string, { model: Model; data: Buffer; layout: Awaited<ReturnType<typeof exportWorkbook>>['layout'] }>();
  const recalculated = new Map<string, ReadWorkbook>();
  let changedModel: Model;

  beforeAll(async () => {
    mkdirSync(inDir, { recursive: true });
    const files: string[] = [];
    for (const language of LANGUAGES)
      for (const template of TEMPLATES) {
        const model = createTemplateModel(template, language);
        const exported = await exportWorkbook(model);
        originals.set(`${template}-${language}`, { model, data: exported.data, layout: exported.layout });
        const path = join(inDir, `${template}-${language}.xlsx`);
        writeFileSync(path, exported.data);
        files.push(path);
      }
    // The repeat-purchase volume lever of the service revenue template, changed in the workbook to +20%.
    const base = createTemplateModel('service-revenue', 'en');
    const exported = await exportWorkbook(base);
    const block = exported.layout.scenarios[0]!.row.revenue!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(exported.data).buffer);
    workbook.getWorksheet(exported.layout.scenarios[0]!.sheet)!.getCell(cellName(block.firstLine, 4)).value = 0.2;
    const changedPath = join(inDir, 'changed-volume.xlsx');
    writeFileSync(changedPath, Buffer.from(await workbook.xlsx.writeBuffer()));
    files.push(changedPath);
    const scenario = base.scenarios[0]!;
    changedModel = {
      ...base,
      scenarios: [{ ...scenario, revenueLevers: [{ lineId: 'out-of-warranty', volumeChange: 0.2, priceChange: 0.03 }, scenario.revenueLevers![1]!] }],
    };
    convert(soffice, freshProfile(), files, outDir, 'xlsx');
    for (const path of files) recalculated.set(basename(path, '.xlsx'), await readWorkbook(readFileSync(join(outDir, basename(path)))));
  }, 600_000);

  it('every formula cell gets the engine figure', async () => {
    let compared = 0;
    for (const [name, { data }] of originals) {
      const original = await readWorkbook(data);
      const recalc = recalculated.get(name)!;
      const byCell = new Map(recalc.sheets.flatMap((sheet) => sheet.cells.map((cell) => [`${sheet.name}!${cell.address}`, cell] as const)));
      const result = compareValues(formulaCells(original), (cell) => byCell.get(`${cell.sheet}!${cell.address}`)?.value);
      expect(result.mismatches.slice(0, 5), name).toEqual([]);
      expect(result.worst, name).toBeLessThan(1e-9);
      compared += result.compared;
    }
    expect(compared).toBeGreaterThan(300);
  });

  it.each(TEMPLATES.flatMap((template) => LANGUAGES.map((language) => [template, language] as const)))(
    '%s (%s): the recalculated results are the worked example',
    (template, language) => {
      const { layout } = originals.get(`${template}-${language}`)!;
      const at = layout.scenarios[0]!;
      const book = recalculated.get(`${template}-${language}`)!;
      const value = (row: number) => cellAt(book, at.sheet, cellName(row, 2))?.value as number;
      const oracle = ORACLE[template];
      expect(Math.abs(value(at.row.npv) - oracle.npv)).toBeLessThan(5e-9);
      expect(Math.abs(value(at.row.totalNet) - oracle.net)).toBeLessThan(1e-9);
      expect(Math.abs(value(at.row.returnOnInvestment) - oracle.returnOnInvestment)).toBeLessThan(5e-9);
      expect(Math.abs(value(at.row.paybackYears) - oracle.payback)).toBeLessThan(1e-9);
    },
  );

  it('the workbooks LibreOffice saved import back: each template as it was, the changed revenue lever as changed', async () => {
    for (const [name, { model }] of originals) {
      const imported = await importFile(join(outDir, `${name}.xlsx`));
      expect(imported.kind, name).toBe('workbook');
      expect(JSON.stringify(imported.model), name).toBe(JSON.stringify(model));
    }
    const changed = await importFile(join(outDir, 'changed-volume.xlsx'));
    expect(changed.model).toEqual(changedModel);
    expect(changed.model.scenarios[0]!.revenueLevers![0]!.volumeChange).toBe(0.2);
  });

  it('a revenue lever changed in the workbook gives the engine figures of the same change', async () => {
    const expected = await readWorkbook((await exportWorkbook(changedModel)).data);
    const recalc = recalculated.get('changed-volume')!;
    const byCell = new Map(recalc.sheets.flatMap((sheet) => sheet.cells.map((cell) => [`${sheet.name}!${cell.address}`, cell] as const)));
    const scenarioSheet = originals.get('service-revenue-en')!.layout.scenarios[0]!.sheet;
    const cells = formulaCells(expected).filter((cell) => cell.sheet === scenarioSheet);
    const result = compareValues(cells, (cell) => byCell.get(`${cell.sheet}!${cell.address}`)?.value);
    expect(result.mismatches.slice(0, 5)).toEqual([]);
    expect(result.compared).toBeGreaterThan(50);
  });
});
