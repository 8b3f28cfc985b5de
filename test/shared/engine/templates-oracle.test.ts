import { describe, expect, it } from 'vitest';
import { computeModel, IncrementalEngine, type ScenarioResult } from '../../../shared/engine';
import { createTemplateModel, LANGUAGES, TEMPLATE_IDS, TEMPLATES, validateModel, formatIssue } from '../../../shared/model';

/** The worked examples of ../shared/domain.md, section "Templates", in 10k yuan (万元). */
const WAN = 10_000;

interface Oracle {
  template: 'spare-parts' | 'service-providers' | 'service-revenue';
  affectedShare: number;
  baseSaving: number;
  baseMarginGain: number;
  saving: number[];
  marginGain: number[];
  oneOff: number[];
  investment: number[];
  net?: number[];
  cumulativeNet?: number[];
  totalSaving: number;
  totalMarginGain: number;
  totalInvestment: number;
  totalOneOff: number;
  returnOnInvestment: number;
  netRoi: number;
  npv: number;
  payback: number;
}

const ORACLES: Oracle[] = [
  {
    template: 'spare-parts',
    affectedShare: 0.122267206477733,
    baseSaving: 302,
    baseMarginGain: 0,
    saving: [151, 332.2, 365.42],
    marginGain: [0, 0, 0],
    oneOff: [400, 0, 0],
    investment: [185.1, 53.22, 56.542],
    net: [365.9, 278.98, 308.878],
    cumulativeNet: [365.9, 644.88, 953.758],
    totalSaving: 848.62,
    totalMarginGain: 0,
    totalInvestment: 294.862,
    totalOneOff: 400,
    returnOnInvestment: 2.8780243,
    netRoi: 1.8780243,
    npv: 823.17399533,
    payback: 150 / (151 + 400 - 35.1),
  },
  {
    template: 'service-providers',
    affectedShare: 0.1055,
    baseSaving: 211,
    baseMarginGain: 0,
    saving: [211, 232.1, 255.31],
    marginGain: [0, 0, 0],
    oneOff: [0, 0, 0],
    investment: [90.55, 11.605, 12.7655],
    totalSaving: 698.41,
    totalMarginGain: 0,
    totalInvestment: 114.9205,
    totalOneOff: 0,
    returnOnInvestment: 6.07733172,
    netRoi: 5.07733172,
    npv: 493.10634494,
    payback: 80 / (211 - 10.55),
  },
  {
    template: 'service-revenue',
    affectedShare: 0,
    baseSaving: 0,
    baseMarginGain: 162,
    saving: [0, 0, 0],
    marginGain: [162, 174.96, 188.9568],
    oneOff: [0, 0, 0],
    investment: [91.2, 32.496, 33.89568],
    totalSaving: 0,
    totalMarginGain: 525.9168,
    totalInvestment: 157.59168,
    totalOneOff: 0,
    returnOnInvestment: 3.33721171,
    netRoi: 2.33721171,
    npv: 310.78798964,
    payback: 60 / (162 - 16.2 - 15),
  },
];

/** Figures given to 8-9 significant digits in the domain file pass at their printed precision; exact ones at 1e-9. */
function expectClose(actual: number | null, expected: number, relative = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(Math.max(Math.abs(expected) * relative, 1e-12));
}

/** Ratios printed with 8 decimals (2.8780243) are checked to their last printed digit. */
function expectPrinted(actual: number | null, printed: number): void {
  const decimals = (String(printed).split('.')[1] ?? '').length;
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - printed)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-15);
}

describe.each(LANGUAGES)('templates (%s) reproduce the worked examples', (language) => {
  it.each(ORACLES.map((oracle) => [oracle.template, oracle] as const))('%s', (_id, oracle) => {
    const model = createTemplateModel(oracle.template, language);
    const computed = computeModel(model);
    if (!computed.ok) throw new Error(computed.error.map(formatIssue).join('\n'));
    const result: ScenarioResult = computed.value.scenarios[0]!;
    expectClose(result.affectedShare, oracle.affectedShare, 1e-12);
    expectClose(result.baseSaving / WAN, oracle.baseSaving);
    expectClose(result.baseMarginGain / WAN, oracle.baseMarginGain);
    expect(result.years).toHaveLength(3);
    result.years.forEach((year, i) => {
      expectClose(year.saving / WAN, oracle.saving[i]!);
      expectClose(year.marginGain / WAN, oracle.marginGain[i]!);
      expectClose(year.benefit / WAN, oracle.saving[i]! + oracle.marginGain[i]!);
      expectClose(year.oneOff / WAN, oracle.oneOff[i]!);
      expectClose(year.investment / WAN, oracle.investment[i]!);
      const net = oracle.net?.[i] ?? oracle.saving[i]! + oracle.marginGain[i]! + oracle.oneOff[i]! - oracle.investment[i]!;
      expectClose(year.net / WAN, net);
      if (oracle.cumulativeNet) expectClose(year.cumulativeNet / WAN, oracle.cumulativeNet[i]!);
    });
    expectClose(result.totals.saving / WAN, oracle.totalSaving);
    expectClose(result.totals.marginGain / WAN, oracle.totalMarginGain);
    expectClose(result.totals.benefit / WAN, oracle.totalSaving + oracle.totalMarginGain);
    expectClose(result.totals.oneOff / WAN, oracle.totalOneOff);
    expectClose(result.totals.investment / WAN, oracle.totalInvestment);
    expectPrinted(result.totals.returnOnInvestment, oracle.returnOnInvestment);
    expectPrinted(result.totals.netRoi, oracle.netRoi);
    expectPrinted(result.totals.npv / WAN, oracle.npv);
    expectClose(result.totals.paybackYears, oracle.payback);
  });

  it('spare parts: the year-1 saving is 90 + 72 + 80 + 60 line by line', () => {
    const computed = computeModel(createTemplateModel('spare-parts', language));
    if (!computed.ok) throw new Error('invalid');
    const { tree } = computed.value;
    const saving = computed.value.scenarios[0]!.subtreeSaving;
    const at = (id: string) => saving[tree.indexById.get(id)!]! / WAN;
    expectClose(at('parts-consumed'), 90);
    expectClose(at('wrong-shipments'), 72);
    expectClose(at('carrying-cost'), 80);
    expectClose(at('obsolete-stock'), 60);
  });

  it('service revenue: the margin gain is 102 + 60 line by line', () => {
    const computed = computeModel(createTemplateModel('service-revenue', language));
    if (!computed.ok) throw new Error('invalid');
    const { revenue } = computed.value;
    const gain = computed.value.scenarios[0]!.subtreeMarginGain;
    expectClose(gain[revenue.indexById.get('out-of-warranty')!]! / WAN, 102);
    expectClose(gain[revenue.indexById.get('service-contracts')!]! / WAN, 60);
    expectClose(revenue.totalRevenue / WAN, 2100);
  });

  it('every template is a valid model in this language, with notes on every line', () => {
    for (const id of TEMPLATE_IDS) {
      const model = createTemplateModel(id, language);
      const validated = validateModel(model);
      expect(validated.ok, id).toBe(true);
      expect(model.language).toBe(language);
      for (const node of model.costTree) expect(node.notes, `${id} ${node.id}`).toBeTruthy();
      for (const line of model.revenueLines ?? []) expect(line.notes, `${id} ${line.id}`).toBeTruthy();
    }
    expect(TEMPLATES.map((template) => template.id)).toEqual([...TEMPLATE_IDS]);
  });

  it('the incremental engine gives the same figures as a full compute', () => {
    const engine = new IncrementalEngine();
    for (const oracle of ORACLES) {
      const model = createTemplateModel(oracle.template, language);
      const full = computeModel(model);
      if (!full.ok) throw new Error('invalid');
      const incremental = engine.compute(model).scenarios[0]!;
      expect(incremental.totals).toEqual(full.value.scenarios[0]!.totals);
      // A revenue lever edit recomputes the scenario over the revenue lines prepared once.
      if (oracle.template !== 'service-revenue') continue;
      const scenario = model.scenarios[0]!;
      const edited = {
        ...model,
        scenarios: [{ ...scenario, revenueLevers: [{ lineId: 'out-of-warranty', volumeChange: 0.2, priceChange: 0.03 }, scenario.revenueLevers![1]!] }],
      };
      const before = engine.compute(model);
      const after = engine.compute(edited);
      expect(after.revenue).toBe(before.revenue);
      const expected = computeModel(edited);
      if (!expected.ok) throw new Error('invalid');
      expect(after.scenarios[0]!.totals).toEqual(expected.value.scenarios[0]!.totals);
      // 1,500 x (0.35 x 0.2 + 0.03 x 1.2) + 60 = 219 in year 1.
      expectClose(after.scenarios[0]!.years[0]!.marginGain / WAN, 219);
    }
  });
});

describe('the contact-center template is the built-in example with notes', () => {
  it.each(LANGUAGES)('%s: same figures as the example', (language) => {
    const computed = computeModel(createTemplateModel('contact-center', language));
    if (!computed.ok) throw new Error('invalid');
    expectClose(computed.value.scenarios[0]!.totals.saving / WAN, 473.2339248);
    expectClose(computed.value.scenarios[0]!.totals.npv / WAN, 222.3527047);
    expectClose(computed.value.scenarios[1]!.totals.returnOnInvestment, 3.00465984);
  });
});
