import type { InvestmentLine, LeverKind, Model, Scenario } from '../model/schema';
import { LEVER_KINDS } from '../model/schema';
import { shapleyShares } from './attribution';
import { leverFactor } from './levers';
import { paybackYears } from './payback';
import type { PreparedTree } from './tree';

export interface YearResult {
  /** 1 for the first plan year. */
  year: number;
  calendarYear: number;
  /** base saving x (1 + growth)^(year - 1) x ramp. */
  saving: number;
  investment: number;
  upfrontInvestment: number;
  spreadInvestment: number;
  /** Aligned with the scenario's investment lines. */
  investmentByLine: number[];
  net: number;
  cumulativeNet: number;
}

export interface ScenarioTotals {
  saving: number;
  investment: number;
  net: number;
  /** saving / investment (投入产出比); null without investment. */
  returnOnInvestment: number | null;
  /** (saving - investment) / investment; null without investment. */
  netRoi: number | null;
  /** Each year's net as one year-end flow, discounted at the scenario's rate (Excel's NPV). */
  npv: number;
  /** null when the cumulative net ends the horizon below zero. */
  paybackYears: number | null;
}

export interface LeverContribution {
  nodeId: string;
  kind: LeverKind;
  change: number;
  /** This lever's part of the year-1 saving at full target (Shapley value). */
  saving: number;
}

export interface ScenarioResult {
  scenarioId: string;
  name: string;
  /** Year-1 saving at full target, before growth and ramp. */
  baseSaving: number;
  /** baseSaving / total cost: the share of the whole service cost saved. */
  affectedShare: number;
  /** Per node (aligned with the tree's ids): the cost factor its levers and its ancestors' levers give. */
  costFactor: Float64Array;
  /** Per node: the saving on the part of its amount not allocated to children (a leaf's whole saving). */
  lineSaving: Float64Array;
  /** Per node: the saving of its whole subtree. */
  subtreeSaving: Float64Array;
  years: YearResult[];
  totals: ScenarioTotals;
  /** Empty when the computation was asked to skip attribution. */
  contributions: LeverContribution[];
}

export interface ComputeOptions {
  /** Shapley attribution per lever; off in the hot loops of what-if analyses. */
  contributions?: boolean;
}

/** Computes one scenario over a prepared tree. Expects a validated model. */
export function computeScenario(
  tree: PreparedTree,
  scenario: Scenario,
  firstPlanYear: number,
  options: ComputeOptions = {},
): ScenarioResult {
  const count = tree.ids.length;
  const ownFactor = new Float64Array(count).fill(1);
  for (const lever of scenario.levers) {
    const index = tree.indexById.get(lever.nodeId);
    if (index === undefined) continue;
    for (const kind of LEVER_KINDS) {
      const change = lever[kind];
      if (change !== undefined) ownFactor[index]! *= leverFactor(kind, change);
    }
  }

  const costFactor = new Float64Array(count);
  const lineSaving = new Float64Array(count);
  const subtreeSaving = new Float64Array(count);
  const { order, parent, unallocatedAmount } = tree;
  for (let k = 0; k < count; k++) {
    const i = order[k]!;
    const p = parent[i]!;
    costFactor[i] = (p >= 0 ? costFactor[p]! : 1) * ownFactor[i]!;
    lineSaving[i] = unallocatedAmount[i]! * (1 - costFactor[i]!);
  }
  subtreeSaving.set(lineSaving);
  for (let k = count - 1; k > 0; k--) {
    const i = order[k]!;
    const p = parent[i]!;
    if (p >= 0) subtreeSaving[p]! += subtreeSaving[i]!;
  }

  const baseSaving = tree.rootIndex >= 0 ? subtreeSaving[tree.rootIndex]! : 0;
  const years = projectYears(scenario, baseSaving, firstPlanYear);
  return {
    scenarioId: scenario.id,
    name: scenario.name,
    baseSaving,
    affectedShare: tree.totalAmount > 0 ? baseSaving / tree.totalAmount : 0,
    costFactor,
    lineSaving,
    subtreeSaving,
    years,
    totals: totalsOf(years, scenario.discountRate),
    contributions: options.contributions === false ? [] : attributeLevers(tree, scenario),
  };
}

export function rampForYear(scenario: Scenario, year: number): number {
  return scenario.ramp?.[year - 1] ?? 1;
}

export function investmentForYear(line: InvestmentLine, year: number, saving: number): number {
  const amount = line.amount;
  switch (amount.kind) {
    case 'perYear':
      return amount.amount;
    case 'yearly':
      return amount.amounts[year - 1] ?? 0;
    case 'shareOfSaving':
      return amount.share * saving;
  }
}

function projectYears(scenario: Scenario, baseSaving: number, firstPlanYear: number): YearResult[] {
  const years: YearResult[] = [];
  let cumulativeNet = 0;
  let growth = 1;
  for (let year = 1; year <= scenario.horizonYears; year++) {
    const saving = baseSaving * growth * rampForYear(scenario, year);
    let upfrontInvestment = 0;
    let spreadInvestment = 0;
    const investmentByLine = scenario.investments.map((line) => {
      const value = investmentForYear(line, year, saving);
      if (line.timing === 'upfront') upfrontInvestment += value;
      else spreadInvestment += value;
      return value;
    });
    const investment = upfrontInvestment + spreadInvestment;
    const net = saving - investment;
    cumulativeNet += net;
    years.push({
      year,
      calendarYear: firstPlanYear + year - 1,
      saving,
      investment,
      upfrontInvestment,
      spreadInvestment,
      investmentByLine,
      net,
      cumulativeNet,
    });
    growth *= 1 + scenario.volumeGrowth;
  }
  return years;
}

function totalsOf(years: readonly YearResult[], discountRate: number): ScenarioTotals {
  let saving = 0;
  let investment = 0;
  let npv = 0;
  let discount = 1;
  for (const year of years) {
    saving += year.saving;
    investment += year.investment;
    discount /= 1 + discountRate;
    npv += year.net * discount;
  }
  const net = saving - investment;
  return {
    saving,
    investment,
    net,
    returnOnInvestment: investment > 0 ? saving / investment : null,
    netRoi: investment > 0 ? net / investment : null,
    npv,
    paybackYears: paybackYears(years),
  };
}

interface ActiveLever {
  nodeIndex: number;
  kind: LeverKind;
  change: number;
  factor: number;
}

/** Splits the year-1 saving among the levers, line by line, by Shapley value. */
function attributeLevers(tree: PreparedTree, scenario: Scenario): LeverContribution[] {
  const leversByNode = new Map<number, ActiveLever[]>();
  const all: ActiveLever[] = [];
  for (const lever of scenario.levers) {
    const nodeIndex = tree.indexById.get(lever.nodeId);
    if (nodeIndex === undefined) continue;
    for (const kind of LEVER_KINDS) {
      const change = lever[kind];
      if (change === undefined || change === 0) continue;
      const active = { nodeIndex, kind, change, factor: leverFactor(kind, change) };
      all.push(active);
      const list = leversByNode.get(nodeIndex) ?? [];
      list.push(active);
      leversByNode.set(nodeIndex, list);
    }
  }
  const totals = new Map<ActiveLever, number>(all.map((lever) => [lever, 0]));
  if (all.length > 0) {
    // The levers that reach a node are its own plus its ancestors'; carry them down the tree.
    const reaching: (ActiveLever[] | undefined)[] = new Array(tree.ids.length);
    const shares = new Float64Array(LEVER_KINDS.length * (tree.depth.reduce((a, b) => Math.max(a, b), 0) + 1));
    for (let k = 0; k < tree.order.length; k++) {
      const i = tree.order[k]!;
      const p = tree.parent[i]!;
      const inherited = p >= 0 ? reaching[p] : undefined;
      const own = leversByNode.get(i);
      const levers = own ? [...(inherited ?? []), ...own] : inherited;
      reaching[i] = levers;
      const amount = tree.unallocatedAmount[i]!;
      if (!levers || amount === 0) continue;
      shapleyShares(
        amount,
        levers.map((lever) => lever.factor),
        shares,
      );
      levers.forEach((lever, j) => totals.set(lever, totals.get(lever)! + shares[j]!));
    }
  }
  return all.map((lever) => ({
    nodeId: tree.ids[lever.nodeIndex]!,
    kind: lever.kind,
    change: lever.change,
    saving: totals.get(lever)!,
  }));
}

export interface ModelResult {
  tree: PreparedTree;
  scenarios: ScenarioResult[];
}

/** Computes every scenario of a validated model. */
export function computeValidModel(model: Model, tree: PreparedTree, options: ComputeOptions = {}): ModelResult {
  return {
    tree,
    scenarios: model.scenarios.map((scenario) => computeScenario(tree, scenario, model.firstPlanYear, options)),
  };
}
