/** Why a model file could not be opened or changed; `message` is written for the planner. */
export type StoreErrorCode =
  | 'not-found'
  | 'empty'
  | 'not-sqlite'
  | 'foreign-sqlite'
  | 'newer-version'
  | 'locked'
  | 'read-only'
  | 'damaged'
  /** The schema is not the one the app writes (a view, a trigger, a changed table): refused unread. */
  | 'tampered'
  | 'invalid-model'
  | 'invalid-edit'
  | 'nothing-to-undo'
  | 'nothing-to-redo'
  | 'snapshot-not-found'
  | 'io';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

/** SQLite's quick_check report spans lines; a message is one line (the CLI prints one line). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '; ');
}
