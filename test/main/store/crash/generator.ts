import { applyEdit } from '../../../../shared/edits/apply';
import type { EditCommand, SingleEditCommand } from '../../../../shared/edits/commands';
import {
  INVESTMENT_CATEGORIES,
  INVESTMENT_TIMINGS,
  LEVER_KINDS,
  RELEVANCE,
  type CostBasis,
  type CostNode,
  type InvestmentAmount,
  type LeverKind,
  type Model,
  type Scenario,
} from '../../../../shared/model/schema';
import { DISPLAY_UNITS, LANGUAGES } from '../../../../shared/model/units';
import type { Rng } from './random';

/**
 * The random edits of the crash test. `nextStep` depends only on the PRNG and the model, so
 * the worker (which applies the steps to a file) and the test (which replays them against the
 * pure model) walk the same sequence from the same seed and the same starting model. Most
 * steps are valid edits; a few are deliberately invalid (the store must write nothing then).
 */
export type Step = { kind: 'edit'; command: EditCommand } | { kind: 'undo' } | { kind: 'redo' };

export const GENERATOR_BOUNDS = {
  maxNodes: 60,
  minNodes: 4,
  maxScenarios: 6,
  maxInvestmentLines: 8,
  /** Share of edits made invalid on purpose. */
  invalidRate: 0.03,
} as const;

type Maker = (rng: Rng, model: Model) => Step | undefined;

const edit = (command: EditCommand): Step => ({ kind: 'edit', command });

const LEVER_RANGE: Record<LeverKind, readonly [number, number]> = {
  unitCostChange: [-0.5, 0.5],
  throughputChange: [-0.5, 1],
  volumeChange: [-0.5, 0.5],
};

function nonRoot(model: Model): CostNode[] {
  return model.costTree.filter((node) => node.parentId !== null);
}

/** What a node's siblings (other than `exceptId`) leave of their parent, as a share of it. */
function freeShare(model: Model, parentId: string, exceptId: string | undefined): number {
  const amounts = resolvedAmounts(model);
  const parentAmount = amounts.get(parentId) ?? 0;
  let claimed = 0;
  for (const node of model.costTree) {
    if (node.parentId !== parentId || node.id === exceptId) continue;
    if (node.basis.kind === 'share') claimed += node.basis.share;
    else claimed += parentAmount > 0 ? node.basis.amount / parentAmount : 1;
  }
  return Math.max(0, 1 - claimed);
}

function resolvedAmounts(model: Model): Map<string, number> {
  const byId = new Map(model.costTree.map((node) => [node.id, node]));
  const amounts = new Map<string, number>();
  const resolve = (node: CostNode): number => {
    const known = amounts.get(node.id);
    if (known !== undefined) return known;
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    const value = node.basis.kind === 'amount' ? node.basis.amount : (parent ? resolve(parent) : 0) * node.basis.share;
    amounts.set(node.id, value);
    return value;
  };
  model.costTree.forEach(resolve);
  return amounts;
}

function shareBasis(rng: Rng, free: number): CostBasis {
  if (rng.chance(GENERATOR_BOUNDS.invalidRate)) return { kind: 'share', share: Math.min(1, free + 0.25) + 0.01 };
  return { kind: 'share', share: Math.floor(rng.next() * free * 10_000) / 10_000 };
}

function subtree(model: Model, rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of model.costTree) {
      if (node.parentId !== null && ids.has(node.parentId) && !ids.has(node.id)) {
        ids.add(node.id);
        grew = true;
      }
    }
  }
  return ids;
}

function investmentAmount(rng: Rng, horizon: number): InvestmentAmount {
  switch (rng.int(0, 2)) {
    case 0:
      return { kind: 'perYear', amount: rng.int(0, 2_000_000) };
    case 1:
      return { kind: 'yearly', amounts: Array.from({ length: rng.int(1, Math.max(1, horizon)) }, () => rng.int(0, 1_000_000)) };
    default:
      return { kind: 'shareOfSaving', share: rng.ratio(0, 1) };
  }
}

const setLever: Maker = (rng, model) => {
  if (model.scenarios.length === 0) return undefined;
  const scenario = rng.pick(model.scenarios);
  const node = rng.pick(model.costTree);
  const kind = rng.pick(LEVER_KINDS);
  const [min, max] = LEVER_RANGE[kind];
  let value: number | null = rng.chance(0.15) ? null : rng.ratio(min, max);
  if (rng.chance(GENERATOR_BOUNDS.invalidRate)) value = -1.5;
  return edit({ type: 'setLever', scenarioId: scenario.id, nodeId: node.id, kind, value });
};

const setBasis: Maker = (rng, model) => {
  const node = rng.pick(model.costTree);
  if (node.parentId === null) return edit({ type: 'setBasis', nodeId: node.id, basis: { kind: 'amount', amount: rng.int(100_000, 1_000_000_000) } });
  return edit({ type: 'setBasis', nodeId: node.id, basis: shareBasis(rng, freeShare(model, node.parentId, node.id)) });
};

const renameNode: Maker = (rng, model) => {
  const node = rng.pick(model.costTree);
  // An empty name now and then: rejected.
  const name = rng.chance(GENERATOR_BOUNDS.invalidRate) ? ' ' : `Line ${rng.token()}`;
  return edit({ type: 'renameNode', nodeId: node.id, name });
};

const addNode: Maker = (rng, model) => {
  if (model.costTree.length >= GENERATOR_BOUNDS.maxNodes) return undefined;
  const parent = rng.pick(model.costTree);
  const token = rng.token();
  const node: CostNode = {
    id: `n-${token}`,
    parentId: parent.id,
    name: `Line ${token}`,
    basis: shareBasis(rng, freeShare(model, parent.id, undefined)),
    relevance: rng.pick(RELEVANCE),
  };
  if (rng.chance(0.2)) node.notes = `Note ${rng.token()}`;
  const siblings = model.costTree.filter((n) => n.parentId === parent.id);
  const beforeId = siblings.length > 0 && rng.chance(0.3) ? rng.pick(siblings).id : undefined;
  return edit(beforeId === undefined ? { type: 'addNode', node } : { type: 'addNode', node, beforeId });
};

const deleteNode: Maker = (rng, model) => {
  if (model.costTree.length <= GENERATOR_BOUNDS.minNodes) return undefined;
  return edit({ type: 'deleteNode', nodeId: rng.pick(nonRoot(model)).id });
};

const moveNode: Maker = (rng, model) => {
  const candidates = nonRoot(model);
  if (candidates.length === 0) return undefined;
  const node = rng.pick(candidates);
  const inside = subtree(model, node.id);
  const parents = model.costTree.filter((n) => !inside.has(n.id));
  // Sometimes under itself: rejected. Shares may also overflow the new parent: rejected too.
  const parent = rng.chance(GENERATOR_BOUNDS.invalidRate) ? node : rng.pick(parents);
  const siblings = model.costTree.filter((n) => n.parentId === parent.id && n.id !== node.id);
  const beforeId = siblings.length > 0 && rng.chance(0.3) ? rng.pick(siblings).id : undefined;
  return edit(
    beforeId === undefined ? { type: 'moveNode', nodeId: node.id, parentId: parent.id } : { type: 'moveNode', nodeId: node.id, parentId: parent.id, beforeId },
  );
};

const setRelevance: Maker = (rng, model) => edit({ type: 'setRelevance', nodeId: rng.pick(model.costTree).id, relevance: rng.pick(RELEVANCE) });

const setNotes: Maker = (rng, model) => edit({ type: 'setNotes', nodeId: rng.pick(model.costTree).id, notes: rng.chance(0.3) ? null : `Notes ${rng.token()}` });

const addInvestment: Maker = (rng, model) => {
  if (model.scenarios.length === 0) return undefined;
  const scenario = rng.pick(model.scenarios);
  if (scenario.investments.length >= GENERATOR_BOUNDS.maxInvestmentLines) return undefined;
  const token = rng.token();
  return edit({
    type: 'addInvestment',
    scenarioId: scenario.id,
    line: {
      id: `i-${token}`,
      name: `Investment ${token}`,
      category: rng.pick(INVESTMENT_CATEGORIES),
      amount: investmentAmount(rng, scenario.horizonYears),
      timing: rng.pick(INVESTMENT_TIMINGS),
    },
  });
};

function scenarioWithLines(rng: Rng, model: Model): Scenario | undefined {
  const withLines = model.scenarios.filter((scenario) => scenario.investments.length > 0);
  return withLines.length > 0 ? rng.pick(withLines) : undefined;
}

const changeInvestment: Maker = (rng, model) => {
  const scenario = scenarioWithLines(rng, model);
  if (!scenario) return undefined;
  const line = rng.pick(scenario.investments);
  const command: Extract<EditCommand, { type: 'changeInvestment' }> = { type: 'changeInvestment', scenarioId: scenario.id, lineId: line.id };
  if (rng.chance(0.5)) command.name = `Investment ${rng.token()}`;
  if (rng.chance(0.3)) command.category = rng.pick(INVESTMENT_CATEGORIES);
  if (rng.chance(0.5))
    command.amount = rng.chance(GENERATOR_BOUNDS.invalidRate) ? { kind: 'perYear', amount: -1 } : investmentAmount(rng, scenario.horizonYears);
  if (rng.chance(0.3)) command.timing = rng.pick(INVESTMENT_TIMINGS);
  return edit(command);
};

const deleteInvestment: Maker = (rng, model) => {
  const scenario = scenarioWithLines(rng, model);
  if (!scenario) return undefined;
  return edit({ type: 'deleteInvestment', scenarioId: scenario.id, lineId: rng.pick(scenario.investments).id });
};

const setScenarioParameters: Maker = (rng, model) => {
  if (model.scenarios.length === 0) return undefined;
  const scenario = rng.pick(model.scenarios);
  const command: Extract<EditCommand, { type: 'setScenarioParameters' }> = { type: 'setScenarioParameters', scenarioId: scenario.id };
  if (rng.chance(0.5)) command.horizonYears = rng.chance(GENERATOR_BOUNDS.invalidRate) ? 0 : rng.int(1, 10);
  if (rng.chance(0.5)) command.volumeGrowth = rng.ratio(-0.5, 0.5);
  if (rng.chance(0.5)) command.discountRate = rng.ratio(0, 0.2);
  if (rng.chance(0.3)) command.ramp = rng.chance(0.4) ? null : Array.from({ length: rng.int(1, 10) }, () => rng.ratio(0, 1, 2));
  return edit(command);
};

const cloneScenario: Maker = (rng, model) => {
  if (model.scenarios.length === 0 || model.scenarios.length >= GENERATOR_BOUNDS.maxScenarios) return undefined;
  const source = rng.pick(model.scenarios);
  const token = rng.token();
  return edit({ type: 'cloneScenario', scenarioId: source.id, newId: `s-${token}`, name: `Scenario ${token}` });
};

const deleteScenario: Maker = (rng, model) => {
  if (model.scenarios.length <= 1) return undefined;
  return edit({ type: 'deleteScenario', scenarioId: rng.pick(model.scenarios).id });
};

const renameScenario: Maker = (rng, model) => {
  if (model.scenarios.length === 0) return undefined;
  const scenario = rng.pick(model.scenarios);
  // Another scenario's name now and then: rejected (names are unique).
  const name = rng.chance(0.05) ? rng.pick(model.scenarios).name : `Scenario ${rng.token()}`;
  return edit({ type: 'renameScenario', scenarioId: scenario.id, name });
};

const setModelSettings: Maker = (rng) => {
  const command: Extract<EditCommand, { type: 'setModelSettings' }> = { type: 'setModelSettings' };
  if (rng.chance(0.5)) command.name = `Model ${rng.token()}`;
  if (rng.chance(0.3)) command.displayUnit = rng.pick(DISPLAY_UNITS);
  if (rng.chance(0.3)) command.language = rng.pick(LANGUAGES);
  if (rng.chance(0.3)) command.firstPlanYear = rng.int(2020, 2040);
  return edit(command);
};

const EDIT_MAKERS: readonly (readonly [number, Maker])[] = [
  [20, setLever],
  [12, setBasis],
  [8, renameNode],
  [10, addNode],
  [6, deleteNode],
  [3, moveNode],
  [2, setRelevance],
  [3, setNotes],
  [5, addInvestment],
  [6, changeInvestment],
  [3, deleteInvestment],
  [6, setScenarioParameters],
  [3, cloneScenario],
  [2, deleteScenario],
  [2, renameScenario],
  [2, setModelSettings],
];

/**
 * A paste or fill: 2 to 6 edits as one batch, each made for the model the ones before it
 * leave (an invalid one is kept, and then refuses the whole batch). A kill must find the file
 * with all of the batch or none of it.
 */
const batch: Maker = (rng, model) => {
  const edits: SingleEditCommand[] = [];
  let current = model;
  const count = rng.int(2, 6);
  for (let i = 0; i < count; i++) {
    const step = pick(rng, EDIT_MAKERS, current);
    if (step?.kind !== 'edit' || step.command.type === 'batch') continue;
    edits.push(step.command);
    const applied = applyEdit(current, step.command);
    if (applied.ok) current = applied.value.model;
  }
  return edits.length > 0 ? edit({ type: 'batch', label: 'paste', edits }) : undefined;
};

const MAKERS: readonly (readonly [number, Maker])[] = [...EDIT_MAKERS, [8, batch], [10, () => ({ kind: 'undo' })], [6, () => ({ kind: 'redo' })]];

function pick(rng: Rng, makers: readonly (readonly [number, Maker])[], model: Model): Step | undefined {
  const total = makers.reduce((sum, [weight]) => sum + weight, 0);
  let roll = rng.next() * total;
  for (const [weight, make] of makers) {
    roll -= weight;
    if (roll < 0) return make(rng, model);
  }
  return undefined;
}

/** The next step: a function of the PRNG's state and the model only. */
export function nextStep(rng: Rng, model: Model): Step {
  return pick(rng, MAKERS, model) ?? renameNode(rng, model)!;
}

export function describeStep(step: Step): string {
  return step.kind === 'edit' ? JSON.stringify(step.command) : step.kind;
}
