import { problem, type Problem } from '../messages/problems';
import { issueMessage } from './issues';
import { err, ok, type Result } from '../result';
import {
  LEVER_KINDS,
  LIMITS,
  REVENUE_LEVER_KINDS,
  type CostNode,
  type InvestmentLine,
  type Lever,
  type LeverKind,
  type Model,
  type OneOffItem,
  type RevenueLeverKind,
  type RevenueLine,
  type Scenario,
} from './schema';
import { amountResolver, indexTree, type TreeIndex } from './tree-rules';

/**
 * Inputs: the numbers of a scenario or of the model that a what-if analysis moves, named by
 * an address:
 *
 *   lever:<node>:unitCost | lever:<node>:throughput | lever:<node>:volume   a lever of the scenario
 *   growth | discount                                                        the scenario's volume growth, discount rate
 *   share:<node> | amount:<node>                                             a cost node's basis (the model's tree)
 *   investment:<line>                                                        an investment line of the scenario
 *   revenue:<line> | margin:<line>                                           a revenue line's amount (entered as one), its contribution margin
 *   revenueLever:<line>:volume | revenueLever:<line>:price                   a revenue lever of the scenario
 *   oneOff:<item>                                                            a one-off cash item of the scenario (its amount)
 *
 * A node or line is named by its id or its name. An id always wins; a name that several
 * nodes carry is an error that lists them. The canonical address uses ids
 * (lever:contact-center-labor:unitCost); stored ranges (`scenario.uncertainty`) hold it.
 *
 * The value of an investment input is the line's amount a year (`perYear`), its share of
 * the saving (`shareOfSaving`), or, for a line entered year by year, the total of its
 * listed years: setting it scales every year by the same factor.
 *
 * This lives in the model layer because stored ranges are part of the model: validate.ts
 * checks them with these functions, and the analyses (shared/analysis) build on them.
 */

export const LEVER_INPUT_NAMES = { unitCostChange: 'unitCost', throughputChange: 'throughput', volumeChange: 'volume' } as const satisfies Record<
  LeverKind,
  string
>;

export const REVENUE_LEVER_INPUT_NAMES = { volumeChange: 'volume', priceChange: 'price' } as const satisfies Record<RevenueLeverKind, string>;

export type InputTarget =
  | { kind: 'lever'; nodeId: string; lever: LeverKind }
  | { kind: 'revenue'; lineId: string }
  | { kind: 'margin'; lineId: string }
  | { kind: 'revenueLever'; lineId: string; lever: RevenueLeverKind }
  | { kind: 'oneOff'; itemId: string }
  | { kind: 'growth' }
  | { kind: 'discount' }
  | { kind: 'share'; nodeId: string }
  | { kind: 'amount'; nodeId: string }
  | { kind: 'investment'; lineId: string };

export interface Input {
  /** Canonical address, with ids. */
  readonly address: string;
  readonly target: InputTarget;
}

/** A ratio (0.15 is 15%) or money (base currency units, yuan). */
export type InputUnit = 'ratio' | 'money';

/** The values an input may take without making the model invalid: min <= value <= max. */
export interface ValidRange {
  min: number;
  max: number;
}

export const ADDRESS_FORMS =
  'lever:<node>:unitCost|throughput|volume, growth, discount, share:<node>, amount:<node>, investment:<line>, revenue:<line>, margin:<line>, revenueLever:<line>:volume|price or oneOff:<item>';

/** What resolving addresses needs, built once per scenario. */
export interface InputContext {
  readonly model: Model;
  readonly scenario: Scenario;
  /** The tree by id and by parent; built on first use (names, shares and amounts need it). */
  readonly index: TreeIndex;
  nodeById(id: string): CostNode | undefined;
  /** Resolved annual amount of a node. */
  amountOf(node: CostNode): number;
}

/** Nodes by position with an index by id: the engine's PreparedTree is one. */
export interface NodesById {
  readonly nodes: readonly CostNode[];
  readonly indexById: ReadonlyMap<string, number>;
}

/**
 * `source`: the model's tree index, or its prepared tree (ids are then looked up in the
 * prepared tree, and the index is only built if a name, a share or an amount needs it).
 */
export function inputContext(model: Model, scenario: Scenario, source?: TreeIndex | NodesById): InputContext {
  let index = source && 'children' in source ? source : undefined;
  let amounts: ((node: CostNode) => number) | undefined;
  const prepared = source && 'indexById' in source ? source : undefined;
  const context: InputContext = {
    model,
    scenario,
    get index() {
      index ??= indexTree(model.costTree);
      return index;
    },
    nodeById(id) {
      if (prepared) {
        const at = prepared.indexById.get(id);
        return at === undefined ? undefined : prepared.nodes[at];
      }
      return context.index.byId.get(id);
    },
    amountOf(node) {
      amounts ??= amountResolver(context.index);
      return amounts(node);
    },
  };
  return context;
}

/** Finds a scenario by id or name (an id wins). */
export function findScenario(model: Model, reference: string): Scenario | undefined {
  return (
    model.scenarios.find((scenario) => scenario.id === reference) ??
    model.scenarios.find((scenario) => scenario.name === reference) ??
    model.scenarios.find((scenario) => scenario.name.trim().toLowerCase() === reference.trim().toLowerCase())
  );
}

export function canonicalAddress(target: InputTarget): string {
  switch (target.kind) {
    case 'lever':
      return `lever:${target.nodeId}:${LEVER_INPUT_NAMES[target.lever]}`;
    case 'growth':
    case 'discount':
      return target.kind;
    case 'share':
    case 'amount':
      return `${target.kind}:${target.nodeId}`;
    case 'investment':
      return `investment:${target.lineId}`;
    case 'revenue':
    case 'margin':
      return `${target.kind}:${target.lineId}`;
    case 'revenueLever':
      return `revenueLever:${target.lineId}:${REVENUE_LEVER_INPUT_NAMES[target.lever]}`;
    case 'oneOff':
      return `oneOff:${target.itemId}`;
  }
}

export interface ResolveOptions {
  /** true: nodes and lines only by id, as stored ranges hold them (default false: id or name). */
  idsOnly?: boolean;
}

/** Why an address names no input: its coded problem, and the English sentence for logs and ModelIssue.message. */
export interface AddressIssue {
  message: string;
  problem: Problem;
}

/** The English is the vocabulary's, worded from the problem: one text, not a second copy here. */
function addressIssue(coded: Problem): AddressIssue {
  return { message: issueMessage(coded), problem: coded };
}

type AddressKind = 'any' | 'lever' | 'share' | 'amount' | 'investment' | 'revenue' | 'margin' | 'revenueLever' | 'oneOff';

function formIssue(kind: AddressKind): Result<never, AddressIssue> {
  return err(addressIssue(problem('address-form', { kind })));
}

/** Resolves an address in a scenario; the error says what is wrong with the address, as a sentence and as a coded problem. */
export function resolveInput(context: InputContext, text: string, options: ResolveOptions = {}): Result<Input, AddressIssue> {
  const target = resolveTarget(context, text, options.idsOnly === true);
  if (!target.ok) return target;
  return ok({ address: canonicalAddress(target.value), target: target.value });
}

function resolveTarget(context: InputContext, text: string, idsOnly: boolean): Result<InputTarget, AddressIssue> {
  const source = idsOnly ? text : text.trim();
  const colon = source.indexOf(':');
  const head = (colon < 0 ? source : source.slice(0, colon)).toLowerCase().replace('revenuelever', 'revenueLever').replace('oneoff', 'oneOff');
  const rest = colon < 0 ? undefined : source.slice(colon + 1);
  switch (head) {
    case 'growth':
    case 'discount':
      return rest === undefined ? ok({ kind: head }) : formIssue('any');
    case 'lever': {
      const last = rest === undefined ? -1 : rest.lastIndexOf(':');
      if (rest === undefined || last < 0) return formIssue('lever');
      const lever = leverKindOf(rest.slice(last + 1));
      if (!lever) return leverKindIssue('lever', rest.slice(last + 1));
      const node = findNode(context, rest.slice(0, last), idsOnly);
      return node.ok ? ok({ kind: 'lever', nodeId: node.value.id, lever }) : node;
    }
    case 'share':
    case 'amount': {
      if (rest === undefined) return formIssue(head);
      const node = findNode(context, rest, idsOnly);
      if (!node.ok) return node;
      const basis = node.value.basis.kind;
      if (basis !== head) {
        const { name, id } = node.value;
        return basis === 'amount'
          ? err(addressIssue(problem('address-basis', { name, id, entered: 'nodeAmount' })))
          : err(addressIssue(problem('address-basis', { name, id, entered: 'nodeShare' })));
      }
      return ok({ kind: head, nodeId: node.value.id });
    }
    case 'investment': {
      if (rest === undefined) return formIssue('investment');
      const line = findLine(context.scenario, rest, idsOnly);
      return line.ok ? ok({ kind: 'investment', lineId: line.value.id }) : line;
    }
    case 'revenue':
    case 'margin': {
      if (rest === undefined) return formIssue(head);
      const line = findRevenueLine(context.model, rest, idsOnly);
      if (!line.ok) return line;
      if (head === 'revenue' && line.value.basis.kind !== 'amount') {
        const { name, id } = line.value;
        return err(addressIssue(problem('address-basis', { name, id, entered: 'revenueShare' })));
      }
      return ok({ kind: head, lineId: line.value.id });
    }
    case 'revenueLever': {
      const last = rest === undefined ? -1 : rest.lastIndexOf(':');
      if (rest === undefined || last < 0) return formIssue('revenueLever');
      const key = rest
        .slice(last + 1)
        .trim()
        .toLowerCase();
      const lever = REVENUE_LEVER_KINDS.find((kind) => key === REVENUE_LEVER_INPUT_NAMES[kind] || key === kind.toLowerCase());
      if (!lever) return leverKindIssue('revenueLever', rest.slice(last + 1));
      const line = findRevenueLine(context.model, rest.slice(0, last), idsOnly);
      return line.ok ? ok({ kind: 'revenueLever', lineId: line.value.id, lever }) : line;
    }
    case 'oneOff': {
      if (rest === undefined) return formIssue('oneOff');
      const match = findByIdOrName(context.scenario.oneOffs ?? [], rest, idsOnly);
      if ('found' in match) return ok({ kind: 'oneOff', itemId: match.found.id });
      return match.candidates.length === 0
        ? err(addressIssue(problem('address-names-nothing', { kind: 'oneOff', reference: rest, scenario: context.scenario.name })))
        : ambiguous('oneOff', rest, match.candidates);
    }
    default:
      return formIssue('any');
  }
}

function leverKindIssue(kind: 'lever' | 'revenueLever', found: string): Result<never, AddressIssue> {
  return err(addressIssue(problem('lever-kind-unknown', { kind, found })));
}

/** At most this many of the lines a name fits are listed. */
const SHOWN_CANDIDATES = 5;

/** A name that several nodes or lines carry: the first few listed with their ids (and a node's parent), to pick one by id. */
function ambiguous(
  kind: 'node' | 'investment' | 'revenueLine' | 'oneOff',
  reference: string,
  candidates: readonly { id: string; name: string; parent?: string }[],
): Result<never, AddressIssue> {
  const shown = candidates.slice(0, SHOWN_CANDIDATES).map(({ id, name, parent }) => (parent === undefined ? { id, name } : { id, name, parent }));
  return err(addressIssue(problem('address-ambiguous', { kind, reference, count: candidates.length, candidates: shown })));
}

function leverKindOf(text: string): LeverKind | undefined {
  const key = text.trim().toLowerCase();
  for (const kind of LEVER_KINDS) if (key === LEVER_INPUT_NAMES[kind].toLowerCase() || key === kind.toLowerCase()) return kind;
  return undefined;
}

/** By id, else by exact name, else by name ignoring case and outer spaces. */
function findByIdOrName<T extends { id: string; name: string }>(items: readonly T[], reference: string, idsOnly: boolean): { found: T } | { candidates: T[] } {
  const byId = items.find((item) => item.id === reference);
  if (byId) return { found: byId };
  if (idsOnly) return { candidates: [] };
  let named = items.filter((item) => item.name === reference);
  if (named.length === 0) {
    const key = reference.trim().toLowerCase();
    named = items.filter((item) => item.name.trim().toLowerCase() === key);
  }
  return named.length === 1 ? { found: named[0]! } : { candidates: named };
}

function findNode(context: InputContext, reference: string, idsOnly: boolean): Result<CostNode, AddressIssue> {
  const byId = context.nodeById(reference);
  if (byId) return ok(byId);
  const match = findByIdOrName(context.model.costTree, reference, idsOnly);
  if ('found' in match) return ok(match.found);
  if (match.candidates.length === 0)
    return err(
      idsOnly
        ? addressIssue(problem('address-names-nothing', { kind: 'nodeId', reference }))
        : addressIssue(problem('address-names-nothing', { kind: 'node', reference })),
    );
  return ambiguous(
    'node',
    reference,
    match.candidates.map((node) => {
      const parent = node.parentId === null ? undefined : context.nodeById(node.parentId);
      return parent ? { id: node.id, name: node.name, parent: parent.name } : { id: node.id, name: node.name };
    }),
  );
}

function findLine(scenario: Scenario, reference: string, idsOnly: boolean): Result<InvestmentLine, AddressIssue> {
  const match = findByIdOrName(scenario.investments, reference, idsOnly);
  if ('found' in match) return ok(match.found);
  if (match.candidates.length === 0) return err(addressIssue(problem('address-names-nothing', { kind: 'investment', reference, scenario: scenario.name })));
  return ambiguous('investment', reference, match.candidates);
}

function findRevenueLine(model: Model, reference: string, idsOnly: boolean): Result<RevenueLine, AddressIssue> {
  const match = findByIdOrName(model.revenueLines ?? [], reference, idsOnly);
  if ('found' in match) return ok(match.found);
  if (match.candidates.length === 0) return err(addressIssue(problem('address-names-nothing', { kind: 'revenueLine', reference })));
  return ambiguous('revenueLine', reference, match.candidates);
}

function revenueLineOf(context: InputContext, lineId: string): RevenueLine {
  const line = context.model.revenueLines?.find((candidate) => candidate.id === lineId);
  if (!line) throw new Error(`input refers to unknown revenue line "${lineId}"`);
  return line;
}

function oneOfItem(scenario: Scenario, itemId: string): OneOffItem {
  const item = scenario.oneOffs?.find((candidate) => candidate.id === itemId);
  if (!item) throw new Error(`input refers to unknown one-off item "${itemId}"`);
  return item;
}

// ---------------------------------------------------------------------------------------
// Values

function nodeOf(context: InputContext, nodeId: string): CostNode {
  const node = context.nodeById(nodeId);
  if (!node) throw new Error(`input refers to unknown node "${nodeId}"`);
  return node;
}

function lineOf(scenario: Scenario, lineId: string): InvestmentLine {
  const line = scenario.investments.find((candidate) => candidate.id === lineId);
  if (!line) throw new Error(`input refers to unknown investment line "${lineId}"`);
  return line;
}

export function inputUnit(context: InputContext, input: Input): InputUnit {
  const target = input.target;
  switch (target.kind) {
    case 'lever':
    case 'growth':
    case 'discount':
    case 'share':
    case 'margin':
    case 'revenueLever':
      return 'ratio';
    case 'amount':
    case 'revenue':
    case 'oneOff':
      return 'money';
    case 'investment':
      return lineOf(context.scenario, target.lineId).amount.kind === 'shareOfSaving' ? 'ratio' : 'money';
  }
}

/** The input's value in the model (a lever kind that is not set is 0: no change). */
export function inputValue(context: InputContext, input: Input): number {
  const target = input.target;
  switch (target.kind) {
    case 'lever':
      return leverOf(context.scenario, target.nodeId)?.[target.lever] ?? 0;
    case 'growth':
      return context.scenario.volumeGrowth;
    case 'discount':
      return context.scenario.discountRate;
    case 'share': {
      const basis = nodeOf(context, target.nodeId).basis;
      return basis.kind === 'share' ? basis.share : 0;
    }
    case 'amount': {
      const basis = nodeOf(context, target.nodeId).basis;
      return basis.kind === 'amount' ? basis.amount : 0;
    }
    case 'revenue': {
      const basis = revenueLineOf(context, target.lineId).basis;
      return basis.kind === 'amount' ? basis.amount : 0;
    }
    case 'margin':
      return revenueLineOf(context, target.lineId).margin;
    case 'revenueLever':
      return context.scenario.revenueLevers?.find((lever) => lever.lineId === target.lineId)?.[target.lever] ?? 0;
    case 'oneOff':
      return oneOfItem(context.scenario, target.itemId).amount;
    case 'investment': {
      const amount = lineOf(context.scenario, target.lineId).amount;
      switch (amount.kind) {
        case 'perYear':
          return amount.amount;
        case 'shareOfSaving':
          return amount.share;
        case 'yearly':
          return sum(amount.amounts);
      }
    }
  }
}

const leverIndex = new WeakMap<readonly Lever[], Map<string, Lever>>();

/** A scenario's lever entry on a node (models are immutable: the lookup is built once per lever list). */
export function leverOf(scenario: Scenario, nodeId: string): Lever | undefined {
  let byNode = leverIndex.get(scenario.levers);
  if (!byNode) {
    byNode = new Map();
    for (const lever of scenario.levers) if (!byNode.has(lever.nodeId)) byNode.set(lever.nodeId, lever);
    leverIndex.set(scenario.levers, byNode);
  }
  return byNode.get(nodeId);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * A year-by-year line scaled to a new total of its listed years, each year by the same
 * factor (evenly when every year is 0). The evaluator uses this very function, so a fast
 * what-if and a recompute of the edited model see the same amounts.
 */
export function scaleYearly(amounts: readonly number[], total: number): number[] {
  const current = sum(amounts);
  if (current > 0) {
    const factor = total / current;
    return amounts.map((amount) => amount * factor);
  }
  return amounts.map(() => total / amounts.length);
}

export interface Assignment {
  input: Input;
  value: number;
}

/**
 * The model with inputs set, built immutably: only the objects on the path of a change are
 * new (the scenario, its lever or line list, the cost tree list and the node), so unchanged
 * parts stay the same objects. A lever that is not set yet is added to the scenario.
 */
export function withInputValues(model: Model, scenarioId: string, assignments: readonly Assignment[]): Model {
  let scenario = model.scenarios.find((candidate) => candidate.id === scenarioId);
  if (!scenario) throw new Error(`unknown scenario "${scenarioId}"`);
  const original = scenario;
  let costTree = model.costTree;
  let levers: Scenario['levers'] | undefined;
  let investments: InvestmentLine[] | undefined;
  let nodes: CostNode[] | undefined;
  let revenueLines: RevenueLine[] | undefined;
  let revenueLevers: NonNullable<Scenario['revenueLevers']> | undefined;
  let oneOffs: OneOffItem[] | undefined;
  for (const { input, value } of assignments) {
    const target = input.target;
    switch (target.kind) {
      case 'lever': {
        levers ??= [...scenario.levers];
        const at = levers.findIndex((lever) => lever.nodeId === target.nodeId);
        if (at >= 0) levers[at] = { ...levers[at]!, [target.lever]: value };
        else levers.push({ nodeId: target.nodeId, [target.lever]: value });
        break;
      }
      case 'growth':
        scenario = { ...scenario, volumeGrowth: value };
        break;
      case 'discount':
        scenario = { ...scenario, discountRate: value };
        break;
      case 'share':
      case 'amount': {
        nodes ??= [...costTree];
        const at = nodes.findIndex((node) => node.id === target.nodeId);
        if (at < 0) throw new Error(`unknown node "${target.nodeId}"`);
        nodes[at] = {
          ...nodes[at]!,
          basis: target.kind === 'share' ? { kind: 'share', share: value } : { kind: 'amount', amount: value },
        };
        break;
      }
      case 'investment': {
        investments ??= [...scenario.investments];
        const at = investments.findIndex((line) => line.id === target.lineId);
        if (at < 0) throw new Error(`unknown investment line "${target.lineId}"`);
        const line = investments[at]!;
        investments[at] = { ...line, amount: withInvestmentValue(line.amount, value) };
        break;
      }
      case 'revenue':
      case 'margin': {
        revenueLines ??= [...(model.revenueLines ?? [])];
        const at = revenueLines.findIndex((line) => line.id === target.lineId);
        if (at < 0) throw new Error(`unknown revenue line "${target.lineId}"`);
        revenueLines[at] =
          target.kind === 'margin' ? { ...revenueLines[at]!, margin: value } : { ...revenueLines[at]!, basis: { kind: 'amount', amount: value } };
        break;
      }
      case 'revenueLever': {
        revenueLevers ??= [...(scenario.revenueLevers ?? [])];
        const at = revenueLevers.findIndex((lever) => lever.lineId === target.lineId);
        if (at >= 0) revenueLevers[at] = { ...revenueLevers[at]!, [target.lever]: value };
        else revenueLevers.push({ lineId: target.lineId, [target.lever]: value });
        break;
      }
      case 'oneOff': {
        oneOffs ??= [...(scenario.oneOffs ?? [])];
        const at = oneOffs.findIndex((item) => item.id === target.itemId);
        if (at < 0) throw new Error(`unknown one-off item "${target.itemId}"`);
        oneOffs[at] = { ...oneOffs[at]!, amount: value };
        break;
      }
    }
  }
  if (nodes) costTree = nodes;
  if (levers || investments) scenario = { ...scenario, levers: levers ?? scenario.levers, investments: investments ?? scenario.investments };
  if (revenueLevers) scenario = { ...scenario, revenueLevers };
  if (oneOffs) scenario = { ...scenario, oneOffs };
  if (scenario === original && costTree === model.costTree && !revenueLines) return model;
  return {
    ...model,
    ...(revenueLines ? { revenueLines } : {}),
    costTree,
    scenarios: scenario === original ? model.scenarios : model.scenarios.map((candidate) => (candidate === original ? scenario : candidate)),
  };
}

export function withInvestmentValue(amount: InvestmentLine['amount'], value: number): InvestmentLine['amount'] {
  switch (amount.kind) {
    case 'perYear':
      return { kind: 'perYear', amount: value };
    case 'shareOfSaving':
      return { kind: 'shareOfSaving', share: value };
    case 'yearly':
      return { kind: 'yearly', amounts: scaleYearly(amount.amounts, value) };
  }
}

// ---------------------------------------------------------------------------------------
// Valid ranges

/**
 * The values an input may take with the model staying valid: the schema's limits, and for
 * a share or an amount also the cost tree's rule that children claim at most their parent
 * (the node's siblings bound it above, the amounts entered below it bound it below). The
 * input's current value is always inside.
 */
export function validRange(context: InputContext, input: Input): ValidRange {
  const target = input.target;
  const current = inputValue(context, input);
  const bounded = (min: number, max: number): ValidRange => ({ min: Math.min(min, current), max: Math.max(max, current) });
  switch (target.kind) {
    case 'lever':
      return target.lever === 'throughputChange' ? bounded(LIMITS.minRate, LIMITS.maxThroughputIncrease) : bounded(-1, LIMITS.maxCostIncrease);
    case 'growth':
    case 'discount':
      return bounded(LIMITS.minRate, LIMITS.maxRate);
    case 'share': {
      const node = nodeOf(context, target.nodeId);
      const parent = node.parentId === null ? undefined : context.nodeById(node.parentId);
      const parentAmount = parent ? context.amountOf(parent) : 0;
      const others = parent ? siblingClaim(context, parent, node, parentAmount) : 0;
      const floor = parentAmount > 0 ? requiredAmount(context, node) / parentAmount : 0;
      return bounded(Math.min(1, floor), Math.max(0, Math.min(1, 1 - others)));
    }
    case 'amount': {
      const node = nodeOf(context, target.nodeId);
      const parent = node.parentId === null ? undefined : context.nodeById(node.parentId);
      let max: number = LIMITS.maxAmount;
      if (parent) {
        const parentAmount = context.amountOf(parent);
        let shareSum = 0;
        let amountSum = 0;
        for (const sibling of context.index.children.get(parent.id) ?? []) {
          if (sibling.id === node.id) continue;
          if (sibling.basis.kind === 'share') shareSum += sibling.basis.share;
          else amountSum += sibling.basis.amount;
        }
        max = Math.min(max, Math.max(0, (1 - shareSum) * parentAmount - amountSum));
      }
      return bounded(Math.min(requiredAmount(context, node), max), max);
    }
    case 'revenue':
      return revenueAmountRange(context, target.lineId, current);
    case 'margin':
      return bounded(0, 1);
    case 'revenueLever':
      return bounded(-1, LIMITS.maxCostIncrease);
    case 'oneOff':
      return bounded(-LIMITS.maxAmount, LIMITS.maxAmount);
    case 'investment': {
      const amount = lineOf(context.scenario, target.lineId).amount;
      switch (amount.kind) {
        case 'perYear':
          return bounded(0, LIMITS.maxAmount);
        case 'shareOfSaving':
          return bounded(0, 1);
        case 'yearly': {
          const largest = Math.max(0, ...amount.amounts);
          const total = sum(amount.amounts);
          // Every year scales by total'/total, and no year may pass the largest amount (after rounding).
          let max = largest > 0 ? (LIMITS.maxAmount / largest) * total : LIMITS.maxAmount * amount.amounts.length;
          while (max > 0 && Math.max(...scaleYearly(amount.amounts, max)) > LIMITS.maxAmount) max *= 1 - 2 ** -48;
          return bounded(0, max);
        }
      }
    }
  }
}

/**
 * A revenue line's amount keeps the lines below it valid: at least what the amounts entered
 * directly below it claim beyond their siblings' shares. Under a parent, at most what the
 * parent leaves.
 */
function revenueAmountRange(context: InputContext, lineId: string, current: number): ValidRange {
  const lines = context.model.revenueLines ?? [];
  const line = lines.find((candidate) => candidate.id === lineId)!;
  const children = lines.filter((candidate) => candidate.parentId === lineId);
  let shares = 0;
  let amounts = 0;
  for (const child of children) {
    if (child.basis.kind === 'share') shares += child.basis.share;
    else amounts += child.basis.amount;
  }
  const min = amounts > 0 ? (shares < 1 ? amounts / (1 - shares) : Number.POSITIVE_INFINITY) : 0;
  let max: number = LIMITS.maxAmount;
  if (line.parentId !== null) {
    const parent = lines.find((candidate) => candidate.id === line.parentId);
    if (parent?.basis.kind === 'amount') {
      let taken = 0;
      for (const sibling of lines) {
        if (sibling.parentId !== parent.id || sibling.id === lineId) continue;
        taken += sibling.basis.kind === 'share' ? sibling.basis.share * parent.basis.amount : sibling.basis.amount;
      }
      max = Math.max(0, parent.basis.amount - taken);
    }
  }
  return { min: Math.min(Number.isFinite(min) ? min : current, current), max: Math.max(max, current) };
}

/** What the other children of `parent` claim of it, as validate.ts counts it. */
function siblingClaim(context: InputContext, parent: CostNode, node: CostNode, parentAmount: number): number {
  let shareSum = 0;
  let amountSum = 0;
  for (const sibling of context.index.children.get(parent.id) ?? []) {
    if (sibling.id === node.id) continue;
    if (sibling.basis.kind === 'share') shareSum += sibling.basis.share;
    else amountSum += sibling.basis.amount;
  }
  if (amountSum === 0) return shareSum;
  return parentAmount > 0 ? shareSum + amountSum / parentAmount : Number.POSITIVE_INFINITY;
}

/**
 * The least annual amount `node` must keep so that the amounts entered below it still fit:
 * every node reached from it through shares scales with it, and must hold the amounts of
 * its own children.
 */
function requiredAmount(context: InputContext, node: CostNode): number {
  let required = 0;
  const stack: { node: CostNode; scale: number }[] = [{ node, scale: 1 }];
  while (stack.length > 0) {
    const { node: current, scale } = stack.pop()!;
    let shareSum = 0;
    let amountSum = 0;
    const children = context.index.children.get(current.id) ?? [];
    for (const child of children) {
      if (child.basis.kind === 'share') {
        shareSum += child.basis.share;
        stack.push({ node: child, scale: scale * child.basis.share });
      } else amountSum += child.basis.amount;
    }
    if (amountSum > 0) {
      const free = 1 - shareSum;
      // This node must resolve to at least amountSum / free; it resolves to `scale` times the input node.
      required = Math.max(required, free > 0 && scale > 0 ? amountSum / free / scale : Number.POSITIVE_INFINITY);
    }
  }
  return Number.isFinite(required) ? required : context.amountOf(node);
}

/** Why a value does not fit the range, in the words of the schema's messages; undefined when it fits. */
export function rangeIssue(range: ValidRange, value: number, unit: InputUnit): { message: string; problem: Problem } | undefined {
  if (!Number.isFinite(value)) return { message: `must be a finite number, got ${value}`, problem: problem('not-finite', { value: String(value) }) };
  if (value >= range.min && value <= range.max) return undefined;
  const show = (x: number) => (unit === 'ratio' ? `${Number((x * 100).toPrecision(12))}%` : String(Number(x.toPrecision(15))));
  return {
    message: `must be at least ${show(range.min)} and at most ${show(range.max)}, got ${show(value)}`,
    problem: problem('input-out-of-range', { value, min: range.min, max: range.max, unit }),
  };
}

// ---------------------------------------------------------------------------------------
// Which inputs a scenario has

/**
 * The inputs a scenario uses, in a fixed order: each lever kind that is set, volume growth,
 * the discount rate, each investment line, then any other input that carries a range.
 */
export function scenarioInputs(context: InputContext): Input[] {
  const targets: InputTarget[] = [];
  for (const lever of context.scenario.levers) {
    if (!context.nodeById(lever.nodeId)) continue;
    for (const kind of LEVER_KINDS) if (lever[kind] !== undefined) targets.push({ kind: 'lever', nodeId: lever.nodeId, lever: kind });
  }
  const revenueIds = new Set((context.model.revenueLines ?? []).map((line) => line.id));
  for (const lever of context.scenario.revenueLevers ?? []) {
    if (!revenueIds.has(lever.lineId)) continue;
    for (const kind of REVENUE_LEVER_KINDS) if (lever[kind] !== undefined) targets.push({ kind: 'revenueLever', lineId: lever.lineId, lever: kind });
  }
  targets.push({ kind: 'growth' }, { kind: 'discount' });
  for (const line of context.scenario.investments) targets.push({ kind: 'investment', lineId: line.id });
  for (const item of context.scenario.oneOffs ?? []) targets.push({ kind: 'oneOff', itemId: item.id });
  const inputs = targets.map((target) => ({ address: canonicalAddress(target), target }));
  const seen = new Set(inputs.map((input) => input.address));
  for (const range of context.scenario.uncertainty ?? []) {
    if (seen.has(range.input)) continue;
    const resolved = resolveInput(context, range.input, { idsOnly: true });
    if (resolved.ok) {
      inputs.push(resolved.value);
      seen.add(resolved.value.address);
    }
  }
  return inputs;
}

/** The node a canonical address refers to (lever, share, amount), by its syntax alone. */
export function addressNodeId(address: string): string | undefined {
  if (address.startsWith('lever:')) {
    const last = address.lastIndexOf(':');
    return last > 'lever:'.length ? address.slice('lever:'.length, last) : undefined;
  }
  if (address.startsWith('share:')) return address.slice('share:'.length);
  if (address.startsWith('amount:')) return address.slice('amount:'.length);
  return undefined;
}

/** The investment line a canonical address refers to, by its syntax alone. */
export function addressLineId(address: string): string | undefined {
  return address.startsWith('investment:') ? address.slice('investment:'.length) : undefined;
}
