import type Database from 'better-sqlite3';
import type { EntityChange, ModelSettings, Placed, ScenarioSettings } from '../../shared/edits/changes';
import type { CostNode, InvestmentLine, Lever, Model, RevenueLine, Scenario } from '../../shared/model/schema';
import { MODEL_FORMAT, MODEL_SCHEMA_VERSION } from '../../shared/model/schema';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** better-sqlite3 compiles a statement on every prepare; a model of 10,000 lines reuses them. */
function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/**
 * Model <-> rows. Lists keep their order in a REAL `seq` column, so an insertion between two
 * items writes one row: the new item takes the midpoint of its neighbours' seq.
 */

interface NodeRow {
  id: string;
  parent_id: string | null;
  seq: number;
  name: string;
  basis_kind: 'amount' | 'share';
  basis_value: number;
  relevance: CostNode['relevance'];
  notes: string | null;
  captions: string | null;
}

type NodeTuple = [
  NodeRow['id'],
  NodeRow['parent_id'],
  NodeRow['seq'],
  NodeRow['name'],
  NodeRow['basis_kind'],
  NodeRow['basis_value'],
  NodeRow['relevance'],
  NodeRow['notes'],
  NodeRow['captions'],
];

interface RevenueLineRow {
  id: string;
  parent_id: string | null;
  name: string;
  basis_kind: 'amount' | 'share';
  basis_value: number;
  margin: number;
  notes: string | null;
  captions: string | null;
}
type LeverTuple = [string, string, number | null, number | null, number | null];

interface ScenarioRow {
  id: string;
  name: string;
  horizon_years: number;
  volume_growth: number;
  discount_rate: number;
  ramp: string | null;
  uncertainty: string | null;
  revenue_levers: string | null;
  one_offs: string | null;
}

interface LeverRow {
  scenario_id: string;
  node_id: string;
  unit_cost_change: number | null;
  throughput_change: number | null;
  volume_change: number | null;
}

interface InvestmentRow {
  scenario_id: string;
  id: string;
  name: string;
  category: InvestmentLine['category'];
  amount: string;
  timing: InvestmentLine['timing'];
}

interface SettingsRow {
  name: string;
  currency: string;
  display_unit: Model['displayUnit'];
  language: Model['language'];
  first_plan_year: number;
  client: string | null;
  presentation: string | null;
}

/** Reads the whole model; the caller validates it (a file may have been written by anything). */
export function readModel(db: Database.Database): Model {
  const settings = statement(db, 'SELECT * FROM model_settings WHERE singleton = 1').get() as SettingsRow | undefined;
  if (!settings) throw new Error('the file holds no model settings');
  // Rows as arrays, not objects: a 10,000-line model reads tens of thousands of them on open.
  const nodes = (
    statement(db, 'SELECT id, parent_id, seq, name, basis_kind, basis_value, relevance, notes, captions FROM cost_node ORDER BY seq')
      .raw(true)
      .all() as NodeTuple[]
  ).map(([id, parent_id, seq, name, basis_kind, basis_value, relevance, notes, captions]) =>
    nodeFromRow({ id, parent_id, seq, name, basis_kind, basis_value, relevance, notes, captions }),
  );
  const revenueLines = (
    statement(db, 'SELECT id, parent_id, name, basis_kind, basis_value, margin, notes, captions FROM revenue_line ORDER BY seq').all() as RevenueLineRow[]
  ).map(revenueLineFromRow);
  const levers = new Map<string, Lever[]>();
  const leverRows = statement(db, 'SELECT scenario_id, node_id, unit_cost_change, throughput_change, volume_change FROM lever ORDER BY scenario_id, seq')
    .raw(true)
    .all() as LeverTuple[];
  for (const [scenario_id, node_id, unit_cost_change, throughput_change, volume_change] of leverRows) {
    const row: LeverRow = { scenario_id, node_id, unit_cost_change, throughput_change, volume_change };
    const list = levers.get(row.scenario_id) ?? [];
    list.push(leverFromRow(row));
    levers.set(row.scenario_id, list);
  }
  const investments = new Map<string, InvestmentLine[]>();
  for (const row of statement(db, 'SELECT * FROM investment_line ORDER BY scenario_id, seq').all() as InvestmentRow[]) {
    const list = investments.get(row.scenario_id) ?? [];
    list.push(investmentFromRow(row));
    investments.set(row.scenario_id, list);
  }
  const scenarios = (statement(db, 'SELECT * FROM scenario ORDER BY seq').all() as ScenarioRow[]).map((row): Scenario => ({
    ...scenarioFromRow(row),
    levers: levers.get(row.id) ?? [],
    investments: investments.get(row.id) ?? [],
  }));
  const model: Model = {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    name: settings.name,
    currency: settings.currency,
    displayUnit: settings.display_unit,
    language: settings.language,
    firstPlanYear: settings.first_plan_year,
    costTree: nodes,
    scenarios,
  };
  if (settings.client !== null) model.client = settings.client;
  if (settings.presentation !== null) model.presentation = JSON.parse(settings.presentation) as NonNullable<Model['presentation']>;
  if (revenueLines.length > 0) model.revenueLines = revenueLines;
  return model;
}

/** Writes a whole model into empty tables. */
export function insertModel(db: Database.Database, model: Model): void {
  writeSettings(db, model);
  const node = statement(
    db,
    'INSERT INTO cost_node (id, parent_id, seq, name, basis_kind, basis_value, relevance, notes, captions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  model.costTree.forEach((n, index) => node.run(...nodeValues(n, index)));
  (model.revenueLines ?? []).forEach((line, index) => upsertRevenueLine(db, line, index));
  model.scenarios.forEach((scenario, index) => {
    insertScenario(db, scenario, index);
    scenario.levers.forEach((lever, i) => insertLever(db, scenario.id, lever, i));
    scenario.investments.forEach((line, i) => insertInvestment(db, scenario.id, line, i));
  });
}

export function deleteModel(db: Database.Database): void {
  db.exec('DELETE FROM lever; DELETE FROM investment_line; DELETE FROM scenario; DELETE FROM cost_node; DELETE FROM revenue_line; DELETE FROM model_settings;');
}

/** Writes entity changes, forwards (apply, redo) or backwards (undo). */
export function writeChanges(db: Database.Database, changes: readonly EntityChange[], direction: 'forward' | 'backward'): void {
  const ordered = direction === 'forward' ? changes : [...changes].reverse();
  for (const change of ordered) {
    const from = direction === 'forward' ? change.before : change.after;
    const to = direction === 'forward' ? change.after : change.before;
    switch (change.entity) {
      case 'model':
        deleteModel(db);
        insertModel(db, to as Model);
        break;
      case 'settings':
        writeSettings(db, to as ModelSettings);
        break;
      case 'node':
        writeListItem(db, nodeList, { id: change.id }, from as Placed<unknown> | null, to as Placed<CostNode> | null, (value, seq) => {
          statement(
            db,
            'INSERT OR REPLACE INTO cost_node (id, parent_id, seq, name, basis_kind, basis_value, relevance, notes, captions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          ).run(...nodeValues(value, seq));
        });
        break;
      case 'revenueLine':
        writeListItem(db, revenueLineList, { id: change.id }, from as Placed<unknown> | null, to as Placed<RevenueLine> | null, (value, seq) =>
          upsertRevenueLine(db, value, seq),
        );
        break;
      case 'scenario':
        writeListItem(db, scenarioList, { id: change.id }, from as Placed<unknown> | null, to as Placed<ScenarioSettings> | null, (value, seq) => {
          statement(
            db,
            'INSERT INTO scenario (id, seq, name, horizon_years, volume_growth, discount_rate, ramp, uncertainty, revenue_levers, one_offs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ' +
              'ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, name = excluded.name, horizon_years = excluded.horizon_years, ' +
              'volume_growth = excluded.volume_growth, discount_rate = excluded.discount_rate, ramp = excluded.ramp, uncertainty = excluded.uncertainty, ' +
              'revenue_levers = excluded.revenue_levers, one_offs = excluded.one_offs',
          ).run(...scenarioValues(value, seq));
        });
        break;
      case 'lever':
        writeListItem(
          db,
          leverList,
          { scenario_id: change.scenarioId, node_id: change.nodeId },
          from as Placed<unknown> | null,
          to as Placed<Lever> | null,
          (value, seq) => insertLever(db, change.scenarioId, value, seq, true),
        );
        break;
      case 'investment':
        writeListItem(
          db,
          investmentList,
          { scenario_id: change.scenarioId, id: change.id },
          from as Placed<unknown> | null,
          to as Placed<InvestmentLine> | null,
          (value, seq) => insertInvestment(db, change.scenarioId, value, seq, true),
        );
        break;
    }
  }
}

interface ListTable {
  table: string;
  /** Columns that select the list an item belongs to (a scenario's levers), besides the key. */
  scope: readonly string[];
  key: readonly string[];
}

const nodeList: ListTable = { table: 'cost_node', scope: [], key: ['id'] };
const revenueLineList: ListTable = { table: 'revenue_line', scope: [], key: ['id'] };
const scenarioList: ListTable = { table: 'scenario', scope: [], key: ['id'] };
const leverList: ListTable = { table: 'lever', scope: ['scenario_id'], key: ['scenario_id', 'node_id'] };
const investmentList: ListTable = { table: 'investment_line', scope: ['scenario_id'], key: ['scenario_id', 'id'] };

function writeListItem<T>(
  db: Database.Database,
  list: ListTable,
  keyValues: Record<string, string>,
  from: Placed<unknown> | null,
  to: Placed<T> | null,
  upsert: (value: T, seq: number) => void,
): void {
  const keyWhere = list.key.map((column) => `${column} = @${column}`).join(' AND ');
  if (!to) {
    statement(db, `DELETE FROM ${list.table} WHERE ${keyWhere}`).run(keyValues);
    return;
  }
  if (from && from.index === to.index) {
    const current = statement(db, `SELECT seq FROM ${list.table} WHERE ${keyWhere}`).get(keyValues) as { seq: number } | undefined;
    if (current) {
      upsert(to.value, current.seq);
      return;
    }
  }
  upsert(to.value, seqForIndex(db, list, keyValues, to.index));
}

/** A seq that puts an item at `index` of its list, not counting the item itself. */
function seqForIndex(db: Database.Database, list: ListTable, keyValues: Record<string, string>, index: number): number {
  const scopeWhere = list.scope.map((column) => `${column} = @${column}`);
  const notSelf = `NOT (${list.key.map((column) => `${column} = @${column}`).join(' AND ')})`;
  const where = [...scopeWhere, notSelf].join(' AND ');
  const neighbours = (): { previous?: number; next?: number } => {
    const rows = db
      .prepare(`SELECT seq FROM ${list.table} WHERE ${where} ORDER BY seq LIMIT 2 OFFSET @offset`)
      .all({ ...keyValues, offset: Math.max(index - 1, 0) }) as { seq: number }[];
    return index === 0 ? { next: rows[0]?.seq } : { previous: rows[0]?.seq, next: rows[1]?.seq };
  };
  let { previous, next } = neighbours();
  if (previous !== undefined && next !== undefined && next - previous < 1e-9 * Math.max(1, Math.abs(next))) {
    renumber(db, list, keyValues);
    ({ previous, next } = neighbours());
  }
  if (previous === undefined && next === undefined) return 0;
  if (previous === undefined) return next! - 1;
  if (next === undefined) return previous + 1;
  return (previous + next) / 2;
}

/** Spreads a list's seq values out again after many insertions at one place. */
function renumber(db: Database.Database, list: ListTable, keyValues: Record<string, string>): void {
  const scopeWhere = list.scope.map((column) => `${column} = @${column}`).join(' AND ') || '1';
  const rows = statement(db, `SELECT rowid AS row FROM ${list.table} WHERE ${scopeWhere} ORDER BY seq`).all(keyValues) as { row: number }[];
  const update = statement(db, `UPDATE ${list.table} SET seq = ? WHERE rowid = ?`);
  rows.forEach((row, index) => update.run(index, row.row));
}

function writeSettings(db: Database.Database, settings: ModelSettings): void {
  statement(
    db,
    'INSERT OR REPLACE INTO model_settings (singleton, name, currency, display_unit, language, first_plan_year, client, presentation) VALUES (1, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    settings.name,
    settings.currency,
    settings.displayUnit,
    settings.language,
    settings.firstPlanYear,
    settings.client ?? null,
    settings.presentation === undefined ? null : JSON.stringify(settings.presentation),
  );
}

function insertScenario(db: Database.Database, scenario: ScenarioSettings, seq: number): void {
  statement(
    db,
    'INSERT INTO scenario (id, seq, name, horizon_years, volume_growth, discount_rate, ramp, uncertainty, revenue_levers, one_offs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(...scenarioValues(scenario, seq));
}

function insertLever(db: Database.Database, scenarioId: string, lever: Lever, seq: number, replace = false): void {
  statement(
    db,
    `INSERT ${replace ? 'OR REPLACE ' : ''}INTO lever (scenario_id, node_id, seq, unit_cost_change, throughput_change, volume_change) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(scenarioId, lever.nodeId, seq, lever.unitCostChange ?? null, lever.throughputChange ?? null, lever.volumeChange ?? null);
}

function insertInvestment(db: Database.Database, scenarioId: string, line: InvestmentLine, seq: number, replace = false): void {
  statement(
    db,
    `INSERT ${replace ? 'OR REPLACE ' : ''}INTO investment_line (scenario_id, id, seq, name, category, amount, timing) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(scenarioId, line.id, seq, line.name, line.category, JSON.stringify(line.amount), line.timing);
}

function nodeValues(node: CostNode, seq: number) {
  const value = node.basis.kind === 'amount' ? node.basis.amount : node.basis.share;
  return [
    node.id,
    node.parentId,
    seq,
    node.name,
    node.basis.kind,
    value,
    node.relevance,
    node.notes ?? null,
    node.captions === undefined ? null : JSON.stringify(node.captions),
  ] as const;
}

function upsertRevenueLine(db: Database.Database, line: RevenueLine, seq: number): void {
  statement(
    db,
    'INSERT OR REPLACE INTO revenue_line (id, parent_id, seq, name, basis_kind, basis_value, margin, notes, captions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    line.id,
    line.parentId,
    seq,
    line.name,
    line.basis.kind,
    line.basis.kind === 'amount' ? line.basis.amount : line.basis.share,
    line.margin,
    line.notes ?? null,
    line.captions === undefined ? null : JSON.stringify(line.captions),
  );
}

function revenueLineFromRow(row: RevenueLineRow): RevenueLine {
  const line: RevenueLine = {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    basis: row.basis_kind === 'amount' ? { kind: 'amount', amount: row.basis_value } : { kind: 'share', share: row.basis_value },
    margin: row.margin,
  };
  if (row.notes !== null) line.notes = row.notes;
  if (row.captions !== null) line.captions = JSON.parse(row.captions) as NonNullable<RevenueLine['captions']>;
  return line;
}

function scenarioValues(scenario: ScenarioSettings, seq: number) {
  return [
    scenario.id,
    seq,
    scenario.name,
    scenario.horizonYears,
    scenario.volumeGrowth,
    scenario.discountRate,
    scenario.ramp === undefined ? null : JSON.stringify(scenario.ramp),
    scenario.uncertainty === undefined ? null : JSON.stringify(scenario.uncertainty),
    scenario.revenueLevers === undefined ? null : JSON.stringify(scenario.revenueLevers),
    scenario.oneOffs === undefined ? null : JSON.stringify(scenario.oneOffs),
  ] as const;
}

function nodeFromRow(row: NodeRow): CostNode {
  const node: CostNode = {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    basis: row.basis_kind === 'amount' ? { kind: 'amount', amount: row.basis_value } : { kind: 'share', share: row.basis_value },
    relevance: row.relevance,
  };
  if (row.notes !== null) node.notes = row.notes;
  if (row.captions !== null) node.captions = JSON.parse(row.captions) as NonNullable<CostNode['captions']>;
  return node;
}

function scenarioFromRow(row: ScenarioRow): ScenarioSettings {
  const scenario: ScenarioSettings = {
    id: row.id,
    name: row.name,
    horizonYears: row.horizon_years,
    volumeGrowth: row.volume_growth,
    discountRate: row.discount_rate,
  };
  if (row.ramp !== null) scenario.ramp = JSON.parse(row.ramp) as number[];
  if (row.uncertainty !== null) scenario.uncertainty = JSON.parse(row.uncertainty) as NonNullable<ScenarioSettings['uncertainty']>;
  if (row.revenue_levers !== null) scenario.revenueLevers = JSON.parse(row.revenue_levers) as NonNullable<ScenarioSettings['revenueLevers']>;
  if (row.one_offs !== null) scenario.oneOffs = JSON.parse(row.one_offs) as NonNullable<ScenarioSettings['oneOffs']>;
  return scenario;
}

function leverFromRow(row: LeverRow): Lever {
  const lever: Lever = { nodeId: row.node_id };
  if (row.unit_cost_change !== null) lever.unitCostChange = row.unit_cost_change;
  if (row.throughput_change !== null) lever.throughputChange = row.throughput_change;
  if (row.volume_change !== null) lever.volumeChange = row.volume_change;
  return lever;
}

function investmentFromRow(row: InvestmentRow): InvestmentLine {
  return { id: row.id, name: row.name, category: row.category, amount: JSON.parse(row.amount) as InvestmentLine['amount'], timing: row.timing };
}
