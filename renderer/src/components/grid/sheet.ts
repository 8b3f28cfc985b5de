import type { SingleEditCommand } from '../../../../shared/edits/commands';
import { parseTypedNumber } from '../../format';

/** What typing a text into a cell does: an edit, nothing (same value), or a message. */
export type ParsedCell = { ok: true; command: SingleEditCommand | null } | { ok: false; message: string };

/** How one grid column reads and writes its cells as text (typing, paste, fill, copy). */
export interface SheetColumn<Row> {
  /** The text a planner would type to get the current value (what copy and fill take). */
  text(row: Row): string;
  /** The edit that typed text makes; null when the cell cannot be edited on this row. */
  parse?(row: Row, text: string): ParsedCell | null;
}

export interface CellPosition {
  rowIndex: number;
  colId: string;
}

/** A rectangle of cells in display order (inclusive). */
export interface CellBounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function boundsOf(anchor: CellPosition, focus: CellPosition, columnOrder: readonly string[]): CellBounds | null {
  const a = columnOrder.indexOf(anchor.colId);
  const b = columnOrder.indexOf(focus.colId);
  if (a < 0 || b < 0) return null;
  return {
    top: Math.min(anchor.rowIndex, focus.rowIndex),
    bottom: Math.max(anchor.rowIndex, focus.rowIndex),
    left: Math.min(a, b),
    right: Math.max(a, b),
  };
}

export function isSingleCell(bounds: CellBounds): boolean {
  return bounds.top === bounds.bottom && bounds.left === bounds.right;
}

/**
 * The target cells of a paste: the block from the top-left of the selection; a single value
 * pasted over a larger selection fills all of it (as in Excel). Cells outside the grid drop out.
 */
export function pasteTargets(
  block: readonly (readonly string[])[],
  bounds: CellBounds,
  rowCount: number,
  columnCount: number,
): { rowIndex: number; colIndex: number; text: string }[] {
  const targets: { rowIndex: number; colIndex: number; text: string }[] = [];
  if (block.length === 0) return targets;
  const single = block.length === 1 && block[0]!.length === 1;
  if (single && !isSingleCell(bounds)) {
    for (let r = bounds.top; r <= bounds.bottom && r < rowCount; r++)
      for (let c = bounds.left; c <= bounds.right && c < columnCount; c++) targets.push({ rowIndex: r, colIndex: c, text: block[0]![0]! });
    return targets;
  }
  block.forEach((cells, i) => {
    const r = bounds.top + i;
    if (r >= rowCount) return;
    cells.forEach((text, j) => {
      const c = bounds.left + j;
      if (c < columnCount) targets.push({ rowIndex: r, colIndex: c, text });
    });
  });
  return targets;
}

/**
 * The target cells of fill down: a selection of several rows takes its top row's values; a
 * single cell takes the value of the cell above it (Ctrl+D in Excel).
 */
export function fillDownTargets(bounds: CellBounds): { source: number; rows: number[]; left: number; right: number } | null {
  if (bounds.bottom > bounds.top) {
    const rows: number[] = [];
    for (let r = bounds.top + 1; r <= bounds.bottom; r++) rows.push(r);
    return { source: bounds.top, rows, left: bounds.left, right: bounds.right };
  }
  if (bounds.top === 0) return null;
  return { source: bounds.top - 1, rows: [bounds.top], left: bounds.left, right: bounds.right };
}

/** Splits a typed list of yearly amounts ("20 / 30 / 20", "20; 30", "20, 30", "20 30"); "1,000" stays one number. */
export function splitList(text: string): string[] {
  return text
    .trim()
    .split(/\s*(?:[;；/|、]|,\s+|，)\s*|\s+/)
    .filter((part) => part !== '');
}

/** A number typed in a cell; percent cells take "15", "15%" or "-15 %" as 15%. */
export function typedNumber(text: string, percent: boolean): number | null {
  return parseTypedNumber(text.trim(), percent);
}

/** Rounds away float noise (0.14 * 100 = 14.000000000000002) before a value is shown for editing. */
export function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Reads one of a few choices typed or pasted as text: its code or any of its labels (in either
 * language), ignoring case and outer spaces.
 */
export function choiceParser<T extends string>(
  aliases: Record<T, readonly string[]>,
  message: (text: string) => string,
): (text: string) => { ok: true; value: T } | { ok: false; message: string } {
  const lookup = new Map<string, T>();
  for (const [code, names] of Object.entries(aliases) as [T, readonly string[]][]) {
    lookup.set(code.toLowerCase(), code);
    for (const name of names) lookup.set(name.trim().toLowerCase(), code);
  }
  return (text) => {
    const value = lookup.get(text.trim().toLowerCase());
    return value === undefined ? { ok: false, message: message(text.trim()) } : { ok: true, value };
  };
}
