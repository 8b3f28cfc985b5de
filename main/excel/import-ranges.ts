import type { PreparedTree } from '../../shared/engine/tree';
import { text } from '../../shared/i18n/vocabulary';
import { inputContext, inputUnit, resolveInput } from '../../shared/model/inputs';
import { DISTRIBUTIONS, type Model, type Scenario } from '../../shared/model/schema';
import { LANGUAGES, UNIT_FACTOR } from '../../shared/model/units';
import { parseNumberText } from '../../shared/workbook/structure-layout';
import { problem, type FieldName, type Problem } from '../../shared/messages/problems';
import { cellText, getCell, type GridCell, type GridSheet } from './cell-grid';
import { cellShown, placed, type ImportProblem } from './problems';
import { RANGE_COL, type RangeTable } from './sheets/analysis';

type Distribution = (typeof DISTRIBUTIONS)[number];

/** The distribution words of every language, lower case: a workbook typed in either is read. */
const DISTRIBUTION_WORDS = new Map<string, Distribution>();
for (const language of LANGUAGES)
  for (const distribution of DISTRIBUTIONS) DISTRIBUTION_WORDS.set(text(language, 'analysis', `distribution.${distribution}`).toLowerCase(), distribution);

/** Where the export wrote the ranges (the hidden sheet's JSON); [] when absent or not as written. */
export function parseRangeTables(text: string, scenarios: number): RangeTable[] {
  if (text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const tables: RangeTable[] = [];
  for (const entry of parsed) {
    const { scenario, firstRow, count } = (entry ?? {}) as Partial<RangeTable>;
    const whole = (value: unknown, max: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < max;
    if (whole(scenario, scenarios) && whole(firstRow, 1_048_576) && whole(count, 100_000)) tables.push({ scenario, firstRow, count });
  }
  return tables;
}

/**
 * A scenario's uncertainty ranges as the Analyses sheet holds them: low, most likely and high
 * (amounts in the sheet's unit) and the distribution from its drop-down. A cell that still
 * holds what the export wrote keeps the model's exact value; problems name the cell.
 */
export function readRanges(
  sheet: GridSheet,
  table: RangeTable,
  model: Model,
  scenario: Scenario,
  tree: PreparedTree,
  problems: ImportProblem[],
): Scenario['uncertainty'] {
  const ranges = scenario.uncertainty ?? [];
  if (table.count !== ranges.length) return scenario.uncertainty;
  const context = inputContext(model, scenario, tree);
  const factor = UNIT_FACTOR[model.displayUnit];
  const report = (row: number, column: number, what: Problem) => problems.push(placed({ sheet: sheet.name, row, column }, what));
  return ranges.map((range, k) => {
    const row = table.firstRow + k;
    const resolved = resolveInput(context, range.input, { idsOnly: true });
    const scale = resolved.ok && inputUnit(context, resolved.value) === 'money' ? factor : 1;
    const read = (col: number, exact: number, field: FieldName): number => {
      const cell = getCell(sheet, row, col);
      const value = numberOf(cell);
      if (value === undefined) {
        report(row, col, problem('cell-not-a-number', { field, found: cellShown(cell) }));
        return exact;
      }
      return value === exact / scale ? exact : value * scale;
    };
    const low = read(RANGE_COL.low, range.low, 'rangeLow');
    const mostLikely = read(RANGE_COL.mostLikely, range.mostLikely, 'rangeMostLikely');
    const high = read(RANGE_COL.high, range.high, 'rangeHigh');
    const cell = getCell(sheet, row, RANGE_COL.distribution);
    const distribution = DISTRIBUTION_WORDS.get(cellText(cell).trim().toLowerCase());
    if (!distribution)
      report(
        row,
        RANGE_COL.distribution,
        problem('cell-not-a-choice', { field: 'distribution', choices: [...DISTRIBUTION_WORDS.keys()], found: cellShown(cell) }),
      );
    return { ...range, low, mostLikely, high, distribution: distribution ?? range.distribution };
  });
}

function numberOf(cell: GridCell | undefined): number | undefined {
  if (cell?.kind === 'number' && typeof cell.value === 'number' && Number.isFinite(cell.value)) return cell.value;
  if (cell?.kind === 'text') return parseNumberText(String(cell.value))?.value;
  return undefined;
}
