import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { emptySheet, putCell, type CellKind, type Grid, type GridSheet } from './cell-grid';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { fileProblem } from './problems';
import { describeCompoundFile, GuardError, inspectEntries, readCentralDirectory, sniff } from './zip-guard';

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
  if (kind === 'cfb') throw fileProblem(describeCompoundFile(data));
  if (kind !== 'zip') throw fileProblem('the file is not an .xlsx workbook (it is not a zip package)');
  try {
    await inspectEntries(data, readCentralDirectory(data, limits), limits);
  } catch (error) {
    if (error instanceof GuardError) throw fileProblem(error.message);
    throw error;
  }
  const sheets = await parseInChild(data, options.parserHeapMb ?? limits.parserHeapMb, limits.parserTimeoutMs);
  return { source: 'xlsx', sheets };
}

type ChildCell = [row: number, col: number, kind: 'n' | 's' | 'b' | 'd' | 'e' | 'x', value: unknown, formula: unknown, percent: unknown];
type ChildReply = { ok: true; sheets: { name: unknown; hidden: unknown; cells: unknown }[] } | { ok: false; message: unknown };

const CHILD = fileURLToPath(new URL('./xlsx-reader.child.mjs', import.meta.url));

const KINDS: Record<ChildCell[2], CellKind> = { n: 'number', s: 'text', b: 'boolean', d: 'date', e: 'error', x: 'missing' };

function parseInChild(data: Buffer, heapMb: number, timeoutMs: number): Promise<GridSheet[]> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: [`--max-old-space-size=${heapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Under Electron, process.execPath is the app: this makes it a plain Node; no inherited
      // options (a loader, a bigger heap) reach the parser.
      env: { ...process.env, NODE_OPTIONS: '', ELECTRON_RUN_AS_NODE: '1' },
    });
    let stderr = '';
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() => reject(fileProblem(`reading the workbook took more than ${timeoutMs / 1000} s and was stopped (a damaged or hostile file?)`)));
    }, timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 16 * 1024) stderr += chunk.toString('utf8');
    });
    child.on('message', (reply: ChildReply) => {
      finish(() => {
        if (!reply.ok) reject(fileProblem(`the workbook cannot be read: ${String(reply.message).split('\n')[0]}`));
        else {
          try {
            resolve(toSheets(reply.sheets));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        }
      });
    });
    child.on('error', (error) => finish(() => reject(new Error(`could not start the workbook reader: ${error.message}`))));
    child.on('exit', (code, signal) => {
      finish(() => {
        const outOfMemory = /heap out of memory|Allocation failed|Reached heap limit/iu.test(stderr);
        reject(
          fileProblem(
            outOfMemory
              ? `reading the workbook needs more than ${heapMb} MB of memory and was stopped (a damaged or hostile file?)`
              : `the workbook reader stopped (${signal ?? `exit code ${code}`}) before it finished: the file is damaged or hostile`,
          ),
        );
      });
    });
    child.send({ data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }, (error) => {
      if (error) finish(() => reject(new Error(`could not hand the workbook to its reader: ${error.message}`)));
    });
  });
}

/** The child's arrays into grid sheets, checking every field's type (the child is not trusted). */
function toSheets(raw: unknown): GridSheet[] {
  if (!Array.isArray(raw)) throw fileProblem('the workbook reader returned nothing');
  return raw.map((entry: { name: unknown; hidden: unknown; cells: unknown }) => {
    const sheet = emptySheet(String(entry.name), entry.hidden === true);
    if (!Array.isArray(entry.cells)) return sheet;
    for (const item of entry.cells as unknown[]) {
      if (!Array.isArray(item)) continue;
      const [row, col, kindCode, value, formula, percent] = item as ChildCell;
      const kind = Object.hasOwn(KINDS, kindCode) ? KINDS[kindCode] : undefined;
      if (kind === undefined || !Number.isInteger(row) || !Number.isInteger(col)) continue;
      const cellValue =
        kind === 'number' ? (typeof value === 'number' ? value : Number(value)) : kind === 'boolean' ? value === true : kind === 'missing' ? null : String(value);
      putCell(sheet, row, col, { kind, value: cellValue, formula: typeof formula === 'string' ? formula : null, percent: percent === true });
    }
    return sheet;
  });
}
