import { problem, type CellShown, type FieldName, type PlacedProblem, type Problem } from '../../shared/messages/problems';
import { renderProblem, type MessageView } from '../../shared/messages/render';
import type { GridCell } from './cell-grid';
import { columnName } from './xlsx-writer';

/**
 * One thing wrong with an imported file, and where: the sheet (the file name for a CSV), the
 * row and the column as a spreadsheet shows them. Problems with the file as a whole (too big,
 * not a workbook, a zip bomb) have no place.
 */
export interface ImportProblem {
  sheet?: string;
  row?: number;
  column?: number;
  /** The column's header, when there is one ("Value"). */
  header?: string;
  /** In English, for logs and the CLI without --lang: `problem` worded (see `placed`). */
  message: string;
  /** A warning about formula cells typed over: how many on the sheet (the first at row, column). */
  replacedFormulas?: number;
  /** What is wrong as a code with parameters (shared/messages): the UI and the CLI word it in their language and unit. */
  problem: Problem;
}

/** A field of a sheet as its problems name it (and the year of a yearly one). */
export interface CellField {
  field: FieldName;
  year?: number;
}

/** Messages kept in English for logs: amounts in yuan. */
const ENGLISH: MessageView = { language: 'en', unit: 'yuan' };

/** A problem at a place, with its English message worded from its code. */
export function placed(place: Omit<ImportProblem, 'message' | 'problem'>, what: Problem): ImportProblem {
  return { ...place, message: renderProblem(what, ENGLISH), problem: what };
}

/** One problem in English with its place (sheet, row, column and header), for logs and tests. */
export function formatProblem(problem: ImportProblem): string {
  return renderProblem(importFailed([problem]), ENGLISH);
}

/** The problems of an import in one English line: the first few, and how many more there are. */
export function summarizeProblems(problems: readonly ImportProblem[], shown = 3): string {
  return renderProblem(importFailed(problems, '', shown), ENGLISH);
}

/** The problems of an import as one coded problem (the first few with their places), for `file` ('' when unnamed). */
export function importFailed(problems: readonly ImportProblem[], file = '', shown = 3): Problem {
  const listed = problems.slice(0, shown).map((one): PlacedProblem => {
    const at: PlacedProblem = { problem: one.problem };
    if (one.sheet !== undefined) at.sheet = one.sheet;
    if (one.row !== undefined) at.row = one.row;
    if (one.column !== undefined) at.column = columnName(one.column);
    if (one.header) at.header = one.header;
    return at;
  });
  return problem('import-failed', { file, problems: listed, more: Math.max(0, problems.length - shown) });
}

/** Thrown for a file that cannot be imported; carries every problem found. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(readonly problems: readonly ImportProblem[]) {
    super(summarizeProblems(problems));
  }

  /** The import's problems as one coded problem, naming the file. */
  problemFor(file: string): Problem {
    return importFailed(this.problems, file);
  }
}

export function fileProblem(what: Problem): ImportError {
  return new ImportError([placed({}, what)]);
}

/** What a cell holds, for "expected a number, found …". */
export function cellShown(cell: GridCell | undefined): CellShown {
  if (!cell) return { kind: 'empty' };
  switch (cell.kind) {
    case 'missing':
      return { kind: 'missing' };
    case 'boolean':
      return { kind: 'boolean', text: String(cell.value).toUpperCase() };
    case 'number':
    case 'text':
    case 'date':
    case 'error':
      return { kind: cell.kind, text: String(cell.value) };
  }
}
