import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../shared/edits';
import { createExampleModel, formatIssue, LIMITS, validateModel, type CostNode, type Model } from '../../../shared/model';

/** A chain of `levels` nodes under the example's materials line. */
function withChain(levels: number): Model {
  const model = createExampleModel('en');
  const chain: CostNode[] = [];
  for (let i = 1; i <= levels; i++)
    chain.push({
      id: `deep-${i}`,
      parentId: i === 1 ? 'materials-field' : `deep-${i - 1}`,
      name: `Level ${i + 1}`,
      basis: { kind: 'share', share: 1 },
      relevance: 'strong',
    });
  return { ...model, costTree: [...model.costTree, ...chain] };
}

describe('tree depth', () => {
  it(`accepts ${LIMITS.maxDepth} levels below the root and refuses one more, naming the node`, () => {
    expect(validateModel(withChain(LIMITS.maxDepth - 1)).ok).toBe(true);
    const deep = validateModel(withChain(LIMITS.maxDepth));
    expect(deep.ok ? [] : deep.error.map(formatIssue)).toEqual([
      `costTree["Level ${LIMITS.maxDepth + 1}"].parentId: is ${LIMITS.maxDepth + 1} levels below the root (at most ${LIMITS.maxDepth})`,
    ]);
  });

  it('refuses an edit that would hang a subtree too deep', () => {
    const model = withChain(LIMITS.maxDepth - 1);
    const added = applyEdit(model, {
      type: 'addNode',
      node: { id: 'x', parentId: `deep-${LIMITS.maxDepth - 1}`, name: 'Too deep', basis: { kind: 'share', share: 0.5 }, relevance: 'weak' },
    });
    expect(added.ok).toBe(false);
    const moved = applyEdit(model, { type: 'moveNode', nodeId: 'contact-center', parentId: `deep-${LIMITS.maxDepth - 1}` });
    expect(moved.ok ? [] : moved.error.map((issue) => issue.message)).toEqual([`is ${LIMITS.maxDepth + 1} levels below the root (at most ${LIMITS.maxDepth})`]);
  });
});
