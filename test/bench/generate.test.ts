import { describe, expect, it } from 'vitest';
import { generateModel } from '../../bench/generate';
import { prepareTree } from '../../shared/engine';
import { formatIssue, validateModel } from '../../shared/model/validate';

describe('generated benchmark models', () => {
  const model = generateModel({ leafLines: 1_000 });

  it('pass validateModel', () => {
    const validated = validateModel(model);
    expect(validated.ok ? [] : validated.error.map(formatIssue)).toEqual([]);
  });

  it('have the requested shape: 1,000 leaf lines at depth 3-4, 10 scenarios over 5 years', () => {
    const tree = prepareTree(model.costTree);
    const parents = new Set(model.costTree.map((node) => node.parentId));
    const leafDepths = new Set(model.costTree.flatMap((node, i) => (parents.has(node.id) ? [] : [tree.depth[i]])));
    expect(model.costTree.length - (parents.size - 1)).toBe(1_000);
    expect([...leafDepths].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([3, 4]);
    expect(model.scenarios).toHaveLength(10);
    for (const scenario of model.scenarios) {
      expect(scenario.horizonYears).toBe(5);
      const kinds = new Set(scenario.investments.map((line) => line.amount.kind));
      expect(kinds).toEqual(new Set(['perYear', 'yearly', 'shareOfSaving']));
    }
  });

  it('are the same for the same seed and differ for another', () => {
    expect(generateModel({ leafLines: 1_000 })).toEqual(model);
    expect(generateModel({ leafLines: 1_000, seed: 7 })).toEqual(generateModel({ leafLines: 1_000, seed: 7 }));
    expect(generateModel({ leafLines: 1_000, seed: 7 })).not.toEqual(model);
  });
});
