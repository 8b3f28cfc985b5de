import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportWorkbook } from '../../../main/excel/export-workbook';
import { importFile } from '../../../main/excel/import-file';
import { ANALYSIS_SEED, ANALYSIS_TRIALS, analysisTrials } from '../../../main/excel/sheets/analysis';
import { TORNADO_CHUNK, tornadoes } from '../../../shared/analysis';
import { inputContext, inputLabel, resolveInput, scenarioInputs, simulate, tornado } from '../../../shared/analysis';
import { computeValidModel, prepareTree } from '../../../shared/engine';
import { applyEdit } from '../../../shared/edits';
import type { Model } from '../../../shared/model';
import { UNIT_FACTOR } from '../../../shared/model/units';
import { readWorkbook, type ReadCell } from './support/workbook';
import { exampleModel, smallGeneratedModel } from './support/models';

/** The example with uncertainty ranges on the first scenario (a lever, growth, an investment line). */
function exampleWithRanges(language: 'en' | 'zh' = 'en'): Model {
  let model = exampleModel(language);
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

type Rows = Map<number, Map<number, ReadCell>>;

function rowsOf(cells: readonly ReadCell[]): Rows {
  const rows: Rows = new Map();
  for (const cell of cells) {
    let row = rows.get(cell.row);
    if (!row) rows.set(cell.row, (row = new Map<number, ReadCell>()));
    row.set(cell.col, cell);
  }
  return rows;
}

/** Rows after the first row at or after `from` whose column A is `label`, up to the next empty row. */
function block(rows: Rows, from: number, label: string): { at: number; rows: Map<number, ReadCell>[] } {
  const last = Math.max(...rows.keys());
  let at = from;
  while (at <= last && rows.get(at)?.get(1)?.value !== label) at++;
  if (at > last) throw new Error(`no row ${label} after row ${from}`);
  const found: Map<number, ReadCell>[] = [];
  for (let r = at + 1; rows.has(r); r++) found.push(rows.get(r)!);
  return { at, rows: found };
}

const num = (row: Map<number, ReadCell>, col: number) => row.get(col)?.value as number;

describe('analysis sheet', () => {
  it('holds the tornado, the bridge and the Monte Carlo of each scenario, as the engine computes them', async () => {
    const model = exampleWithRanges('en');
    const unit = UNIT_FACTOR[model.displayUnit];
    const exported = await exportWorkbook(model);
    const book = await readWorkbook(exported.data);
    expect(book.sheets.map((sheet) => sheet.name)).toContain('Analyses');
    const sheet = book.sheets.find((s) => s.name === 'Analyses')!;
    // Values, not formulas: the one formula says whether the inputs changed since export.
    expect(sheet.cells.filter((cell) => cell.formula !== undefined).map((cell) => cell.address)).toEqual(['A3']);
    expect(sheet.cells.some((cell) => String(cell.value).includes('they do not recalculate'))).toBe(true);
    const rows = rowsOf(sheet.cells);
    const scenario = model.scenarios[0]!;
    const start = block(rows, 1, `Scenario: ${scenario.name}`).at;
    const context = inputContext(model, scenario);

    // Tornado of NPV and of the horizon saving: the same bars, in the same order, in the display unit.
    let at = start;
    for (const output of ['npv', 'saving'] as const) {
      const expected = tornado(model, { scenario: scenario.id, output, swing: 0.1 });
      if (!expected.ok) throw new Error(expected.error.message);
      const table = block(rows, at, 'Input');
      at = table.at + 1;
      expect(table.rows).toHaveLength(expected.value.bars.length);
      expected.value.bars.forEach((bar, k) => {
        const row = table.rows[k]!;
        const input = resolveInput(context, bar.input);
        if (!input.ok) throw new Error(input.error.message);
        expect(row.get(1)!.value).toBe(inputLabel(context, input.value, 'en'));
        const scale = bar.input.startsWith('investment:') ? unit : 1;
        expect(num(row, 2)).toBeCloseTo(bar.low / scale, 9);
        expect(num(row, 3)).toBeCloseTo(bar.high / scale, 9);
        expect(row.get(2)!.numFmt).toBe(scale === 1 ? '0.00%' : '#,##0.00');
        expect(num(row, 4)).toBeCloseTo(bar.lowOutput! / unit, 9);
        expect(num(row, 5)).toBeCloseTo(bar.highOutput! / unit, 9);
        expect(num(row, 6)).toBeCloseTo(bar.swing! / unit, 9);
      });
    }

    // The bridge adds up to the horizon saving.
    const results = computeValidModel(model, prepareTree(model.costTree));
    const saving = results.scenarios[0]!.totals.saving / unit;
    const bridge = block(rows, start, 'Step');
    const total = bridge.rows.find((row) => row.get(1)?.value === 'Total: horizon saving')!;
    expect(num(total, 4)).toBeCloseTo(saving, 9);
    const steps = bridge.rows.filter((row) => row !== total);
    expect(steps.map((row) => row.get(1)!.value)).toContain('Volume growth');
    expect(steps.reduce((sum, row) => sum + num(row, 4), 0)).toBeCloseTo(saving, 9);

    // Monte Carlo: seed and trials written; percentiles as simulate gives them with that seed.
    const seed = block(rows, start, 'Seed');
    expect(num(rows.get(seed.at)!, 2)).toBe(ANALYSIS_SEED);
    expect(num(rows.get(seed.at + 1)!, 2)).toBe(ANALYSIS_TRIALS);
    const ranges = block(rows, seed.at, 'Input');
    expect(ranges.rows.map((row) => row.get(5)!.value)).toEqual(['PERT', 'triangular', 'triangular']);
    expect(num(ranges.rows[2]!, 4)).toBeCloseTo(500_000 / unit, 9);
    const figures = block(rows, seed.at, 'Figure');
    const figure = (label: string) => figures.rows.find((row) => row.get(1)?.value === label)!;
    for (const [output, col] of [
      ['npv', 2],
      ['saving', 3],
    ] as const) {
      const simulated = simulate(model, { scenario: scenario.id, output, trials: ANALYSIS_TRIALS, seed: ANALYSIS_SEED });
      if (!simulated.ok) throw new Error(simulated.error.message);
      expect(num(figure('P10'), col)).toBeCloseTo(simulated.value.p10! / unit, 9);
      expect(num(figure('P50'), col)).toBeCloseTo(simulated.value.p50! / unit, 9);
      expect(num(figure('P90'), col)).toBeCloseTo(simulated.value.p90! / unit, 9);
      expect(num(figure('Mean'), col)).toBeCloseTo(simulated.value.mean! / unit, 9);
      if (output === 'npv') {
        const roi = figure('Chance that return / investment > 1');
        expect(num(roi, 2)).toBe(simulated.value.probabilityRoiAboveOne);
        expect(roi.get(2)!.numFmt).toMatch(/%$/);
        expect(num(figure('Chance of payback within the horizon'), 2)).toBe(simulated.value.probabilityPaybackWithinHorizon);
      }
    }

    // The second scenario has no ranges: no simulation, a note says so.
    const second = block(rows, start + 1, `Scenario: ${model.scenarios[1]!.name}`).at;
    expect([...rows.entries()].some(([r, row]) => r > second && row.get(1)?.value === 'No uncertainty ranges: no Monte Carlo simulation.')).toBe(true);

    // The round trip still holds (the ranges travel in the hidden sheet).
    const path = join(mkdtempSync(join(tmpdir(), 'costplan-analysis-')), 'ranges.xlsx');
    writeFileSync(path, exported.data);
    expect((await importFile(path)).model).toEqual(exported.model);
  });

  it('names the sheet and its labels in Chinese', async () => {
    const book = await readWorkbook((await exportWorkbook(exampleWithRanges('zh'))).data);
    const sheet = book.sheets.find((s) => s.name === '分析')!;
    expect(sheet.cells.some((cell) => cell.value === '随机种子')).toBe(true);
    expect(sheet.cells.some((cell) => cell.value === '模拟次数')).toBe(true);
  });

  it('writes input names as text, never as formulas', async () => {
    const model = exampleWithRanges('en');
    const hostile = { ...model, costTree: model.costTree.map((node) => (node.id === 'contact-center-labor' ? { ...node, name: '=HYPERLINK("x")' } : node)) };
    const book = await readWorkbook((await exportWorkbook(hostile)).data);
    const sheet = book.sheets.find((s) => s.name === 'Analyses')!;
    // Values, not formulas: the one formula says whether the inputs changed since export.
    expect(sheet.cells.filter((cell) => cell.formula !== undefined).map((cell) => cell.address)).toEqual(['A3']);
    expect(sheet.cells.some((cell) => String(cell.value).startsWith('=HYPERLINK("x")'))).toBe(true);
  });

  it('reads the tornadoes of several outputs from one pass, with the same bars as one tornado each', () => {
    const model = smallGeneratedModel(7, 800, 1);
    const scenario = model.scenarios[0]!;
    const tree = prepareTree(model.costTree);
    const addresses = scenarioInputs(inputContext(model, scenario, tree)).map((input) => input.address);
    expect(addresses.length).toBeGreaterThan(TORNADO_CHUNK);
    const both = tornadoes(model, { scenario: scenario.id, outputs: ['npv', 'saving'], swing: 0.1 }, { tree });
    if (!both.ok) throw new Error(both.error.message);
    const pair = both.value;
    for (const [j, output] of (['npv', 'saving'] as const).entries()) {
      const whole = tornado(model, { scenario: scenario.id, output, swing: 0.1 });
      if (!whole.ok) throw new Error(whole.error.message);
      const grouped = pair[j]!;
      expect(grouped.output).toBe(output);
      // The same figures up to float rounding: a group folds fewer moving inputs than one run.
      expect(Math.abs(grouped.base! - whole.value.base!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(whole.value.base!)));
      expect(grouped.bars.map((bar) => bar.input)).toHaveLength(whole.value.bars.length);
      const byInput = new Map(grouped.bars.map((bar) => [bar.input, bar]));
      for (const bar of whole.value.bars) {
        const other = byInput.get(bar.input)!;
        expect(other.low).toBe(bar.low);
        expect(other.high).toBe(bar.high);
        expect(other.source).toBe(bar.source);
        expect(other.clipped).toBe(bar.clipped);
        const scale = Math.max(1, Math.abs(whole.value.base ?? 0));
        expect(Math.abs(other.lowOutput! - bar.lowOutput!)).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(other.highOutput! - bar.highOutput!)).toBeLessThanOrEqual(1e-9 * scale);
      }
      // Sorted by swing, largest first.
      for (let k = 1; k < grouped.bars.length; k++) expect(grouped.bars[k - 1]!.swing!).toBeGreaterThanOrEqual(grouped.bars[k]!.swing!);
    }
  });

  it('lowers the trials only for large models', () => {
    expect(analysisTrials(100)).toBe(ANALYSIS_TRIALS);
    expect(analysisTrials(1_000)).toBe(ANALYSIS_TRIALS);
    expect(analysisTrials(11_000)).toBeLessThan(ANALYSIS_TRIALS);
    expect(analysisTrials(11_000)).toBeGreaterThanOrEqual(1_000);
  });
});
