import { describe, expect, it } from 'vitest';
import { computeValidModel, prepareTree } from '../../../shared/engine';
import { createExampleModel } from '../../../shared/model/example';
import { i18n } from '../../../renderer/src/i18n';
import { SCREEN_LOOK } from '../../../renderer/src/components/charts/setup';
import { SERIES_COLOURS } from '../../../renderer/src/components/charts/palette';
import { bridgeAxisMin, bridgeSteps, buildBridge, buildYears, type BridgeStep, type ChartText } from '../../../renderer/src/screens/results/charts';

const example = createExampleModel('zh');
const results = computeValidModel(example, prepareTree(example.costTree));
const text = (unit: ChartText['unit'], unitText: string): ChartText => ({ t: i18n.getFixedT('zh'), language: 'zh', unit, unitText });
const step = (kind: BridgeStep['kind'], from: number, to: number): BridgeStep => ({ kind, label: [], line: '', title: '', from, to, change: to - from });

describe('where the bridge value axis starts', () => {
  it('at zero when the steps are large next to the totals', () => {
    expect(bridgeAxisMin([step('total', 0, 100), step('saving', 60, 100), step('total', 0, 60)])).toBe(0);
  });

  it('at a round figure below the lowest step when they are small (the example: 6,700 万元 = 0.670 亿元)', () => {
    const steps = bridgeSteps(results.tree, results.scenarios[0]!, text('hundredMillion', '亿元'));
    expect(bridgeAxisMin(steps)).toBe(67_000_000);
    const config = buildBridge(steps, text('hundredMillion', '亿元'), SCREEN_LOOK);
    const y = config.options?.scales?.['y'] as { min?: number };
    expect(y.min).toBeCloseTo(0.67, 12);
    // The axis does not start at zero: a break is drawn on it.
    expect(config.options?.plugins?.axisBreak).toEqual({ enabled: true });
  });

  it('no break on a bridge that starts at zero', () => {
    const config = buildBridge([step('total', 0, 100), step('saving', 60, 100), step('total', 0, 60)], text('yuan', '元'), SCREEN_LOOK);
    expect(config.options?.plugins?.axisBreak).toEqual({ enabled: false });
  });

  it('never lands at or below zero, and never above the lowest bar end', () => {
    for (const [total, saving] of [
      [1e6, 1],
      [1e6, 1e5],
      [7.3e9, 2.1e7],
      [55, 0.3],
    ] as const) {
      const steps = [step('total', 0, total), step('saving', total - saving, total), step('total', 0, total - saving)];
      const min = bridgeAxisMin(steps);
      expect(min).toBeGreaterThanOrEqual(0);
      expect(min).toBeLessThanOrEqual(total - saving);
    }
  });
});

describe('one palette', () => {
  it('the yearly chart draws saving and investment in the shared palette', () => {
    const config = buildYears(results.scenarios[0]!, text('tenThousand', '万元'), SCREEN_LOOK, { cumulativeLine: false });
    const colours = config.data.datasets.map((dataset) => dataset.backgroundColor);
    expect(colours).toEqual([SERIES_COLOURS.saving, SERIES_COLOURS.investment]);
  });
});
