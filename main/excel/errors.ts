import type { Problem } from '../../shared/messages/problems';

/**
 * A file the planner chose cannot be imported: the message names the file and says why.
 * The Excel module knows nothing of the API; the API layer reports this as 'invalid-import'.
 */
export class WorkbookImportError extends Error {
  override readonly name = 'WorkbookImportError';

  constructor(
    readonly path: string,
    reason: string,
    /** The problems as a code with parameters (shared/messages), for the UI's own words. */
    readonly problem?: Problem,
  ) {
    super(`${path}: ${reason}`);
  }
}
