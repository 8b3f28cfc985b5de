/** A failure a handler reports to the UI: a stable code for code, a message for people. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}
