import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportWorkbook } from '../../../main/excel/export-workbook';
import { importFile } from '../../../main/excel/import-file';
import type { WorkbookLayout } from '../../../main/excel/layout';
import { formatProblem, ImportError } from '../../../main/excel/problems';
import { cellName } from '../../../main/excel/xlsx-writer';
import { createTemplateModel, LANGUAGES, TEMPLATE_IDS, type Model } from '../../../shared/model';
import { withScenario } from './support/models';

/**
 * Revenue lines and one-off items back from an exported workbook: every template gives back
 * exactly the exported model, and the inputs of a scenario sheet's revenue block (margin,
 * volume and price changes, one-off name, timing, year and amount) changed in the workbook
 * change the model; a bad cell is reported with its sheet, row and column.
 */
const dir = mkdtempSync(join(tmpdir(), 'costplan-import-revenue-'));
let counter = 0;
const WAN = 10_000;

type Edit = { sheet: string; address: string; value: ExcelJS.CellValue };

async function editAndImport(model: Model, edits: (layout: WorkbookLayout) => Edit[]): Promise<Model> {
  const exported = await exportWorkbook(model);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(exported.data).buffer);
  for (const edit of edits(exported.layout)) workbook.getWorksheet(edit.sheet)!.getCell(edit.address).value = edit.value;
  const path = join(dir, `edited-${counter++}.xlsx`);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  const imported = await importFile(path);
  expect(imported.kind).toBe('workbook');
  return imported.model;
}

async function problems(model: Model, edits: (layout: WorkbookLayout) => Edit[]): Promise<string[]> {
  try {
    await editAndImport(model, edits);
  } catch (error) {
    if (error instanceof ImportError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('the import did not fail');
}

/** Revenue block columns (sheets/revenue-block.ts): name, own revenue, margin, volume, price. */
const COL = { name: 1, margin: 3, volume: 4, price: 5 };

function block(layout: WorkbookLayout, scenario = 0) {
  const at = layout.scenarios[scenario]!;
  return { at, sheet: at.sheet, rows: at.row.revenue! };
}

describe('revenue lines and one-off items from an exported workbook', () => {
  it.each(TEMPLATE_IDS.filter((id) => id !== 'empty').flatMap((id) => LANGUAGES.map((language) => [id, language] as const)))(
    'the %s template (%s) comes back exactly as exported',
    async (id, language) => {
      const model = createTemplateModel(id, language);
      const imported = await editAndImport(model, () => []);
      expect(JSON.stringify(imported)).toBe(JSON.stringify(model));
    },
  );

  it('takes a changed margin, volume and price change, and a cleared lever', async () => {
    const model = createTemplateModel('service-revenue', 'en');
    const imported = await editAndImport(model, (layout) => {
      const { sheet, rows } = block(layout);
      return [
        { sheet, address: cellName(rows.firstLine, COL.volume), value: 0.25 },
        { sheet, address: cellName(rows.firstLine, COL.price), value: null },
        { sheet, address: cellName(rows.firstLine + 1, COL.margin), value: '45%' },
        { sheet, address: cellName(rows.firstLine + 1, COL.price), value: 0.05 },
      ];
    });
    expect(imported).toEqual({
      ...model,
      revenueLines: model.revenueLines!.map((line) => (line.id === 'service-contracts' ? { ...line, margin: 0.45 } : line)),
      scenarios: [
        {
          ...model.scenarios[0]!,
          revenueLevers: [
            { lineId: 'out-of-warranty', volumeChange: 0.25 },
            { lineId: 'service-contracts', volumeChange: 0.2, priceChange: 0.05 },
          ],
        },
      ],
    });
  });

  it('takes a one-off item moved to another year with another amount, renamed and paid upfront', async () => {
    const model = createTemplateModel('spare-parts', 'zh');
    const imported = await editAndImport(model, (layout) => {
      const { at, sheet, rows } = block(layout);
      return [
        { sheet, address: cellName(rows.firstItem, at.col.year(1)), value: 0 },
        { sheet, address: cellName(rows.firstItem, at.col.year(2)), value: 350 },
        { sheet, address: cellName(rows.firstItem, 1), value: '库存释放（分两批）' },
        { sheet, address: cellName(rows.firstItem, at.col.timing), value: '年初支付' },
      ];
    });
    const item = model.scenarios[0]!.oneOffs![0]!;
    expect(imported).toEqual(
      withScenario(model, 0, (scenario) => ({
        ...scenario,
        oneOffs: [{ ...item, name: '库存释放（分两批）', year: 2, amount: 350 * WAN, timing: 'upfront' as const }],
      })),
    );
    // Every year emptied: an amount of zero in its year.
    const emptied = await editAndImport(model, (layout) => {
      const { at, sheet, rows } = block(layout);
      return [{ sheet, address: cellName(rows.firstItem, at.col.year(1)), value: null }];
    });
    expect(emptied.scenarios[0]!.oneOffs![0]).toEqual({ ...item, amount: 0 });
  });

  it('reports revenue and one-off cells it cannot take, with the sheet, row and column', async () => {
    const model = createTemplateModel('spare-parts', 'en');
    const revenue = createTemplateModel('service-revenue', 'en');
    const withOneOff: Model = withScenario(revenue, 0, (scenario) => ({
      ...scenario,
      oneOffs: [{ id: 'asset', name: 'Asset sold', amount: 50 * WAN, year: 1, timing: 'spread' }],
    }));
    expect(
      await problems(withOneOff, (layout) => {
        const { at, sheet, rows } = block(layout);
        return [
          { sheet, address: cellName(rows.firstLine, COL.volume), value: 'more' },
          { sheet, address: cellName(rows.firstLine, COL.margin), value: 1.5 },
          { sheet, address: cellName(rows.firstLine + 1, COL.price), value: -1.5 },
          { sheet, address: cellName(rows.firstItem, at.col.year(2)), value: 20 },
          { sheet, address: cellName(rows.firstItem, at.col.timing), value: 'sometime' },
        ];
      }),
    ).toEqual([
      'sheet "Service marketing", row 41, column C: the contribution margin must be at least 0% and at most 100%, got 150%',
      'sheet "Service marketing", row 41, column D: the volume change of the revenue line: expected a number, found the text "more"',
      expect.stringMatching(/^sheet "Service marketing", row 42, column E: the price change of the revenue line must be at least -100%/),
      'sheet "Service marketing", row 47, column F: the timing must be one of "upfront", "spread", found the text "sometime"',
      'sheet "Service marketing", row 47, column D: a one-off item is one amount in one plan year, found amounts in years 1 and 2 (add another item in the planner)',
    ]);
    // A revenue row moved: the names no longer line up.
    expect(
      await problems(revenue, (layout) => {
        const { sheet, rows } = block(layout);
        return [{ sheet, address: cellName(rows.firstLine, COL.name), value: 'Service contracts' }];
      }),
    ).toEqual([
      'sheet "Service marketing", row 41, column A: expected the revenue line "Out-of-warranty repairs and parts sales" here: rows were inserted, deleted or sorted (change the revenue lines in the planner)',
    ]);
    // A one-off amount beyond the limit of the schema.
    const tooLarge = await problems(model, (layout) => {
      const { at, sheet, rows } = block(layout);
      return [{ sheet, address: cellName(rows.firstItem, at.col.year(1)), value: 1e20 }];
    });
    expect(tooLarge).toHaveLength(1);
    expect(tooLarge[0]).toMatch(/^sheet "Parts optimisation", row \d+, column C: the one-off amount must be between/);
  });

  it('refuses two different margins for one line on two scenario sheets', async () => {
    const base = createTemplateModel('service-revenue', 'en');
    const model: Model = { ...base, scenarios: [base.scenarios[0]!, { ...base.scenarios[0]!, id: 'copy', name: 'Copy' }] };
    const found = await problems(model, (layout) => [
      { sheet: block(layout, 0).sheet, address: cellName(block(layout, 0).rows.firstLine, COL.margin), value: 0.4 },
      { sheet: block(layout, 1).sheet, address: cellName(block(layout, 1).rows.firstLine, COL.margin), value: 0.3 },
    ]);
    expect(found).toEqual([
      'sheet "Copy", row 41, column C: the margin of the revenue line "Out-of-warranty repairs and parts sales" is 30% here but 40% on the sheet "Service marketing" (row 41): a line has one margin in every scenario',
    ]);
    // The same change on both sheets is one change.
    const same = await editAndImport(model, (layout) => [
      { sheet: block(layout, 0).sheet, address: cellName(block(layout, 0).rows.firstLine, COL.margin), value: 0.4 },
      { sheet: block(layout, 1).sheet, address: cellName(block(layout, 1).rows.firstLine, COL.margin), value: 0.4 },
    ]);
    expect(same.revenueLines![0]!.margin).toBe(0.4);
  });
});
