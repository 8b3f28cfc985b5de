import type { Problem } from '../../shared/messages/problems';
import { renderProblem } from '../../shared/messages/render';

/**
 * A file the planner chose cannot be imported: the problem names the file and says why (an
 * `import-failed` listing each problem with its place). The message is its English wording,
 * for logs. The Excel module knows nothing of the API; the API layer reports this as 'invalid-import'.
 */
export class WorkbookImportError extends Error {
  override readonly name = 'WorkbookImportError';

  constructor(
    readonly path: string,
    /** The problems as a code with parameters (shared/messages), for the UI's own words. */
    readonly problem: Problem,
  ) {
    super(renderProblem(problem, { language: 'en', unit: 'yuan' }));
  }
}
