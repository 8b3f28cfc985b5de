/** Marks a SQLite file as a Service Cost Planner model ("SCP1"), in the header's application_id. */
export const APPLICATION_ID = 0x53435031;
export const MODEL_FILE_EXTENSION = '.costplan';
export const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * How long an open waits for another program's lock. A window holds its file's lock for as long
 * as the file is open, so waiting longer (better-sqlite3's default is 5 s, during which the
 * synchronous call blocks the process) only delays the "open in another window" message.
 */
export const LOCK_WAIT_MS = 200;
