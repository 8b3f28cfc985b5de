import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportWorkbook, type ExportedWorkbook } from '../../../main/excel/export-workbook';
import { STRUCTURE_COL } from '../../../main/excel/layout';
import { cellName } from '../../../main/excel/xlsx-writer';
import { prepareTree } from '../../../shared/engine';
import type { Model } from '../../../shared/model';
import { arbitraryModel } from '../../support/arbitraries';
import { compareValues, formulaCells, readWorkbook, recalcWithHyperFormula, type CellEdit } from './support/workbook';
import { exampleModel, paybackCases, smallGeneratedModel, withScenario } from './support/models';

/**
 * The exported formulas, evaluated by HyperFormula, give the engine's figures (the cached
 * results) for every formula cell; and an input changed in the workbook gives what the
 * engine gives for the same change made to the model.
 */
async function recalculates(model: Model): Promise<{ compared: number; worst: number }> {
  const book = await readWorkbook((await exportWorkbook(model)).data);
  const values = recalcWithHyperFormula(book);
  const result = compareValues(formulaCells(book), (cell) => values.get(`${cell.sheet}!${cell.address}`));
  expect(result.mismatches.slice(0, 5)).toEqual([]);
  return result;
}

/** Recalculates `model`'s workbook after `edits` and compares with the export of `changed`. */
async function agreesAfterEdit(exported: ExportedWorkbook, edits: CellEdit[], changed: Model): Promise<number> {
  const book = await readWorkbook(exported.data);
  const values = recalcWithHyperFormula(book, edits);
  // The Assumptions sheet lists the levers set at export: a lever added in the workbook adds no row there.
  // The Analyses stamp compares with the values at export: after an edit it must say "changed".
  const stamp = `${exported.layout.analysisSheet}!A3`;
  expect(String(values.get(stamp))).toMatch(/^✗ /u);
  const listed = (cell: { sheet: string; address: string }) => cell.sheet !== exported.layout.assumptionsSheet && `${cell.sheet}!${cell.address}` !== stamp;
  const expected = formulaCells(await readWorkbook((await exportWorkbook(changed)).data)).filter(listed);
  expect(expected.map((cell) => `${cell.sheet}!${cell.address}=${cell.formula}`)).toEqual(
    formulaCells(book)
      .filter(listed)
      .map((cell) => `${cell.sheet}!${cell.address}=${cell.formula}`),
  );
  const result = compareValues(expected, (cell) => values.get(`${cell.sheet}!${cell.address}`));
  expect(result.mismatches.slice(0, 5)).toEqual([]);
  return result.compared;
}

describe('exported formulas recalculated by HyperFormula', () => {
  it.each([
    ['the example (zh)', exampleModel('zh')],
    ['the example (en)', exampleModel('en')],
    ['payback 0, fractional and never', paybackCases()],
    ['a generated model (seed 1)', smallGeneratedModel(1)],
    ['a generated model (seed 2, 200 lines)', smallGeneratedModel(2, 200, 4)],
  ])('%s: every formula cell equals its cached engine value', async (_, model) => {
    const { compared, worst } = await recalculates(model);
    expect(compared).toBeGreaterThan(100);
    expect(worst).toBeLessThan(1e-12);
  });

  it('random models: every formula cell equals its cached engine value', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryModel({ minScenarios: 1, maxScenarios: 3, maxNodes: 30 }), async (model) => {
        await recalculates(model);
      }),
      { numRuns: 40, seed: 20270301 },
    );
  });

  describe('an input changed in the workbook gives the engine figures of the same change in the model', () => {
    const model = smallGeneratedModel(3);
    const tree = prepareTree(model.costTree);

    it('volume growth', async () => {
      const exported = await exportWorkbook(model);
      const at = exported.layout.scenarios[1]!;
      const edits = [{ sheet: at.sheet, address: cellName(at.row.volumeGrowth, 2), value: 0.35 }];
      const compared = await agreesAfterEdit(
        exported,
        edits,
        withScenario(model, 1, (s) => ({ ...s, volumeGrowth: 0.35 })),
      );
      expect(compared).toBeGreaterThan(500);
    });

    it('one lever (a unit-cost change added to a line of a group that has its own lever)', async () => {
      const exported = await exportWorkbook(model);
      const at = exported.layout.scenarios[0]!;
      const k = tree.order.findIndex((i) => !model.scenarios[0]!.levers.some((lever) => lever.nodeId === tree.ids[i]) && tree.parent[i]! > 0);
      const nodeId = tree.ids[tree.order[k]!]!;
      const edits = [{ sheet: at.sheet, address: cellName(at.row.firstNode + k, 2), value: -0.3 }];
      const changed = withScenario(model, 0, (s) => ({ ...s, levers: [...s.levers, { nodeId, unitCostChange: -0.3 }] }));
      await agreesAfterEdit(exported, edits, changed);
    });

    it('one share of the cost structure', async () => {
      const exported = await exportWorkbook(model);
      const i = tree.order.find((index) => tree.nodes[index]!.basis.kind === 'share' && tree.depth[index]! >= 2)!;
      const node = tree.nodes[i]!;
      const share = node.basis.kind === 'share' ? node.basis.share / 2 : 0;
      const edits = [{ sheet: exported.layout.structure.sheet, address: cellName(exported.layout.structure.rowOfNode[i]!, STRUCTURE_COL.value), value: share }];
      const changed: Model = { ...model, costTree: model.costTree.map((n) => (n.id === node.id ? { ...n, basis: { kind: 'share', share } } : n)) };
      await agreesAfterEdit(exported, edits, changed);
    });

    it('the discount rate, a ramp year and an investment amount of the example', async () => {
      const example = exampleModel('en');
      const exported = await exportWorkbook(example);
      const at = exported.layout.scenarios[0]!;
      const edits = [
        { sheet: at.sheet, address: cellName(at.row.discountRate, 2), value: 0.12 },
        { sheet: at.sheet, address: cellName(at.row.ramp, at.col.year(1)), value: 0.5 },
        { sheet: at.sheet, address: cellName(at.row.line(1), at.col.parameter), value: 80 },
      ];
      const changed = withScenario(example, 0, (s) => ({
        ...s,
        discountRate: 0.12,
        ramp: [0.5],
        investments: s.investments.map((line, k) => (k === 1 ? { ...line, amount: { kind: 'perYear' as const, amount: 800_000 } } : line)),
      }));
      await agreesAfterEdit(exported, edits, changed);
    });
  });
});
