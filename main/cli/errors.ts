/** A problem with the user's input: the CLI prints its message as one line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
