import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeModel } from '../../../shared/engine';
import { displayDigits, formatAmount, formatNumber, formatPercent, formatShown, SIGNIFICANT_DIGITS } from '../../../shared/format/number';
import { createExampleModel } from '../../../shared/model/example';
import { DISPLAY_UNITS, UNIT_FACTOR } from '../../../shared/model/units';
import { fastNumberView } from '../../../renderer/src/screens/results/numbers';
import { numberView } from '../../../renderer/src/format';

/** The one display rule for amounts and percentages: never a non-zero figure as zero, enough significant digits. */
describe('display rule', () => {
  it('shows the example at 亿元 with three significant digits instead of 0.0', () => {
    const computed = computeModel(createExampleModel('zh'));
    expect(computed.ok).toBe(true);
    if (!computed.ok) return;
    const result = computed.value.scenarios[0]!;
    // Year-1 saving 130.01 万 = 0.0130 亿; NPV; the budget lines 20 万 = 0.00200 亿.
    expect(formatAmount(result.years[0]!.saving, 'hundredMillion', 'zh', 1)).toBe('0.0130');
    expect(formatAmount(200_000, 'hundredMillion', 'zh', 2)).toBe('0.00200');
    expect(formatAmount(result.totals.npv, 'hundredMillion', 'zh', 1)).not.toMatch(/^-?0\.0+$/);
    // Three budget lines of 66,666.67 yuan add up (shown) to what their total shows.
    expect(formatAmount(66_666.67, 'hundredMillion', 'zh')).toBe('0.000667');
    expect(formatAmount(200_000, 'hundredMillion', 'zh')).toBe('0.00200');
  });

  it('keeps the usual decimals where a figure is large enough (万元 grids and cards unchanged)', () => {
    expect(formatAmount(71_160_000, 'tenThousand', 'zh')).toBe('7,116.00');
    expect(formatAmount(1_300_100, 'tenThousand', 'zh', 1)).toBe('130.0');
    expect(formatAmount(8_667_300, 'million', 'en')).toBe('8.67');
    expect(formatAmount(123, 'yuan', 'en', 0)).toBe('123');
    expect(formatAmount(0, 'hundredMillion', 'en')).toBe('0.00');
  });

  it('shows every percentage the same way: 15.0%, 1.83%, 0.125%, 105.2%', () => {
    expect(formatPercent(0.15, 'zh')).toBe('15.0%');
    expect(formatPercent(0.01827, 'zh')).toBe('1.83%');
    expect(formatPercent(0.00125, 'en')).toBe('0.125%');
    expect(formatPercent(1.05184935, 'en')).toBe('105.2%');
    // The renderer's two number views say the same.
    expect(numberView('tenThousand', 'zh').percent(0.01827)).toBe(fastNumberView('tenThousand', 'zh').percent(0.01827));
  });

  it('never shows a non-zero amount as zero, in any unit, and keeps at least three significant digits (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e12, noNaN: true }), fc.constantFrom(...DISPLAY_UNITS), fc.constantFrom(0, 1, 2), (yuan, unit, minimum) => {
        for (const view of [numberView(unit, 'en'), fastNumberView(unit, 'en')]) {
          const text = view.amount(yuan, minimum);
          const shown = Number(text.replace(/,/g, ''));
          expect(shown).not.toBe(0);
          expect(text).toBe(formatAmount(yuan, unit, 'en', minimum));
          const exact = yuan / UNIT_FACTOR[unit];
          // Three significant digits: within half a unit of the third digit.
          if (exact >= 1e-7) expect(Math.abs(shown - exact) / exact).toBeLessThanOrEqual(0.5 * 10 ** (1 - SIGNIFICANT_DIGITS) + 1e-12);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('chooses the decimals from the magnitude', () => {
    expect([displayDigits(1234, 2), displayDigits(12.3, 1), displayDigits(0.0123, 1), displayDigits(0, 2), displayDigits(-0.5, 0)]).toEqual([2, 1, 4, 2, 3]);
    expect(formatShown(-0.0004, 'en', 1)).toBe('-0.000400');
    // Rounding up to the next power of ten shows three digits of what is shown, not four.
    expect(formatPercent(0.09999999, 'en')).toBe('10.0%');
    expect(formatShown(0.099999, 'en', 0)).toBe('0.100');
  });
});

describe('formatNumber writes what Intl.NumberFormat writes', () => {
  const intl = (value: number, locale: string, digits: number) => {
    const rounded = Number(value.toFixed(digits));
    return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(rounded === 0 ? 0 : rounded);
  };

  it('for any value, both languages and 0 to 10 decimals', () => {
    const magnitude = fc.integer({ min: -12, max: 22 });
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), magnitude).map(([mantissa, exponent]) => mantissa * 10 ** exponent),
      fc.integer().map((n) => n / 100),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 10 }), (v, digits) => {
        expect(formatNumber(v, 'zh', digits)).toBe(intl(v, 'zh-CN', digits));
        expect(formatNumber(v, 'en', digits)).toBe(intl(v, 'en-US', digits));
      }),
      { numRuns: 3000 },
    );
  });

  it('at the edges: zero, rounding to zero, thousands, infinities, NaN, 1e21 and above', () => {
    for (const v of [0, -0, -0.004, 0.005, 999.995, 1000, -1234567.891, 1e21, -1e21, 1.5e22, Infinity, -Infinity, NaN, Number.MAX_VALUE, 5e-324]) {
      for (const digits of [0, 1, 2, 4]) {
        expect(formatNumber(v, 'zh', digits), `${v} ${digits}`).toBe(intl(v, 'zh-CN', digits));
        expect(formatNumber(v, 'en', digits), `${v} ${digits}`).toBe(intl(v, 'en-US', digits));
      }
    }
  });
});
