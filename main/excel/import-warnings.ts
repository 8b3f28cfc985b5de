import type { PreparedTree } from '../../shared/engine/tree';
import type { Model } from '../../shared/model/schema';
import { getCell, type Grid, type GridSheet } from './cell-grid';
import { SCENARIO_COL, STRUCTURE_COL, type WorkbookLayout } from './layout';
import { problem } from '../../shared/messages/problems';
import { placed, type ImportProblem } from './problems';
import { REVENUE_COL } from './sheets/revenue-block';
import { cellName } from './xlsx-writer';

/**
 * Formula cells of an exported workbook that now hold typed values. The import reads only the
 * inputs and the planner recomputes every figure, so such a value is lost: the user is told,
 * once per sheet, how many there are and where the first one is.
 */
export function replacedFormulaWarnings(grid: Grid, layout: WorkbookLayout, tree: PreparedTree, model: Model): ImportProblem[] {
  const sheets = new Map<string, GridSheet>();
  for (const sheet of grid.sheets) if (!sheets.has(sheet.name)) sheets.set(sheet.name, sheet);
  const warnings: ImportProblem[] = [];
  const scan = (name: string, cells: Iterable<[number, number]>) => {
    const sheet = sheets.get(name);
    if (!sheet) return;
    let count = 0;
    let first: [number, number] | undefined;
    for (const [row, col] of cells) {
      const cell = getCell(sheet, row, col);
      if (!cell || cell.formula !== null || cell.kind === 'missing') continue;
      if (cell.kind === 'text' && String(cell.value).trim() === '') continue;
      count++;
      first ??= [row, col];
    }
    if (count === 0 || !first) return;
    warnings.push({
      ...placed({ sheet: name, row: first[0], column: first[1] }, problem('formulas-replaced', { count, cell: cellName(first[0], first[1]) })),
      replacedFormulas: count,
    });
  };
  const structure = layout.structure;
  scan(
    structure.sheet,
    (function* () {
      for (let row = structure.firstRow; row <= structure.lastRow; row++)
        for (const col of [STRUCTURE_COL.amount, STRUCTURE_COL.ownAmount, STRUCTURE_COL.shareOfTotal]) yield [row, col] as [number, number];
    })(),
  );
  layout.scenarios.forEach((at, s) => {
    const scenario = model.scenarios[s]!;
    scan(
      at.sheet,
      (function* () {
        const years = Array.from({ length: at.horizon }, (_, y) => at.col.year(y + 1));
        const yearly = [at.row.saving, at.row.upfront, at.row.spread, at.row.investment, at.row.net, at.row.cumulativeNet];
        for (const row of yearly) for (const col of [SCENARIO_COL.total, ...years]) yield [row, col] as [number, number];
        for (let row = at.row.baseSaving; row <= at.row.paybackMonths; row++) yield [row, SCENARIO_COL.total] as [number, number];
        for (const row of [at.row.moved, at.row.start, at.row.lastBelowZero]) for (const col of years) yield [row, col] as [number, number];
        for (let k = 0; k < scenario.investments.length; k++) {
          yield [at.row.line(k), SCENARIO_COL.total] as [number, number];
          if (scenario.investments[k]!.amount.kind !== 'yearly') for (const col of years) yield [at.row.line(k), col] as [number, number];
        }
        for (let k = 0; k < tree.order.length; k++)
          for (const col of [SCENARIO_COL.costFactor, SCENARIO_COL.lineSaving]) yield [at.row.firstNode + k, col] as [number, number];
        // The revenue block's formulas: the factors and gain of each line, the yearly margin gain, benefit and one-off sums.
        const revenue = at.row.revenue;
        if (revenue) {
          for (let k = 0; k < revenue.lineCount; k++)
            for (const col of [REVENUE_COL.volumeFactor, REVENUE_COL.priceFactor, REVENUE_COL.gain]) yield [revenue.firstLine + k, col] as [number, number];
          yield [revenue.baseMarginGain, SCENARIO_COL.total] as [number, number];
          for (const row of [revenue.marginGain, revenue.benefit, revenue.oneOffUpfront, revenue.oneOffSpread, revenue.oneOff])
            for (const col of [SCENARIO_COL.total, ...years]) yield [row, col] as [number, number];
          for (let k = 0; k < revenue.itemCount; k++) yield [revenue.firstItem + k, SCENARIO_COL.total] as [number, number];
          for (const row of [revenue.totalMarginGain, revenue.totalOneOff]) yield [row, SCENARIO_COL.total] as [number, number];
        }
      })(),
    );
  });
  return warnings;
}
