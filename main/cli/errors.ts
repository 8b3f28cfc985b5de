import type { Problem } from '../../shared/messages/problems';

/** A problem with the user's input: the CLI prints its message as one line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The problem as a code with parameters: printed in the language of --lang. */
    readonly problem?: Problem,
  ) {
    super(message);
  }
}
