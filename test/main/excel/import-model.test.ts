import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportWorkbook } from '../../../main/excel/export-workbook';
import { importFile } from '../../../main/excel/import-file';
import { META_SHEET, STRUCTURE_COL, type WorkbookLayout } from '../../../main/excel/layout';
import { formatProblem, ImportError } from '../../../main/excel/problems';
import { cellName } from '../../../main/excel/xlsx-writer';
import { prepareTree } from '../../../shared/engine';
import type { Model } from '../../../shared/model';
import { arbitraryModel } from '../../support/arbitraries';
import { exampleModel, paybackCases, smallGeneratedModel, withScenario } from './support/models';

const dir = mkdtempSync(join(tmpdir(), 'costplan-import-model-'));
let counter = 0;

async function roundTrip(model: Model, options: Parameters<typeof exportWorkbook>[1] = {}): Promise<Model> {
  const path = join(dir, `model-${counter++}.xlsx`);
  writeFileSync(path, (await exportWorkbook(model, options)).data);
  const imported = await importFile(path);
  expect(imported.kind).toBe('workbook');
  return imported.model;
}

type Edit = { sheet: string; address: string; value: ExcelJS.CellValue };

/** Exports, edits cells as a user would in Excel (load, change, save), imports. */
async function editAndImport(model: Model, edits: (layout: WorkbookLayout) => Edit[], language?: 'zh' | 'en'): Promise<Model> {
  const exported = await exportWorkbook(model, language ? { language } : {});
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(exported.data).buffer);
  for (const edit of edits(exported.layout)) workbook.getWorksheet(edit.sheet)!.getCell(edit.address).value = edit.value;
  const path = join(dir, `edited-${counter++}.xlsx`);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return (await importFile(path)).model;
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

describe('import of an exported workbook', () => {
  it.each([
    ['the example (zh)', exampleModel('zh')],
    ['the example (en)', exampleModel('en')],
    ['payback cases', paybackCases()],
    ['a generated model', smallGeneratedModel(5, 120, 3)],
  ])('gives back exactly the exported model: %s', async (_, model) => {
    // Through JSON, as every model file goes: a -0 of the generator comes back as 0.
    expect(await roundTrip(model)).toEqual(JSON.parse(JSON.stringify(model)));
  });

  it('keeps names with "_x0041_", quotes, markup and outer spaces, and notes with CR, line breaks and tabs, exactly', async () => {
    // Control characters, lone surrogates and direction overrides are refused in names and
    // notes (shared/model/text.ts): line breaks and tabs only in notes.
    const model = exampleModel('en');
    const names = ['_x0041_ literally', '  padded  ', 'O\'Brien "quoted" <tag> & co', 'emoji 🚚 and 中文', '_x000D_ escaped'];
    const notes = ['Line\r\nwith CR', 'tab\there', 'two\nlines', '<b>not bold</b> &amp;', '_x0009_'];
    const tricky: Model = {
      ...model,
      name: '_x005F_x0041_ model',
      costTree: model.costTree.map((node, i) => (i >= 1 && i <= names.length ? { ...node, name: names[i - 1]!, notes: notes[i - 1]! } : node)),
      scenarios: model.scenarios.map((scenario, i) => ({ ...scenario, name: i === 0 ? 'Plan\u00a0A' : "Plan 'B'" })),
    };
    expect(await roundTrip(tricky)).toEqual(tricky);
  });

  it('gives back the exported scenarios when only some were exported, in either language', async () => {
    const model = exampleModel('zh');
    expect(await roundTrip(model, { scenarios: ['Digital tools 20%', '数字化工具 20%'], language: 'en' })).toEqual({
      ...model,
      scenarios: [model.scenarios[1]],
    });
  });

  it('gives back random models exactly', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryModel({ maxScenarios: 3, maxNodes: 30 }), async (model) => {
        expect(await roundTrip(model)).toEqual(model);
      }),
      { numRuns: 8, seed: 99 },
    );
  });

  it('takes over inputs changed in the workbook: names, shares, amounts, levers, growth, ramp, investments', async () => {
    const model = exampleModel('en');
    const tree = prepareTree(model.costTree);
    const row = (id: string) => tree.order.indexOf(tree.ids.indexOf(id));
    const imported = await editAndImport(model, (layout) => {
      const structure = layout.structure;
      const s = layout.scenarios[0]!;
      const structureRow = (id: string) => structure.rowOfNode[tree.ids.indexOf(id)]!;
      return [
        { sheet: structure.sheet, address: cellName(structureRow('contact-center'), STRUCTURE_COL.name), value: 'Customer contact center' },
        { sheet: structure.sheet, address: cellName(structureRow('contact-center'), STRUCTURE_COL.value), value: 0.12 },
        { sheet: structure.sheet, address: cellName(structureRow('service-cost'), STRUCTURE_COL.value), value: 8000 },
        { sheet: structure.sheet, address: cellName(structureRow('other-service'), STRUCTURE_COL.relevance), value: 'strong' },
        { sheet: structure.sheet, address: cellName(structureRow('materials-field'), STRUCTURE_COL.notes), value: '=not a formula' },
        { sheet: s.sheet, address: 'A1', value: 'Target 15% (revised)' },
        { sheet: s.sheet, address: cellName(s.row.volumeGrowth, 2), value: 0.1 },
        { sheet: s.sheet, address: cellName(s.row.ramp, s.col.year(1)), value: 0.5 },
        { sheet: s.sheet, address: cellName(s.row.firstNode + row('contact-center-labor'), 2), value: null },
        { sheet: s.sheet, address: cellName(s.row.firstNode + row('contact-center-labor'), 3), value: 0.2 },
        { sheet: s.sheet, address: cellName(s.row.firstNode + row('other-service'), 4), value: -0.05 },
        { sheet: s.sheet, address: cellName(s.row.line(1), s.col.parameter), value: 45 },
        { sheet: s.sheet, address: cellName(s.row.line(0), s.col.timing), value: 'upfront' },
        { sheet: s.sheet, address: cellName(s.row.line(2), 1), value: 'Team budget' },
      ];
    });
    const expected: Model = withScenario(
      {
        ...model,
        costTree: model.costTree.map((node) => {
          if (node.id === 'contact-center') return { ...node, name: 'Customer contact center', basis: { kind: 'share', share: 0.12 } };
          if (node.id === 'service-cost') return { ...node, basis: { kind: 'amount', amount: 80_000_000 } };
          if (node.id === 'other-service') return { ...node, relevance: 'strong' };
          if (node.id === 'materials-field') return { ...node, notes: '=not a formula' };
          return node;
        }),
      },
      0,
      (scenario) => ({
        ...scenario,
        name: 'Target 15% (revised)',
        volumeGrowth: 0.1,
        ramp: [0.5],
        levers: [
          { nodeId: 'contact-center-labor', throughputChange: 0.2 },
          { nodeId: 'other-service', volumeChange: -0.05 },
        ],
        investments: scenario.investments.map((line, k) =>
          k === 0
            ? { ...line, timing: 'upfront' as const }
            : k === 1
              ? { ...line, amount: { kind: 'perYear' as const, amount: 450_000 } }
              : { ...line, name: 'Team budget' },
        ),
      }),
    );
    expect(imported).toEqual(expected);
  });

  it('reports inputs it cannot take, with the sheet, row and column, and refuses moved rows', async () => {
    const model = exampleModel('en');
    const tree = prepareTree(model.costTree);
    const labor = tree.order.indexOf(tree.ids.indexOf('contact-center-labor'));
    expect(
      await problems(model, (layout) => [
        { sheet: layout.scenarios[0]!.sheet, address: cellName(layout.scenarios[0]!.row.volumeGrowth, 2), value: 'fast' },
        { sheet: layout.scenarios[0]!.sheet, address: cellName(layout.scenarios[0]!.row.firstNode + labor, 2), value: -1.5 },
        { sheet: layout.scenarios[1]!.sheet, address: cellName(layout.scenarios[1]!.row.line(0), layout.scenarios[1]!.col.timing), value: 'later' },
        { sheet: layout.structure.sheet, address: cellName(layout.structure.rowOfNode[tree.ids.indexOf('contact-center')]!, STRUCTURE_COL.value), value: 1.4 },
      ]),
    ).toEqual([
      'sheet "Cost structure", row 6, column D: the value must be at least 0% and at most 100%, got 140%',
      'sheet "Target 15%", row 5, column B: the volume growth: expected a number, found the text "fast"',
      'sheet "Target 15%", row 40, column B: the unit cost change must be at least -100% and at most 1,000% (a unit cost cannot fall below zero), got -150%',
      'sheet "Digital tools 20%", row 10, column F: the timing must be one of "upfront", "spread", found the text "later"',
    ]);
    // The shares of a parent's lines add up to more than 100%: found by the whole-model check.
    expect(
      await problems(model, (layout) => [
        { sheet: layout.structure.sheet, address: cellName(layout.structure.rowOfNode[tree.ids.indexOf('materials-field')]!, STRUCTURE_COL.value), value: 0.6 },
      ]),
    ).toEqual(['sheet "Cost structure", row 4, column D: the shares under "After-sales service cost" add up to 116% (max 100%)']);
    // A row inserted or moved: the IDs no longer line up.
    expect(
      await problems(model, (layout) => [
        { sheet: layout.structure.sheet, address: cellName(5, STRUCTURE_COL.id), value: 'contact-center' },
        { sheet: layout.structure.sheet, address: cellName(6, STRUCTURE_COL.id), value: 'materials-field' },
      ]),
    ).toEqual([
      'sheet "Cost structure", row 5, column J: expected the line with ID "materials-field" here: rows were inserted, deleted or sorted (change the structure in the planner)',
      'sheet "Cost structure", row 6, column J: expected the line with ID "contact-center" here: rows were inserted, deleted or sorted (change the structure in the planner)',
    ]);
  });

  it('refuses a workbook whose hidden model sheet was changed or that a newer version wrote', async () => {
    const model = exampleModel('en');
    expect(await problems(model, () => [{ sheet: META_SHEET, address: 'A5', value: '{"format":' }])).toEqual([
      'sheet "_costplan", row 5, column A: the sheet "_costplan" was changed: it holds the saved model and must stay as the export wrote it',
    ]);
    expect(await problems(model, () => [{ sheet: META_SHEET, address: 'B2', value: 7 }])).toEqual([
      'sheet "_costplan", row 2, column B: the workbook was written by a newer version of the app (format 7; this one reads 1)',
    ]);
  });
});
