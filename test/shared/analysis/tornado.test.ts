import fc from 'fast-check';
import { renderProblem } from '../../../shared/messages/render';
import { describe, expect, it } from 'vitest';
import { dataTable, inputContext, recompute, resolveInput, tornado, validRange, withInputValues, type Input, type OutputName } from '../../../shared/analysis';
import { prepareTree } from '../../../shared/engine';
import { createExampleModel, type Model } from '../../../shared/model';
import { orderedOutput, OUTPUTS } from '../../../shared/analysis';
import { generateModel } from '../../../bench/generate';
import { arbitraryModel } from '../../support/arbitraries';
import { candidateInputs, outputMismatch, valueIn } from './support';

/** Tornado bars and data-table cells are what the engine computes on the edited model. */
const example = createExampleModel('en');

function inputOf(model: Model, scenarioId: string, address: string): Input {
  const scenario = model.scenarios.find((s) => s.id === scenarioId)!;
  const resolved = resolveInput(inputContext(model, scenario), address);
  if (!resolved.ok) throw new Error(resolved.error.message);
  return resolved.value;
}

/** Checks an output computed the fast way against a recompute of the model with the inputs set. */
function expectRecomputed(model: Model, scenarioId: string, assignments: { input: Input; value: number }[], output: OutputName, value: number | null) {
  const tree = prepareTree(model.costTree);
  // The scales of the figures are those of the edited scenario (its discount rate, growth).
  const scenario = withInputValues(model, scenarioId, assignments).scenarios.find((s) => s.id === scenarioId)!;
  const reference = recompute(model, scenarioId, assignments, tree);
  const fast =
    output === 'affectedShare'
      ? { affectedShare: value ?? 0, totals: reference.totals }
      : { affectedShare: reference.affectedShare, totals: { ...reference.totals, [output]: value } };
  const mismatch = outputMismatch(fast, reference, tree, output, scenario);
  expect(mismatch, JSON.stringify(assignments.map((a) => [a.input.address, a.value]))).toBeUndefined();
}

/** Recomputes every `every`-th bar; checks the order of all of them. */
function checkTornado(model: Model, scenarioId: string, output: OutputName, swing?: number, every = 1) {
  const result = tornado(model, { scenario: scenarioId, output, ...(swing ? { swing } : {}) });
  if (!result.ok) throw new Error(result.error.message);
  const bars = result.value.bars;
  for (const bar of bars.filter((_, k) => k % every === 0)) {
    const input = inputOf(model, scenarioId, bar.input);
    expectRecomputed(model, scenarioId, [{ input, value: bar.low }], output, bar.lowOutput);
    expectRecomputed(model, scenarioId, [{ input, value: bar.high }], output, bar.highOutput);
  }
  // Payback not within the horizon counts as +infinity (an infinite swing sorts first); a swing that cannot be told sorts last.
  const keys = bars.map((bar) => {
    const spread = Math.abs(orderedOutput(bar.highOutput, output) - orderedOutput(bar.lowOutput, output));
    return Number.isNaN(spread) ? -1 : spread;
  });
  for (let k = 1; k < keys.length; k++) if (keys[k - 1]! !== -1) expect(keys[k - 1]!).toBeGreaterThanOrEqual(keys[k]!);
  return result.value;
}

describe('tornado', () => {
  it('moves each input of the example by +/-10% of its value, largest swing first, equal to recomputes', () => {
    const result = checkTornado(example, 'target-15', 'npv');
    expect(result.base).toBeCloseTo(222.3527047e4, 2);
    expect(result.bars.map((bar) => bar.input)).toEqual([
      'lever:contact-center-labor:unitCost',
      'investment:digital-tools',
      'growth',
      'investment:manager-bonus',
      'investment:team-and-raises',
      'discount',
    ]);
    const labor = result.bars[0]!;
    expect([labor.low, labor.high]).toEqual([-0.15 * 1.1, -0.15 * 0.9]);
    expect(labor).toMatchObject({ source: 'swing', clipped: false });
    expect(labor.swing).toBeCloseTo(Math.abs(labor.highOutput! - labor.lowOutput!), 6);
    for (const output of OUTPUTS) checkTornado(example, 'digital-tools-20', output, 0.25);
  });

  it("uses an input's own range when the scenario gives one, and cuts swings to the valid range", () => {
    const model = structuredClone(example);
    model.scenarios[0]!.uncertainty = [{ input: 'growth', low: 0.05, mostLikely: 0.2, high: 0.25, distribution: 'pert' }];
    const result = tornado(model, {
      scenario: 'target-15',
      output: 'saving',
      inputs: ['growth', 'share:contact-center', 'lever:Contact-center labor:unitCost'],
      swing: 2,
    });
    if (!result.ok) throw new Error(result.error.message);
    const byInput = new Map(result.value.bars.map((bar) => [bar.input, bar]));
    expect(byInput.get('growth')).toMatchObject({ low: 0.05, high: 0.25, source: 'range', clipped: false });
    // 14% +/- 200% is cut to what the siblings leave: 0% to 14%.
    expect(byInput.get('share:contact-center')).toMatchObject({ low: 0, high: 0.14, source: 'swing', clipped: true });
    // -15% +/- 200%: -45% to +15%.
    expect(byInput.get('lever:contact-center-labor:unitCost')).toMatchObject({ low: expect.closeTo(-0.45, 15), high: expect.closeTo(0.15, 15) });
    for (const bar of result.value.bars) {
      const input = inputOf(model, 'target-15', bar.input);
      expectRecomputed(model, 'target-15', [{ input, value: bar.low }], 'saving', bar.lowOutput);
    }
  });

  it('equals recomputes on a generated 1,000-line model (every input; every 2nd and 5th bar recomputed)', () => {
    const model = generateModel({ leafLines: 1_000, scenarios: 2 });
    const result = checkTornado(model, 'scenario-1', 'npv', undefined, 2);
    expect(result.bars.length).toBeGreaterThan(200);
    checkTornado(model, 'scenario-2', 'paybackYears', 0.3, 5);
  });

  it('equals recomputes on random valid models, any output', () => {
    fc.assert(
      fc.property(
        arbitraryModel({ minScenarios: 1, maxNodes: 20 }),
        fc.nat(),
        fc.constantFrom(...OUTPUTS),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        (model, s, output, swing) => {
          checkTornado(model, model.scenarios[s % model.scenarios.length]!.id, output, swing);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('returns errors as values', () => {
    expect(tornado(example, { scenario: 'target-15', output: 'npv', swing: 0 })).toMatchObject({ ok: false, error: { path: 'swing' } });
    expect(tornado(example, { scenario: 'target-15', output: 'npv', inputs: ['growth', 'Growth'] })).toMatchObject({
      ok: false,
      error: { path: 'input "Growth"', message: 'is the same input as "growth" (growth)' },
    });
  });
});

describe('data table', () => {
  it('one input: a column of outputs, each a recompute', () => {
    const values = [0, 0.1, 0.2, 0.3];
    const result = dataTable(example, { scenario: 'target-15', output: 'npv', inputs: [{ input: 'growth', values }] });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.inputs).toEqual([{ input: 'growth', values }]);
    expect(result.value.cells).toHaveLength(4);
    expect(result.value.cells[2]![0]).toBeCloseTo(222.3527047e4, 2);
    values.forEach((value, r) =>
      expectRecomputed(example, 'target-15', [{ input: inputOf(example, 'target-15', 'growth'), value }], 'npv', result.value.cells[r]![0]!),
    );
  });

  it('two inputs: rows x columns, each cell a recompute with both set', () => {
    const rows = [-0.1, -0.15, -0.2, -0.25];
    const columns = [0.1, 0.14];
    for (const output of OUTPUTS) {
      const result = dataTable(example, {
        scenario: 'target-15',
        output,
        inputs: [
          { input: 'lever:contact-center-labor:unitCost', values: rows },
          { input: 'share:contact-center', values: columns },
        ],
      });
      if (!result.ok) throw new Error(result.error.message);
      rows.forEach((row, r) =>
        columns.forEach((column, c) =>
          expectRecomputed(
            example,
            'target-15',
            [
              { input: inputOf(example, 'target-15', 'lever:contact-center-labor:unitCost'), value: row },
              { input: inputOf(example, 'target-15', 'share:contact-center'), value: column },
            ],
            output,
            result.value.cells[r]![c]!,
          ),
        ),
      );
    }
  });

  it('equals recomputes on random models, inputs and values', () => {
    fc.assert(
      fc.property(
        arbitraryModel({ minScenarios: 1, maxNodes: 20 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...OUTPUTS),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 2, maxLength: 8 }),
        (model, s, p1, p2, output, us) => {
          const scenario = model.scenarios[s % model.scenarios.length]!;
          const context = inputContext(model, scenario);
          const candidates = candidateInputs(model, scenario, [p1, p2]);
          const first = candidates[p1 % candidates.length]!;
          const second = candidates[p2 % candidates.length]!;
          const inputs = first.address === second.address ? [first] : [first, second];
          const values = inputs.map((input, k) => us.map((u, j) => valueIn(context, input, (j % 4) / 4 + 0.1, (u + k * 0.37) % 1)));
          const result = dataTable(model, { scenario: scenario.id, output, inputs: inputs.map((input, k) => ({ input: input.address, values: values[k]! })) });
          if (!result.ok) throw new Error(result.error.message);
          result.value.cells.forEach((row, r) =>
            row.forEach((cell, c) =>
              expectRecomputed(
                model,
                scenario.id,
                inputs.map((input, k) => ({ input, value: values[k]![k === 0 ? r : c]! })),
                output,
                cell,
              ),
            ),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses values outside the valid range, a third input and the same input twice', () => {
    expect(dataTable(example, { scenario: 'target-15', output: 'npv', inputs: [{ input: 'share:contact-center', values: [0.1, 0.2] }] })).toEqual({
      ok: false,
      error: { path: 'input "share:contact-center"', message: 'value 2 must be at least 0% and at most 14%, got 20%', problem: expect.anything() },
    });
    const refused = dataTable(example, { scenario: 'target-15', output: 'npv', inputs: [{ input: 'share:contact-center', values: [0.1, 0.2] }] });
    expect(refused.ok ? '' : renderProblem(refused.error.problem, { language: 'zh', unit: 'tenThousand' })).toBe(
      '第 2 个取值须不小于 0% 且不大于 14%，输入的是 20%',
    );
    const three = ['growth', 'discount', 'investment:digital-tools'].map((input) => ({ input, values: [0.1] }));
    expect(dataTable(example, { scenario: 'target-15', output: 'npv', inputs: three })).toMatchObject({ ok: false, error: { path: 'inputs' } });
    expect(dataTable(example, { scenario: 'target-15', output: 'npv', inputs: [{ input: 'growth', values: [] }] })).toMatchObject({ ok: false });
    expect(validRange(inputContext(example, example.scenarios[0]!), inputOf(example, 'target-15', 'share:contact-center'))).toEqual({ min: 0, max: 0.14 });
  });
});
