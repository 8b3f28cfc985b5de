import type { Model, OneOffItem, RevenueLever, RevenueLine } from '../shared/model/schema';
import { mulberry32, floorTo, roundTo } from './random';

const FAMILIES = [
  'Out-of-warranty repairs',
  'Parts sales',
  'Service contracts',
  'Extended warranty',
  'Training services',
  'Upgrades',
  'Remote support',
  'Consumables',
];

/**
 * Adds `count` revenue lines to a generated model (deterministic, from its own seed so the
 * cost part of the model is unchanged): 8 families of top-level lines, each split into
 * products by share, with volume and price levers on about a fifth of the lines of every
 * scenario and two one-off cash items per scenario. The model stays valid.
 */
export function withRevenue(model: Model, count: number, seed = 20270202): Model {
  const random = mulberry32(seed);
  const lines: RevenueLine[] = [];
  const families = Math.min(FAMILIES.length, count);
  let made = 0;
  for (let f = 0; f < families && made < count; f++) {
    const id = `rev${f + 1}`;
    lines.push({
      id,
      parentId: null,
      name: FAMILIES[f]!,
      basis: { kind: 'amount', amount: Math.round(random.between(2e6, 2e7)) },
      margin: roundTo(random.between(0.2, 0.6), 2),
    });
    made++;
    const children = Math.floor((count - families) / families) + (f < (count - families) % families ? 1 : 0);
    // Shares floored to 4 decimals of 95% / n never add up to more than the parent.
    const share = floorTo(0.95 / Math.max(1, children), 6);
    for (let c = 1; c <= children && made < count; c++, made++)
      lines.push({ id: `${id}-p${c}`, parentId: id, name: `Product ${c}`, basis: { kind: 'share', share }, margin: roundTo(random.between(0.15, 0.65), 2) });
  }
  const scenarios = model.scenarios.map((scenario, s) => {
    const revenueLevers: RevenueLever[] = [];
    for (const line of lines) {
      if (!random.chance(0.2)) continue;
      const lever: RevenueLever = { lineId: line.id };
      if (random.chance(0.8)) lever.volumeChange = roundTo(random.between(-0.05, 0.25), 3);
      if (random.chance(0.5)) lever.priceChange = roundTo(random.between(-0.02, 0.06), 3);
      if (lever.volumeChange !== undefined || lever.priceChange !== undefined) revenueLevers.push(lever);
    }
    const oneOffs: OneOffItem[] = [
      { id: `s${s + 1}-stock`, name: 'Stock released', amount: Math.round(random.between(1e6, 5e6)), year: 1, timing: 'spread' },
      {
        id: `s${s + 1}-asset`,
        name: 'One-off restructuring',
        amount: -Math.round(random.between(2e5, 1e6)),
        year: Math.min(2, scenario.horizonYears),
        timing: 'upfront',
      },
    ];
    return { ...scenario, revenueLevers, oneOffs };
  });
  return { ...model, name: `${model.name}, ${count} revenue lines`, revenueLines: lines, scenarios };
}
