import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssue, validateModel, type Model } from '../../../shared/model';
import { arbitraryModel, childrenById, nodeDepths, rootOf } from '../../support/arbitraries';

/** The arbitraries of test/support are only useful if every model they make is valid. */

function expectValid(model: Model): void {
  const validated = validateModel(model);
  if (!validated.ok) throw new Error(`generated an invalid model:\n${validated.error.map(formatIssue).join('\n')}`);
  // Nothing is stripped or coerced, and a JSON round trip gives the same model back.
  expect(validated.value).toEqual(model);
  expect(JSON.parse(JSON.stringify(model))).toEqual(model);
}

describe('arbitraryModel', () => {
  it('makes valid models (typical values)', () => {
    fc.assert(fc.property(arbitraryModel(), expectValid), { numRuns: 200 });
  });

  it('makes valid models (any value the schema accepts)', () => {
    fc.assert(fc.property(arbitraryModel({ range: 'full' }), expectValid), { numRuns: 80 });
  });

  it('honours the size options', () => {
    fc.assert(
      fc.property(arbitraryModel({ minNodes: 3, maxNodes: 5, minScenarios: 2, maxScenarios: 2, maxLevers: 1, maxInvestmentLines: 0 }), (model) => {
        expect(model.costTree.length).toBeGreaterThanOrEqual(3);
        expect(model.costTree.length).toBeLessThanOrEqual(5);
        expect(model.scenarios).toHaveLength(2);
        for (const scenario of model.scenarios) {
          expect(scenario.levers.length).toBeLessThanOrEqual(1);
          expect(scenario.investments).toHaveLength(0);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('covers the shapes the tests rely on', () => {
    const seen = new Set<string>();
    const note = (what: string, when: boolean): void => {
      if (when) seen.add(what);
    };
    for (const model of fc.sample(arbitraryModel(), { numRuns: 300, seed: 20_270_101 })) {
      const depths = nodeDepths(model.costTree);
      const position = new Map(model.costTree.map((node, i) => [node.id, i]));
      const children = childrenById(model.costTree);
      const root = rootOf(model.costTree);
      note('single node', model.costTree.length === 1);
      note('60 nodes', model.costTree.length === 60);
      note('depth >= 8', Math.max(...depths.values()) >= 8);
      note('root not first', model.costTree[0] !== root);
      note(
        'child listed before its parent',
        model.costTree.some((node, i) => node.parentId !== null && position.get(node.parentId)! > i),
      );
      note('root amount 0', root.basis.kind === 'amount' && root.basis.amount === 0);
      note(
        'amount-basis child',
        model.costTree.some((node) => node.parentId !== null && node.basis.kind === 'amount'),
      );
      note(
        'notes',
        model.costTree.some((node) => node.notes !== undefined),
      );
      for (const kids of children.values()) {
        const shares = kids.map((kid) => (kid.basis.kind === 'share' ? kid.basis.share : Number.NaN));
        const sum = shares.reduce((a, b) => a + b, 0);
        note('children share exactly 100%', kids.length > 1 && Math.abs(sum - 1) < 1e-12);
        note('children share less than 100%', sum < 0.99);
      }
      note('no scenario', model.scenarios.length === 0);
      note('4 scenarios', model.scenarios.length === 4);
      for (const scenario of model.scenarios) {
        note('ramp', scenario.ramp !== undefined);
        note('no ramp', scenario.ramp === undefined);
        note('no levers', scenario.levers.length === 0);
        note('growth != 0', scenario.volumeGrowth !== 0);
        note(`horizon ${scenario.horizonYears}`, scenario.horizonYears === 1 || scenario.horizonYears === 30);
        for (const lever of scenario.levers) {
          note('unitCostChange', lever.unitCostChange !== undefined);
          note('throughputChange', lever.throughputChange !== undefined);
          note('volumeChange', lever.volumeChange !== undefined);
          note('bare lever', Object.keys(lever).length === 1);
          note('all three kinds', Object.keys(lever).length === 4);
          note('unit cost -100%', lever.unitCostChange === -1);
        }
        for (const line of scenario.investments) {
          note(line.amount.kind, true);
          note(line.timing, true);
        }
      }
    }
    expect([...seen].sort()).toEqual(
      [
        'single node',
        '60 nodes',
        'depth >= 8',
        'root not first',
        'child listed before its parent',
        'root amount 0',
        'amount-basis child',
        'notes',
        'children share exactly 100%',
        'children share less than 100%',
        'no scenario',
        '4 scenarios',
        'ramp',
        'no ramp',
        'no levers',
        'growth != 0',
        'horizon 1',
        'horizon 30',
        'unitCostChange',
        'throughputChange',
        'volumeChange',
        'bare lever',
        'all three kinds',
        'unit cost -100%',
        'perYear',
        'yearly',
        'shareOfSaving',
        'upfront',
        'spread',
      ].sort(),
    );
  });
});
