import { problem, type Problem } from '../../shared/messages/problems';
import { fileURLToPath } from 'node:url';
import { emptySheet, putCell, type CellKind, type Grid, type GridSheet } from './cell-grid';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { startParser } from './parser-process';
import { fileProblem, ImportError, placed } from './problems';
import { GuardError, isEncrypted, inspectEntries, readCentralDirectory, sniff } from './zip-guard';

/**
 * Reads the cells of an .xlsx file that may be hostile. First zip-guard.ts checks the zip
 * structure and every entry without a parser; then ExcelJS parses it in a child process with
 * a capped heap and a time limit, so a parser blow-up kills the child, not this process, and
 * comes back as an error.
 */
export interface ReadOptions {
  limits?: ImportLimits;
  /** For tests: a smaller heap for the parser. */
  parserHeapMb?: number;
}

export async function readWorkbookCells(data: Buffer, options: ReadOptions = {}): Promise<Grid> {
  const limits = options.limits ?? IMPORT_LIMITS;
  const kind = sniff(data);
  if (kind === 'cfb') throw fileProblem(isEncrypted(data) ? problem('workbook-encrypted', {}) : problem('old-excel-file', {}));
  if (kind !== 'zip') throw fileProblem(problem('not-a-workbook', {}));
  try {
    await inspectEntries(data, readCentralDirectory(data, limits), limits);
  } catch (error) {
    if (error instanceof GuardError) throw fileProblem(error.problem);
    throw error;
  }
  const sheets = await parseInChild(data, options.parserHeapMb ?? limits.parserHeapMb, limits);
  return { source: 'xlsx', sheets };
}

type ChildCell = [row: number, col: number, kind: 'n' | 's' | 'b' | 'd' | 'e' | 'x', value: unknown, formula: unknown, percent: unknown];
type ChildReply =
  { ok: true; strings: unknown; sheets: { name: unknown; hidden: unknown; cells: unknown }[] } | { ok: false; message: unknown; refusal?: unknown };

const CHILD = fileURLToPath(new URL('./xlsx-reader.child.mjs', import.meta.url));

const KINDS: Record<ChildCell[2], CellKind> = { n: 'number', s: 'text', b: 'boolean', d: 'date', e: 'error', x: 'missing' };

/** Pieces of the reply: small enough that no one message is large. */
const CHUNK_CHARS = 1024 * 1024;

function parseInChild(data: Buffer, heapMb: number, limits: ImportLimits): Promise<GridSheet[]> {
  return new Promise((resolve, reject) => {
    const timeoutMs = limits.parserTimeoutMs;
    const child = startParser(CHILD, heapMb);
    let settled = false;
    let received = 0;
    const pieces: string[] = [];
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill();
      outcome();
    };
    const timer = setTimeout(() => {
      finish(() => reject(fileProblem(problem('workbook-timeout', { seconds: timeoutMs / 1000 }))));
    }, timeoutMs);
    child.onMessage((message) => {
      if (settled) return;
      const piece = message as { chunk?: unknown; end?: unknown };
      if (typeof piece.chunk === 'string') {
        received += piece.chunk.length;
        // Counted as it arrives: a reply past the cap is stopped, never held whole.
        if (received > limits.maxReplyChars) finish(() => reject(fileProblem(problem('workbook-over-limit', { limit: 'data', max: limits.maxReplyChars }))));
        else pieces.push(piece.chunk);
        return;
      }
      if (piece.end !== true) return;
      finish(() => {
        let reply: ChildReply;
        try {
          reply = JSON.parse(pieces.join('')) as ChildReply;
        } catch {
          reject(fileProblem(problem('workbook-reader-failed', { reason: 'answer' })));
          return;
        }
        pieces.length = 0;
        if (!reply.ok) reject(refusalOf(reply));
        else {
          try {
            resolve(toSheets(reply.sheets, reply.strings));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        }
      });
    });
    child.onError((error) => finish(() => reject(fileProblem(problem('workbook-reader-failed', { reason: 'start', detail: error.message })))));
    child.onExit((code, signal, stderr) => {
      finish(() => {
        const outOfMemory = /heap out of memory|Allocation failed|Reached heap limit/iu.test(stderr);
        reject(
          fileProblem(
            outOfMemory || code === 134
              ? problem('workbook-over-limit', { limit: 'memory', max: heapMb })
              : problem('workbook-reader-failed', { reason: 'stopped', ...(signal ? { signal } : { code: code ?? -1 }) }),
          ),
        );
      });
    });
    try {
      child.send({
        data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
        limits: { maxCellChars: limits.maxCellChars, maxTextChars: limits.maxTextChars, chunkChars: CHUNK_CHARS },
      });
    } catch (error) {
      finish(() => reject(fileProblem(problem('workbook-reader-failed', { reason: 'start', detail: error instanceof Error ? error.message : String(error) }))));
    }
  });
}

/**
 * Why the reader refused the workbook, as a coded problem: a limit it reported with its
 * figures (and the cell, as a place), or the parser's own English as a technical detail.
 */
function refusalOf(reply: { message: unknown; refusal?: unknown }): ImportError {
  const refusal = (typeof reply.refusal === 'object' && reply.refusal !== null ? reply.refusal : {}) as Record<string, unknown>;
  const whole = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);
  const max = whole(refusal['max']);
  if (refusal['kind'] === 'text' && max !== undefined) return fileProblem(problem('workbook-over-limit', { limit: 'text', max }));
  const row = whole(refusal['row']);
  const col = whole(refusal['col']);
  const length = whole(refusal['length']);
  if (refusal['kind'] === 'cell-text' && max !== undefined && typeof refusal['sheet'] === 'string' && row && col && length !== undefined)
    return new ImportError([placed({ sheet: refusal['sheet'], row, column: col }, problem('cell-text-too-long', { length, max }))]);
  const detail: Problem = problem('workbook-unreadable', { detail: (String(reply.message).split('\n')[0] ?? '').slice(0, 500) });
  return fileProblem(detail);
}

/** The child's arrays into grid sheets, checking every field's type (the child is not trusted). */
function toSheets(raw: unknown, rawStrings: unknown): GridSheet[] {
  if (!Array.isArray(raw)) throw fileProblem(problem('workbook-reader-failed', { reason: 'answer' }));
  const strings = Array.isArray(rawStrings) ? (rawStrings as unknown[]) : [];
  const text = (index: unknown): string | undefined => (typeof index === 'number' && typeof strings[index] === 'string' ? strings[index] : undefined);
  return raw.map((entry: { name: unknown; hidden: unknown; cells: unknown }) => {
    const sheet = emptySheet(String(entry.name), entry.hidden === true);
    if (!Array.isArray(entry.cells)) return sheet;
    for (const item of entry.cells as unknown[]) {
      if (!Array.isArray(item)) continue;
      const [row, col, kindCode, value, formula, percent] = item as ChildCell;
      const kind = Object.hasOwn(KINDS, kindCode) ? KINDS[kindCode] : undefined;
      if (kind === undefined || !Number.isInteger(row) || !Number.isInteger(col)) continue;
      const cellValue =
        kind === 'number'
          ? typeof value === 'number'
            ? value
            : Number(value)
          : kind === 'boolean'
            ? value === true
            : kind === 'missing'
              ? null
              : kindCode === 's'
                ? (text(value) ?? '')
                : String(value);
      putCell(sheet, row, col, { kind, value: cellValue, formula: text(formula) ?? null, percent: percent === true });
    }
    return sheet;
  });
}
