import { problem, type Problem } from '../../shared/messages/problems';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Model } from '../../shared/model/schema';
import { workbookWords } from '../../shared/workbook/words';
import type { GridSheet } from './cell-grid';
import { parseCsv } from './csv-parse';
import { importExportedWorkbook, isExportedWorkbook } from './import-model';
import { findStructureHeader, importStructure, type StructureImportOptions } from './import-structure';
import { IMPORT_LIMITS } from './limits';
import { fileProblem, ImportError, type ImportProblem } from './problems';
import { readWorkbookCells, type ReadOptions } from './read-workbook';

/**
 * Imports a file: a workbook this app exported (the whole model), or a cost structure in the
 * import layout from an .xlsx sheet or a .csv file (a model with that tree and no scenarios).
 * Throws ImportError with every problem found; writes nothing.
 */
export interface ImportOutcome {
  model: Model;
  kind: 'workbook' | 'structure';
  /** The sheet the structure came from. */
  sheet: string;
  /** What the import took but the user should know: formula cells typed over in an exported workbook. */
  warnings: ImportProblem[];
}

export type ImportOptions = StructureImportOptions & ReadOptions;

export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const limits = options.limits ?? IMPORT_LIMITS;
  const data = await readLimited(path, limits.maxFileBytes);
  const extension = extname(path).toLowerCase();
  const name = options.name ?? basename(path, extname(path));
  if (extension === '.csv' || extension === '.txt') {
    const sheet = parseCsv(data, basename(path), limits);
    return structureFrom(sheet, { ...options, name });
  }
  if (extension !== '.xlsx' && extension !== '.xlsm' && extension !== '.xls')
    throw fileProblem(problem('import-file-type', { found: extension || basename(path) }));
  const grid = await readWorkbookCells(data, options);
  if (isExportedWorkbook(grid)) {
    const warnings: ImportProblem[] = [];
    const imported = importExportedWorkbook(grid, warnings);
    if (!imported.ok) throw new ImportError(imported.error);
    return { model: imported.value, kind: 'workbook', sheet: '', warnings };
  }
  const visible = grid.sheets.filter((sheet) => !sheet.hidden);
  const structureNames = [workbookWords('en')('sheets.structure'), workbookWords('zh')('sheets.structure')];
  const candidates = [...visible.filter((sheet) => structureNames.includes(sheet.name)), ...visible];
  const sheet = candidates.find((candidate) => findStructureHeader(candidate) !== undefined);
  if (!sheet) {
    throw fileProblem(problem('no-structure-sheet', { sheets: grid.sheets.map((candidate) => candidate.name) }));
  }
  return structureFrom(sheet, { ...options, name });
}

function structureFrom(sheet: GridSheet, options: StructureImportOptions): ImportOutcome {
  const imported = importStructure(sheet, options);
  if (!imported.ok) throw new ImportError(imported.error);
  return { model: imported.value, kind: 'structure', sheet: sheet.name, warnings: [] };
}

/** Reads at most `limit` bytes; a bigger file is refused without reading it. */
async function readLimited(path: string, limit: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileProblem(describeOpenError(error));
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw fileProblem(problem('file-cannot-open', { reason: 'folder' }));
    if (stat.size > limit) throw fileProblem(problem('file-too-large', { bytes: stat.size, max: limit }));
    const data = Buffer.alloc(stat.size);
    let read = 0;
    while (read < data.length) {
      const { bytesRead } = await handle.read(data, read, data.length - read, read).catch((error: unknown) => {
        // EIO, a file on a network share that went away: said like an open that failed.
        throw fileProblem(describeOpenError(error));
      });
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return data.subarray(0, read);
  } finally {
    await handle.close();
  }
}

function describeOpenError(error: unknown): Problem {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return problem('file-cannot-open', { reason: 'missing' });
  if (code === 'EACCES' || code === 'EPERM') return problem('file-cannot-open', { reason: 'permission' });
  if (code === 'EISDIR') return problem('file-cannot-open', { reason: 'folder' });
  // Anything else (EMFILE, EIO...): the system's own words as a technical detail.
  return problem('file-cannot-open', { reason: 'other', detail: error instanceof Error ? error.message : String(error) });
}
