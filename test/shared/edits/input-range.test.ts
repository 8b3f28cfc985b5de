import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, applyEdit, planEdit, validateChangedModel, type EditCommand } from '../../../shared/edits';
import { createExampleModel, formatIssue, validateModel, type InputRange, type Model } from '../../../shared/model';
import { arbitraryModel } from '../../support/arbitraries';
import { commandMakers, counterIds, pick, type CommandMaker } from '../../support/edit-commands';

/**
 * Uncertainty ranges in the model: their validation (readable paths, like the rest of
 * validate.ts) and the setInputRange edit, whose undo gives back the model it started from.
 */
const TARGET = 'scenarios["Target 15%"]';

function withRanges(ranges: unknown[]): unknown {
  const model = structuredClone(createExampleModel('en')) as unknown as { scenarios: Record<string, unknown>[] };
  model.scenarios[0]!['uncertainty'] = ranges;
  return model;
}

function issues(input: unknown): string[] {
  const result = validateModel(input);
  return result.ok ? [] : result.error.map(formatIssue);
}

const labor = { input: 'lever:contact-center-labor:unitCost', low: -0.2, mostLikely: -0.15, high: -0.1, distribution: 'pert' } as const;

describe('validation of uncertainty ranges', () => {
  it('accepts ranges of every kind of input', () => {
    expect(
      issues(
        withRanges([
          labor,
          { input: 'growth', low: 0.1, mostLikely: 0.2, high: 0.3, distribution: 'triangular' },
          { input: 'discount', low: 0.05, mostLikely: 0.08, high: 0.08, distribution: 'pert' },
          { input: 'share:contact-center', low: 0.12, mostLikely: 0.14, high: 0.14, distribution: 'pert' },
          { input: 'amount:service-cost', low: 6e7, mostLikely: 7.116e7, high: 8e7, distribution: 'pert' },
          { input: 'investment:digital-tools', low: 200_000, mostLikely: 300_000, high: 500_000, distribution: 'triangular' },
          { input: 'lever:contact-center-other:volume', low: -0.3, mostLikely: 0, high: 0, distribution: 'triangular' },
        ]),
      ),
    ).toEqual([]);
  });

  it.each([
    [
      { ...labor, input: 'lever:nowhere:unitCost' },
      `${TARGET}.uncertainty["lever:nowhere:unitCost"].input: refers to no cost node (no node has the id "nowhere")`,
    ],
    [
      { ...labor, input: 'lever:Contact-center labor:unitCost' },
      `${TARGET}.uncertainty["lever:Contact-center labor:unitCost"].input: refers to no cost node (no node has the id "Contact-center labor")`,
    ],
    [
      { ...labor, input: 'lever:contact-center-labor:UnitCost' },
      `${TARGET}.uncertainty["lever:contact-center-labor:UnitCost"].input: must be written "lever:contact-center-labor:unitCost"`,
    ],
    [{ ...labor, input: 'wages' }, `${TARGET}.uncertainty["wages"].input: is not an input address`],
    [
      { ...labor, low: -0.1, high: -0.2 },
      `${TARGET}.uncertainty["lever:contact-center-labor:unitCost"]: low, most likely and high must be in order (low <= most likely <= high), got -10%, -15%, -20%`,
    ],
    [{ ...labor, low: -1.5 }, `${TARGET}.uncertainty["lever:contact-center-labor:unitCost"].low: must be at least -100% and at most 1,000%, got -150%`],
    [
      { input: 'share:contact-center', low: 0.1, mostLikely: 0.14, high: 0.2, distribution: 'pert' },
      `${TARGET}.uncertainty["share:contact-center"].high: must be at least 0% and at most 14%, got 20%`,
    ],
    [
      { input: 'share:service-cost', low: 0, mostLikely: 1, high: 1, distribution: 'pert' },
      `${TARGET}.uncertainty["share:service-cost"].input: "After-sales service cost" is entered as an amount, not as a share of its parent; use amount:service-cost`,
    ],
    [
      { ...labor, distribution: 'normal' },
      `${TARGET}.uncertainty["lever:contact-center-labor:unitCost"].distribution: must be one of triangular, pert, got "normal"`,
    ],
    [{ ...labor, high: Number.NaN }, `${TARGET}.uncertainty["lever:contact-center-labor:unitCost"].high: must be a finite number, got NaN`],
  ])('rejects %j', (range, expected) => {
    expect(issues(withRanges([range])).map((line) => line.slice(0, expected.length))).toContain(expected);
  });

  it('rejects two ranges on one input', () => {
    expect(issues(withRanges([labor, labor]))).toEqual([`${TARGET}.uncertainty["lever:contact-center-labor:unitCost"]: the input has two ranges; keep one`]);
  });
});

function apply(model: Model, command: EditCommand): Model {
  const result = applyEdit(model, command);
  if (!result.ok) throw new Error(result.error.map(formatIssue).join('; '));
  expect(applyChanges(result.value.model, result.value.changes, 'backward')).toEqual(model);
  return result.value.model;
}

describe('setInputRange', () => {
  const example = createExampleModel('en');
  const range = { low: -0.2, mostLikely: -0.15, high: -0.1, distribution: 'pert' } as const;

  it('adds, replaces and removes a range, stored with ids; undo restores the model', () => {
    const added = apply(example, { type: 'setInputRange', scenarioId: 'target-15', input: 'lever:Contact-center labor:unitCost', range });
    expect(added.scenarios[0]!.uncertainty).toEqual([{ input: 'lever:contact-center-labor:unitCost', ...range }]);
    expect(added.scenarios[1]).toBe(example.scenarios[1]);
    expect(added.scenarios[0]!.levers).toBe(example.scenarios[0]!.levers);
    const two = apply(added, {
      type: 'setInputRange',
      scenarioId: 'target-15',
      input: 'growth',
      range: { low: 0.1, mostLikely: 0.2, high: 0.3, distribution: 'triangular' },
    });
    const replaced = apply(two, {
      type: 'setInputRange',
      scenarioId: 'target-15',
      input: 'lever:contact-center-labor:unitCost',
      range: { ...range, low: -0.3 },
    });
    expect(replaced.scenarios[0]!.uncertainty!.map((r) => [r.input, r.low])).toEqual([
      ['lever:contact-center-labor:unitCost', -0.3],
      ['growth', 0.1],
    ]);
    const removed = apply(apply(replaced, { type: 'setInputRange', scenarioId: 'target-15', input: 'growth', range: null }), {
      type: 'setInputRange',
      scenarioId: 'target-15',
      input: 'lever:contact-center-labor:unitCost',
      range: null,
    });
    expect('uncertainty' in removed.scenarios[0]!).toBe(false);
    expect(removed).toEqual(example);
    // Removing a range that is not there changes nothing.
    expect(applyEdit(example, { type: 'setInputRange', scenarioId: 'target-15', input: 'growth', range: null })).toMatchObject({
      ok: true,
      value: { changes: [] },
    });
  });

  it('refuses an unknown input or scenario and a range outside the valid range', () => {
    expect(applyEdit(example, { type: 'setInputRange', scenarioId: 'target-15', input: 'lever:nowhere:unitCost', range })).toMatchObject({
      ok: false,
      error: [
        {
          path: 'command.input',
          message: 'refers to no cost node "nowhere" (give a node\'s id or name)',
          problem: { code: 'address-names-nothing', params: { kind: 'node', reference: 'nowhere' } },
        },
      ],
    });
    expect(applyEdit(example, { type: 'setInputRange', scenarioId: 'nope', input: 'growth', range })).toMatchObject({
      ok: false,
      error: [{ path: 'command.scenarioId' }],
    });
    expect(
      applyEdit(example, {
        type: 'setInputRange',
        scenarioId: 'target-15',
        input: 'share:contact-center',
        range: { low: 0.1, mostLikely: 0.14, high: 0.3, distribution: 'pert' },
      }),
    ).toEqual({
      ok: false,
      error: [
        {
          path: `${TARGET}.uncertainty["share:contact-center"].high`,
          message: 'must be at least 0% and at most 14%, got 30%',
          problem: { code: 'input-out-of-range', params: { value: 0.3, min: 0, max: 0.14, unit: 'ratio' } },
        },
      ],
    });
    expect(
      applyEdit(example, {
        type: 'setInputRange',
        scenarioId: 'target-15',
        input: 'growth',
        range: { low: 0.3, mostLikely: 0.2, high: 0.1, distribution: 'pert' },
      }),
    ).toMatchObject({ ok: false });
  });

  it('goes with the node or line it is on when that is deleted, and comes back on undo', () => {
    let model = apply(example, { type: 'setInputRange', scenarioId: 'target-15', input: 'lever:contact-center-labor:unitCost', range });
    model = apply(model, {
      type: 'setInputRange',
      scenarioId: 'digital-tools-20',
      input: 'share:contact-center-other',
      range: { low: 0.1, mostLikely: 0.13, high: 0.13, distribution: 'pert' },
    });
    model = apply(model, {
      type: 'setInputRange',
      scenarioId: 'target-15',
      input: 'investment:digital-tools',
      range: { low: 1, mostLikely: 2, high: 3, distribution: 'pert' },
    });
    const withoutCenter = apply(model, { type: 'deleteNode', nodeId: 'contact-center' });
    expect(withoutCenter.scenarios[0]!.uncertainty!.map((r) => r.input)).toEqual(['investment:digital-tools']);
    expect('uncertainty' in withoutCenter.scenarios[1]!).toBe(false);
    const withoutTools = apply(model, { type: 'deleteInvestment', scenarioId: 'target-15', lineId: 'digital-tools' });
    expect(withoutTools.scenarios[0]!.uncertainty!.map((r) => r.input)).toEqual(['lever:contact-center-labor:unitCost']);
    // A clone keeps the ranges; deleting a scenario and undoing brings them back.
    const cloned = apply(model, { type: 'cloneScenario', scenarioId: 'target-15', newId: 'copy', name: 'Copy' });
    expect(cloned.scenarios[1]!.uncertainty).toEqual(model.scenarios[0]!.uncertainty);
    apply(model, { type: 'deleteScenario', scenarioId: 'target-15' });
  });

  it('makes an edit that breaks a stored range fail, naming the range', () => {
    const model = apply(example, {
      type: 'setInputRange',
      scenarioId: 'target-15',
      input: 'share:contact-center',
      range: { low: 0.1, mostLikely: 0.14, high: 0.14, distribution: 'pert' },
    });
    // 7,000,000 yuan entered under labor (87% of the contact center) needs the contact center at 11.3% of the root or more.
    const amountBelow = applyEdit(model, {
      type: 'addNode',
      node: { id: 'headsets', parentId: 'contact-center-labor', name: 'Headsets', basis: { kind: 'amount', amount: 7_000_000 }, relevance: 'weak' },
    });
    expect(amountBelow).toMatchObject({ ok: false, error: [{ path: `${TARGET}.uncertainty["share:contact-center"].low` }] });
    expect(amountBelow.ok ? '' : amountBelow.error[0]!.message).toMatch(/^must be at least 11\.30\d*% and at most 14%, got 10%$/);
    expect(applyEdit(model, { type: 'setBasis', nodeId: 'contact-center', basis: { kind: 'amount', amount: 100 } })).toMatchObject({ ok: false });
  });
});

/** Random range commands, some invalid (reversed, out of range, unknown inputs). */
const rangeMakers: fc.Arbitrary<{ label: string; make: CommandMaker }>[] = [
  fc
    .record({
      scenario: fc.nat(),
      node: fc.nat(),
      kind: fc.constantFrom('lever-unitCost', 'lever-throughput', 'share', 'amount', 'growth', 'discount', 'investment', 'unknown'),
      low: fc.double({ min: -1.2, max: 1.2, noNaN: true }),
      spread: fc.double({ min: -0.1, max: 0.5, noNaN: true }),
      distribution: fc.constantFrom('pert' as const, 'triangular' as const),
      remove: fc.boolean(),
    })
    .map((a) => ({
      label: `setInputRange(${a.kind})`,
      make: (model: Model) => {
        const scenario = pick(model.scenarios, a.scenario);
        const node = pick(model.costTree, a.node);
        if (!scenario || !node) return undefined;
        const line = pick(scenario.investments, a.node);
        const input =
          a.kind === 'lever-unitCost'
            ? `lever:${node.id}:unitCost`
            : a.kind === 'lever-throughput'
              ? `lever:${node.id}:throughput`
              : a.kind === 'share' || a.kind === 'amount'
                ? `${a.kind}:${node.id}`
                : a.kind === 'investment'
                  ? `investment:${line?.id ?? 'none'}`
                  : a.kind === 'unknown'
                    ? 'lever:no-such-node:volume'
                    : a.kind;
        const scale = a.kind === 'amount' || (a.kind === 'investment' && line?.amount.kind !== 'shareOfSaving') ? 1e6 : 1;
        const range: Omit<InputRange, 'input'> = {
          low: a.low * scale,
          mostLikely: (a.low + a.spread / 2) * scale,
          high: (a.low + a.spread) * scale,
          distribution: a.distribution,
        };
        return { type: 'setInputRange', scenarioId: scenario.id, input, range: a.remove ? null : range };
      },
    })),
];

describe('edits with uncertainty ranges', () => {
  const makers = [...commandMakers, ...rangeMakers, ...rangeMakers, ...rangeMakers];

  it('are checked around the edit exactly as the whole model would be, and undo to the model they started from', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(createExampleModel('en')), arbitraryModel({ minScenarios: 1 })),
        fc.array(fc.oneof(...makers), { minLength: 1, maxLength: 10 }),
        (start, steps) => {
          let model: Model = start;
          const ids = counterIds();
          for (const maker of steps) {
            const command = maker.make(model, ids);
            if (!command) continue;
            const planned = planEdit(model, command);
            if (!planned.ok) continue;
            const next = applyChanges(model, planned.value);
            const local = validateChangedModel(next, planned.value);
            const whole = validateModel(next);
            expect(local.length === 0, `${maker.label}: local ${JSON.stringify(local)} vs whole ${JSON.stringify(whole.ok ? [] : whole.error)}`).toBe(whole.ok);
            if (!whole.ok) continue;
            expect(applyChanges(next, planned.value, 'backward')).toEqual(model);
            model = next;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a lever range follows its lever', () => {
  it('moving the labor lever from -15% to -25% moves its range -18/-15/-12 to -28/-25/-22, and undo moves it back', () => {
    const start = withRanges([
      { input: 'lever:contact-center-labor:unitCost', low: -0.18, mostLikely: -0.15, high: -0.12, distribution: 'triangular' },
    ]) as Model;
    const applied = applyEdit(start, { type: 'setLever', scenarioId: 'target-15', nodeId: 'contact-center-labor', kind: 'unitCostChange', value: -0.25 });
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const range = applied.value.model.scenarios[0]!.uncertainty![0]!;
    expect([range.low, range.mostLikely, range.high].map((v) => Number(v.toFixed(12)))).toEqual([-0.28, -0.25, -0.22]);
    expect(applyChanges(applied.value.model, applied.value.changes, 'backward')).toEqual(start);
  });

  it('keeps the moved range inside the lever bounds (a unit cost cannot fall below -100%)', () => {
    const start = withRanges([{ input: 'lever:contact-center-labor:unitCost', low: -0.3, mostLikely: -0.15, high: -0.1, distribution: 'pert' }]) as Model;
    const applied = applyEdit(start, { type: 'setLever', scenarioId: 'target-15', nodeId: 'contact-center-labor', kind: 'unitCostChange', value: -0.9 });
    expect(applied.ok).toBe(true);
    if (applied.ok) expect(applied.value.model.scenarios[0]!.uncertainty![0]!.low).toBe(-1);
  });
});
