import type { z } from 'zod';
import type { PreparedRevenue } from '../../shared/engine/revenue';
import {
  oneOffItemSchema,
  revenueLeverSchema,
  revenueLineSchema,
  REVENUE_LEVER_KINDS,
  type OneOffItem,
  type RevenueLever,
  type RevenueLine,
  type Scenario,
} from '../../shared/model/schema';
import { workbookWords } from '../../shared/workbook/words';
import { problem, type Problem } from '../../shared/messages/problems';
import { cellText, getCell, type GridCell, type GridSheet } from './cell-grid';
import { cellShown, type CellField } from './problems';
import type { ScenarioLayout, WorkbookLayout } from './layout';
import { REVENUE_COL } from './sheets/revenue-block';
import { roundTripText } from './xml';

/** What the revenue reader needs of the import's reader: its cell helpers and where problems go. */
export interface CellReader {
  number(sheet: GridSheet, row: number, col: number, what: CellField, optional?: boolean): number | undefined | null;
  check(schema: z.ZodType, value: unknown, sheet: string, row: number, col: number, what: CellField): boolean;
  text(sheet: GridSheet, row: number, col: number, original: string): string;
  problem(sheet: string, row: number, col: number, what: Problem): void;
  timing(cell: GridCell | undefined): OneOffItem['timing'] | undefined;
}

const WHAT = {
  margin: { field: 'margin' },
  volumeChange: { field: 'revenueVolumeChange' },
  priceChange: { field: 'revenuePriceChange' },
} as const satisfies Record<string, CellField>;

/**
 * The revenue block of a scenario sheet (sheets/revenue-block.ts) read back: each revenue
 * line's margin (a property of the line, so every sheet that shows it must agree) and the
 * scenario's volume and price changes, and each one-off item's name, timing, plan year and
 * amount (the one non-zero cell among the year columns). A cell that still holds what the
 * export wrote keeps the model's exact value.
 */
export class RevenueReader {
  /** Margins changed in a sheet, by line id, with the cell that changed them. */
  private readonly margins = new Map<string, { value: number; sheet: string; row: number }>();

  constructor(
    private readonly cells: CellReader,
    private readonly layout: WorkbookLayout,
    private readonly prepared: PreparedRevenue,
    private readonly factor: number,
  ) {}

  /** The scenario with its revenue levers and one-off items as the sheet has them. */
  scenario(sheet: GridSheet, at: ScenarioLayout, scenario: Scenario): Scenario {
    const rows = at.row.revenue;
    if (!rows) return scenario;
    const next: Scenario = { ...scenario };
    const levers = this.levers(sheet, rows.firstLine, scenario.revenueLevers ?? []);
    if (levers.length > 0 || scenario.revenueLevers !== undefined) next.revenueLevers = levers;
    if (scenario.oneOffs !== undefined) next.oneOffs = scenario.oneOffs.map((item, k) => this.oneOff(sheet, at, rows.firstItem + k, item));
    return next;
  }

  /** The model's revenue lines with the margins the sheets changed. */
  lines(lines: readonly RevenueLine[] | undefined): RevenueLine[] | undefined {
    if (!lines || this.margins.size === 0) return lines as RevenueLine[] | undefined;
    return lines.map((line) => {
      const changed = this.margins.get(line.id);
      return changed ? { ...line, margin: changed.value } : line;
    });
  }

  private levers(sheet: GridSheet, firstLine: number, original: readonly RevenueLever[]): RevenueLever[] {
    const { prepared, cells } = this;
    const byLine = new Map(original.map((lever, index) => [lever.lineId, index]));
    const levers = [...original];
    for (let k = 0; k < prepared.order.length; k++) {
      const i = prepared.order[k]!;
      const line = prepared.lines[i]!;
      const row = firstLine + k;
      if (cellText(getCell(sheet, row, REVENUE_COL.name)) !== roundTripText(line.name)) {
        cells.problem(sheet.name, row, REVENUE_COL.name, problem('revenue-rows-moved', { name: line.name }));
        continue;
      }
      this.margin(sheet, row, line);
      const index = byLine.get(line.id);
      let lever: RevenueLever | undefined = index === undefined ? undefined : levers[index];
      for (const kind of REVENUE_LEVER_KINDS) {
        const col = kind === 'volumeChange' ? REVENUE_COL.volume : REVENUE_COL.price;
        const value = cells.number(sheet, row, col, WHAT[kind], true);
        if (value === null || value === lever?.[kind]) continue;
        if (value !== undefined && !cells.check(revenueLeverSchema.shape[kind], value, sheet.name, row, col, WHAT[kind])) continue;
        const changed: RevenueLever = { ...(lever ?? { lineId: line.id }) };
        if (value === undefined) delete changed[kind];
        else changed[kind] = value;
        lever = changed;
      }
      if (lever === undefined) continue;
      if (index !== undefined) levers[index] = lever;
      else if (REVENUE_LEVER_KINDS.some((kind) => lever[kind] !== undefined)) {
        byLine.set(line.id, levers.length);
        levers.push(lever);
      }
    }
    // A line whose levers were all cleared in the sheet keeps no empty lever.
    return levers.filter((lever, index) => lever === original[index] || REVENUE_LEVER_KINDS.some((kind) => lever[kind] !== undefined));
  }

  private margin(sheet: GridSheet, row: number, line: RevenueLine): void {
    const value = this.cells.number(sheet, row, REVENUE_COL.margin, WHAT.margin);
    if (typeof value !== 'number' || value === line.margin) return;
    if (!this.cells.check(revenueLineSchema.shape.margin, value, sheet.name, row, REVENUE_COL.margin, WHAT.margin)) return;
    const earlier = this.margins.get(line.id);
    if (earlier && earlier.value !== value) {
      this.cells.problem(
        sheet.name,
        row,
        REVENUE_COL.margin,
        problem('margin-differs', { line: line.name, value, other: earlier.value, sheet: earlier.sheet, row: earlier.row }),
      );
      return;
    }
    this.margins.set(line.id, { value, sheet: sheet.name, row });
  }

  private oneOff(sheet: GridSheet, at: ScenarioLayout, row: number, item: OneOffItem): OneOffItem {
    const { cells, factor } = this;
    const next: OneOffItem = { ...item };
    const name = cells.text(sheet, row, 1, item.name);
    if (name !== item.name && cells.check(oneOffItemSchema.shape.name, name, sheet.name, row, 1, { field: 'oneOffName' })) next.name = name;
    const timingCell = getCell(sheet, row, at.col.timing);
    const timing = cells.timing(timingCell);
    if (!timing) {
      const book = workbookWords(this.layout.language);
      cells.problem(
        sheet.name,
        row,
        at.col.timing,
        problem('cell-not-a-choice', { field: 'timing', choices: [book('words.timing.upfront'), book('words.timing.spread')], found: cellShown(timingCell) }),
      );
    } else next.timing = timing;

    // The amount sits in its plan year; the other year columns hold 0 (or nothing).
    const filled: { year: number; value: number; col: number }[] = [];
    let unreadable = false;
    for (let y = 1; y <= at.horizon; y++) {
      const col = at.col.year(y);
      const value = cells.number(sheet, row, col, { field: 'oneOffYearAmount', year: y }, true);
      if (value === null) unreadable = true;
      else if (value !== undefined && value !== 0) filled.push({ year: y, value, col });
    }
    if (unreadable) return next;
    if (filled.length > 1) {
      cells.problem(sheet.name, row, filled[1]!.col, problem('one-off-several-years', { years: filled.map((cell) => cell.year) }));
      return next;
    }
    const written = item.amount / factor;
    const cell = filled[0];
    if (!cell) {
      // Every year empty: an amount of 0 in its year (an item beyond the horizon is not on the sheet and stays).
      if (item.year <= at.horizon && item.amount !== 0) next.amount = 0;
      return next;
    }
    if (cell.year === item.year && cell.value === written) return next;
    const amount = cell.value * factor;
    if (!cells.check(oneOffItemSchema.shape.amount, amount, sheet.name, row, cell.col, { field: 'oneOffAmount' })) return next;
    next.year = cell.year;
    if (cell.value !== written) next.amount = amount;
    return next;
  }
}
