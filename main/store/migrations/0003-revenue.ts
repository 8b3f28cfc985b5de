import type { Migration } from './types';

/**
 * Revenue lines (a forest like the cost tree), captions of a cost node's lever kinds, the
 * client's name and the presentation style. A scenario's revenue levers and one-off cash
 * items ride in JSON columns of the scenario, as its uncertainty ranges do: they are short
 * lists edited as a whole. Older files gain empty columns and tables: they read unchanged.
 */
export const revenueAndOneOffs: Migration = {
  version: 3,
  name: 'revenue lines, revenue levers, one-off cash items, captions, client and presentation',
  up(db) {
    db.exec(`
      CREATE TABLE revenue_line (
        id TEXT PRIMARY KEY,
        parent_id TEXT REFERENCES revenue_line(id) DEFERRABLE INITIALLY DEFERRED,
        seq REAL NOT NULL,
        name TEXT NOT NULL,
        basis_kind TEXT NOT NULL CHECK (basis_kind IN ('amount', 'share')),
        basis_value REAL NOT NULL,
        margin REAL NOT NULL,
        notes TEXT,
        captions TEXT
      );
      CREATE INDEX revenue_line_seq ON revenue_line(seq);
      ALTER TABLE cost_node ADD COLUMN captions TEXT;
      ALTER TABLE scenario ADD COLUMN revenue_levers TEXT;
      ALTER TABLE scenario ADD COLUMN one_offs TEXT;
      ALTER TABLE model_settings ADD COLUMN client TEXT;
      ALTER TABLE model_settings ADD COLUMN presentation TEXT;
    `);
  },
};
