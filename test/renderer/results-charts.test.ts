import { describe, expect, it } from 'vitest';
import { generateModel } from '../../bench/generate';
import { computeValidModel, prepareTree } from '../../shared/engine';
import { formatNumber } from '../../shared/format/number';
import { createExampleModel } from '../../shared/model/example';
import { i18n } from '../../renderer/src/i18n';
import { SCREEN_LOOK } from '../../renderer/src/components/charts/setup';
import { bridgeAxisMin, bridgeIsHorizontal, bridgeSteps, buildBridge, compositionRows, type ChartText } from '../../renderer/src/screens/results/charts';
import { figureValue, showDifference, showFigure } from '../../renderer/src/screens/results/figures';
import { fastNumberView, formatFixed } from '../../renderer/src/screens/results/numbers';

/** The data behind the Results and Compare charts and figures, without a browser. */
const example = createExampleModel('zh');
const exampleResults = computeValidModel(example, prepareTree(example.costTree));
const zh = i18n.getFixedT('zh');
const zhText: ChartText = { t: zh, language: 'zh', unit: 'tenThousand', unitText: '万元' };

describe('savings bridge', () => {
  it('goes from the service cost down by each lever to the cost with the levers (example)', () => {
    const result = exampleResults.scenarios[0]!;
    const steps = bridgeSteps(exampleResults.tree, result, zhText);
    expect(steps.map((s) => s.kind)).toEqual(['total', 'saving', 'total']);
    expect(steps[0]!.to).toBe(71_160_000);
    expect(steps[1]!.label).toEqual(['呼叫中心人工', '人均单价 -15.0%']);
    expect(steps[1]!.to - steps[1]!.from).toBeCloseTo(1_300_093.2, 1);
    expect(steps[2]!.to).toBeCloseTo(71_160_000 - 1_300_093.2, 1);
    expect(bridgeAxisMin(steps)).toBe(67_000_000);
    expect(bridgeIsHorizontal(steps)).toBe(false);
    const config = buildBridge(steps, zhText, SCREEN_LOOK);
    expect(config.data.datasets[0]!.data).toEqual([
      [0, 7116],
      [steps[1]!.from / 1e4, 7116],
      [0, steps[2]!.to / 1e4],
    ]);
  });

  it('shows the 11 largest levers one by one and the rest as one bar, adding up to the saving', () => {
    const model = generateModel({ leafLines: 1_000 });
    const results = computeValidModel(model, prepareTree(model.costTree));
    const en = i18n.getFixedT('en');
    for (const result of results.scenarios) {
      const levers = result.contributions.filter((c) => c.saving !== 0);
      const steps = bridgeSteps(results.tree, result, { t: en, language: 'en', unit: 'tenThousand', unitText: '10k yuan' });
      expect(levers.length).toBeGreaterThan(12);
      expect(steps).toHaveLength(14);
      expect(steps[12]!.line).toBe(`Other levers (${levers.length - 11})`);
      const moved = steps.slice(1, -1).reduce((sum, s) => sum + s.change, 0);
      expect(moved).toBeCloseTo(-result.baseSaving, 3);
      // Each step starts where the one before ended.
      let running = results.tree.totalAmount;
      for (const s of steps.slice(1, -1)) {
        const next = running + s.change;
        expect(Math.min(running, next)).toBeCloseTo(s.from, 3);
        expect(Math.max(running, next)).toBeCloseTo(s.to, 3);
        running = next;
      }
      const sizes = steps.slice(1, 12).map((s) => Math.abs(s.change));
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
      expect(bridgeIsHorizontal(steps)).toBe(true);
    }
  });
});

describe('composition', () => {
  it('splits the service cost into the parts below the root, with their savings', () => {
    const result = exampleResults.scenarios[0]!;
    const rows = compositionRows(exampleResults.tree, result, (count) => `other ${count}`, 'unsplit');
    expect(rows.map((r) => r.name)).toEqual(['物料与现场服务', '呼叫中心', '其他服务成本']);
    expect(rows.map((r) => r.share)).toEqual([0.44, 0.14, 0.42]);
    expect(rows.reduce((sum, r) => sum + r.amount, 0)).toBeCloseTo(71_160_000, 3);
    expect(rows[1]!.saving).toBeCloseTo(result.baseSaving, 6);
    expect(rows[0]!.saving).toBe(0);
  });

  it('groups more than 10 parts into 9 and the rest, keeping the total', () => {
    const parts = Array.from({ length: 12 }, (_, i) => ({
      id: `p${i}`,
      parentId: 'root',
      name: `Part ${i}`,
      basis: { kind: 'amount' as const, amount: (i + 1) * 1000 },
      relevance: 'strong' as const,
    }));
    const model = {
      ...example,
      costTree: [{ id: 'root', parentId: null, name: 'Root', basis: { kind: 'amount' as const, amount: 100_000 }, relevance: 'strong' as const }, ...parts],
      scenarios: [{ ...example.scenarios[0]!, levers: [{ nodeId: 'p0', unitCostChange: -0.5 }] }],
    };
    const tree = prepareTree(model.costTree);
    const results = computeValidModel(model, tree);
    const rows = compositionRows(tree, results.scenarios[0]!, (count) => `other ${count}`, 'unsplit');
    // 12 parts and the root's own 22,000: the 9 largest, then the other 4 together.
    expect(rows).toHaveLength(10);
    expect(rows[0]!.name).toBe('unsplit');
    expect(rows[9]!.name).toBe('other 4');
    expect(rows[9]!.saving).toBe(500);
    expect(rows.reduce((sum, r) => sum + r.amount, 0)).toBeCloseTo(tree.totalAmount, 0);
  });
});

describe('figures as shown', () => {
  const view = fastNumberView('tenThousand', 'zh');
  it('reads as the article: 130.0 万元, 473.2 万元, 225.3%, payback 0.33 years', () => {
    const result = exampleResults.scenarios[0]!;
    expect(showFigure('yearOneSaving', figureValue(result, 'yearOneSaving'), view, zh, 'CNY')).toEqual({ number: '130.0', unit: '万元', note: '' });
    expect(showFigure('saving', figureValue(result, 'saving'), view, zh, 'CNY').number).toBe('473.2');
    expect(showFigure('returnOnInvestment', figureValue(result, 'returnOnInvestment'), view, zh, 'CNY')).toEqual({ number: '225.3%', unit: '', note: '' });
    expect(showFigure('paybackYears', figureValue(result, 'paybackYears'), view, zh, 'CNY')).toEqual({ number: '0.33', unit: '年', note: '4.0 个月' });
    expect(showFigure('paybackYears', null, view, zh, 'CNY').number).toBe('期内无法回收');
    expect(showFigure('affectedShare', figureValue(result, 'affectedShare'), view, zh, 'CNY').number).toBe('1.83%');
  });

  it('a scenario with no saving and no investment: payback "not applicable", never coloured as an improvement', () => {
    const result = exampleResults.scenarios[0]!;
    const empty = {
      ...result,
      totals: { ...result.totals, saving: 0, investment: 0, net: 0, npv: 0, returnOnInvestment: null, netRoi: null, paybackYears: 0 },
    };
    expect(showFigure('paybackYears', figureValue(empty, 'paybackYears'), view, zh, 'CNY')).toEqual({ number: '不适用', unit: '', note: '无节省也无投入' });
    expect(showDifference('paybackYears', figureValue(empty, 'paybackYears'), figureValue(result, 'paybackYears'), view, zh)).toEqual({ text: '—', tone: '' });
  });

  it('states differences signed, in percentage points for ratios, coloured by which way is better', () => {
    const [base, other] = exampleResults.scenarios as [(typeof exampleResults.scenarios)[0], (typeof exampleResults.scenarios)[0]];
    const diff = (figure: Parameters<typeof figureValue>[1]) => showDifference(figure, figureValue(other, figure), figureValue(base, figure), view, zh);
    expect(diff('saving')).toEqual({ text: '+157.7', tone: 'positive' });
    expect(diff('investment')).toEqual({ text: '0.0', tone: '' });
    expect(diff('returnOnInvestment')).toEqual({ text: '+75.1 个百分点', tone: 'positive' });
    expect(diff('paybackYears')).toEqual({ text: '-0.11 年', tone: 'positive' });
    expect(showDifference('saving', figureValue(base, 'saving'), figureValue(other, 'saving'), view, zh)).toEqual({ text: '-157.7', tone: 'negative' });
  });

  it('formats exactly as shared/format/number.ts', () => {
    const values = [0, -0, 0.04, -0.04, 0.05, 1.005, 130.00932, -157.74446, 1234567.891, 71_160_000, 1e15, -2.5e-7];
    for (const language of ['zh', 'en'] as const)
      for (const digits of [0, 1, 2, 3]) for (const value of values) expect(formatFixed(value, language, digits)).toBe(formatNumber(value, language, digits));
  });
});
