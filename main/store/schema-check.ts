import type Database from 'better-sqlite3';
import { problem, type Problem } from '../../shared/messages/problems';
import type { FileDamage, SchemaChange, SchemaObjectType } from '../../shared/messages/codes/store';
import { errorText, oneLine, StoreError } from './errors';
import { MIGRATIONS } from './migrations';
import { openDatabase } from './sqlite';

/**
 * A model file's schema is code: a view runs a query whenever a table of that name is read, a
 * trigger runs on every edit, a generated column or a virtual table runs on every read. So
 * before any query reads a model's rows, the schema in sqlite_master must be exactly the one
 * this app's migrations produce for the file's user_version: the same tables with the same
 * definitions (columns, constraints), the same indexes, and nothing else. The expected schema
 * is computed by running the migrations on an empty database in memory, so a migration added
 * later is covered without a list to keep up to date.
 */
export interface SchemaEntry {
  type: string;
  name: string;
  table: string;
  /** Whitespace-normalised CREATE statement; null for SQLite's own automatic indexes. */
  sql: string | null;
}

const expectedByVersion = new Map<number, { steps: readonly unknown[]; entries: Map<string, SchemaEntry> }>();

/** The schema the migrations produce for a file of this version (0: no tables yet), keyed by name. */
export function expectedSchema(version: number): Map<string, SchemaEntry> {
  const steps = MIGRATIONS.slice(0, version);
  const cached = expectedByVersion.get(version);
  if (cached && cached.steps.length === steps.length && cached.steps.every((step, k) => step === steps[k])) return cached.entries;
  if (!Number.isInteger(version) || version < 0 || version > MIGRATIONS.length) throw new Error(`no migrations produce schema version ${version}`);
  const db = openDatabase(':memory:');
  try {
    // The steps themselves, without migrate()'s transaction and version bump: only the tables matter here.
    for (const step of steps) step.up(db);
    const entries = new Map(readSchemaEntries(db).map((entry) => [entry.name, entry]));
    expectedByVersion.set(version, { steps, entries });
    return entries;
  } finally {
    db.close();
  }
}

/** sqlite_master as it is; reading it runs nothing the file defines. */
export function readSchemaEntries(db: Database.Database): SchemaEntry[] {
  const rows = db.prepare('SELECT type, name, tbl_name AS tableName, sql FROM main.sqlite_master').all() as {
    type: unknown;
    name: unknown;
    tableName: unknown;
    sql: unknown;
  }[];
  return rows.map((row) => ({
    type: String(row.type),
    name: String(row.name),
    table: String(row.tableName),
    sql: typeof row.sql === 'string' ? normaliseSql(row.sql) : null,
  }));
}

/**
 * What differs from the expected schema ("unexpected trigger evil"), or undefined when the
 * schema is exactly the app's. Views, triggers and virtual tables are named first: they are
 * what makes a file dangerous.
 */
export function schemaProblem(db: Database.Database, version: number): SchemaChange | undefined {
  const expected = expectedSchema(version);
  const actual = readSchemaEntries(db);
  const seen = new Set<string>();
  const code = actual.find((entry) => entry.type === 'view' || entry.type === 'trigger' || isVirtualTable(entry));
  if (code) return { kind: 'unexpected', type: describeType(code), name: quoteName(code.name) };
  for (const entry of actual) {
    seen.add(entry.name);
    const wanted = expected.get(entry.name);
    if (!wanted || wanted.type !== entry.type) return { kind: 'unexpected', type: describeType(entry), name: quoteName(entry.name) };
    if (wanted.table !== entry.table)
      return { kind: 'wrong-table', type: describeType(entry), name: quoteName(entry.name), table: quoteName(entry.table), expectedTable: wanted.table };
    if (wanted.sql !== entry.sql) return describeChange(db, entry, wanted);
  }
  for (const wanted of expected.values()) if (!seen.has(wanted.name)) return { kind: 'missing', type: describeType(wanted), name: wanted.name };
  return undefined;
}

/** sqlite_master's type as a kind of schema object; a type SQLite does not write reads as a table. */
function describeType(entry: SchemaEntry): SchemaObjectType {
  if (isVirtualTable(entry)) return 'virtual table';
  return entry.type === 'index' || entry.type === 'view' || entry.type === 'trigger' ? entry.type : 'table';
}

function isVirtualTable(entry: SchemaEntry): boolean {
  return entry.type === 'table' && entry.sql !== null && /^create virtual table/iu.test(entry.sql);
}

/** For a table whose definition differs: the column that is extra or missing, when that is it. */
function describeChange(db: Database.Database, entry: SchemaEntry, wanted: SchemaEntry): SchemaChange {
  const changed: SchemaChange = { kind: 'definition-changed', type: describeType(entry), name: quoteName(entry.name) };
  if (entry.type !== 'table') return changed;
  const expectedColumns = columnsOf(wanted.sql ?? '');
  try {
    // table_xinfo lists generated (hidden) columns too; it reads the definition, not the rows.
    const columns = (db.pragma(`table_xinfo(${quoteIdentifier(entry.name)})`) as { name: string }[]).map((column) => column.name);
    const extra = columns.find((column) => !expectedColumns.has(column.toLowerCase()));
    if (extra !== undefined) return { kind: 'unexpected-column', table: quoteName(entry.name), column: quoteName(extra) };
    const missing = [...expectedColumns].find((column) => !columns.some((name) => name.toLowerCase() === column));
    if (missing !== undefined) return { kind: 'missing-column', table: quoteName(entry.name), column: missing };
  } catch {
    // A definition SQLite cannot describe is reported as changed.
  }
  return changed;
}

/** Column names of one of our own CREATE TABLE statements (simple: we wrote them). */
function columnsOf(sql: string): Set<string> {
  const body = sql.slice(sql.indexOf('(') + 1, sql.lastIndexOf(')'));
  const names = new Set<string>();
  let depth = 0;
  let part = '';
  for (const char of `${body},`) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      const first = part.trim().split(' ')[0] ?? '';
      if (first && !/^(primary|foreign|unique|check|constraint)$/iu.test(first)) names.add(first.replace(/^["`[]|["`\]]$/gu, '').toLowerCase());
      part = '';
    } else part += char;
  }
  return names;
}

function normaliseSql(sql: string): string {
  return sql
    .replace(/\s+/gu, ' ')
    .replace(/ ?([(),]) ?/gu, '$1')
    .trim();
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/gu, '""')}"`;
}

/** A name from a file someone sent: printable, and short. */
function quoteName(name: string): string {
  const printable = name.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, '?');
  return printable.length > 60 ? `${printable.slice(0, 60)}…` : printable;
}

/**
 * Bounds on what reading the rows can cost, checked before they are read (each check reads
 * the record headers only: octet_length does not load a value). A text or blob value larger
 * than its cap, or a table with more rows than a model can hold, is refused.
 */
export const STORED_VALUE_LIMITS = {
  /**
   * Any one text or blob value. Names and notes are far smaller; the JSON columns are not: the
   * ranges of a scenario with 30,000 levers take about 4 MB, and the deck's logo up to 2 MB.
   */
  maxValueBytes: 16 * 1024 * 1024,
  /** The edit log holds whole models (an import, a restore) in one value. */
  maxLogValueBytes: 128 * 1024 * 1024,
  maxRowsPerTable: 2_000_000,
} as const;

const LOG_TABLE = 'edit_log';

export function storedValuesProblem(db: Database.Database, version: number, limits = STORED_VALUE_LIMITS): FileDamage | undefined {
  for (const entry of expectedSchema(version).values()) {
    if (entry.type !== 'table' || entry.name.startsWith('sqlite_')) continue;
    try {
      const problem = tableValuesProblem(db, entry, limits);
      if (problem !== undefined) return problem;
    } catch (error) {
      // A damaged page: the integrity check and the read that follow report it where it matters.
      if (!damagedPage(error)) throw error;
    }
  }
  return undefined;
}

function damagedPage(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB');
}

function tableValuesProblem(db: Database.Database, entry: SchemaEntry, limits: typeof STORED_VALUE_LIMITS): FileDamage | undefined {
  const table = quoteIdentifier(entry.name);
  const columns = [...columnsOf(entry.sql ?? '')];
  // One pass over the table: the row count and the longest value of each column.
  const longest = columns.map((column, k) => `MAX(octet_length(${quoteIdentifier(column)})) AS c${k}`);
  const row = db.prepare(`SELECT ${['COUNT(*) AS n', ...longest].join(', ')} FROM ${table}`).get() as Record<string, number | null>;
  const rows = row['n'] ?? 0;
  if (rows > limits.maxRowsPerTable) return { kind: 'too-many-rows', table: entry.name, rows, max: limits.maxRowsPerTable };
  const cap = entry.name === LOG_TABLE ? limits.maxLogValueBytes : limits.maxValueBytes;
  for (const [k, column] of columns.entries()) {
    const bytes = row[`c${k}`] ?? 0;
    if (bytes > cap) return { kind: 'value-too-long', table: entry.name, column, bytes, max: cap };
  }
  return undefined;
}

/** Reading rows costs what the bounds allow: the problem when a value or a table is over them. */
export function storedValuesOverBounds(db: Database.Database, path: string): Problem | undefined {
  const damage = storedValuesProblem(db, db.pragma('user_version', { simple: true }) as number);
  return damage === undefined ? undefined : problem('file-damaged', { path, damage });
}

function busy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/**
 * The check every open runs before reading a row or checking integrity: the schema. Throws a StoreError: 'tampered' for a schema that is not the app's, 'damaged'
 * for one SQLite cannot even read.
 */
export function verifyModelDatabase(db: Database.Database, path: string): void {
  let change: SchemaChange | undefined;
  try {
    change = schemaProblem(db, db.pragma('user_version', { simple: true }) as number);
  } catch (error) {
    if (busy(error)) throw error;
    throw new StoreError(
      'damaged',
      problem('file-damaged', { path, damage: { kind: 'table-definitions-unreadable' }, detail: oneLine(errorText(error)).slice(0, 200) }),
      path,
    );
  }
  if (change !== undefined) throw new StoreError('tampered', problem('file-tampered', { path, change }), path);
}
