import type { Problem } from '../../shared/messages/problems';

/** A failure a handler reports to the UI: a stable code for code, a message for people. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path?: string,
    /** The problem as a code with typed parameters (shared/messages), worded by each client. */
    readonly problem?: Problem,
  ) {
    super(message);
  }
}
