import { quoteText } from '../../shared/model/text';
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
  message: string;
  /** A warning about formula cells typed over: how many on the sheet (the first at row, column). */
  replacedFormulas?: number;
}

export function formatProblem(problem: ImportProblem): string {
  const place: string[] = [];
  if (problem.sheet !== undefined) place.push(`sheet ${quoteText(problem.sheet)}`);
  if (problem.row !== undefined) place.push(`row ${problem.row}`);
  if (problem.column !== undefined) place.push(`column ${columnName(problem.column)}${problem.header ? ` (${quoteText(problem.header).slice(1, -1)})` : ''}`);
  return place.length > 0 ? `${place.join(', ')}: ${problem.message}` : problem.message;
}

/** The problems of an import in one line: the first few, and how many more there are. */
export function summarizeProblems(problems: readonly ImportProblem[], shown = 3): string {
  const head = problems.slice(0, shown).map(formatProblem).join('; ');
  const rest = problems.length - shown;
  return rest > 0 ? `${head} (and ${rest} more problem${rest > 1 ? 's' : ''})` : head;
}

/** Thrown for a file that cannot be imported; carries every problem found. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(readonly problems: readonly ImportProblem[]) {
    super(summarizeProblems(problems));
  }
}

export function fileProblem(message: string): ImportError {
  return new ImportError([{ message }]);
}
