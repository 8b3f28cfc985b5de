import type { Migration } from './types';

/** The first schema: one table per entity of the model, plus the edit log. */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE model_settings (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        name TEXT NOT NULL,
        currency TEXT NOT NULL,
        display_unit TEXT NOT NULL,
        language TEXT NOT NULL,
        first_plan_year INTEGER NOT NULL
      );
      CREATE TABLE cost_node (
        id TEXT PRIMARY KEY,
        parent_id TEXT REFERENCES cost_node(id) DEFERRABLE INITIALLY DEFERRED,
        seq REAL NOT NULL,
        name TEXT NOT NULL,
        basis_kind TEXT NOT NULL CHECK (basis_kind IN ('amount', 'share')),
        basis_value REAL NOT NULL,
        relevance TEXT NOT NULL,
        notes TEXT
      );
      CREATE INDEX cost_node_seq ON cost_node(seq);
      CREATE INDEX cost_node_parent ON cost_node(parent_id);
      CREATE TABLE scenario (
        id TEXT PRIMARY KEY,
        seq REAL NOT NULL,
        name TEXT NOT NULL,
        horizon_years INTEGER NOT NULL,
        volume_growth REAL NOT NULL,
        discount_rate REAL NOT NULL,
        ramp TEXT
      );
      CREATE INDEX scenario_seq ON scenario(seq);
      CREATE TABLE lever (
        scenario_id TEXT NOT NULL REFERENCES scenario(id) DEFERRABLE INITIALLY DEFERRED,
        node_id TEXT NOT NULL REFERENCES cost_node(id) DEFERRABLE INITIALLY DEFERRED,
        seq REAL NOT NULL,
        unit_cost_change REAL,
        throughput_change REAL,
        volume_change REAL,
        PRIMARY KEY (scenario_id, node_id)
      );
      CREATE INDEX lever_node ON lever(node_id);
      CREATE INDEX lever_seq ON lever(scenario_id, seq);
      CREATE TABLE investment_line (
        scenario_id TEXT NOT NULL REFERENCES scenario(id) DEFERRABLE INITIALLY DEFERRED,
        id TEXT NOT NULL,
        seq REAL NOT NULL,
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        amount TEXT NOT NULL,
        timing TEXT NOT NULL,
        PRIMARY KEY (scenario_id, id)
      );
      CREATE INDEX investment_line_seq ON investment_line(scenario_id, seq);
      CREATE TABLE edit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        applied_at TEXT NOT NULL,
        command TEXT NOT NULL,
        changes TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
      );
    `);
  },
};
