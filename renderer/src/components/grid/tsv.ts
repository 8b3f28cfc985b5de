/**
 * Tab-separated text as spreadsheets put it on the clipboard (Excel, LibreOffice, Google
 * Sheets, WPS): cells split by tabs, rows by CRLF or LF, and a cell that holds a tab, a line
 * break or a quote is wrapped in double quotes with its quotes doubled. Pure functions: no DOM.
 */

/**
 * Splits clipboard text into rows of cells. A final line break does not start an empty row;
 * a quote that does not open a properly closed quoted cell is kept as an ordinary character.
 */
export function parseTsv(text: string): string[][] {
  if (text === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    const quoted = text[i] === '"' ? readQuoted(text, i) : null;
    if (quoted) {
      row.push(quoted.value);
      i = quoted.end;
    } else {
      const end = nextDelimiter(text, i);
      row.push(text.slice(i, end));
      i = end;
    }
    if (i >= text.length) {
      rows.push(row);
      break;
    }
    const ch = text[i];
    if (ch === '\t') {
      i += 1;
      continue;
    }
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= text.length) break;
  }
  return rows;
}

function nextDelimiter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\t' || ch === '\n' || ch === '\r') return i;
  }
  return text.length;
}

/** A quoted cell starting at `start`: its value and the index after the closing quote, or null. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const after = text[i + 1];
      if (after === undefined || after === '\t' || after === '\n' || after === '\r') return { value, end: i + 1 };
      return null;
    }
    value += ch;
    i += 1;
  }
  return null;
}

/** Rows of cells as clipboard text that spreadsheets read back cell for cell (each row ends in CRLF, as Excel writes it). */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(quoteCell).join('\t')}\r\n`).join('');
}

function quoteCell(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
