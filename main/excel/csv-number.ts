import { columnForHeader } from '../../shared/workbook/structure-layout';

/**
 * Numbers and separators of a CSV file, read without ever rescaling a number silently.
 *
 * - The separator (`,` `;` or tab) is the one that splits the header row into the most
 *   known column names; the header may sit under a title line, anywhere in the first
 *   HEADER_SEARCH_LINES lines. Without a header row it is the separator most lines use.
 * - A number may use a decimal point, or a decimal comma where the comma is not the field
 *   separator (`;` and tab files: "1234,5"); thousands separators (`,` `.` space, apostrophe)
 *   only in groups of three; full-width digits and signs as a Chinese keyboard types them.
 * - A number that reads two ways ("1,234" in a `;` file: 1234 or 1.234?) is refused with
 *   its row and column, never guessed.
 */
export const HEADER_SEARCH_LINES = 20;
const SEPARATORS = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof SEPARATORS)[number];

export type CsvNumber = { kind: 'number'; value: number; percent: boolean } | { kind: 'ambiguous'; readings: [number, number] } | { kind: 'text' };

export function detectCsvSeparator(text: string): CsvSeparator {
  const lines = firstLines(text, HEADER_SEARCH_LINES);
  let best: { separator: CsvSeparator; names: number } | undefined;
  for (const line of lines) {
    for (const separator of SEPARATORS) {
      const names = new Set(splitLine(line, separator).flatMap((field) => columnForHeader(field) ?? [])).size;
      if (names >= 2 && (!best || names > best.names)) best = { separator, names };
    }
  }
  if (best) return best.separator;
  // No header row: the separator that most lines use at all, then most often.
  const score = (separator: CsvSeparator) => {
    let linesUsing = 0;
    let uses = 0;
    for (const line of lines) {
      const count = splitLine(line, separator).length - 1;
      if (count > 0) linesUsing++;
      uses += count;
    }
    return linesUsing * 1e6 + uses;
  };
  const ranked = SEPARATORS.map((separator) => ({ separator, score: score(separator) })).sort((a, b) => b.score - a.score);
  return ranked[0]!.score > 0 ? ranked[0]!.separator : ',';
}

/** Reads a CSV field as a number, by the rules above; `text` when it is not one. */
export function parseCsvNumber(raw: string, separator: CsvSeparator): CsvNumber {
  let body = raw
    .trim()
    .replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[．]/gu, '.')
    .replace(/[，]/gu, ',')
    .replace(/[－−]/gu, '-')
    .replace(/[＋]/gu, '+')
    .replace(/[％]/gu, '%');
  const percent = body.endsWith('%');
  if (percent) body = body.slice(0, -1).trim();
  const sign = /^[-+]/u.test(body) ? body[0]! : '';
  body = body.slice(sign.length);
  // Spaces (also no-break and thin) and apostrophes only ever group thousands.
  const spaced = body.replace(/[\s\u00a0\u202f']/gu, (match, offset: number) => (offset > 0 ? '_' : match));
  if (/\s/u.test(spaced) || spaced === '') return { kind: 'text' };
  const exponent = /^(.*?)(e[-+]?\d+)$/iu.exec(spaced);
  const mantissa = exponent ? exponent[1]! : spaced;
  const power = exponent ? exponent[2]! : '';
  const read = readMantissa(mantissa, separator);
  if (read.kind !== 'number') return read;
  const finish = (digits: string): number => Number(`${sign}${digits}${power}`) / (percent ? 100 : 1);
  if (read.readings) {
    const [first, second] = read.readings.map(finish) as [number, number];
    return { kind: 'ambiguous', readings: [first, second] };
  }
  const value = finish(read.digits);
  return Number.isFinite(value) ? { kind: 'number', value, percent } : { kind: 'text' };
}

type Mantissa = { kind: 'number'; digits: string; readings?: [string, string] } | { kind: 'text' };

function readMantissa(text: string, separator: CsvSeparator): Mantissa {
  if (!/^[\d.,_]+$/u.test(text) || !/\d/u.test(text)) return { kind: 'text' };
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let decimal: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? ',' : '.';
    const count = text.split(mark).length - 1;
    const after = text.length - text.lastIndexOf(mark) - 1;
    if (count > 1)
      decimal = null; // "1,234,567" or "1.234.567": grouping only
    else if (after !== 3)
      decimal = mark; // "1234,5", "100,25", "0.44"
    else if (mark === ',' && separator === ',')
      decimal = null; // cannot occur unquoted; grouping
    else if (mark === '.' && separator !== ';')
      decimal = '.'; // "1.234" in a , or tab file: a decimal point
    else {
      // "1,234" (tab or ; file) or "1.234" (; file): a decimal mark or a thousands separator.
      const asDecimal = grouped(text, mark === ',' ? '.' : ',', mark);
      const asGrouped = grouped(text, mark, null);
      if (asDecimal && asGrouped) return { kind: 'number', digits: asDecimal, readings: [asGrouped, asDecimal] };
      decimal = asGrouped ? null : mark;
    }
  }
  const groupMark = decimal === '.' ? ',' : decimal === ',' ? '.' : lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  const digits = grouped(text, groupMark, decimal);
  return digits === undefined ? { kind: 'text' } : { kind: 'number', digits };
}

/**
 * The plain digits of `text` with `decimal` as its decimal mark and the other marks (and _ for
 * spaces) as thousands separators, which must stand between groups of three; undefined if not.
 */
function grouped(text: string, groupMark: '.' | ',' | null, decimal: '.' | ',' | null): string | undefined {
  const [whole, fraction, extra] = decimal ? text.split(decimal) : [text];
  if (extra !== undefined || whole === undefined) return undefined;
  if (fraction !== undefined && !/^\d*$/u.test(fraction)) return undefined;
  const groupPattern = groupMark ? new RegExp(`[${groupMark === '.' ? '\\.' : ','}_]`, 'u') : /_/u;
  const groups = whole.split(groupPattern);
  if (groups.some((group) => !/^\d*$/u.test(group))) return undefined;
  // Groups of three after a first group of one to three digits that is not a leading zero ("0,125" is no grouping).
  if (groups.length > 1 && (!/^[1-9]\d{0,2}$/u.test(groups[0]!) || groups.slice(1).some((group) => !/^\d{3}$/u.test(group)))) return undefined;
  const integer = groups.join('');
  if (integer === '' && (fraction === undefined || fraction === '')) return undefined;
  return fraction === undefined ? integer : `${integer === '' ? '0' : integer}.${fraction === '' ? '0' : fraction}`;
}

function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (lines.length < count && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/u, '');
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}

/** A line's fields by one separator, quotes respected (enough to find the header). */
function splitLine(line: string, separator: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}
