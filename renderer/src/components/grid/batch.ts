import { applyEdit } from '../../../../shared/edits/apply';
import type { EditCommand } from '../../../../shared/edits/commands';
import type { Model } from '../../../../shared/model/schema';
import type { ModelIssue } from '../../../../shared/model/validate';
import { err, ok, type Result } from '../../../../shared/result';

/** One cell's edit in a paste or fill: where it goes and what it does. */
export interface CellEdit {
  rowId: string;
  colId: string;
  command: EditCommand;
}

export interface BatchFailure {
  cell: CellEdit;
  issues: ModelIssue[];
}

/**
 * Orders the edits of a paste or fill so that every step is valid, or says which cell breaks
 * a rule. A block is accepted when its final state is valid even if the cells in screen order
 * would pass through an invalid state (raising one share before lowering its sibling): edits
 * that fail are retried after the others, until a round makes no progress. Nothing is
 * written; the caller applies the returned order. The commands must not create things
 * (their ids would differ when applied again).
 */
export function planBatch(model: Model, cells: readonly CellEdit[]): Result<CellEdit[], BatchFailure> {
  let current = model;
  let pending = cells.slice();
  const ordered: CellEdit[] = [];
  while (pending.length > 0) {
    const failed: BatchFailure[] = [];
    for (const cell of pending) {
      const applied = applyEdit(current, cell.command);
      if (applied.ok) {
        current = applied.value.model;
        ordered.push(cell);
      } else failed.push({ cell, issues: applied.error });
    }
    if (failed.length === pending.length) return err(failed[0]!);
    pending = failed.map((failure) => failure.cell);
  }
  return ok(ordered);
}
