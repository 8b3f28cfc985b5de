import type { ScenarioResult, YearResult } from '../../../../shared/engine';
import type { InvestmentLine, Scenario } from '../../../../shared/model/schema';

export type BudgetRowKind = 'line' | 'investment' | 'saving' | 'marginGain' | 'oneOff' | 'net' | 'cumulative';

/** An investment line of the scenario, or one of the total rows pinned under them. */
export interface BudgetRow {
  id: string;
  kind: BudgetRowKind;
  name: string;
  line: InvestmentLine | null;
  /** Yuan per plan year. */
  perYear: number[];
  /** Over the horizon (the last cumulative value for the cumulative row). */
  total: number;
}

export function lineRows(scenario: Scenario, result: ScenarioResult): BudgetRow[] {
  return scenario.investments.map((line, index) => {
    const perYear = result.years.map((year) => year.investmentByLine[index] ?? 0);
    return { id: line.id, kind: 'line', name: line.name, line, perYear, total: sum(perYear) };
  });
}

/**
 * The totals pinned under the lines. Margin gain and one-off cash get their own rows when the
 * scenario has revenue levers or one-off items (`show`), so the net reads as the sum above it.
 */
export function totalRows(
  years: readonly YearResult[],
  names: Record<Exclude<BudgetRowKind, 'line'>, string>,
  show: { marginGain: boolean; oneOff: boolean } = { marginGain: false, oneOff: false },
): BudgetRow[] {
  const row = (kind: Exclude<BudgetRowKind, 'line'>, values: number[], total = sum(values)): BudgetRow => ({
    id: `total-${kind}`,
    kind,
    name: names[kind],
    line: null,
    perYear: values,
    total,
  });
  const cumulative = years.map((year) => year.cumulativeNet);
  return [
    row(
      'investment',
      years.map((year) => year.investment),
    ),
    row(
      'saving',
      years.map((year) => year.saving),
    ),
    ...(show.marginGain
      ? [
          row(
            'marginGain',
            years.map((year) => year.marginGain),
          ),
        ]
      : []),
    ...(show.oneOff
      ? [
          row(
            'oneOff',
            years.map((year) => year.oneOff),
          ),
        ]
      : []),
    row(
      'net',
      years.map((year) => year.net),
    ),
    row('cumulative', cumulative, cumulative[cumulative.length - 1] ?? 0),
  ];
}

/** The years whose benefit (saving + margin gain) does not cover their investment, with the gap (yuan). */
export function shortYears(years: readonly YearResult[]): { calendarYear: number; gap: number }[] {
  return years
    .filter((year) => year.investment - year.benefit > 1e-9 * Math.max(1, year.investment))
    .map((year) => ({ calendarYear: year.calendarYear, gap: year.investment - year.benefit }));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
