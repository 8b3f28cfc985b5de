import { describe, expect, it } from 'vitest';
import { computeModel } from '../../../shared/engine';
import { recompute, ScenarioEvaluator } from '../../../shared/analysis/evaluator';
import { goalSeek } from '../../../shared/analysis/goal-seek';
import { inputContext, inputValue, resolveInput, scenarioInputs, validRange } from '../../../shared/analysis/inputs';
import { inputLabel } from '../../../shared/analysis/setup';
import { preparedRevenueOf, prepareTree } from '../../../shared/engine';
import { baseMarginGainOf, computeRevenueGain, prepareRevenue, revenueScratch } from '../../../shared/engine/revenue';
import { createTemplateModel, type Model } from '../../../shared/model';

/** Revenue, margin, revenue levers and one-off amounts as what-if inputs. */
function setUp(template: 'service-revenue' | 'spare-parts') {
  const model = createTemplateModel(template, 'en');
  const scenario = model.scenarios[0]!;
  const context = inputContext(model, scenario);
  return { model, scenario, context, tree: prepareTree(model.costTree) };
}

function close(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

describe('revenue and one-off inputs', () => {
  it('resolves the new addresses by id or name, with their values, units and ranges', () => {
    const { context } = setUp('service-revenue');
    const lever = resolveInput(context, 'revenueLever:Out-of-warranty repairs and parts sales:volume');
    expect(lever.ok && lever.value.address).toBe('revenueLever:out-of-warranty:volume');
    if (!lever.ok) return;
    expect(inputValue(context, lever.value)).toBe(0.1);
    expect(inputLabel(context, lever.value, 'en')).toBe('Out-of-warranty repairs and parts sales: repeat-purchase rate (volume)');
    const margin = resolveInput(context, 'margin:service-contracts');
    expect(margin.ok && inputValue(context, margin.value)).toBe(0.5);
    if (margin.ok) expect(validRange(context, margin.value)).toEqual({ min: 0, max: 1 });
    const revenue = resolveInput(context, 'revenue:service-contracts');
    expect(revenue.ok && inputValue(context, revenue.value)).toBe(6_000_000);
    expect(resolveInput(context, 'revenueLever:nowhere:price')).toEqual({
      ok: false,
      error: {
        message: 'refers to no revenue line "nowhere"',
        problem: { code: 'address-names-nothing', params: { kind: 'revenueLine', reference: 'nowhere' } },
      },
    });
    const addresses = scenarioInputs(context).map((input) => input.address);
    expect(addresses).toEqual(
      expect.arrayContaining(['revenueLever:out-of-warranty:volume', 'revenueLever:out-of-warranty:price', 'revenueLever:service-contracts:volume']),
    );
  });

  it('the evaluator moving a revenue input matches a recompute of the edited model', () => {
    const { model, scenario, context, tree } = setUp('service-revenue');
    const texts = ['revenueLever:out-of-warranty:volume', 'margin:out-of-warranty', 'revenue:service-contracts', 'revenueLever:service-contracts:price'];
    const inputs = texts.map((text) => {
      const resolved = resolveInput(context, text);
      if (!resolved.ok) throw new Error(resolved.error.message);
      return resolved.value;
    });
    const base = inputs.map((input) => inputValue(context, input));
    const evaluator = new ScenarioEvaluator(tree, scenario, inputs, base, undefined, preparedRevenueOf(model));
    const values = [0.25, 0.4, 8_000_000, 0.05];
    const fast = evaluator.evaluate(values);
    const slow = recompute(
      model,
      scenario.id,
      inputs.map((input, i) => ({ input, value: values[i]! })),
      tree,
    );
    close(fast.totals.marginGain, slow.totals.marginGain);
    close(fast.totals.npv, slow.totals.npv);
    close(fast.totals.returnOnInvestment!, slow.totals.returnOnInvestment!);
    close(fast.totals.paybackYears!, slow.totals.paybackYears!);
    // At the base values the evaluator gives the engine's figures.
    const computed = computeModel(model);
    if (!computed.ok) throw new Error('invalid');
    close(evaluator.evaluate(base).totals.npv, computed.value.scenarios[0]!.totals.npv);
  });

  it('moving one revenue lever or margin at a time (a tornado) gives the margin gain of a recompute, to the bit', () => {
    const { model, scenario, context, tree } = setUp('service-revenue');
    const texts = [
      'revenueLever:out-of-warranty:volume',
      'margin:out-of-warranty',
      'margin:service-contracts',
      'revenueLever:service-contracts:price',
      'revenue:service-contracts',
    ];
    const inputs = texts.map((text) => {
      const resolved = resolveInput(context, text);
      if (!resolved.ok) throw new Error(resolved.error.message);
      return resolved.value;
    });
    const base = inputs.map((input) => inputValue(context, input));
    const evaluator = new ScenarioEvaluator(tree, scenario, inputs, base, undefined, preparedRevenueOf(model));
    const revenue = preparedRevenueOf(model);
    for (const [slot, value] of [
      [0, 0.3],
      [1, 0.2],
      [2, 0.65],
      [3, -0.02],
      [0, 0.1],
    ] as const) {
      const fast = { ...evaluator.evaluateOne(slot, value).totals };
      const slow = recompute(model, scenario.id, [{ input: inputs[slot]!, value }], tree);
      close(fast.marginGain, slow.totals.marginGain);
      close(fast.npv, slow.totals.npv);
      // The year-1 gain the evaluator projects is the engine's, bit for bit.
      const edited = model.revenueLines!.map((line) => (texts[slot] === `margin:${line.id}` ? { ...line, margin: value } : line));
      const levers = (scenario.revenueLevers ?? []).map((lever) =>
        texts[slot] === `revenueLever:${lever.lineId}:volume`
          ? { ...lever, volumeChange: value }
          : texts[slot] === `revenueLever:${lever.lineId}:price`
            ? { ...lever, priceChange: value }
            : lever,
      );
      const expected = computeRevenueGain(prepareRevenue(edited), levers).baseMarginGain;
      expect(
        baseMarginGainOf(
          revenue,
          levers,
          revenueScratch(revenue),
          Float64Array.from(edited, (line) => line.margin),
        ),
      ).toBe(expected);
    }
    // Back at the base values: the base gain again.
    close(evaluator.evaluate(base).totals.marginGain, computeModel(model).ok ? recompute(model, scenario.id, [], tree).totals.marginGain : NaN);
  });

  it('a one-off amount moves NPV and payback but never return / investment', () => {
    const { model, scenario, context, tree } = setUp('spare-parts');
    const resolved = resolveInput(context, 'oneOff:stock-released');
    if (!resolved.ok) throw new Error(resolved.error.message);
    const evaluator = new ScenarioEvaluator(tree, scenario, [resolved.value], [4_000_000], undefined, preparedRevenueOf(model));
    const a = { ...evaluator.evaluate([4_000_000]).totals };
    const b = { ...evaluator.evaluate([0]).totals };
    expect(b.returnOnInvestment).toBe(a.returnOnInvestment);
    close(a.npv - b.npv, 4_000_000 / 1.08);
    const slow = recompute(model, scenario.id, [{ input: resolved.value, value: 0 }], tree);
    close(b.npv, slow.totals.npv);
    close(b.paybackYears!, slow.totals.paybackYears!);
  });

  it('goal seek finds the repeat-purchase volume change that reaches an NPV', () => {
    const model: Model = createTemplateModel('service-revenue', 'en');
    const computed = computeModel(model);
    if (!computed.ok) throw new Error('invalid');
    const answer = goalSeek(model, { scenario: 'service-marketing', input: 'revenueLever:out-of-warranty:volume', output: 'npv', target: 4_000_000 });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    expect(answer.value.reachable).toBe(true);
    expect(answer.value.input).toBe('revenueLever:out-of-warranty:volume');
    // NPV is linear in v here: every 1% of volume adds 1,500 x 0.35 x (1 + 0.03) / 100 万元 of margin a year.
    expect(Math.abs(answer.value.reached! - 4_000_000)).toBeLessThanOrEqual(answer.value.tolerance);
    expect(answer.value.value).toBeGreaterThan(0.1);
  });
});
