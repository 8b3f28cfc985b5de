import { leverFactor, type PreparedTree, type ScenarioResult } from '../../../../shared/engine';
import { LEVER_KINDS, type CostNode, type Lever, type LeverKind, type Scenario } from '../../../../shared/model/schema';
import { flattenTree } from '../../components/grid/tree';
import type { TreeRowShape } from '../../components/grid/TreeNameCell';

/** One cost line with the scenario's levers on it and what they save. */
export interface LeverRow extends TreeRowShape {
  parentId: string | null;
  isRoot: boolean;
  isLeaf: boolean;
  /** Annual amount in yuan. */
  resolved: number;
  lever: Lever | undefined;
  /** The factor of this line's own levers, and of its ancestors' levers. */
  ownFactor: number;
  inheritedFactor: number;
  /** own x inherited: what the line's cost is multiplied by. */
  costFactor: number;
  /** Year-1 saving of the line and everything below it, at full target (yuan). */
  saving: number;
  /** The line or a line below it carries a lever. */
  leversBelow: boolean;
  /** What the line calls its lever kinds (库存周转率 / inventory turnover). */
  captions: CostNode['captions'];
}

export function ownFactorOf(lever: Lever | undefined): number {
  if (!lever) return 1;
  let factor = 1;
  for (const kind of LEVER_KINDS) {
    const change = lever[kind];
    if (change !== undefined) factor *= leverFactor(kind, change);
  }
  return factor;
}

/**
 * Every cost node in tree order with the scenario's figures (memoise per tree, scenario and
 * result). Rows that did not change are the very objects of `previous`, so the grid redraws
 * only what an edit touched.
 */
export function leverRows(tree: PreparedTree, scenario: Scenario, result: ScenarioResult, previous?: ReadonlyMap<string, LeverRow>): LeverRow[] {
  const levers = new Map(scenario.levers.map((lever) => [lever.nodeId, lever]));
  const flat = flattenTree(tree.nodes);
  const rows = flat.map((entry): LeverRow => {
    const node = entry.item;
    const index = tree.indexById.get(node.id) ?? -1;
    const lever = levers.get(node.id);
    const ownFactor = ownFactorOf(lever);
    const costFactor = index >= 0 ? result.costFactor[index]! : 1;
    return {
      id: node.id,
      name: node.name,
      depth: entry.depth,
      hasChildren: entry.hasChildren,
      expanded: true,
      parentId: node.parentId,
      isRoot: node.parentId === null,
      isLeaf: !entry.hasChildren,
      resolved: index >= 0 ? tree.resolvedAmount[index]! : 0,
      lever,
      ownFactor,
      inheritedFactor: ownFactor !== 0 ? costFactor / ownFactor : 1,
      costFactor,
      saving: index >= 0 ? result.subtreeSaving[index]! : 0,
      leversBelow: lever !== undefined,
      captions: node.captions,
    };
  });
  // Children come after their parent: a reverse pass marks the ancestors of levered lines.
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (let k = rows.length - 1; k >= 0; k--) {
    const row = rows[k]!;
    if (row.leversBelow && row.parentId !== null) {
      const parent = byId.get(row.parentId);
      if (parent) parent.leversBelow = true;
    }
  }
  if (!previous) return rows;
  return rows.map((row) => {
    const before = previous.get(row.id);
    return before && (Object.keys(row) as (keyof LeverRow)[]).every((key) => before[key] === row[key]) ? before : row;
  });
}

/** A change as a planner writes it: +15%, -20%, +17.65% (at most two decimals). */
export function signedPercent(ratio: number): string {
  const value = Number((ratio * 100).toFixed(2));
  if (value === 0) return '0%';
  return `${value > 0 ? '+' : ''}${value}%`;
}

export interface MeaningPart {
  kind: LeverKind | 'inherited' | 'together';
  change: number;
  /** The cost factor of this part. */
  factor: number;
}

/**
 * What the levers of a line do, part by part, in the order a planner reads them: each own
 * lever with its effect on the cost (a per-capita volume change t gives 1 / (1 + t)), the
 * levers inherited from above, and the combined factor when more than one acts.
 */
export function meaningParts(row: Pick<LeverRow, 'lever' | 'inheritedFactor' | 'costFactor'>): MeaningPart[] {
  const parts: MeaningPart[] = [];
  for (const kind of LEVER_KINDS) {
    const change = row.lever?.[kind];
    if (change !== undefined) parts.push({ kind, change, factor: leverFactor(kind, change) });
  }
  if (Math.abs(row.inheritedFactor - 1) > 1e-12) parts.push({ kind: 'inherited', change: row.inheritedFactor - 1, factor: row.inheritedFactor });
  if (parts.length > 1) parts.push({ kind: 'together', change: row.costFactor - 1, factor: row.costFactor });
  return parts;
}
