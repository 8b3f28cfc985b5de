import fc from 'fast-check';
import { renderProblem } from '../../../shared/messages/render';
import { describe, expect, it } from 'vitest';
import { inputContext, inputValue, rangeIssue, resolveInput, scenarioInputs, validRange, withInputValues, type Input } from '../../../shared/analysis';
import { createExampleModel, LIMITS, validateModel, formatIssue, type Model } from '../../../shared/model';
import { generateModel } from '../../../bench/generate';
import { arbitraryModel } from '../../support/arbitraries';

/** Input addresses: resolution by id or name, values set immutably, valid ranges that keep the model valid. */
const example = createExampleModel('en');
const context = inputContext(example, example.scenarios[0]!);

function resolve(text: string, model: Model = example, scenarioIndex = 0): Input {
  const result = resolveInput(inputContext(model, model.scenarios[scenarioIndex]!), text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function problem(text: string, model: Model = example): string {
  const result = resolveInput(inputContext(model, model.scenarios[0]!), text);
  if (result.ok) throw new Error(`${text} resolved to ${result.value.address}`);
  return result.error.message;
}

describe('input addresses', () => {
  it.each([
    ['lever:contact-center-labor:unitCost', 'lever:contact-center-labor:unitCost'],
    ['lever:Contact-center labor:throughput', 'lever:contact-center-labor:throughput'],
    ['lever:  contact-center labor :volumeChange', 'lever:contact-center-labor:volume'],
    ['LEVER:contact-center-labor:UNITCOST', 'lever:contact-center-labor:unitCost'],
    ['growth', 'growth'],
    [' Discount ', 'discount'],
    ['share:Contact center', 'share:contact-center'],
    ['amount:After-sales service cost', 'amount:service-cost'],
    ['investment:Digital tools', 'investment:digital-tools'],
    ['investment:manager-bonus', 'investment:manager-bonus'],
  ])('%s is %s', (text, address) => {
    expect(resolve(text).address).toBe(address);
  });

  it('explains what is wrong with an address', () => {
    expect(problem('profit')).toBe(
      'is not an input address (expected lever:<node>:unitCost|throughput|volume, growth, discount, share:<node>, amount:<node>, investment:<line>, revenue:<line>, margin:<line>, revenueLever:<line>:volume|price or oneOff:<item>)',
    );
    expect(problem('growth:2027')).toContain('is not an input address');
    expect(problem('lever:contact-center-labor')).toContain('a lever address is lever:<node>:unitCost');
    expect(problem('lever:contact-center-labor:wage')).toBe('the lever must be unitCost, throughput or volume, got "wage"');
    expect(problem('lever:Call center:unitCost')).toBe('refers to no cost node "Call center" (give a node\'s id or name)');
    expect(problem('share:service-cost')).toBe('"After-sales service cost" is entered as an amount, not as a share of its parent; use amount:service-cost');
    expect(problem('amount:contact-center')).toBe('"Contact center" is entered as a share of its parent; use share:contact-center');
    expect(problem('investment:Cake')).toBe('refers to no investment line of "Target 15%" ("Cake")');
  });

  it('names the candidates of an ambiguous name, and lets an id win over a name', () => {
    const model = generateModel({ leafLines: 200, scenarios: 1 });
    const message = problem('share:Region 1', model);
    expect(message).toMatch(/^"Region 1" names 8 cost nodes: "Region 1" \(id a1-d1, under "Materials and field service"\), .* and 3 more; use the id$/);
    const twins = structuredClone(example);
    // A node named like another node's id: the id wins, the name still reaches its own node by its id.
    twins.costTree.push({ id: 'x', parentId: 'materials-field', name: 'contact-center', basis: { kind: 'share', share: 0.5 }, relevance: 'weak' });
    expect(resolve('share:contact-center', twins).address).toBe('share:contact-center');
    expect(resolve('share:x', twins).address).toBe('share:x');
    // Stored ranges resolve ids only.
    expect(resolveInput(inputContext(example, example.scenarios[0]!), 'share:Contact center', { idsOnly: true }).ok).toBe(false);
  });

  it("lists a scenario's inputs: its levers, growth, discount, investment lines, then ranged inputs", () => {
    const model = structuredClone(example);
    model.scenarios[0]!.uncertainty = [{ input: 'share:contact-center', low: 0.1, mostLikely: 0.14, high: 0.14, distribution: 'pert' }];
    expect(scenarioInputs(inputContext(model, model.scenarios[0]!)).map((input) => input.address)).toEqual([
      'lever:contact-center-labor:unitCost',
      'growth',
      'discount',
      'investment:manager-bonus',
      'investment:digital-tools',
      'investment:team-and-raises',
      'share:contact-center',
    ]);
  });
});

describe('input values', () => {
  it('reads each kind of input', () => {
    expect(inputValue(context, resolve('lever:contact-center-labor:unitCost'))).toBe(-0.15);
    expect(inputValue(context, resolve('lever:contact-center-labor:throughput'))).toBe(0);
    expect(inputValue(context, resolve('growth'))).toBe(0.2);
    expect(inputValue(context, resolve('discount'))).toBe(0.08);
    expect(inputValue(context, resolve('share:contact-center'))).toBe(0.14);
    expect(inputValue(context, resolve('amount:service-cost'))).toBe(71_160_000);
    expect(inputValue(context, resolve('investment:digital-tools'))).toBe(300_000);
  });

  it('sets values without touching the model, copying only what changes', () => {
    const before = structuredClone(example);
    const next = withInputValues(example, 'target-15', [
      { input: resolve('lever:contact-center-other:volume'), value: -0.1 },
      { input: resolve('lever:contact-center-labor:unitCost'), value: -0.2 },
      { input: resolve('growth'), value: 0.1 },
    ]);
    expect(example).toEqual(before);
    expect(next.costTree).toBe(example.costTree);
    expect(next.scenarios[1]).toBe(example.scenarios[1]);
    expect(next.scenarios[0]!.levers).toEqual([
      { nodeId: 'contact-center-labor', unitCostChange: -0.2 },
      { nodeId: 'contact-center-other', volumeChange: -0.1 },
    ]);
    expect(next.scenarios[0]!.investments).toBe(example.scenarios[0]!.investments);
    const tree = withInputValues(example, 'target-15', [{ input: resolve('share:contact-center'), value: 0.1 }]);
    expect(tree.scenarios).toBe(example.scenarios);
    expect(tree.costTree[2]).toEqual({ ...example.costTree[2], basis: { kind: 'share', share: 0.1 } });
    expect(tree.costTree[3]).toBe(example.costTree[3]);
    expect(withInputValues(example, 'target-15', [])).toBe(example);
  });

  it('scales a year-by-year line to a new total, keeping its shape', () => {
    const model = structuredClone(example);
    model.scenarios[0]!.investments[0]!.amount = { kind: 'yearly', amounts: [100, 300, 0] };
    const input = resolve('investment:manager-bonus', model);
    expect(inputValue(inputContext(model, model.scenarios[0]!), input)).toBe(400);
    expect(withInputValues(model, 'target-15', [{ input, value: 1000 }]).scenarios[0]!.investments[0]!.amount).toEqual({
      kind: 'yearly',
      amounts: [250, 750, 0],
    });
    model.scenarios[0]!.investments[0]!.amount = { kind: 'yearly', amounts: [0, 0] };
    expect(withInputValues(model, 'target-15', [{ input, value: 10 }]).scenarios[0]!.investments[0]!.amount).toEqual({ kind: 'yearly', amounts: [5, 5] });
  });
});

describe('valid ranges', () => {
  it('follow the schema limits and what the siblings leave', () => {
    expect(validRange(context, resolve('lever:contact-center-labor:unitCost'))).toEqual({ min: -1, max: LIMITS.maxCostIncrease });
    expect(validRange(context, resolve('lever:contact-center-labor:throughput'))).toEqual({ min: LIMITS.minRate, max: LIMITS.maxThroughputIncrease });
    expect(validRange(context, resolve('growth'))).toEqual({ min: LIMITS.minRate, max: LIMITS.maxRate });
    expect(validRange(context, resolve('share:contact-center'))).toEqual({ min: 0, max: 0.14 });
    expect(validRange(context, resolve('share:contact-center-labor'))).toEqual({ min: 0, max: 0.87 });
    expect(validRange(context, resolve('amount:service-cost'))).toEqual({ min: 0, max: LIMITS.maxAmount });
    expect(validRange(context, resolve('investment:digital-tools'))).toEqual({ min: 0, max: LIMITS.maxAmount });
    expect(rangeIssue({ min: 0, max: 0.14 }, 0.2, 'ratio')?.message).toBe('must be at least 0% and at most 14%, got 20%');
    const amount = rangeIssue({ min: 0, max: 2_000_000 }, 2_500_000, 'money')!.problem;
    expect(renderProblem(amount, { language: 'zh', unit: 'tenThousand' })).toBe('须不小于 0 万元 且不大于 200 万元，输入的是 250 万元');
    expect(renderProblem(amount, { language: 'en', unit: 'yuan' })).toBe('must be at least 0 yuan and at most 2,000,000 yuan, got 2,500,000 yuan');
    expect(rangeIssue({ min: 0, max: 0.14 }, 0.1, 'ratio')).toBeUndefined();
  });

  it('keep amounts entered below a node in the node', () => {
    const model = structuredClone(example);
    // 500,000 yuan of the labor line is an amount: labor may not shrink below it.
    model.costTree.push({ id: 'tools', parentId: 'contact-center-labor', name: 'Tools', basis: { kind: 'amount', amount: 500_000 }, relevance: 'weak' });
    model.costTree.push({ id: 'staff', parentId: 'contact-center-labor', name: 'Staff', basis: { kind: 'share', share: 0.5 }, relevance: 'weak' });
    expect(validateModel(model).ok).toBe(true);
    const c = inputContext(model, model.scenarios[0]!);
    // Labor must hold 500,000 / (1 - 50%) = 1,000,000 yuan: 1,000,000 / 9,962,400 of the contact center.
    expect(validRange(c, resolve('share:contact-center-labor', model)).min).toBeCloseTo(1_000_000 / 9_962_400, 15);
    expect(validRange(c, resolve('share:contact-center', model)).min).toBeCloseTo(1_000_000 / 0.87 / 71_160_000, 15);
    // The tools line may take what staff leaves: 50% of labor.
    expect(validRange(c, resolve('amount:tools', model)).max).toBeCloseTo(0.5 * 71_160_000 * 0.14 * 0.87, 6);
  });

  it('keep a random valid model valid at both ends and inside', () => {
    fc.assert(
      fc.property(arbitraryModel({ minScenarios: 1, maxNodes: 30 }), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (model, pick, t) => {
        const scenario = model.scenarios[0]!;
        const c = inputContext(model, scenario);
        const node = model.costTree[pick % model.costTree.length]!;
        const texts = [
          `${node.basis.kind}:${node.id}`,
          `lever:${node.id}:throughput`,
          'growth',
          'discount',
          ...scenario.investments.map((line) => `investment:${line.id}`),
        ];
        for (const text of texts) {
          const input = resolveInput(c, text, { idsOnly: true });
          if (!input.ok) throw new Error(input.error.message);
          const range = validRange(c, input.value);
          expect(range.min).toBeLessThanOrEqual(inputValue(c, input.value));
          expect(range.max).toBeGreaterThanOrEqual(inputValue(c, input.value));
          for (const value of [range.min, range.max, range.min + (range.max - range.min) * t]) {
            const valid = validateModel(withInputValues(model, scenario.id, [{ input: input.value, value }]));
            expect(valid.ok, `${text} = ${value}: ${valid.ok ? '' : valid.error.map(formatIssue).join('; ')}`).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
