import type { Problem } from '../problems';

/** What is wrong inside a damaged model file, as a reason the planner can read (never SQLite's own words). */
export type FileDamage =
  /** Shorter than its header says: a copy or download that stopped part-way. */
  | { kind: 'truncated'; bytes: number; expectedBytes: number }
  /** SQLite cannot read the list of tables (sqlite_master) at all. */
  | { kind: 'table-definitions-unreadable' }
  /** SQLite's quick_check found broken pages. */
  | { kind: 'integrity-check-failed' }
  | { kind: 'broken-references'; count: number }
  /** The tables are there but their rows cannot be read. */
  | { kind: 'rows-unreadable' }
  /** A text or blob value over the bound a model can hold (table and column as the file names them). */
  | { kind: 'value-too-long'; table: string; column: string; bytes: number; max: number }
  | { kind: 'too-many-rows'; table: string; rows: number; max: number };

/** The kinds of schema object sqlite_master lists ('virtual table' is a table whose definition runs code). */
export type SchemaObjectType = 'table' | 'index' | 'view' | 'trigger' | 'virtual table';

/** How a file's schema differs from the one this version writes: the first difference found. */
export type SchemaChange =
  | { kind: 'unexpected'; type: SchemaObjectType; name: string }
  | { kind: 'wrong-table'; type: SchemaObjectType; name: string; table: string; expectedTable: string }
  | { kind: 'unexpected-column'; table: string; column: string }
  | { kind: 'missing-column'; table: string; column: string }
  | { kind: 'definition-changed'; type: SchemaObjectType; name: string }
  | { kind: 'missing'; type: SchemaObjectType; name: string };

/** Why the data folder (snapshots, settings) cannot be made or written. */
export type DataFolderReason = 'permission' | 'file-in-the-way' | 'read-only' | 'other';

/**
 * Model files and the file system (main/store). Amounts are in yuan; ratios as fractions (0.15 for 15%).
 * `detail` is a library's or the OS's own text, shown quoted at the end for diagnosis, never as the sentence.
 */
export interface StoreProblemParams {
  'nothing-to-undo': Record<string, never>;
  'nothing-to-redo': Record<string, never>;
  'file-not-found': { path: string };
  'folder-missing': { path: string };
  'no-permission': { path: string };
  'disk-full': { path: string };
  'file-in-use': { path: string };
  /** `then`: what the planner can still do (look and "Save as" a copy; make it writable to restore into it). */
  'file-read-only': { path: string; then?: 'save-as' | 'restore' };
  'file-damaged': { path: string; damage: FileDamage; detail?: string };
  /** The schema is not the one the app writes (a view, a trigger, a changed table): refused unread. */
  'file-tampered': { path: string; change: SchemaChange };
  /** `version`: the file's format; `supported`: the newest this version reads. */
  'file-newer-version': { path: string; version?: number; supported?: number };
  'file-exists': { path: string };
  'file-closed': { path: string };
  'file-open-failed': { path: string; detail?: string };
  'file-write-failed': { path: string; detail?: string };
  /** WAL, synchronous=FULL and foreign keys could not all be set: the file is not opened for editing. */
  'safe-writing-refused': { path: string; detail: string };
  'not-a-model': { path: string; reason: 'folder' | 'empty' | 'not-sqlite' | 'foreign-sqlite' };
  'snapshot-not-found': { path: string; id: string };
  /** A snapshot (taken before a migration, an import, a restore, or every few minutes) could not be written in the data folder. */
  'snapshot-write-failed': { folder: string; problem: Problem };
  /** A damaged or changed file, and the latest good snapshot to restore it from (null: there is none). */
  'damaged-file-recovery': { path: string; problem: Problem; snapshot: { id: string; createdAt: string } | null };
  /** A model file (or JSON) whose model breaks a rule: the rule as its own problem where it has one, else its text. */
  'model-breaks-rule': { path: string; where: string; problem: Problem };
  'data-folder-unusable': { dir: string; reason: DataFolderReason; blocker?: string; parent?: string; detail?: string };
}

export const STORE_CODES = [
  'nothing-to-undo',
  'nothing-to-redo',
  'file-not-found',
  'folder-missing',
  'no-permission',
  'disk-full',
  'file-in-use',
  'file-read-only',
  'file-damaged',
  'file-tampered',
  'file-newer-version',
  'file-exists',
  'file-closed',
  'file-open-failed',
  'file-write-failed',
  'safe-writing-refused',
  'not-a-model',
  'snapshot-not-found',
  'snapshot-write-failed',
  'damaged-file-recovery',
  'model-breaks-rule',
  'data-folder-unusable',
] as const satisfies readonly (keyof StoreProblemParams)[];
