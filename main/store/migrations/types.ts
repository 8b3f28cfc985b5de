import type Database from 'better-sqlite3';

export interface Migration {
  /** The schema version after this step; versions go up by one. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}
