import type { PreparedRevenue, ScenarioResult } from '../../../../shared/engine';
import type { RevenueLever, RevenueLine, Scenario } from '../../../../shared/model/schema';
import { flattenTree } from '../../components/grid/tree';
import type { TreeRowShape } from '../../components/grid/TreeNameCell';

/** One revenue line with the selected scenario's levers on it and the margin they add. */
export interface RevenueRow extends TreeRowShape {
  line: RevenueLine;
  /** Annual revenue (yuan) of the line, and the part its children do not take. */
  revenue: number;
  unallocated: number;
  lever: RevenueLever | undefined;
  /** Products of the levers of the lines above (1 + v, 1 + p). */
  inheritedVolume: number;
  inheritedPrice: number;
  /** Year-1 margin gain at full target of the line and everything below it (yuan). */
  gain: number;
}

export function revenueRows(prepared: PreparedRevenue, scenario: Scenario, result: ScenarioResult): RevenueRow[] {
  const levers = new Map((scenario.revenueLevers ?? []).map((lever) => [lever.lineId, lever]));
  const flat = flattenTree(prepared.lines);
  const volume = new Map<string, number>();
  const price = new Map<string, number>();
  return flat.map((entry): RevenueRow => {
    const line = entry.item;
    const index = prepared.indexById.get(line.id) ?? -1;
    const lever = levers.get(line.id);
    const aboveVolume = line.parentId === null ? 1 : (volume.get(line.parentId) ?? 1);
    const abovePrice = line.parentId === null ? 1 : (price.get(line.parentId) ?? 1);
    volume.set(line.id, aboveVolume * (1 + (lever?.volumeChange ?? 0)));
    price.set(line.id, abovePrice * (1 + (lever?.priceChange ?? 0)));
    return {
      id: line.id,
      name: line.name,
      depth: entry.depth,
      hasChildren: entry.hasChildren,
      expanded: true,
      line,
      revenue: index >= 0 ? prepared.resolvedAmount[index]! : 0,
      unallocated: index >= 0 ? prepared.unallocatedAmount[index]! : 0,
      lever,
      inheritedVolume: aboveVolume,
      inheritedPrice: abovePrice,
      gain: index >= 0 ? (result.subtreeMarginGain[index] ?? 0) : 0,
    };
  });
}
