/**
 * A file the planner chose cannot be imported: the message names the file and says why.
 * The Excel module knows nothing of the API; the API layer reports this as 'invalid-import'.
 */
export class WorkbookImportError extends Error {
  override readonly name = 'WorkbookImportError';

  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}
