// The workbook parser, run in a child process with a capped heap (see read-workbook.ts): if
// ExcelJS blows up on a hostile or damaged file, this process dies and the parent reports it.
// Plain JavaScript on purpose: it runs under plain Node from the CLI (tsx) and vitest (forked
// with child_process), and as an Electron utilityProcess in the desktop app, with no
// TypeScript loader. It only turns cells into plain arrays; the parent interprets them.
//
// In:  one message { data: Uint8Array, limits: { maxCellChars, maxTextChars, chunkChars } }
//      (the .xlsx bytes, already checked by zip-guard.ts).
// Out: the reply as JSON text in pieces: { chunk: string } messages, then { end: true }. The
//      reply is { ok: true, strings: [text, ...], sheets: [{ name, hidden, cells: [[row, col,
//      kind, value, formula, percent], ...] }] } or { ok: false, message, refusal? }. kind: n number,
//      s text, b boolean, d date, e error, x a formula without a saved result. For s the value,
//      and a formula, are indexes into `strings`: each distinct text is sent once, however
//      many cells show it (one 100 KB shared string in 25,000 cells was 2.5 GB as copies).
//      A text longer than a cell can hold, or more text in all than the limit, ends the read
//      with { ok: false, refusal }: { kind: 'cell-text', sheet, row, col, length, max } or
//      { kind: 'text', max }, which the parent words as a coded problem; any other failure (the
//      parser's own English) comes as `message` only. The parent counts the pieces and stops
//      a reply that grows too big.
import ExcelJS from 'exceljs';

const T = ExcelJS.ValueType;

function plain(value, type) {
  switch (type) {
    case T.Number:
      return ['n', value];
    case T.String:
    case T.SharedString:
      return ['s', String(value)];
    case T.RichText:
      return ['s', (value?.richText ?? []).map((run) => String(run?.text ?? '')).join('')];
    case T.Hyperlink:
      return ['s', String(value?.text ?? '')];
    case T.Boolean:
      return ['b', Boolean(value)];
    case T.Date:
      return ['d', value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : String(value)];
    case T.Error:
      return ['e', String(value?.error ?? '#VALUE!')];
    default:
      return undefined;
  }
}

function resultOf(result) {
  if (result === undefined || result === null) return undefined;
  if (typeof result === 'number') return ['n', result];
  if (typeof result === 'string') return ['s', result];
  if (typeof result === 'boolean') return ['b', result];
  if (result instanceof Date) return ['d', Number.isNaN(result.getTime()) ? 'invalid' : result.toISOString()];
  if (typeof result === 'object' && 'error' in result) return ['e', String(result.error)];
  return undefined;
}

/** A limit the workbook is over: `refusal` says which, with its figures and cell, for the parent to word. */
class TooMuchText extends Error {
  constructor(message, refusal) {
    super(message);
    this.refusal = refusal;
  }
}

/** Each distinct text once, within the limits. */
function stringTable(limits) {
  const strings = [];
  const index = new Map();
  let chars = 0;
  return {
    strings,
    add(text, where) {
      const known = index.get(text);
      if (known !== undefined) return known;
      if (text.length > limits.maxCellChars)
        throw new TooMuchText(`cell ${where.cell} of sheet ${JSON.stringify(where.sheet)} holds ${text.length} characters`, {
          kind: 'cell-text',
          sheet: where.sheet,
          row: where.row,
          col: where.col,
          length: text.length,
          max: limits.maxCellChars,
        });
      chars += text.length;
      if (chars > limits.maxTextChars)
        throw new TooMuchText(`the workbook holds more than ${limits.maxTextChars} characters of text`, { kind: 'text', max: limits.maxTextChars });
      index.set(text, strings.length);
      strings.push(text);
      return strings.length - 1;
    },
  };
}

async function read(data, limits) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  const sheets = [];
  const table = stringTable(limits);
  for (const worksheet of workbook.worksheets) {
    const cells = [];
    const sheetName = String(worksheet.name).slice(0, 100);
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const percent = typeof cell.numFmt === 'string' && cell.numFmt.includes('%');
        const where = { sheet: sheetName, cell: cell.address, row: rowNumber, col: colNumber };
        const text = (kind, value) => (kind === 's' ? table.add(value, where) : value);
        if (cell.type === T.Formula) {
          const formula = table.add(typeof cell.formula === 'string' ? cell.formula : '', where);
          const result = resultOf(cell.result);
          cells.push([rowNumber, colNumber, result ? result[0] : 'x', result ? text(result[0], result[1]) : null, formula, percent]);
          return;
        }
        const value = plain(cell.value, cell.type);
        if (value) cells.push([rowNumber, colNumber, value[0], text(value[0], value[1]), null, percent]);
      });
    });
    sheets.push({ name: sheetName, hidden: worksheet.state !== 'visible', cells });
  }
  return { strings: table.strings, sheets };
}

// Electron's utilityProcess talks through process.parentPort; a forked Node child through process.send.
const port = process.parentPort;
const post = (message) => new Promise((resolve) => (port ? (port.postMessage(message), resolve()) : process.send(message, resolve)));

async function reply(outcome, chunkChars) {
  const text = JSON.stringify(outcome);
  for (let at = 0; at < text.length; at += chunkChars) await post({ chunk: text.slice(at, at + chunkChars) });
  await post({ end: true });
  // A forked child ends itself once the last message is out; a utilityProcess is ended by the parent.
  if (!port) process.exit(0);
}

function onRequest(message) {
  const limits = message.limits;
  read(message.data, limits).then(
    (outcome) => reply({ ok: true, ...outcome }, limits.chunkChars),
    (error) =>
      reply(
        { ok: false, message: error instanceof Error ? error.message : String(error), ...(error instanceof TooMuchText ? { refusal: error.refusal } : {}) },
        limits.chunkChars,
      ),
  );
}

if (port) port.once('message', (event) => onRequest(event.data));
else process.once('message', onRequest);
