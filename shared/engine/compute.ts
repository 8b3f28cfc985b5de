import type { InvestmentLine, LeverKind, Model, OneOffItem, Scenario } from '../model/schema';
import { LEVER_KINDS } from '../model/schema';
import { shapleyShares } from './attribution';
import { leverFactor } from './levers';
import { paybackYears } from './payback';
import { computeRevenueGain, preparedRevenueOf, type PreparedRevenue } from './revenue';
import type { PreparedTree } from './tree';

export interface YearResult {
  /** 1 for the first plan year. */
  year: number;
  calendarYear: number;
  /** base saving x (1 + growth)^(year - 1) x ramp. */
  saving: number;
  /** base margin gain x (1 + growth)^(year - 1) x ramp. */
  marginGain: number;
  /** saving + marginGain: what share-of-saving investment lines take their share of. */
  benefit: number;
  /** One-off cash items of this year (signed). */
  oneOff: number;
  upfrontOneOff: number;
  spreadOneOff: number;
  /** Aligned with the scenario's one-off items (0 outside their year). */
  oneOffByItem: number[];
  investment: number;
  upfrontInvestment: number;
  spreadInvestment: number;
  /** Aligned with the scenario's investment lines. */
  investmentByLine: number[];
  /** saving + marginGain + oneOff - investment: the year's net cash. */
  net: number;
  cumulativeNet: number;
}

export interface ScenarioTotals {
  saving: number;
  marginGain: number;
  /** saving + marginGain. */
  benefit: number;
  /** One-off cash over the horizon (signed). */
  oneOff: number;
  investment: number;
  /** benefit + oneOff - investment: the sum of the years' net cash. */
  net: number;
  /** benefit / investment (投入产出比); one-off cash never counts; null without investment. */
  returnOnInvestment: number | null;
  /** (benefit - investment) / investment; null without investment. */
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
  /** Year-1 margin gain of the revenue levers at full target, before growth and ramp. */
  baseMarginGain: number;
  /** Per revenue line (aligned with the prepared revenue's ids): the gain on its unallocated revenue. */
  lineMarginGain: Float64Array;
  /** Per revenue line: the gain of the line and everything below it. */
  subtreeMarginGain: Float64Array;
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
  /**
   * Each lever's part of the saving. Worked out on first read (it costs more than the rest of
   * the scenario), so an edit updates the figures at once and the bridge when it is drawn.
   * Empty when the computation was asked to skip attribution.
   */
  readonly contributions: LeverContribution[];
}

export interface ComputeOptions {
  /** false: no attribution at all (what-if loops that never read it). */
  contributions?: boolean;
  /** The model's revenue lines prepared (`preparedRevenueOf(model)`); without it, no margin gain. */
  revenue?: PreparedRevenue;
}

/** Computes one scenario over a prepared tree. Expects a validated model. */
export function computeScenario(tree: PreparedTree, scenario: Scenario, firstPlanYear: number, options: ComputeOptions = {}): ScenarioResult {
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
    lineSaving[i] = unallocatedAmount[i]! * (1 - costFactor[i]);
  }
  subtreeSaving.set(lineSaving);
  for (let k = count - 1; k > 0; k--) {
    const i = order[k]!;
    const p = parent[i]!;
    if (p >= 0) subtreeSaving[p]! += subtreeSaving[i]!;
  }

  const baseSaving = tree.rootIndex >= 0 ? subtreeSaving[tree.rootIndex]! : 0;
  const gain = computeRevenueGain(options.revenue ?? preparedRevenueOf({}), scenario.revenueLevers);
  const years = projectYears(scenario, baseSaving, gain.baseMarginGain, firstPlanYear);
  let contributions: LeverContribution[] | undefined = options.contributions === false ? [] : undefined;
  return {
    scenarioId: scenario.id,
    name: scenario.name,
    baseSaving,
    baseMarginGain: gain.baseMarginGain,
    lineMarginGain: gain.lineGain,
    subtreeMarginGain: gain.subtreeGain,
    affectedShare: tree.totalAmount > 0 ? baseSaving / tree.totalAmount : 0,
    costFactor,
    lineSaving,
    subtreeSaving,
    years,
    totals: totalsOf(years, scenario.discountRate),
    get contributions() {
      contributions ??= attributeLevers(tree, scenario);
      return contributions;
    },
  };
}

export function rampForYear(scenario: Scenario, year: number): number {
  return scenario.ramp?.[year - 1] ?? 1;
}

/** `benefit` is the year's saving + margin gain: a share-of-saving pool takes its share of it. */
export function investmentForYear(line: InvestmentLine, year: number, benefit: number): number {
  const amount = line.amount;
  switch (amount.kind) {
    case 'perYear':
      return amount.amount;
    case 'yearly':
      return amount.amounts[year - 1] ?? 0;
    case 'shareOfSaving':
      // A pool funded from the gain: no gain, no pool (never a negative investment).
      return amount.share * Math.max(0, benefit);
  }
}

/** A one-off item's cash in a plan year: its amount in its year, nothing in any other. */
export function oneOffForYear(item: OneOffItem, year: number): number {
  return item.year === year ? item.amount : 0;
}

function projectYears(scenario: Scenario, baseSaving: number, baseMarginGain: number, firstPlanYear: number): YearResult[] {
  const years: YearResult[] = [];
  const oneOffs = scenario.oneOffs ?? [];
  let cumulativeNet = 0;
  let growth = 1;
  for (let year = 1; year <= scenario.horizonYears; year++) {
    const ramp = rampForYear(scenario, year);
    const saving = baseSaving * growth * ramp;
    const marginGain = baseMarginGain * growth * ramp;
    const benefit = saving + marginGain;
    let upfrontInvestment = 0;
    let spreadInvestment = 0;
    const investmentByLine = scenario.investments.map((line) => {
      const value = investmentForYear(line, year, benefit);
      if (line.timing === 'upfront') upfrontInvestment += value;
      else spreadInvestment += value;
      return value;
    });
    let upfrontOneOff = 0;
    let spreadOneOff = 0;
    const oneOffByItem = oneOffs.map((item) => {
      const value = oneOffForYear(item, year);
      if (item.timing === 'upfront') upfrontOneOff += value;
      else spreadOneOff += value;
      return value;
    });
    const investment = upfrontInvestment + spreadInvestment;
    const oneOff = upfrontOneOff + spreadOneOff;
    // Without revenue or one-off items this is saving - investment, to the bit.
    const net = benefit + oneOff - investment;
    cumulativeNet += net;
    years.push({
      year,
      calendarYear: firstPlanYear + year - 1,
      saving,
      marginGain,
      benefit,
      oneOff,
      upfrontOneOff,
      spreadOneOff,
      oneOffByItem,
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
  let marginGain = 0;
  let oneOff = 0;
  let investment = 0;
  let npv = 0;
  let discount = 1;
  for (const year of years) {
    saving += year.saving;
    marginGain += year.marginGain;
    oneOff += year.oneOff;
    investment += year.investment;
    discount /= 1 + discountRate;
    npv += year.net * discount;
  }
  const benefit = saving + marginGain;
  // The profit ratios leave one-off cash out: it is a cash event, not a return.
  const profit = benefit - investment;
  return {
    saving,
    marginGain,
    benefit,
    oneOff,
    investment,
    net: profit + oneOff,
    returnOnInvestment: finiteOrNull(investment > 0 ? benefit / investment : null),
    netRoi: finiteOrNull(investment > 0 ? profit / investment : null),
    npv,
    paybackYears: paybackYears(years),
  };
}

/** A ratio over a vanishing investment (say 1e-300 yuan) is not a figure anyone can use. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

interface ActiveLever {
  nodeIndex: number;
  kind: LeverKind;
  change: number;
  factor: number;
}

/**
 * Splits the year-1 saving among the levers by Shapley value, line by line. The levers that
 * reach a line are its own and its ancestors', so every line below the same lever-carrying
 * node shares one lever set and its shares are proportional to the line's amount: the
 * shares are worked out once per lever-carrying node, for the summed amount of its region.
 */
function attributeLevers(tree: PreparedTree, scenario: Scenario): LeverContribution[] {
  const count = tree.ids.length;
  const all: ActiveLever[] = [];
  const ownStart = new Int32Array(count).fill(-1);
  const ownCount = new Int32Array(count);
  for (const lever of scenario.levers) {
    const nodeIndex = tree.indexById.get(lever.nodeId);
    if (nodeIndex === undefined) continue;
    for (const kind of LEVER_KINDS) {
      const change = lever[kind];
      if (change === undefined || change === 0) continue;
      if (ownStart[nodeIndex]! < 0) ownStart[nodeIndex] = all.length;
      ownCount[nodeIndex]! += 1;
      all.push({ nodeIndex, kind, change, factor: leverFactor(kind, change) });
    }
  }
  const totals = new Float64Array(all.length);
  if (all.length > 0) {
    // region[i]: the nearest node at or above i that carries levers (-1: none reach i).
    const region = new Int32Array(count);
    const regionAmount = new Float64Array(count);
    for (let k = 0; k < tree.order.length; k++) {
      const i = tree.order[k]!;
      const p = tree.parent[i]!;
      region[i] = ownCount[i]! > 0 ? i : p >= 0 ? region[p]! : -1;
      if (region[i] >= 0) regionAmount[region[i]]! += tree.unallocatedAmount[i]!;
    }
    const members: number[] = [];
    const factors: number[] = [];
    let shares = new Float64Array(8);
    for (let i = 0; i < count; i++) {
      if (ownCount[i] === 0 || regionAmount[i] === 0) continue;
      members.length = 0;
      factors.length = 0;
      // The lever set of a region: every lever on the path from the root to its top node.
      for (let node = i; node >= 0; node = tree.parent[node]!) {
        for (let j = ownStart[node]!, end = j + ownCount[node]!; j < end && j >= 0; j++) {
          members.push(j);
          factors.push(all[j]!.factor);
        }
      }
      if (shares.length < members.length) shares = new Float64Array(members.length * 2);
      shapleyShares(regionAmount[i]!, factors, shares);
      for (let m = 0; m < members.length; m++) totals[members[m]!]! += shares[m]!;
    }
  }
  return all.map((lever, j) => ({
    nodeId: tree.ids[lever.nodeIndex]!,
    kind: lever.kind,
    change: lever.change,
    saving: totals[j]!,
  }));
}

export interface ModelResult {
  tree: PreparedTree;
  revenue: PreparedRevenue;
  scenarios: ScenarioResult[];
}

/** Computes every scenario of a validated model. */
export function computeValidModel(model: Model, tree: PreparedTree, options: ComputeOptions = {}): ModelResult {
  const withRevenue = { ...options, revenue: options.revenue ?? preparedRevenueOf(model) };
  return {
    tree,
    revenue: withRevenue.revenue,
    scenarios: model.scenarios.map((scenario) => computeScenario(tree, scenario, model.firstPlanYear, withRevenue)),
  };
}
