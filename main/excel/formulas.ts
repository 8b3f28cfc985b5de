import { cellName, columnName, sheetRef } from './xlsx-writer';

/** A1 references and the formula pieces the sheets share. */
export function ref(row: number, col: number): string {
  return cellName(row, col);
}

export function absolute(row: number, col: number): string {
  return `$${columnName(col)}$${row}`;
}

/** Row fixed, column relative: C$4. */
export function fixedRow(row: number, col: number): string {
  return `${columnName(col)}$${row}`;
}

/** Column fixed, row relative: $G10. */
export function fixedColumn(row: number, col: number): string {
  return `$${columnName(col)}${row}`;
}

export function rowRange(row: number, fromCol: number, toCol: number): string {
  return `${ref(row, fromCol)}:${ref(row, toCol)}`;
}

export function columnRange(col: number, fromRow: number, toRow: number, fixed = false): string {
  return fixed ? `${absolute(fromRow, col)}:${absolute(toRow, col)}` : `${ref(fromRow, col)}:${ref(toRow, col)}`;
}

export function onSheet(sheet: string, reference: string): string {
  return `${sheetRef(sheet)}!${reference}`;
}

/** A text constant inside a formula. */
export function text(value: string): string {
  return `"${value.replace(/"/gu, '""')}"`;
}

/**
 * The cost factor of a line, in the engine's order of operations (shared/engine/compute.ts):
 * parent factor x ((1 + u) x (1 / (1 + t)) x (1 + v)). An empty lever cell counts as 0, and
 * multiplying by exactly 1 changes nothing, so the result is the engine's to the last bit.
 */
export function costFactorFormula(parentFactor: string | null, u: string, t: string, v: string): string {
  const own = `(1+${u})*(1/(1+${t}))*(1+${v})`;
  return parentFactor === null ? own : `${parentFactor}*(${own})`;
}

/**
 * The sum of a set of cells in one column as short SUM arguments: consecutive rows become one
 * range (F6:F120), the others single cells. Undefined when the formula would get too long.
 */
export function sumOfRows(col: number, rows: readonly number[], maxLength = 2000): string | undefined {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    const part = j > i ? `${ref(rows[i]!, col)}:${ref(rows[j]!, col)}` : ref(rows[i]!, col);
    parts.push(part);
    length += part.length + 1;
    if (length > maxLength || parts.length > 250) return undefined;
    i = j + 1;
  }
  return `SUM(${parts.join(',')})`;
}
