import type Database from 'better-sqlite3';
import type { Model } from '../../shared/model/schema';
import { validateModel } from '../../shared/model/validate';
import { problem } from '../../shared/messages/problems';
import type { FileDamage } from '../../shared/messages/codes/store';
import { brokenRule, errorText, oneLine, StoreError, storeFailure } from './errors';
import { LOCK_WAIT_MS } from './format';
import { inspectModelFile } from './inspect';
import { CURRENT_SCHEMA_VERSION, migrate } from './migrations';
import { readModel } from './rows';
import { storedValuesOverBounds, verifyModelDatabase } from './schema-check';
import { openDatabase } from './sqlite';

export interface FileReport {
  model: Model;
  schemaVersion: number;
  counts: { nodes: number; scenarios: number; levers: number; investmentLines: number; undoSteps: number; redoSteps: number };
}

/**
 * Reads a model file without writing a byte to it (compute, dump, check): read-only, and a
 * file of an older format is migrated in a copy in memory, never on disk.
 */
export function readModelFile(path: string): FileReport {
  const header = inspectModelFile(path);
  let db: Database.Database;
  try {
    db = openDatabase(path, { readonly: true, fileMustExist: true, timeout: LOCK_WAIT_MS });
  } catch (error) {
    throw storeFailure(error, path, 'open');
  }
  try {
    // Before any row is read: a view, a trigger or a changed table is refused unread.
    verifyModelDatabase(db, path);
    const damage = integrityDamage(db);
    if (damage) throw new StoreError('damaged', problem('file-damaged', { path, ...damage }), path);
    if (header.schemaVersion < CURRENT_SCHEMA_VERSION) {
      const copy = openDatabase(db.serialize());
      db.close();
      db = copy;
      migrate(db);
    }
    const overBounds = storedValuesOverBounds(db, path);
    if (overBounds !== undefined) throw new StoreError('damaged', overBounds, path);
    let model: Model;
    try {
      model = readModel(db);
    } catch (error) {
      throw unreadable(path, error);
    }
    const validated = validateModel(model);
    if (!validated.ok) throw brokenRule(path, validated.error[0]!);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      model: validated.value,
      schemaVersion: header.schemaVersion,
      counts: {
        nodes: model.costTree.length,
        scenarios: model.scenarios.length,
        levers: model.scenarios.reduce((sum, s) => sum + s.levers.length, 0),
        investmentLines: model.scenarios.reduce((sum, s) => sum + s.investments.length, 0),
        undoSteps: count('SELECT COUNT(*) AS n FROM edit_log WHERE undone = 0'),
        redoSteps: count('SELECT COUNT(*) AS n FROM edit_log WHERE undone = 1'),
      },
    };
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code.startsWith('SQLITE_BUSY')) throw new StoreError('locked', problem('file-in-use', { path }), path);
    throw unreadable(path, error);
  } finally {
    if (db.open) db.close();
  }
}

/** The rows of a file SQLite cannot read: damaged pages (SQLite's words as the detail). */
function unreadable(path: string, error: unknown): StoreError {
  return new StoreError('damaged', problem('file-damaged', { path, damage: { kind: 'rows-unreadable' }, detail: errorText(error) }), path);
}

/** SQLite's quick check and the foreign keys: what is damaged, SQLite's report as the detail. */
export function integrityDamage(db: Database.Database): { damage: FileDamage; detail?: string } | undefined {
  const quick = db.pragma('quick_check', { simple: true }) as string;
  if (quick !== 'ok') return { damage: { kind: 'integrity-check-failed' }, detail: oneLine(quick) };
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  return foreignKeys.length > 0 ? { damage: { kind: 'broken-references', count: foreignKeys.length } } : undefined;
}
