import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserAvailable, screenshot, usePage } from './support/app';
import { drawCount, editInPage, pngSize } from './support/results';

/**
 * The charts' geometry in Chinese, read from the Chart.js instances (`window.costPlannerChart`,
 * exposed in the test build): bridge labels that do not overlap with four levers, the drawn
 * axis break and a note with the axis's true start, value labels clear of the cumulative net's
 * points, ticks by the display rule at 亿元, the tornado's base line and numbered axis, the
 * budget chart in the Results palette with Save PNG, and long amounts shown whole on cards.
 */

interface LabelGeometry {
  boxes: { left: number; right: number; top: number; bottom: number; lines: string[] }[];
  width: number;
}

/** The tick labels of a chart's axis as boxes (canvas px), measured with the font Chart.js draws them in. */
async function tickBoxes(page: Page, chart: string, axis: string): Promise<LabelGeometry> {
  return page.evaluate(
    ([chartId, axisId]) => {
      const Chart = (window as unknown as { costPlannerChart: { getChart(canvas: HTMLCanvasElement): unknown } }).costPlannerChart;
      const canvas = document.querySelector(`[data-testid="chart-${chartId}"] canvas`) as HTMLCanvasElement;
      const instance = Chart.getChart(canvas) as {
        ctx: CanvasRenderingContext2D;
        width: number;
        scales: Record<
          string,
          {
            isHorizontal(): boolean;
            getLabelItems(): {
              label: string | string[];
              font: { string: string; lineHeight: number };
              options: { translation: [number, number]; textAlign: string };
            }[];
          }
        >;
      };
      const scale = instance.scales[axisId]!;
      const { ctx } = instance;
      const boxes = scale.getLabelItems().map((item) => {
        const lines = Array.isArray(item.label) ? item.label : [item.label];
        ctx.save();
        ctx.font = item.font.string;
        const width = Math.max(...lines.map((line) => ctx.measureText(line).width));
        ctx.restore();
        const [x, y] = item.options.translation;
        const left = item.options.textAlign === 'right' ? x - width : item.options.textAlign === 'left' ? x : x - width / 2;
        return { left, right: left + width, top: y, bottom: y + lines.length * item.font.lineHeight, lines };
      });
      return { boxes, width: instance.width };
    },
    [chart, axis] as const,
  );
}

/** Reads a chart instance's state in the page. */
async function chartState<T>(page: Page, chart: string, read: string): Promise<T> {
  return page.evaluate(
    ([chartId, body]) => {
      const Chart = (window as unknown as { costPlannerChart: { getChart(canvas: HTMLCanvasElement): unknown } }).costPlannerChart;
      const canvas = document.querySelector(`[data-testid="chart-${chartId}"] canvas`) as HTMLCanvasElement;
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a test's own reader, run in the page
      const reader = new Function('chart', `return (${body});`) as (chart: unknown) => T;
      return reader(Chart.getChart(canvas));
    },
    [chart, read] as const,
  );
}

const FOUR_LEVERS = [
  { nodeId: 'materials-field', kind: 'unitCostChange', value: -0.05 },
  { nodeId: 'contact-center-other', kind: 'volumeChange', value: -0.08 },
  { nodeId: 'other-service', kind: 'throughputChange', value: 0.06 },
] as const;

describe.skipIf(!browserAvailable())('Charts in Chromium (zh)', () => {
  const served = usePage('results', (page) => page.getByTestId('chart-bridge').waitFor());
  let page: Page;
  beforeEach(() => {
    page = served.page;
  });

  it('bridge with four levers: the lever labels do not overlap and stay on the canvas; the full name is in the tooltip', async () => {
    for (const lever of FOUR_LEVERS) await editInPage(page, { type: 'setLever', scenarioId: 'target-15', ...lever });
    await expect.poll(() => chartState<number>(page, 'bridge', 'chart.data.labels.length')).toBe(6);
    expect(await chartState<string>(page, 'bridge', 'chart.options.indexAxis')).toBe('x');
    const { boxes, width } = await tickBoxes(page, 'bridge', 'x');
    expect(boxes).toHaveLength(6);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left, `label ${i} "${boxes[i]!.lines.join(' ')}"`).toBeGreaterThanOrEqual(boxes[i - 1]!.right);
    expect(boxes[0]!.left).toBeGreaterThanOrEqual(0);
    expect(boxes[boxes.length - 1]!.right).toBeLessThanOrEqual(width);
    // The tooltip title of a lever is its full path, unshortened.
    const titles = await chartState<string[]>(
      page,
      'bridge',
      'chart.data.labels.map((_, i) => chart.options.plugins.tooltip.callbacks.title([{ dataIndex: i }]))',
    );
    expect(titles).toContain('呼叫中心 › 呼叫中心人工 · 人均单价 -15.0%');
    await page.getByTestId('chart-bridge').scrollIntoViewIfNeeded();
    await screenshot(page, 'charts-bridge-four-levers');
  });

  it('a bridge whose axis does not start at zero draws a break, and its note gives the true start with the unit (亿元)', async () => {
    await page.getByTestId('display-unit').selectOption('hundredMillion');
    await expect.poll(() => chartState<string>(page, 'bridge', 'chart.options.scales.y.title.text')).toBe('亿元');
    const min = await chartState<number>(page, 'bridge', 'chart.scales.y.min');
    expect(min).toBeGreaterThan(0);
    const note = await page.getByTestId('chart-bridge').locator('.chart-note').innerText();
    const match = /数值轴从 ([\d.,]+) 亿元 开始/.exec(note);
    expect(match, note).not.toBeNull();
    expect(Number(match![1]!.replace(/,/g, ''))).toBeCloseTo(min, 10);
    // The first tick of the axis reads the same figure as the note.
    const firstTick = await chartState<string>(page, 'bridge', 'chart.scales.y.ticks[0].label');
    expect(firstTick).toBe(match![1]);
    const mark = await chartState<{ x: number; y: number } | null>(page, 'bridge', 'chart.$axisBreak ?? null');
    expect(mark).not.toBeNull();
    const area = await chartState<{ left: number; bottom: number; top: number }>(
      page,
      'bridge',
      '({ left: chart.chartArea.left, bottom: chart.chartArea.bottom, top: chart.chartArea.top })',
    );
    expect(mark!.x).toBeCloseTo(area.left, 0);
    expect(mark!.y).toBeLessThan(area.bottom);
    expect(mark!.y).toBeGreaterThan(area.top);
    await screenshot(page, 'charts-bridge-yi');
  });

  it('at 亿元 every value axis reads distinct figures by the display rule, never a column of 0', async () => {
    for (const chart of ['bridge', 'years', 'composition']) {
      const axis = chart === 'composition' ? 'x' : 'y';
      const labels = await chartState<string[]>(page, chart, `chart.scales.${axis}.ticks.map((tick) => tick.label)`);
      const values = await chartState<number[]>(page, chart, `chart.scales.${axis}.ticks.map((tick) => tick.value)`);
      expect(new Set(labels).size, `${chart}: ${labels.join(' | ')}`).toBe(labels.length);
      for (let i = 0; i < values.length; i++) {
        if (values[i] !== 0) expect(Number(labels[i]!.replace(/,/g, '')), `${chart}: ${labels[i]}`).not.toBe(0);
        // Each tick is its value to the shown decimals.
        expect(Number(labels[i]!.replace(/,/g, ''))).toBeCloseTo(values[i]!, 3);
      }
      // One count of decimals on an axis.
      expect(new Set(labels.map((label) => label.split('.')[1]?.length ?? 0)).size, `${chart}: ${labels.join(' | ')}`).toBe(1);
    }
    await page.getByTestId('chart-years').scrollIntoViewIfNeeded();
    await screenshot(page, 'charts-yi-axes');
    await page.getByTestId('display-unit').selectOption('tenThousand');
  });

  it('the yearly chart writes no value label over a point of the cumulative net line', async () => {
    // In yuan the labels are long ("1,300,093"): they reach the middle of the year, where the line's point is.
    await page.getByTestId('display-unit').selectOption('yuan');
    await expect.poll(() => chartState<string>(page, 'years', 'chart.options.scales.y.title.text')).toBe('元');
    let moved = 0;
    let drawn = await drawCount(page, 'years');
    // Year-1 investment near half the year-1 saving puts the year-1 cumulative net just above the
    // investment bar, where its label goes: the other two lines invest 40 万 in year 1.
    const saving = (await chartState<number>(page, 'years', 'chart.data.datasets[0].data[0]')) / 10_000;
    for (const k of [0, 1, 2, 3, 4, 5, 6]) {
      const yearOne = Math.round(saving / 2 - (k * saving) / 40) - 40;
      await editInPage(page, {
        type: 'changeInvestment',
        scenarioId: 'target-15',
        lineId: 'digital-tools',
        amount: { kind: 'yearly', amounts: [yearOne * 10_000, 0, 0] },
        timing: 'spread',
      });
      await expect.poll(() => drawCount(page, 'years')).toBeGreaterThan(drawn);
      drawn = await drawCount(page, 'years');
      const { labels, points } = await chartState<{
        labels: { x: number; y: number; width: number; height: number; moved: boolean; text: string }[];
        points: { x: number; y: number; r: number }[];
      }>(
        page,
        'years',
        `({ labels: chart.$valueLabels.drawn, points: chart.data.datasets.flatMap((d, i) => d.type === 'line' ? chart.getDatasetMeta(i).data.map((p) => ({ x: p.x, y: p.y, r: p.options.radius })) : []) })`,
      );
      expect(points.length).toBe(3);
      for (const label of labels)
        for (const point of points) {
          const clear =
            label.x > point.x + point.r ||
            label.x + label.width < point.x - point.r ||
            label.y > point.y + point.r ||
            label.y + label.height < point.y - point.r;
          expect(clear, `label "${label.text}" covers the point at (${point.x}, ${point.y}) with investment ${yearOne} 万 in year 1`).toBe(true);
        }
      moved += labels.filter((label) => label.moved).length;
    }
    // At least one setting put a point where a label usually goes (else the test proved nothing).
    expect(moved).toBeGreaterThan(0);
    await page.getByTestId('chart-years').scrollIntoViewIfNeeded();
    await screenshot(page, 'charts-years-labels');
    await page.getByTestId('display-unit').selectOption('tenThousand');
  });

  it('long amounts are shown whole on the cards (yuan, a 999 亿 service cost)', async () => {
    const before = await page.getByTestId('figure-saving').locator('[data-part=number]').innerText();
    await editInPage(page, { type: 'setBasis', nodeId: 'service-cost', basis: { kind: 'amount', amount: 99_999_999_999 } });
    await page.getByTestId('display-unit').selectOption('yuan');
    await expect.poll(() => page.getByTestId('figure-saving').locator('[data-part=number]').innerText()).toMatch(/^\d{1,3}(,\d{3}){3}\.\d$/);
    const cut = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.figure-card')).flatMap((card) => {
        const number = card.querySelector('[data-part=number]') as HTMLElement;
        const unit = card.querySelector<HTMLElement>('[data-part=unit]');
        const box = card.getBoundingClientRect();
        return [number, unit]
          .filter((element): element is HTMLElement => element !== null)
          .filter((element) => {
            const r = element.getBoundingClientRect();
            return r.right > box.right - 1 || r.left < box.left || element.scrollWidth > element.clientWidth + 1;
          })
          .map((element) => `${card.getAttribute('data-testid')}: ${element.innerText}`);
      }),
    );
    expect(cut).toEqual([]);
    await screenshot(page, 'charts-long-amounts');
    await page.getByTestId('undo').click();
    await page.getByTestId('display-unit').selectOption('tenThousand');
    await expect.poll(() => page.getByTestId('figure-saving').locator('[data-part=number]').innerText()).toBe(before);
    await expect.poll(() => page.getByTestId('figure-saving').locator('[data-part=unit]').innerText()).toBe('万元');
  });

  it('a bridge with more levers is drawn across, its names one line each, none overlapping, none off the canvas', async () => {
    const more = [
      { nodeId: 'contact-center-labor', kind: 'volumeChange', value: -0.04 },
      { nodeId: 'materials-field', kind: 'volumeChange', value: -0.03 },
      { nodeId: 'other-service', kind: 'unitCostChange', value: -0.02 },
    ] as const;
    for (const lever of more) await editInPage(page, { type: 'setLever', scenarioId: 'target-15', ...lever });
    await expect.poll(() => chartState<string>(page, 'bridge', 'chart.options.indexAxis')).toBe('y');
    const { boxes } = await tickBoxes(page, 'bridge', 'y');
    expect(boxes.length).toBe(9);
    for (const box of boxes) expect(box.lines).toHaveLength(1);
    for (const box of boxes) expect(box.left).toBeGreaterThanOrEqual(0);
    const ys = await chartState<number[]>(page, 'bridge', 'chart.scales.y.ticks.map((_, i) => chart.scales.y.getPixelForTick(i))');
    const lineHeight = await chartState<number>(page, 'bridge', 'chart.scales.y.getLabelItems()[0].font.lineHeight');
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(lineHeight);
    await page.getByTestId('chart-bridge').scrollIntoViewIfNeeded();
    await screenshot(page, 'charts-bridge-horizontal');
    for (const lever of more) await editInPage(page, { type: 'setLever', scenarioId: 'target-15', ...lever, value: null });
    await expect.poll(() => chartState<string>(page, 'bridge', 'chart.options.indexAxis')).toBe('x');
  });

  it('budget: the same palette as Results, and Save PNG gives a 1920 x 1080 PNG', async () => {
    const resultColours = await chartState<Record<string, string>>(
      page,
      'years',
      'Object.fromEntries(chart.data.datasets.map((d) => [d.label, d.backgroundColor ?? d.borderColor]))',
    );
    await page.click('[data-tab="budget"]');
    await page.getByTestId('chart-budget-years').waitFor();
    const budgetColours = await chartState<Record<string, string>>(
      page,
      'budget-years',
      'Object.fromEntries(chart.data.datasets.map((d) => [d.label, d.backgroundColor]))',
    );
    expect(Object.keys(budgetColours)).toEqual(['节省', '投入']);
    for (const [label, colour] of Object.entries(budgetColours)) expect(colour, label).toBe(resultColours[label]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-budget-years').locator('[data-action="save-png"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^售后服务成本示例 - 目标 15% - 各年节省与投入\.png$/);
    const path = join(ARTIFACTS, 'charts-budget-export.png');
    await download.saveAs(path);
    expect(pngSize(path)).toEqual({ isPng: true, width: 1920, height: 1080 });
    await page.getByTestId('chart-budget-years').scrollIntoViewIfNeeded();
    await screenshot(page, 'charts-budget');
  });

  it('tornado: a labelled base line and a numbered value axis', async () => {
    await page.click('[data-tab="analysis"]');
    await page.getByTestId('chart-tornado').waitFor();
    await page.getByTestId('chart-tornado').scrollIntoViewIfNeeded();
    const base = await chartState<{ x: number; label: string } | null>(page, 'tornado', 'chart.$baseLine ?? null');
    expect(base).not.toBeNull();
    expect(base!.label).toMatch(/^基准 [\d,.]+ 万元$/);
    const area = await chartState<{ left: number; right: number }>(page, 'tornado', '({ left: chart.chartArea.left, right: chart.chartArea.right })');
    expect(base!.x).toBeGreaterThan(area.left);
    expect(base!.x).toBeLessThan(area.right);
    const ticks = await chartState<string[]>(page, 'tornado', 'chart.scales.x.ticks.map((tick) => tick.label)');
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(tick).toMatch(/^-?[\d,]+(\.\d+)?$/);
    const display = await chartState<boolean>(page, 'tornado', 'chart.options.scales.x.display !== false && chart.options.scales.x.ticks.display !== false');
    expect(display).toBe(true);
    await screenshot(page, 'charts-tornado');
    await page.getByTestId('chart-analysis-bridge').scrollIntoViewIfNeeded();
    const { boxes } = await tickBoxes(page, 'analysis-bridge', 'x');
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left).toBeGreaterThanOrEqual(boxes[i - 1]!.right);
    await screenshot(page, 'charts-analysis-bridge');
    expect(served.errors).toEqual([]);
  });
});
