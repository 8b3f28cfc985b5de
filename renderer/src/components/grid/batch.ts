import { applyEdit } from '../../../../shared/edits/apply';
import type { SingleEditCommand } from '../../../../shared/edits/commands';
import type { Model } from '../../../../shared/model/schema';
import type { ModelIssue } from '../../../../shared/model/validate';

/** One cell's edit in a paste or fill: where it goes and what it does. */
export interface CellEdit {
  rowId: string;
  colId: string;
  command: SingleEditCommand;
}

/**
 * The cell to show a refused paste or fill at. The batch is checked as a whole, so the
 * problem may be its end state (shares of a parent adding up past 100%): then the first
 * cell that is refused on its own, else the last cell of the block, which completed it.
 */
export function blamedCell(model: Model, cells: readonly CellEdit[], issues: readonly ModelIssue[]): CellEdit {
  const index = /^command\.edits\[(\d+)\]/.exec(issues[0]?.path ?? '')?.[1];
  if (index !== undefined && cells[Number(index)]) return cells[Number(index)]!;
  for (const cell of cells) if (!applyEdit(model, cell.command).ok) return cell;
  return cells[cells.length - 1]!;
}
