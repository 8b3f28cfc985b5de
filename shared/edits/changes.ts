import type { CostNode, InvestmentLine, Lever, Model, RevenueLine, Scenario } from '../model/schema';

/**
 * The primitive changes every edit is made of. Each names one entity with its state before
 * and after (null where it does not exist) and its position in its list at that moment, so
 * the same list replays an edit forwards (redo, and writing it to a file) and backwards
 * (undo). Positions are taken one change at a time: a change's index refers to the list as
 * the changes before it left it.
 */
export type ModelSettings = Pick<Model, 'name' | 'currency' | 'displayUnit' | 'language' | 'firstPlanYear' | 'client' | 'presentation'>;
export type ScenarioSettings = Omit<Scenario, 'levers' | 'investments'>;

export interface Placed<T> {
  index: number;
  value: T;
}

export type EntityChange =
  /** The whole model at once: restoring a snapshot, importing over the open model. */
  | { entity: 'model'; before: Model; after: Model }
  | { entity: 'settings'; before: ModelSettings; after: ModelSettings }
  | { entity: 'node'; id: string; before: Placed<CostNode> | null; after: Placed<CostNode> | null }
  | { entity: 'revenueLine'; id: string; before: Placed<RevenueLine> | null; after: Placed<RevenueLine> | null }
  | { entity: 'scenario'; id: string; before: Placed<ScenarioSettings> | null; after: Placed<ScenarioSettings> | null }
  | { entity: 'lever'; scenarioId: string; nodeId: string; before: Placed<Lever> | null; after: Placed<Lever> | null }
  | {
      entity: 'investment';
      scenarioId: string;
      id: string;
      before: Placed<InvestmentLine> | null;
      after: Placed<InvestmentLine> | null;
    };

export type Direction = 'forward' | 'backward';

export function settingsOf(model: Model): ModelSettings {
  const settings: ModelSettings = {
    name: model.name,
    currency: model.currency,
    displayUnit: model.displayUnit,
    language: model.language,
    firstPlanYear: model.firstPlanYear,
  };
  // Absent stays absent: a model read back equals the one written.
  if (model.client !== undefined) settings.client = model.client;
  if (model.presentation !== undefined) settings.presentation = model.presentation;
  return settings;
}

export function scenarioSettingsOf(scenario: Scenario): ScenarioSettings {
  const { levers: _levers, investments: _investments, ...settings } = scenario;
  return settings;
}

/**
 * Applies changes to a model without touching it: lists that change are copied once, the
 * rest (and every scenario not touched) stay the same objects, which is what lets the
 * incremental engine skip them.
 */
export function applyChanges(model: Model, changes: readonly EntityChange[], direction: Direction = 'forward'): Model {
  const draft = new Draft(model);
  const ordered = direction === 'forward' ? changes : [...changes].reverse();
  for (const change of ordered) draft.apply(change, direction);
  return draft.finish();
}

class Draft {
  private replaced: Model | undefined;
  private settings: ModelSettings | undefined;
  private nodes: CostNode[] | undefined;
  private revenueLines: RevenueLine[] | undefined;
  private scenarios: Scenario[] | undefined;
  private readonly copiedScenarios = new Set<Scenario>();

  constructor(private readonly model: Model) {}

  apply(change: EntityChange, direction: Direction): void {
    const from = direction === 'forward' ? change.before : change.after;
    const to = direction === 'forward' ? change.after : change.before;
    switch (change.entity) {
      case 'model':
        this.replaced = to as Model;
        this.settings = undefined;
        this.nodes = undefined;
        this.revenueLines = undefined;
        this.scenarios = undefined;
        this.copiedScenarios.clear();
        return;
      case 'settings':
        this.settings = to as ModelSettings;
        return;
      case 'node':
        move(this.nodeList(), (node) => node.id === change.id, from as Placed<CostNode> | null, to as Placed<CostNode> | null);
        return;
      case 'revenueLine':
        move(this.revenueLineList(), (line) => line.id === change.id, from as Placed<RevenueLine> | null, to as Placed<RevenueLine> | null);
        return;
      case 'scenario':
        this.applyScenario(change.id, from as Placed<ScenarioSettings> | null, to as Placed<ScenarioSettings> | null);
        return;
      case 'lever': {
        const scenario = this.editableScenario(change.scenarioId);
        scenario.levers = [...scenario.levers];
        move(scenario.levers, (lever) => lever.nodeId === change.nodeId, from as Placed<Lever> | null, to as Placed<Lever> | null);
        return;
      }
      case 'investment': {
        const scenario = this.editableScenario(change.scenarioId);
        scenario.investments = [...scenario.investments];
        move(scenario.investments, (line) => line.id === change.id, from as Placed<InvestmentLine> | null, to as Placed<InvestmentLine> | null);
        return;
      }
    }
  }

  finish(): Model {
    const base = this.replaced ?? this.model;
    if (!this.settings && !this.nodes && !this.scenarios && !this.revenueLines) return base;
    const next: Model = {
      ...base,
      costTree: this.nodes ?? base.costTree,
      scenarios: this.scenarios ?? base.scenarios,
    };
    if (this.settings) {
      // Optional settings that the change clears are removed, not set to undefined.
      delete next.client;
      delete next.presentation;
      Object.assign(next, this.settings);
    }
    if (this.revenueLines) {
      if (this.revenueLines.length > 0) next.revenueLines = this.revenueLines;
      else delete next.revenueLines;
    }
    return next;
  }

  private revenueLineList(): RevenueLine[] {
    this.revenueLines ??= [...(this.current().revenueLines ?? [])];
    return this.revenueLines;
  }

  private current(): Model {
    return this.replaced ?? this.model;
  }

  private nodeList(): CostNode[] {
    this.nodes ??= [...this.current().costTree];
    return this.nodes;
  }

  private scenarioList(): Scenario[] {
    this.scenarios ??= [...this.current().scenarios];
    return this.scenarios;
  }

  private applyScenario(id: string, from: Placed<ScenarioSettings> | null, to: Placed<ScenarioSettings> | null): void {
    const list = this.scenarioList();
    const current = list.find((scenario) => scenario.id === id);
    // A scenario keeps its levers and investment lines when only its settings change.
    const children = current ? { levers: current.levers, investments: current.investments } : { levers: [], investments: [] };
    const placed = to ? { index: to.index, value: this.own({ ...to.value, ...children }) } : null;
    move(list, (scenario) => scenario.id === id, from && current ? { index: from.index, value: current } : null, placed);
  }

  /** A scenario object this draft may mutate (a copy made once per edit). */
  private editableScenario(id: string): Scenario {
    const list = this.scenarioList();
    const index = list.findIndex((scenario) => scenario.id === id);
    if (index < 0) throw new Error(`change refers to unknown scenario "${id}"`);
    const current = list[index]!;
    if (this.copiedScenarios.has(current)) return current;
    const copy = this.own({ ...current });
    list[index] = copy;
    return copy;
  }

  private own(scenario: Scenario): Scenario {
    this.copiedScenarios.add(scenario);
    return scenario;
  }
}

function move<T>(list: T[], matches: (item: T) => boolean, from: Placed<T> | null, to: Placed<T> | null): void {
  if (from) {
    const at = list[from.index] !== undefined && matches(list[from.index]!) ? from.index : list.findIndex(matches);
    if (at < 0) throw new Error('change refers to an item that is not there');
    if (to && to.index === at) {
      list[at] = to.value;
      return;
    }
    list.splice(at, 1);
  }
  if (to) {
    if (to.index < 0 || to.index > list.length) throw new Error(`change places an item at ${to.index} of ${list.length}`);
    list.splice(to.index, 0, to.value);
  }
}
