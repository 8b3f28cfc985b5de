import { describe, expect, it } from 'vitest';
import { computeModel, type ScenarioResult } from '../../../shared/engine';
import { createExampleModel, LANGUAGES } from '../../../shared/model';

/** The oracle table of ../shared/domain.md, in 10k yuan (万元). */
const ORACLE = {
  'target-15': {
    affectedShare: 0.01827,
    years: [130.00932, 156.011184, 187.2134208],
    saving: 473.2339248,
    investment: 210,
    returnOnInvestment: 2.25349488,
    netRoi: 1.25349488,
    payback: 30 / (130.00932 - 40),
    npv: 222.3527047,
  },
  'digital-tools-20': {
    affectedShare: 0.02436,
    years: [173.34576, 208.014912, 249.6178944],
    saving: 630.9785664,
    investment: 210,
    returnOnInvestment: 3.00465984,
    netRoi: 2.00465984,
    payback: 30 / (173.34576 - 40),
    npv: 356.602536,
  },
} as const;

const WAN = 10_000;

function expectClose(actual: number | null, expected: number, relative = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative);
}

describe.each(LANGUAGES)('the built-in example (%s) reproduces the oracle', (language) => {
  const computed = computeModel(createExampleModel(language));
  if (!computed.ok) throw new Error(JSON.stringify(computed.error));
  const byId = new Map<string, ScenarioResult>(computed.value.scenarios.map((s) => [s.scenarioId, s]));

  it.each(Object.entries(ORACLE))('%s', (scenarioId, oracle) => {
    const result = byId.get(scenarioId)!;
    expectClose(result.affectedShare, oracle.affectedShare);
    expect(result.years).toHaveLength(3);
    result.years.forEach((year, i) => expectClose(year.saving / WAN, oracle.years[i]!));
    expectClose(result.totals.saving / WAN, oracle.saving);
    expectClose(result.totals.investment / WAN, oracle.investment);
    expectClose(result.totals.returnOnInvestment, oracle.returnOnInvestment);
    expectClose(result.totals.netRoi, oracle.netRoi);
    expectClose(result.totals.npv / WAN, oracle.npv);
    expectClose(result.totals.paybackYears, oracle.payback);
    result.years.forEach((year) => expectClose(year.investment / WAN, 70));
  });

  it('reports payback in months as the domain file does', () => {
    expect((byId.get('target-15')!.totals.paybackYears! * 12).toFixed(1)).toBe('4.0');
    expect((byId.get('digital-tools-20')!.totals.paybackYears! * 12).toFixed(1)).toBe('2.7');
  });

  it('rolls the contact-center labor saving up the tree', () => {
    const result = byId.get('target-15')!;
    const tree = computed.value.tree;
    const at = (id: string) => tree.indexById.get(id)!;
    expectClose(result.subtreeSaving[at('contact-center-labor')]! / WAN, 130.00932);
    expectClose(result.subtreeSaving[at('contact-center')]! / WAN, 130.00932);
    expectClose(result.subtreeSaving[at('service-cost')]! / WAN, 130.00932);
    expect(result.subtreeSaving[at('materials-field')]).toBe(0);
    expectClose(tree.resolvedAmount[at('contact-center-labor')]! / WAN, 866.7288);
    expectClose(tree.resolvedAmount[at('contact-center-other')]! / WAN, 129.5112);
    expectClose(tree.resolvedAmount[at('other-service')]! / WAN, 2988.72);
    expect(result.contributions).toHaveLength(1);
    expectClose(result.contributions[0]!.saving / WAN, 130.00932);
  });
});
