import type Database from 'better-sqlite3';
import { APPLICATION_ID } from '../format';
import { initialSchema } from './0001-initial';
import { uncertaintyRanges } from './0002-uncertainty';
import { revenueAndOneOffs } from './0003-revenue';
import type { Migration } from './types';

/** Append-only: never edit a released step, add the next one. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, uncertaintyRanges, revenueAndOneOffs];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS.length;

MIGRATIONS.forEach((migration, index) => {
  if (migration.version !== index + 1) throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
});

/** Runs every pending step and the version bump in one transaction: a kill leaves the old or the new version. */
export function migrate(db: Database.Database, targetVersion = CURRENT_SCHEMA_VERSION): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((migration) => migration.version > from && migration.version <= targetVersion);
  if (pending.length === 0) return from;
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  }).immediate();
  return targetVersion;
}
