import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeValidModel, prepareTree, type ModelResult } from '../../../shared/engine';
import type { Model, OneOffItem, RevenueLine, RevenueLever } from '../../../shared/model';
import { validateModel, formatIssue } from '../../../shared/model';
import { arbitraryModel } from '../../support/arbitraries';

/**
 * Properties of revenue lines and one-off items: a model without them computes exactly as
 * the cost-only engine did; margin gain is linear in revenue; one-off cash moves the cash
 * figures and never the profit ratios.
 */

function compute(model: Model): ModelResult {
  return computeValidModel(model, prepareTree(model.costTree));
}

function expectValid(model: Model): void {
  const validated = validateModel(model);
  if (!validated.ok) throw new Error(validated.error.map(formatIssue).join('\n'));
}

/** A revenue forest: each line a top-level amount or a share of an earlier line (shares per parent <= 100%). */
const arbitraryRevenue = fc
  .array(
    fc.record({
      amount: fc.double({ min: 0, max: 1e8, noNaN: true }),
      margin: fc.double({ min: 0, max: 1, noNaN: true }),
      parentPick: fc.nat(),
      asShare: fc.boolean(),
      volume: fc.option(fc.double({ min: -0.9, max: 2, noNaN: true }), { nil: undefined }),
      price: fc.option(fc.double({ min: -0.5, max: 1, noNaN: true }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((specs) => {
    const lines: RevenueLine[] = [];
    const levers: RevenueLever[] = [];
    specs.forEach((spec, i) => {
      const parentIndex = i > 0 && spec.asShare ? spec.parentPick % i : -1;
      const parentId = parentIndex >= 0 ? `r${parentIndex}` : null;
      lines.push({
        id: `r${i}`,
        parentId,
        name: `Revenue ${i}`,
        // Shares of 20% keep any parent's children within 100% for up to five children.
        basis: parentId === null ? { kind: 'amount', amount: spec.amount } : { kind: 'share', share: 0.2 / (1 + (i % 5)) },
        margin: spec.margin,
      });
      if (spec.volume !== undefined || spec.price !== undefined)
        levers.push({
          lineId: `r${i}`,
          ...(spec.volume !== undefined ? { volumeChange: spec.volume } : {}),
          ...(spec.price !== undefined ? { priceChange: spec.price } : {}),
        });
    });
    return { lines, levers };
  });

const arbitraryOneOffs = fc.array(
  fc.record({
    amount: fc.double({ min: -1e8, max: 1e8, noNaN: true }),
    year: fc.integer({ min: 1, max: 12 }),
    timing: fc.constantFrom('upfront' as const, 'spread' as const),
  }),
  { minLength: 1, maxLength: 5 },
);

function withOneOffs(model: Model, items: { amount: number; year: number; timing: 'upfront' | 'spread' }[]): Model {
  const oneOffs: OneOffItem[] = items.map((item, i) => ({ id: `o${i}`, name: `One-off ${i}`, ...item }));
  return { ...model, scenarios: model.scenarios.map((scenario) => ({ ...scenario, oneOffs })) };
}

describe('revenue lines and one-off items', () => {
  it('without revenue levers or one-off items every figure is the cost-only arithmetic, to the bit', () => {
    fc.assert(
      fc.property(arbitraryModel(), arbitraryRevenue, (model, revenue) => {
        // Revenue lines without levers, empty lever and one-off lists: nothing may move.
        const extended: Model = {
          ...model,
          revenueLines: revenue.lines,
          scenarios: model.scenarios.map((scenario) => ({ ...scenario, revenueLevers: [], oneOffs: [] })),
        };
        const plain = compute(model);
        const with_ = compute(extended);
        plain.scenarios.forEach((result, s) => {
          const other = with_.scenarios[s]!;
          expect(other.years).toEqual(result.years);
          expect(other.totals).toEqual(result.totals);
          // The cost-only formulas, as they were before revenue and one-off cash existed.
          let cumulative = 0;
          for (const year of result.years) {
            expect(year.marginGain).toBe(0);
            expect(year.oneOff).toBe(0);
            // === : a -0 saving may come out as a +0 net, the same number.
            expect(year.net === year.saving - year.investment).toBe(true);
            cumulative += year.saving - year.investment;
            expect(year.cumulativeNet === cumulative).toBe(true);
          }
          const totals = result.totals;
          expect(totals.net === totals.saving - totals.investment).toBe(true);
          if (totals.investment > 0 && totals.returnOnInvestment !== null) expect(totals.returnOnInvestment === totals.saving / totals.investment).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('margin gain is linear in revenue: scaling every top-level amount by k scales it by k', () => {
    fc.assert(
      fc.property(arbitraryModel({ maxScenarios: 1 }), arbitraryRevenue, fc.double({ min: 0, max: 50, noNaN: true }), (model, revenue, k) => {
        if (model.scenarios.length === 0) return;
        const base: Model = {
          ...model,
          revenueLines: revenue.lines,
          scenarios: model.scenarios.map((scenario) => ({ ...scenario, revenueLevers: revenue.levers })),
        };
        expectValid(base);
        const scaled: Model = {
          ...base,
          revenueLines: revenue.lines.map((line) =>
            line.basis.kind === 'amount' ? { ...line, basis: { kind: 'amount', amount: line.basis.amount * k } } : line,
          ),
        };
        const a = compute(base).scenarios[0]!;
        const b = compute(scaled).scenarios[0]!;
        const tolerance = 1e-9 * Math.max(1, Math.abs(a.baseMarginGain) * (1 + k)) + 1e-6 * k;
        expect(Math.abs(b.baseMarginGain - k * a.baseMarginGain)).toBeLessThanOrEqual(tolerance * 10);
        a.years.forEach((year, y) => {
          expect(Math.abs(b.years[y]!.marginGain - k * year.marginGain)).toBeLessThanOrEqual(Math.max(tolerance, Math.abs(year.marginGain) * k * 1e-9) * 10);
        });
      }),
      { numRuns: 80 },
    );
  });

  it('one-off items never change return / investment or net ROI, and move NPV by their discounted cash', () => {
    fc.assert(
      fc.property(arbitraryModel(), arbitraryOneOffs, (model, items) => {
        const withCash = withOneOffs(model, items);
        expectValid(withCash);
        const plain = compute(model);
        const cash = compute(withCash);
        plain.scenarios.forEach((result, s) => {
          const other = cash.scenarios[s]!;
          expect(other.totals.returnOnInvestment).toBe(result.totals.returnOnInvestment);
          expect(other.totals.netRoi).toBe(result.totals.netRoi);
          expect(other.totals.saving).toBe(result.totals.saving);
          expect(other.totals.investment).toBe(result.totals.investment);
          const scenario = model.scenarios[s]!;
          let expectedOneOff = 0;
          let discounted = 0;
          for (const item of items) {
            if (item.year > scenario.horizonYears) continue;
            expectedOneOff += item.amount;
            discounted += item.amount / (1 + scenario.discountRate) ** item.year;
          }
          const scale = 1e-9 * (Math.abs(result.totals.npv) + items.reduce((n, item) => n + Math.abs(item.amount), 0) * 10) + 1e-6;
          expect(Math.abs(other.totals.oneOff - expectedOneOff)).toBeLessThanOrEqual(scale);
          expect(Math.abs(other.totals.npv - result.totals.npv - discounted)).toBeLessThanOrEqual(scale * 100);
        });
      }),
      { numRuns: 60 },
    );
  });
});
