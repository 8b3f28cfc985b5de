/** Marks a SQLite file as a Service Cost Planner model ("SCP1"), in the header's application_id. */
export const APPLICATION_ID = 0x53435031;
export const MODEL_FILE_EXTENSION = '.costplan';
export const SQLITE_HEADER = 'SQLite format 3\u0000';
