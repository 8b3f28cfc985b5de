// The workbook parser, run in a child process with a capped heap (see read-workbook.ts): if
// ExcelJS blows up on a hostile or damaged file, this process dies and the parent reports it.
// Plain JavaScript on purpose: it runs under plain Node from the CLI (tsx), from vitest and as
// ELECTRON_RUN_AS_NODE, with no TypeScript loader. It only turns cells into plain arrays; the
// parent interprets them.
//
// In:  one IPC message { data: Uint8Array } (the .xlsx bytes, already checked by zip-guard.ts).
// Out: one IPC message { ok: true, sheets: [{ name, hidden, cells: [[row, col, kind, value,
//      formula, percent], ...] }] } or { ok: false, message }. kind: n number, s text,
//      b boolean, d date, e error, x a formula without a saved result; formula: the formula text or null; percent: the number
//      format shows a percentage.
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

async function read(data) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  const sheets = [];
  for (const worksheet of workbook.worksheets) {
    const cells = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const percent = typeof cell.numFmt === 'string' && cell.numFmt.includes('%');
        if (cell.type === T.Formula) {
          const formula = typeof cell.formula === 'string' ? cell.formula : '';
          const result = resultOf(cell.result);
          cells.push([rowNumber, colNumber, result ? result[0] : 'x', result ? result[1] : null, formula, percent]);
          return;
        }
        const value = plain(cell.value, cell.type);
        if (value) cells.push([rowNumber, colNumber, value[0], value[1], null, percent]);
      });
    });
    sheets.push({ name: String(worksheet.name), hidden: worksheet.state !== 'visible', cells });
  }
  return sheets;
}

process.once('message', (message) => {
  read(message.data).then(
    (sheets) => process.send({ ok: true, sheets }, () => process.exit(0)),
    (error) => process.send({ ok: false, message: error instanceof Error ? error.message : String(error) }, () => process.exit(0)),
  );
});
