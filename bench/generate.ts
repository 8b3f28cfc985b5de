import {
  INVESTMENT_CATEGORIES,
  LEVER_KINDS,
  MODEL_FORMAT,
  MODEL_SCHEMA_VERSION,
  type CostBasis,
  type CostNode,
  type InvestmentAmount,
  type InvestmentLine,
  type Lever,
  type LeverKind,
  type Model,
  type Relevance,
  type Scenario,
} from '../shared/model/schema';
import { floorTo, mulberry32, roundTo, type Random } from './random';

/**
 * Deterministic synthetic models for benchmarks and tests: the same options and seed give
 * the same model everywhere (no Math.random). The models are valid (they pass
 * `validateModel`) and shaped like a large real one: root -> 8 cost areas -> departments ->
 * (for about half of them) teams -> leaf cost lines, so leaves sit at depth 3 or 4.
 */
export interface GenerateOptions {
  /** Leaf cost lines; areas, departments and teams are added above them. */
  leafLines: number;
  seed?: number;
  /** Default 10. */
  scenarios?: number;
  /** Default 5. */
  horizonYears?: number;
  /** Default 2027. */
  firstPlanYear?: number;
}

export const DEFAULT_SEED = 20270101;

const AREAS: readonly { name: string; relevance: Relevance }[] = [
  { name: 'Materials and field service', relevance: 'strong' },
  { name: 'Contact center', relevance: 'strong' },
  { name: 'Spare parts and logistics', relevance: 'strong' },
  { name: 'Service providers', relevance: 'strong' },
  { name: 'Warranty repair', relevance: 'strong' },
  { name: 'Installation and commissioning', relevance: 'weak' },
  { name: 'Training and quality', relevance: 'weak' },
  { name: 'IT and digital tools', relevance: 'weak' },
];

const LINE_KINDS = ['Labor', 'Overtime', 'Materials', 'Freight', 'Travel', 'Subcontracting', 'Tools', 'Licences', 'Rent', 'Training'];

/** Plausible ranges for each lever kind: mostly savings, a few increases. */
const CHANGE_RANGE: Record<LeverKind, readonly [number, number]> = {
  unitCostChange: [-0.25, 0.05],
  throughputChange: [-0.05, 0.35],
  volumeChange: [-0.4, 0.1],
};

const INVESTMENT_KINDS = ['perYear', 'yearly', 'shareOfSaving'] as const satisfies readonly InvestmentAmount['kind'][];

export function generateModel(options: GenerateOptions): Model {
  const seed = options.seed ?? DEFAULT_SEED;
  const horizonYears = options.horizonYears ?? 5;
  const random = mulberry32(seed);
  const tree = generateCostTree(options.leafLines, random);
  const scenarios: Scenario[] = [];
  for (let index = 1; index <= (options.scenarios ?? 10); index++) {
    scenarios.push(generateScenario(index, tree, horizonYears, random));
  }
  return {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    name: `Generated model, ${options.leafLines} lines (seed ${seed})`,
    currency: 'CNY',
    displayUnit: 'tenThousand',
    language: 'en',
    firstPlanYear: options.firstPlanYear ?? 2027,
    costTree: tree.nodes,
    scenarios,
  };
}

interface Shape {
  id: string;
  name: string;
  relevance: Relevance;
  children: Shape[];
}

interface GeneratedTree {
  nodes: CostNode[];
  rootAmount: number;
  /** Areas, departments and teams: where a planner sets a lever for a whole group. */
  groupIds: string[];
  leafIds: string[];
}

function generateCostTree(leafLines: number, random: Random): GeneratedTree {
  const root: Shape = { id: 'root', name: 'After-sales service cost', relevance: 'strong', children: [] };
  const areaCount = Math.min(AREAS.length, leafLines);
  splitEvenly(leafLines, areaCount).forEach((lines, a) => {
    const area = AREAS[a]!;
    const areaShape: Shape = { id: `a${a + 1}`, name: area.name, relevance: area.relevance, children: [] };
    let remaining = lines;
    for (let d = 1; remaining > 0; d++) {
      const size = Math.min(remaining, random.integer(8, 40));
      remaining -= size;
      areaShape.children.push(generateDepartment(areaShape, d, size, random));
    }
    root.children.push(areaShape);
  });
  // About 500k yuan a line, in whole 10k yuan.
  const rootAmount = Math.round((leafLines * random.between(300_000, 700_000)) / 10_000) * 10_000;
  const tree: GeneratedTree = { nodes: [], rootAmount, groupIds: [], leafIds: [] };
  emitNode(tree, root, null, { kind: 'amount', amount: rootAmount }, rootAmount, random);
  return tree;
}

/** A department holds its lines directly (depth 3) or, about half the time, through teams (depth 4). */
function generateDepartment(area: Shape, index: number, lines: number, random: Random): Shape {
  const department: Shape = { id: `${area.id}-d${index}`, name: `Region ${index}`, relevance: area.relevance, children: [] };
  if (lines >= 6 && random.chance(0.5)) {
    let remaining = lines;
    for (let t = 1; remaining > 0; t++) {
      const size = Math.min(remaining, random.integer(3, 12));
      remaining -= size;
      const team: Shape = { id: `${department.id}-t${t}`, name: `Team ${t}`, relevance: area.relevance, children: [] };
      addLines(team, size, random);
      department.children.push(team);
    }
  } else {
    addLines(department, lines, random);
  }
  return department;
}

function addLines(parent: Shape, count: number, random: Random): void {
  for (let k = 1; k <= count; k++) {
    // One line in ten is tagged against its area, as real trees mix the two.
    const relevance: Relevance = random.chance(0.1) ? (parent.relevance === 'strong' ? 'weak' : 'strong') : parent.relevance;
    parent.children.push({ id: `${parent.id}-l${k}`, name: `${random.pick(LINE_KINDS)} ${k}`, relevance, children: [] });
  }
}

/** Writes the node and its subtree in file order (parents first), choosing each child's basis. */
function emitNode(tree: GeneratedTree, shape: Shape, parentId: string | null, basis: CostBasis, amount: number, random: Random): void {
  tree.nodes.push({ id: shape.id, parentId, name: shape.name, basis, relevance: shape.relevance });
  if (shape.children.length === 0) tree.leafIds.push(shape.id);
  else if (parentId !== null) tree.groupIds.push(shape.id);
  const shares = siblingShares(shape.children.length, random);
  shape.children.forEach((child, i) => {
    const share = shares[i]!;
    // One leaf in twenty is entered as an amount; it is rounded down so the siblings never claim more than the parent.
    if (child.children.length === 0 && random.chance(0.05)) {
      const childAmount = Math.floor(amount * share);
      emitNode(tree, child, shape.id, { kind: 'amount', amount: childAmount }, childAmount, random);
    } else {
      emitNode(tree, child, shape.id, { kind: 'share', share }, amount * share, random);
    }
  });
}

/**
 * Shares with six decimals. Most groups add up to exactly 100% (the last share takes the
 * remainder, which is how planners enter them); the others leave 2-15% unallocated on the parent.
 */
function siblingShares(count: number, random: Random): number[] {
  if (count === 0) return [];
  const target = random.chance(0.7) ? 1 : roundTo(random.between(0.85, 0.98), 2);
  const weights = Array.from({ length: count }, () => 0.3 + random.next());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((weight) => floorTo((weight / weightSum) * target, 6));
  const allButLast = shares.slice(0, -1).reduce((a, b) => a + b, 0);
  shares[count - 1] = roundTo(target - allButLast, 6);
  return shares;
}

function splitEvenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function generateScenario(index: number, tree: GeneratedTree, horizonYears: number, random: Random): Scenario {
  const scenario: Scenario = {
    id: `scenario-${index}`,
    name: `Scenario ${index}`,
    horizonYears,
    volumeGrowth: roundTo(random.between(0, 0.2), 2),
    discountRate: roundTo(random.between(0.05, 0.12), 3),
    levers: generateLevers(tree, random.between(0.2, 0.45), random),
    investments: generateInvestments(horizonYears, tree.rootAmount, random),
  };
  if (random.chance(0.5)) scenario.ramp = generateRamp(horizonYears, random);
  return scenario;
}

/** Levers on a share of the leaf lines, and on a few groups, whose factor then multiplies down. */
function generateLevers(tree: GeneratedTree, leafFraction: number, random: Random): Lever[] {
  const levers: Lever[] = [];
  for (const nodeId of tree.groupIds) if (random.chance(0.08)) levers.push(generateLever(nodeId, random));
  for (const nodeId of tree.leafIds) if (random.chance(leafFraction)) levers.push(generateLever(nodeId, random));
  return levers;
}

/** One lever kind, and in three cases of ten a second one on the same line. */
function generateLever(nodeId: string, random: Random): Lever {
  const lever: Lever = { nodeId };
  const kinds = random.chance(0.3) ? [random.pick(LEVER_KINDS), random.pick(LEVER_KINDS)] : [random.pick(LEVER_KINDS)];
  for (const kind of kinds) {
    const [min, max] = CHANGE_RANGE[kind];
    lever[kind] = roundTo(random.between(min, max), 3);
  }
  return lever;
}

/** 3-5 lines of each amount kind, each paid upfront or spread. */
function generateInvestments(horizonYears: number, rootAmount: number, random: Random): InvestmentLine[] {
  const lines: InvestmentLine[] = [];
  for (const kind of INVESTMENT_KINDS) {
    const count = random.integer(3, 5);
    for (let k = 1; k <= count; k++) {
      lines.push({
        id: `${kind}-${k}`,
        name: `${kind} investment ${k}`,
        category: random.pick(INVESTMENT_CATEGORIES),
        amount: generateInvestmentAmount(kind, horizonYears, rootAmount, random),
        timing: random.chance(0.5) ? 'upfront' : 'spread',
      });
    }
  }
  return lines;
}

function generateInvestmentAmount(kind: InvestmentAmount['kind'], horizonYears: number, rootAmount: number, random: Random): InvestmentAmount {
  // In whole thousands of yuan; a line costs 0.02-0.2% of the service cost a year, so the
  // scenarios pay back and their NPV is well away from zero.
  const yearlyAmount = (): number => Math.round((rootAmount * random.between(0.0002, 0.002)) / 1000) * 1000;
  switch (kind) {
    case 'perYear':
      return { kind, amount: yearlyAmount() };
    case 'yearly': {
      // Some lines stop before the horizon (a tool paid off over the first years).
      const years = random.chance(0.3) ? random.integer(1, Math.max(1, horizonYears - 1)) : horizonYears;
      return { kind, amounts: Array.from({ length: years }, yearlyAmount) };
    }
    case 'shareOfSaving':
      return { kind, share: roundTo(random.between(0.01, 0.05), 3) };
  }
}

/** The share of the target reached each year, rising to 100%. */
function generateRamp(horizonYears: number, random: Random): number[] {
  const start = roundTo(random.between(0.3, 0.7), 2);
  const step = roundTo(random.between(0.15, 0.35), 2);
  return Array.from({ length: horizonYears }, (_, y) => Math.min(1, roundTo(start + y * step, 2)));
}
