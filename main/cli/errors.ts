import type { Problem } from '../../shared/messages/problems';
import { renderProblem } from '../../shared/messages/render';

/**
 * A problem with the user's input: the CLI prints it as one line in the language of --lang and
 * exits 2. The English `message` (for logs and stack traces) is the problem worded in English.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(readonly problem: Problem) {
    super(renderProblem(problem, { language: 'en', unit: 'yuan' }));
  }
}
