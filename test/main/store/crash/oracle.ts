import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readModel } from '../../../../main/store/rows';
import { UNDO_DEPTH } from '../../../../main/store/document';
import { applyEdit } from '../../../../shared/edits/apply';
import { applyChanges, type EntityChange } from '../../../../shared/edits/changes';
import type { Model } from '../../../../shared/model/schema';
import { formatIssue, validateModel } from '../../../../shared/model/validate';
import type { Step } from './generator';

/**
 * The pure model of a model file: the model plus the edit log (undo and redo), kept the way
 * `ModelDocument` keeps them (AUTOINCREMENT ids, redo entries dropped by a new edit, the log
 * trimmed to UNDO_DEPTH ids), so the test can tell what the file must hold after each step.
 */
export interface LogEntry {
  id: number;
  undone: boolean;
  changes: readonly EntityChange[];
  /** Hash of the canonical JSON of `changes`, computed once. */
  hash: string;
}

export interface SimState {
  readonly model: Model;
  readonly log: readonly LogEntry[];
  /** The last edit_log id handed out (sqlite_sequence). */
  readonly seq: number;
}

export function initialState(model: Model): SimState {
  return { model, log: [], seq: 0 };
}

/** JSON with object keys sorted: the same value read from a file or built in memory gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}

export function hashOf(value: unknown): string {
  return createHash('sha1').update(canonicalJson(value)).digest('hex').slice(0, 16);
}

/** One step against the pure state: what `ModelDocument.apply`/`undo`/`redo` would do to the file. */
export function execStep(state: SimState, step: Step): { state: SimState; committed: boolean } {
  switch (step.kind) {
    case 'edit': {
      const applied = applyEdit(state.model, step.command);
      if (!applied.ok) return { state, committed: false };
      // An edit that changes nothing is acknowledged but writes no log entry.
      if (applied.value.changes.length === 0) return { state, committed: true };
      const seq = state.seq + 1;
      const entry: LogEntry = { id: seq, undone: false, changes: applied.value.changes, hash: hashOf(applied.value.changes) };
      const log = [...state.log.filter((e) => !e.undone), entry].filter((e) => e.id > seq - UNDO_DEPTH);
      return { state: { model: applied.value.model, log, seq }, committed: true };
    }
    case 'undo': {
      let index = state.log.length - 1;
      while (index >= 0 && state.log[index]!.undone) index--;
      if (index < 0) return { state, committed: false };
      const entry = state.log[index]!;
      const log = state.log.map((e, i) => (i === index ? { ...e, undone: true } : e));
      return { state: { model: applyChanges(state.model, entry.changes, 'backward'), log, seq: state.seq }, committed: true };
    }
    case 'redo': {
      const index = state.log.findIndex((e) => e.undone);
      if (index < 0) return { state, committed: false };
      const entry = state.log[index]!;
      const log = state.log.map((e, i) => (i === index ? { ...e, undone: false } : e));
      return { state: { model: applyChanges(state.model, entry.changes, 'forward'), log, seq: state.seq }, committed: true };
    }
  }
}

/** A comparable digest of a state: the model, and the log with ids and undo flags. */
export interface Fingerprint {
  model: string;
  log: string;
}

export function fingerprint(state: SimState): Fingerprint {
  return { model: hashOf(state.model), log: logDigest(state.seq, state.log) };
}

function logDigest(seq: number, log: readonly Pick<LogEntry, 'id' | 'undone' | 'hash'>[]): string {
  return createHash('sha1')
    .update(`${seq}|${log.map((e) => `${e.id}:${e.undone ? 1 : 0}:${e.hash}`).join(',')}`)
    .digest('hex')
    .slice(0, 16);
}

interface LogRow {
  id: number;
  changes: string;
  undone: number;
}

/**
 * Reads what a file holds, the way the test compares it with the pure state (never writes).
 * `validate: false` skips validateModel, for a caller that compares the model with a valid one.
 */
export function readFileState(db: Database.Database, { validate = true } = {}): { state: SimState; fingerprint: Fingerprint; problems: string[] } {
  const problems: string[] = [];
  const model = readModel(db);
  const validated = validate ? validateModel(model) : undefined;
  if (validated && !validated.ok) problems.push(`the model read back breaks a rule: ${validated.error.slice(0, 3).map(formatIssue).join('; ')}`);
  const rows = db.prepare('SELECT id, changes, undone FROM edit_log ORDER BY id').all() as LogRow[];
  const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'edit_log'").get() as { seq: number } | undefined;
  const log = rows.map((row): LogEntry => {
    const changes = JSON.parse(row.changes) as EntityChange[];
    return { id: row.id, undone: row.undone === 1, changes, hash: hashOf(changes) };
  });
  const state: SimState = { model, log, seq: sequence?.seq ?? 0 };
  return { state, fingerprint: { model: hashOf(model), log: logDigest(state.seq, log) }, problems };
}

/** integrity_check (the full one) and foreign_key_check, as problems (none when healthy). */
export function checkIntegrity(db: Database.Database): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  const messages = integrity.map((row) => row.integrity_check);
  if (messages.length !== 1 || messages[0] !== 'ok') problems.push(`integrity_check: ${messages.slice(0, 5).join('; ')}`);
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${foreignKeys.length} rows, first ${JSON.stringify(foreignKeys[0])}`);
  return problems;
}
