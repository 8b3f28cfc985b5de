import { computeScenario, type ScenarioResult, type ScenarioTotals } from '../engine/compute';
import { prepareTree, type PreparedTree } from '../engine/tree';
import {
  baseMarginGainOf,
  computeRevenueGain,
  prepareRevenue,
  preparedRevenueOf,
  revenueScratch,
  type PreparedRevenue,
  type RevenueScratch,
} from '../engine/revenue';
import { LEVER_KINDS, type Lever, type Model, type RevenueLine, type Scenario } from '../model/schema';
import { leverOf, scaleYearly, withInputValues, type Assignment, type Input } from './inputs';

/**
 * Fast what-if evaluation of one scenario while a few inputs move: built once, then called
 * thousands of times (goal seek, tornado, data table, Monte Carlo) without building a model
 * object per call. It works on the prepared tree's typed arrays and computes only the
 * scenario's totals.
 *
 * The year-1 saving is worked out in one of three ways, by the inputs that move:
 * - none of them touches the tree (growth, discount, investment lines): it is computed once;
 * - levers only: the tree is folded once into a few sums per moving lever node. A line's
 *   saving is amount x (1 - product of the factors on its path), so with the moving
 *   levers' factors G_q the total is  B = B_fixed + sum_q (U_q - W_q x Lambda_q), where
 *   U_q and W_q sum the amounts and amount x fixed factor of the lines whose nearest moving
 *   node is q, and Lambda_q multiplies G along the moving nodes above q. Folding takes one
 *   pass over the tree, or none when the scenario's engine result is at hand (its subtree
 *   savings give the sums); a call then costs O(moving nodes), not O(tree);
 * - a share or an amount moves: the tree's amounts, unallocated parts, factors and
 *   roll-up are recomputed over typed arrays with exactly the arithmetic of prepareTree and
 *   computeScenario (the same results, to the bit).
 * The years, investments, NPV and payback then follow the engine's arithmetic step by step,
 * so for the same year-1 saving every total is the engine's. The lever fold differs from
 * a recompute only by float rounding (it groups the sums differently).
 */

export interface Evaluation {
  baseSaving: number;
  affectedShare: number;
  totals: ScenarioTotals;
}

type Mode = 'fixed' | 'levers' | 'tree';

const UPFRONT = 1;
const PER_YEAR = 0;
const YEARLY = 1;
const SHARE_OF_SAVING = 2;

function factorOf(kindIndex: number, change: number): number {
  // leverFactor, by kind index in LEVER_KINDS order (unit cost, throughput, volume).
  return kindIndex === 1 ? 1 / (1 + change) : 1 + change;
}

export class ScenarioEvaluator {
  readonly inputs: readonly Input[];
  /** The inputs' values in the model, aligned with `inputs`. */
  readonly baseValues: Float64Array;
  private readonly work: Float64Array;
  private readonly result: Evaluation = {
    baseSaving: 0,
    affectedShare: 0,
    totals: {
      saving: 0,
      marginGain: 0,
      benefit: 0,
      oneOff: 0,
      investment: 0,
      net: 0,
      returnOnInvestment: null,
      netRoi: null,
      npv: 0,
      paybackYears: null,
    },
  };

  // Revenue and one-off cash.
  private readonly revenue: PreparedRevenue;
  private readonly scenario: Scenario;
  private fixedMarginGain = 0;
  /** The margin gain with every revenue input at its base value (worked out on first use). */
  private baseRevenueGain: number | undefined;
  private revenueLeverIndex: Map<string, number> | undefined;
  private revenueMargins: Float64Array | undefined;
  private scratch: RevenueScratch | undefined;
  private readonly oneOffYear: Int32Array;
  private readonly oneOffUpfront: Uint8Array;
  private readonly oneOffAmount: Float64Array;
  private readonly oneOffSlot: Int32Array;
  private readonly yearOneOffUp: Float64Array;
  /** Inputs on revenue lines or revenue levers: the margin gain is worked out again from them. */
  private readonly revenueSlots: { slot: number; target: Extract<Input['target'], { kind: 'revenue' | 'margin' | 'revenueLever' }> }[] = [];
  private readonly yearOneOffSpread: Float64Array;

  // Projection over the years.
  private readonly horizon: number;
  private readonly ramp: Float64Array;
  private readonly growth: number;
  private readonly discount: number;
  private growthSlot = -1;
  private discountSlot = -1;
  private readonly lineKind: Uint8Array;
  private readonly lineTiming: Uint8Array;
  private readonly lineValue: Float64Array;
  private readonly lineAmounts: (readonly number[])[];
  private readonly lineSlot: Int32Array;
  private readonly workValue: Float64Array;
  private readonly workAmounts: (readonly number[])[];
  private readonly yearUpfront: Float64Array;
  private readonly yearCumulative: Float64Array;

  // The year-1 saving.
  private readonly mode: Mode;
  private fixedSaving = 0;
  private fixedShare = 0;
  private readonly tree: PreparedTree;
  /** Moving lever nodes, parents before children: node index, parent among them, input slot per kind (-1: fixed). */
  private qNode = new Int32Array(0);
  private qParent = new Int32Array(0);
  private qSlots = new Int32Array(0);
  /** The scenario's own value of each kind on a moving node (NaN: not set). */
  private qFixedChange = new Float64Array(0);
  private qAmount = new Float64Array(0);
  private qWeighted = new Float64Array(0);
  private qLambda = new Float64Array(0);
  private outsideSaving = 0;
  // Tree mode.
  private own = new Float64Array(0);
  private basisIsShare = new Uint8Array(0);
  private basisValue = new Float64Array(0);
  private treeSlots: { node: number; slot: number }[] = [];
  private resolved = new Float64Array(0);
  private unallocated = new Float64Array(0);
  private costFactor = new Float64Array(0);
  private subtree = new Float64Array(0);

  /**
   * Expects a validated model, the tree prepared from its cost tree, and inputs resolved in
   * this scenario. `result`, the scenario's engine result over this tree (the app holds it),
   * lets moving levers be folded in O(moving nodes x depth) instead of a pass over the tree.
   */
  constructor(
    tree: PreparedTree,
    scenario: Scenario,
    inputs: readonly Input[],
    baseValues: ArrayLike<number>,
    result?: EngineResult,
    /** The model's revenue lines prepared (`preparedRevenueOf(model)`); none when absent. */
    revenue: PreparedRevenue = preparedRevenueOf({}),
  ) {
    this.tree = tree;
    this.scenario = scenario;
    this.revenue = revenue;
    this.fixedMarginGain = result?.baseMarginGain ?? computeRevenueGain(revenue, scenario.revenueLevers).baseMarginGain;
    const items = scenario.oneOffs ?? [];
    this.oneOffYear = Int32Array.from(items, (item) => item.year);
    this.oneOffUpfront = Uint8Array.from(items, (item) => (item.timing === 'upfront' ? 1 : 0));
    this.oneOffAmount = Float64Array.from(items, (item) => item.amount);
    this.oneOffSlot = new Int32Array(items.length).fill(-1);
    this.inputs = inputs;
    this.baseValues = Float64Array.from(baseValues);
    this.work = Float64Array.from(baseValues);

    this.horizon = scenario.horizonYears;
    this.ramp = new Float64Array(this.horizon);
    for (let y = 0; y < this.horizon; y++) this.ramp[y] = scenario.ramp?.[y] ?? 1;
    this.growth = scenario.volumeGrowth;
    this.discount = scenario.discountRate;
    const lines = scenario.investments;
    this.lineKind = new Uint8Array(lines.length);
    this.lineTiming = new Uint8Array(lines.length);
    this.lineValue = new Float64Array(lines.length);
    this.lineAmounts = [];
    this.lineSlot = new Int32Array(lines.length).fill(-1);
    for (let j = 0; j < lines.length; j++) {
      const line = lines[j]!;
      const amount = line.amount;
      this.lineTiming[j] = line.timing === 'upfront' ? UPFRONT : 0;
      this.lineKind[j] = amount.kind === 'perYear' ? PER_YEAR : amount.kind === 'yearly' ? YEARLY : SHARE_OF_SAVING;
      this.lineValue[j] = amount.kind === 'perYear' ? amount.amount : amount.kind === 'shareOfSaving' ? amount.share : 0;
      this.lineAmounts.push(amount.kind === 'yearly' ? amount.amounts : []);
    }
    this.workValue = Float64Array.from(this.lineValue);
    this.workAmounts = [...this.lineAmounts];
    this.yearUpfront = new Float64Array(this.horizon);
    this.yearCumulative = new Float64Array(this.horizon);
    this.yearOneOffUp = new Float64Array(this.horizon);
    this.yearOneOffSpread = new Float64Array(this.horizon);

    const leverInputs: { node: number; kind: number; slot: number }[] = [];
    for (let slot = 0; slot < inputs.length; slot++) {
      const target = inputs[slot]!.target;
      switch (target.kind) {
        case 'growth':
          this.growthSlot = slot;
          break;
        case 'discount':
          this.discountSlot = slot;
          break;
        case 'investment': {
          const j = lines.findIndex((line) => line.id === target.lineId);
          if (j < 0) throw new Error(`unknown investment line "${target.lineId}"`);
          this.lineSlot[j] = slot;
          break;
        }
        case 'lever':
          leverInputs.push({ node: this.nodeIndex(target.nodeId), kind: LEVER_KINDS.indexOf(target.lever), slot });
          break;
        case 'share':
        case 'amount':
          this.treeSlots.push({ node: this.nodeIndex(target.nodeId), slot });
          break;
        case 'revenue':
        case 'margin':
        case 'revenueLever':
          this.revenueSlots.push({ slot, target });
          break;
        case 'oneOff': {
          const k = items.findIndex((item) => item.id === target.itemId);
          if (k < 0) throw new Error(`unknown one-off item "${target.itemId}"`);
          this.oneOffSlot[k] = slot;
          break;
        }
      }
    }
    this.mode = this.treeSlots.length > 0 ? 'tree' : leverInputs.length > 0 ? 'levers' : 'fixed';
    if (!(this.mode === 'levers' && result && this.foldFromResult(scenario, leverInputs, result))) this.prepareLevers(scenario, leverInputs);
    if (this.mode === 'tree') this.prepareTreeArrays();
    else if (this.mode === 'fixed') {
      const count = tree.ids.length;
      this.fixedSaving = leanSaving(tree, tree.unallocatedAmount, this.own, new Float64Array(count), new Float64Array(count));
      this.fixedShare = tree.totalAmount > 0 ? this.fixedSaving / tree.totalAmount : 0;
    }
  }

  private nodeIndex(nodeId: string): number {
    const index = this.tree.indexById.get(nodeId);
    if (index === undefined) throw new Error(`unknown node "${nodeId}"`);
    return index;
  }

  /**
   * Own factors of the levers (all of them for the exact paths; the fixed ones only for the
   * fold), and the fold of the tree around the moving lever nodes. One pass over the tree.
   */
  private prepareLevers(scenario: Scenario, leverInputs: readonly { node: number; kind: number; slot: number }[]): void {
    const tree = this.tree;
    const count = tree.ids.length;
    const folding = this.mode === 'levers';
    const isMoving = new Uint8Array(count);
    const movingSlot = new Map<number, number>();
    for (const { node, kind, slot } of leverInputs) {
      isMoving[node] = 1;
      movingSlot.set(node * 3 + kind, slot);
    }
    // Exact paths: every lever (the engine's own factors). Fold: the levers that do not move.
    const own = engineOwnFactors(tree, scenario).slice();
    const fixedChange = new Map<number, Float64Array>();
    for (const { node } of leverInputs) {
      if (fixedChange.has(node)) continue;
      const changes = new Float64Array(3).fill(Number.NaN);
      const lever = leverOf(scenario, tree.ids[node]!);
      let factor = 1;
      for (let k = 0; k < 3; k++) {
        const change = lever?.[LEVER_KINDS[k]!];
        if (change === undefined) continue;
        changes[k] = change;
        if (!(folding && movingSlot.has(node * 3 + k))) factor *= factorOf(k, change);
      }
      fixedChange.set(node, changes);
      own[node] = factor;
    }
    this.own = own;

    // Moving nodes in tree order (parents first), each with its nearest moving ancestor.
    const qCount = movingSlot.size === 0 ? 0 : isMoving.reduce((n, flag) => n + flag, 0);
    const qNode = new Int32Array(qCount);
    const qParent = new Int32Array(qCount);
    const qSlots = new Int32Array(qCount * 3);
    const qFixedChange = new Float64Array(qCount * 3);
    const qAmount = new Float64Array(qCount);
    const qWeighted = new Float64Array(qCount);
    const { order, parent } = tree;
    const unallocated = tree.unallocatedAmount;
    const nearest = new Int32Array(count);
    const cf = folding ? new Float64Array(count) : undefined;
    let q = 0;
    let outside = 0;
    for (let k = 0; k < count; k++) {
      const i = order[k]!;
      const p = parent[i]!;
      let group = p >= 0 ? nearest[p]! : -1;
      if (isMoving[i] === 1) {
        qNode[q] = i;
        qParent[q] = group;
        const changes = fixedChange.get(i);
        for (let kind = 0; kind < 3; kind++) {
          qSlots[q * 3 + kind] = movingSlot.get(i * 3 + kind) ?? -1;
          qFixedChange[q * 3 + kind] = changes ? changes[kind]! : Number.NaN;
        }
        group = q++;
      }
      nearest[i] = group;
      if (!cf) continue;
      const factor = (p >= 0 ? cf[p]! : 1) * own[i]!;
      cf[i] = factor;
      const amount = unallocated[i]!;
      if (group < 0) outside += amount * (1 - factor);
      else {
        qAmount[group]! += amount;
        qWeighted[group]! += amount * factor;
      }
    }
    this.qNode = qNode;
    this.qParent = qParent;
    this.qSlots = qSlots;
    this.qFixedChange = qFixedChange;
    this.qAmount = qAmount;
    this.qWeighted = qWeighted;
    this.qLambda = new Float64Array(qCount);
    this.outsideSaving = outside;
  }

  /**
   * The fold from the scenario's engine result: with A_n the amount under node n and
   * S_n = A_n - subtreeSaving_n (the amount under n times its cost factors), the lines whose
   * nearest moving node is q hold U_q = A_q - sum of A over the moving nodes just below q,
   * and their amounts times their fixed factors are (S_q - the same sum of S) / Lambda_q now.
   * Falls back (returns false) when a moving factor is 0 now and cannot be divided out.
   */
  private foldFromResult(scenario: Scenario, leverInputs: readonly { node: number; kind: number; slot: number }[], result: EngineResult): boolean {
    const tree = this.tree;
    const amountUnder = subtreeAmounts(tree);
    const slots = new Map<number, Int32Array>();
    for (const { node, kind, slot } of leverInputs) {
      let kinds = slots.get(node);
      if (!kinds) slots.set(node, (kinds = new Int32Array(3).fill(-1)));
      kinds[kind] = slot;
    }
    // Moving nodes, parents first (by depth), each with its nearest moving ancestor.
    const nodes = [...slots.keys()].sort((a, b) => tree.depth[a]! - tree.depth[b]! || a - b);
    const qOf = new Map(nodes.map((node, q) => [node, q]));
    const qCount = nodes.length;
    const qNode = Int32Array.from(nodes);
    const qParent = new Int32Array(qCount).fill(-1);
    const qSlots = new Int32Array(qCount * 3);
    const qFixedChange = new Float64Array(qCount * 3);
    const regionAmount = new Float64Array(qCount);
    const regionWeighted = new Float64Array(qCount);
    const lambdaNow = new Float64Array(qCount);
    for (let q = 0; q < qCount; q++) {
      const node = nodes[q]!;
      for (let p = tree.parent[node]!; p >= 0; p = tree.parent[p]!) {
        const above = qOf.get(p);
        if (above !== undefined) {
          qParent[q] = above;
          break;
        }
      }
      const lever = leverOf(scenario, tree.ids[node]!);
      let movingNow = 1;
      for (let kind = 0; kind < 3; kind++) {
        const slot = slots.get(node)![kind]!;
        const change = lever?.[LEVER_KINDS[kind]!];
        qSlots[q * 3 + kind] = slot;
        qFixedChange[q * 3 + kind] = change ?? Number.NaN;
        if (slot >= 0 && change !== undefined) movingNow *= factorOf(kind, change);
      }
      lambdaNow[q] = qParent[q]! >= 0 ? lambdaNow[qParent[q]!]! * movingNow : movingNow;
      if (!(Number.isFinite(lambdaNow[q]!) && lambdaNow[q] !== 0)) return false;
      regionAmount[q] = amountUnder[node]!;
      regionWeighted[q] = amountUnder[node]! - result.subtreeSaving[node]!;
    }
    for (let q = 0; q < qCount; q++) {
      const above = qParent[q]!;
      if (above < 0) continue;
      regionAmount[above]! -= amountUnder[nodes[q]!]!;
      regionWeighted[above]! -= amountUnder[nodes[q]!]! - result.subtreeSaving[nodes[q]!]!;
    }
    let inside = 0;
    for (let q = 0; q < qCount; q++) {
      inside += regionAmount[q]! - regionWeighted[q]!;
      regionWeighted[q] = regionWeighted[q]! / lambdaNow[q]!;
    }
    this.qNode = qNode;
    this.qParent = qParent;
    this.qSlots = qSlots;
    this.qFixedChange = qFixedChange;
    this.qAmount = regionAmount;
    this.qWeighted = regionWeighted;
    this.qLambda = new Float64Array(qCount);
    this.outsideSaving = result.baseSaving - inside;
    return true;
  }

  private prepareTreeArrays(): void {
    const tree = this.tree;
    const count = tree.ids.length;
    this.basisIsShare = new Uint8Array(count);
    this.basisValue = new Float64Array(count);
    tree.nodes.forEach((node, i) => {
      this.basisIsShare[i] = node.basis.kind === 'share' ? 1 : 0;
      this.basisValue[i] = node.basis.kind === 'share' ? node.basis.share : node.basis.amount;
    });
    this.resolved = new Float64Array(count);
    this.unallocated = new Float64Array(count);
    this.costFactor = new Float64Array(count);
    this.subtree = new Float64Array(count);
  }

  /** Evaluates with every input at its base value except `slot`, set to `value`. */
  evaluateOne(slot: number, value: number): Evaluation {
    const work = this.work;
    work.set(this.baseValues);
    work[slot] = value;
    return this.evaluate(work);
  }

  /**
   * The totals with the inputs at `values` (aligned with `inputs`). The returned object is
   * reused by the next call: read it before evaluating again.
   */
  evaluate(values: ArrayLike<number>): Evaluation {
    let baseSaving: number;
    let affectedShare: number;
    if (this.mode === 'fixed') {
      baseSaving = this.fixedSaving;
      affectedShare = this.fixedShare;
    } else if (this.mode === 'levers') {
      baseSaving = this.foldedSaving(values);
      affectedShare = this.tree.totalAmount > 0 ? baseSaving / this.tree.totalAmount : 0;
    } else {
      const total = this.treeSaving(values);
      baseSaving = total.saving;
      affectedShare = total.amount > 0 ? baseSaving / total.amount : 0;
    }
    this.project(baseSaving, this.marginGainAt(values), values);
    this.result.baseSaving = baseSaving;
    this.result.affectedShare = affectedShare;
    return this.result;
  }

  /**
   * The year-1 margin gain at full target: fixed unless a revenue input moves; then the
   * engine's revenue arithmetic runs again on the lines and levers with the inputs set
   * (revenue lines are few next to the cost tree). A tornado moves one input at a time: while
   * every revenue input is at its base value the gain of the base values is reused, so only
   * the evaluations that move a revenue input pay for the revenue lines.
   */
  private marginGainAt(values: ArrayLike<number>): number {
    if (this.revenueSlots.length === 0) return this.fixedMarginGain;
    const base = this.baseValues;
    for (const { slot } of this.revenueSlots) if (values[slot] !== base[slot]) return this.revenueGainWith(values);
    return (this.baseRevenueGain ??= this.revenueGainWith(base));
  }

  private revenueGainWith(values: ArrayLike<number>): number {
    let lines: RevenueLine[] | undefined;
    let margins: Float64Array | undefined;
    const levers = [...(this.scenario.revenueLevers ?? [])];
    // Where each line's lever sits (found once; levers the inputs add go after them).
    const leverAt = (this.revenueLeverIndex ??= new Map(levers.map((lever, index) => [lever.lineId, index])));
    let added: Map<string, number> | undefined;
    // A moved revenue amount changes the lines' amounts: the lines are prepared again. Otherwise
    // margins go in place of the lines' own (an amount at its base value is the line's own).
    const amountMoved = this.revenueSlots.some(({ slot, target }) => target.kind === 'revenue' && values[slot] !== this.baseValues[slot]);
    for (const { slot, target } of this.revenueSlots) {
      const value = values[slot]!;
      if (target.kind === 'revenueLever') {
        const at = leverAt.get(target.lineId) ?? added?.get(target.lineId);
        if (at !== undefined) levers[at] = { ...levers[at]!, [target.lever]: value };
        else {
          (added ??= new Map()).set(target.lineId, levers.length);
          levers.push({ lineId: target.lineId, [target.lever]: value });
        }
        continue;
      }
      const at = this.revenue.indexById.get(target.lineId);
      if (at === undefined) continue;
      if (!amountMoved) {
        if (target.kind === 'margin') {
          if (!margins) {
            margins = this.revenueMargins ??= new Float64Array(this.revenue.lines.length);
            for (let i = 0; i < margins.length; i++) margins[i] = this.revenue.lines[i]!.margin;
          }
          margins[at] = value;
        }
        continue;
      }
      lines ??= [...this.revenue.lines];
      lines[at] = target.kind === 'margin' ? { ...lines[at]!, margin: value } : { ...lines[at]!, basis: { kind: 'amount', amount: value } };
    }
    if (lines) return computeRevenueGain(prepareRevenue(lines), levers).baseMarginGain;
    return baseMarginGainOf(this.revenue, levers, (this.scratch ??= revenueScratch(this.revenue)), margins);
  }

  private foldedSaving(values: ArrayLike<number>): number {
    const { qParent, qSlots, qAmount, qWeighted, qLambda } = this;
    let saving = this.outsideSaving;
    for (let q = 0; q < qParent.length; q++) {
      let factor = 1;
      for (let kind = 0; kind < 3; kind++) {
        const slot = qSlots[q * 3 + kind]!;
        if (slot >= 0) factor *= factorOf(kind, values[slot]!);
      }
      const above = qParent[q]!;
      const lambda = above >= 0 ? qLambda[above]! * factor : factor;
      qLambda[q] = lambda;
      saving += qAmount[q]! - qWeighted[q]! * lambda;
    }
    return saving;
  }

  /** prepareTree's amounts and computeScenario's roll-up, over typed arrays. */
  private treeSaving(values: ArrayLike<number>): { saving: number; amount: number } {
    const tree = this.tree;
    const count = tree.ids.length;
    const { order, parent } = tree;
    const { basisIsShare, basisValue, resolved, unallocated, own } = this;
    for (const { node, slot } of this.treeSlots) basisValue[node] = values[slot]!;
    for (let k = 0; k < count; k++) {
      const i = order[k]!;
      const p = parent[i]!;
      resolved[i] = basisIsShare[i] ? (p >= 0 ? resolved[p]! * basisValue[i]! : 0) : basisValue[i]!;
    }
    for (let k = 0; k < count; k++) {
      const i = order[k]!;
      unallocated[i] = resolved[i]!;
    }
    for (let k = 0; k < count; k++) {
      const i = order[k]!;
      const p = parent[i]!;
      if (p >= 0) unallocated[p]! -= resolved[i]!;
    }
    for (let i = 0; i < count; i++) {
      if (Math.abs(unallocated[i]!) <= resolved[i]! * 1e-12) unallocated[i] = 0;
      if (unallocated[i]! < 0) unallocated[i] = 0;
    }
    const saved = this.setMovingFactors(values);
    const saving = leanSaving(tree, unallocated, own, this.costFactor, this.subtree);
    this.restoreFactors(saved);
    for (const { node } of this.treeSlots) {
      const basis = tree.nodes[node]!.basis;
      basisValue[node] = basis.kind === 'share' ? basis.share : basis.amount;
    }
    return { saving, amount: tree.rootIndex >= 0 ? resolved[tree.rootIndex]! : 0 };
  }

  /** Own factors of the moving lever nodes, multiplied in the engine's order of kinds. */
  private setMovingFactors(values: ArrayLike<number>): number {
    const { qNode, qSlots, qFixedChange, own } = this;
    for (let q = 0; q < qNode.length; q++) {
      let factor = 1;
      for (let kind = 0; kind < 3; kind++) {
        const slot = qSlots[q * 3 + kind]!;
        const change = slot >= 0 ? values[slot]! : qFixedChange[q * 3 + kind]!;
        if (!Number.isNaN(change)) factor *= factorOf(kind, change);
      }
      own[qNode[q]!] = factor;
    }
    return qNode.length;
  }

  private restoreFactors(count: number): void {
    // The base own factors of the moving nodes are those of the scenario's own values.
    const { qNode, qFixedChange, own } = this;
    for (let q = 0; q < count; q++) {
      let factor = 1;
      for (let kind = 0; kind < 3; kind++) {
        const change = qFixedChange[q * 3 + kind]!;
        if (!Number.isNaN(change)) factor *= factorOf(kind, change);
      }
      own[qNode[q]!] = factor;
    }
  }

  /** projectYears, totalsOf and paybackYears of the engine, without building the years. */
  private project(baseSaving: number, baseMarginGain: number, values: ArrayLike<number>): void {
    const growthRate = this.growthSlot >= 0 ? values[this.growthSlot]! : this.growth;
    const discountRate = this.discountSlot >= 0 ? values[this.discountSlot]! : this.discount;
    const { lineKind, lineTiming, lineSlot, workValue, workAmounts, ramp, yearUpfront, yearCumulative } = this;
    const lineCount = lineKind.length;
    for (let j = 0; j < lineCount; j++) {
      const slot = lineSlot[j]!;
      if (slot < 0) continue;
      if (lineKind[j] === YEARLY) workAmounts[j] = scaleYearly(this.lineAmounts[j]!, values[slot]!);
      else workValue[j] = values[slot]!;
    }
    const { yearOneOffUp, yearOneOffSpread, oneOffYear, oneOffUpfront, oneOffAmount, oneOffSlot } = this;
    yearOneOffUp.fill(0);
    yearOneOffSpread.fill(0);
    // The engine adds a year's items in list order (oneOffForYear, projectYears).
    for (let k = 0; k < oneOffYear.length; k++) {
      const y = oneOffYear[k]! - 1;
      if (y >= this.horizon) continue;
      const amount = oneOffSlot[k]! >= 0 ? values[oneOffSlot[k]!]! : oneOffAmount[k]!;
      if (oneOffUpfront[k]) yearOneOffUp[y]! += amount;
      else yearOneOffSpread[y]! += amount;
    }
    let growth = 1;
    let saving = 0;
    let marginGain = 0;
    let oneOff = 0;
    let investment = 0;
    let npv = 0;
    let discount = 1;
    let cumulativeNet = 0;
    let scale = 0;
    for (let y = 0; y < this.horizon; y++) {
      const yearSaving = baseSaving * growth * ramp[y]!;
      const yearGain = baseMarginGain * growth * ramp[y]!;
      const yearBenefit = yearSaving + yearGain;
      let upfront = 0;
      let spread = 0;
      for (let j = 0; j < lineCount; j++) {
        const kind = lineKind[j];
        // A share-of-saving pool is never negative (engine: investmentForYear).
        const value = kind === PER_YEAR ? workValue[j]! : kind === YEARLY ? (workAmounts[j]![y] ?? 0) : workValue[j]! * Math.max(0, yearBenefit);
        if (lineTiming[j] === UPFRONT) upfront += value;
        else spread += value;
      }
      const yearInvestment = upfront + spread;
      const yearOneOff = yearOneOffUp[y]! + yearOneOffSpread[y]!;
      const net = yearBenefit + yearOneOff - yearInvestment;
      cumulativeNet += net;
      saving += yearSaving;
      marginGain += yearGain;
      oneOff += yearOneOff;
      investment += yearInvestment;
      discount /= 1 + discountRate;
      npv += net * discount;
      scale = Math.max(scale, Math.abs(yearSaving) + Math.abs(yearGain) + upfront + spread + Math.abs(yearOneOffUp[y]!) + Math.abs(yearOneOffSpread[y]!));
      yearUpfront[y] = upfront;
      yearCumulative[y] = cumulativeNet;
      growth *= 1 + growthRate;
    }
    // paybackYears: on the year table's cumulative net, a shortfall below a billionth of the money moved is zero.
    const tolerance = scale * 1e-9;
    let cumulative = 0;
    let lastNegativeEnd = 0;
    let everNegative = false;
    for (let y = 0; y < this.horizon; y++) {
      const start = cumulative - yearUpfront[y]! + yearOneOffUp[y]!;
      const end = yearCumulative[y]!;
      const startNegative = start < -tolerance;
      const endNegative = end < -tolerance;
      if (startNegative || endNegative) everNegative = true;
      if (endNegative) lastNegativeEnd = y + 1;
      else if (startNegative) lastNegativeEnd = y + Math.min(1, -start / (end - start));
      cumulative = end;
    }
    const totals = this.result.totals;
    const benefit = saving + marginGain;
    const profit = benefit - investment;
    totals.saving = saving;
    totals.marginGain = marginGain;
    totals.benefit = benefit;
    totals.oneOff = oneOff;
    totals.investment = investment;
    totals.net = profit + oneOff;
    totals.returnOnInvestment = finiteOrNull(investment > 0 ? benefit / investment : null);
    totals.netRoi = finiteOrNull(investment > 0 ? profit / investment : null);
    totals.npv = npv;
    totals.paybackYears = cumulative < -tolerance ? null : everNegative ? lastNegativeEnd : 0;
  }
}

/** As the engine's totals: a ratio over a vanishing investment is no figure. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/** What the fold reuses of a scenario's engine result. */
export type EngineResult = Pick<ScenarioResult, 'baseSaving' | 'subtreeSaving'> & Partial<Pick<ScenarioResult, 'baseMarginGain'>>;

const amountCache = new WeakMap<PreparedTree, Float64Array>();

/** The unallocated amounts under each node (itself included), rolled up once per prepared tree. */
function subtreeAmounts(tree: PreparedTree): Float64Array {
  const cached = amountCache.get(tree);
  if (cached) return cached;
  const amounts = Float64Array.from(tree.unallocatedAmount);
  for (let k = tree.ids.length - 1; k > 0; k--) {
    const i = tree.order[k]!;
    const p = tree.parent[i]!;
    if (p >= 0) amounts[p]! += amounts[i]!;
  }
  amountCache.set(tree, amounts);
  return amounts;
}

const ownFactorCache = new WeakMap<PreparedTree, WeakMap<readonly Lever[], Float64Array>>();

/**
 * computeScenario's own factor of every node (its lever kinds multiplied in the engine's
 * order). Models are immutable, so it is worked out once per prepared tree and lever list
 * and shared (read only) by every evaluator of that scenario.
 */
function engineOwnFactors(tree: PreparedTree, scenario: Scenario): Float64Array {
  let byLevers = ownFactorCache.get(tree);
  if (!byLevers) ownFactorCache.set(tree, (byLevers = new WeakMap()));
  const cached = byLevers.get(scenario.levers);
  if (cached) return cached;
  const own = new Float64Array(tree.ids.length).fill(1);
  for (const lever of scenario.levers) {
    const index = tree.indexById.get(lever.nodeId);
    if (index === undefined) continue;
    for (let k = 0; k < 3; k++) {
      const change = lever[LEVER_KINDS[k]!];
      if (change !== undefined) own[index]! *= factorOf(k, change);
    }
  }
  byLevers.set(scenario.levers, own);
  return own;
}

/** computeScenario's cost factors and roll-up of the year-1 saving, over typed arrays. */
function leanSaving(tree: PreparedTree, unallocated: Float64Array, own: Float64Array, costFactor: Float64Array, subtree: Float64Array): number {
  const count = tree.ids.length;
  const { order, parent } = tree;
  for (let k = 0; k < count; k++) {
    const i = order[k]!;
    const p = parent[i]!;
    const factor = (p >= 0 ? costFactor[p]! : 1) * own[i]!;
    costFactor[i] = factor;
    subtree[i] = unallocated[i]! * (1 - factor);
  }
  for (let k = count - 1; k > 0; k--) {
    const i = order[k]!;
    const p = parent[i]!;
    if (p >= 0) subtree[p]! += subtree[i]!;
  }
  return tree.rootIndex >= 0 ? subtree[tree.rootIndex]! : 0;
}

/**
 * The reference the fast paths are checked against: the model with the inputs set, computed
 * from scratch by the engine (the tree is prepared again only when it changed).
 */
export function recompute(model: Model, scenarioId: string, assignments: readonly Assignment[], tree?: PreparedTree): ScenarioResult {
  const next = withInputValues(model, scenarioId, assignments);
  const prepared = tree && next.costTree === model.costTree ? tree : prepareTree(next.costTree);
  const scenario = next.scenarios.find((candidate) => candidate.id === scenarioId);
  if (!scenario) throw new Error(`unknown scenario "${scenarioId}"`);
  return computeScenario(prepared, scenario, next.firstPlanYear, { contributions: false, revenue: preparedRevenueOf(next) });
}
