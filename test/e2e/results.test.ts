import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { figureTexts } from '../../shared/i18n/figures';
import { ARTIFACTS, browserAvailable, screenshot, usePage } from './support/app';
import { cellText, typeInto } from './support/grid';
import { drawCount, editInPage, figureText, pngSize } from './support/results';

/**
 * The Results screen against `npm run serve` on the built-in example: the figures of the
 * article (domain.md oracles, at one decimal), definitions on hover, the charts redrawn by
 * an edit, PNG export at 1920 x 1080, copy, English and yuan.
 *
 * Figure texts: see support/results.ts (`figureText`: number and unit joined by one space).
 */
describe.skipIf(!browserAvailable())('Results screen in Chromium', () => {
  const served = usePage('results', (page) => page.getByTestId('figure-saving').waitFor());
  let page: Page;
  beforeEach(() => {
    page = served.page;
  });

  it('shows the example: year-1 saving 130.0 万, 3-year saving 473.2 万, return / investment 225.3%', async () => {
    expect(await page.getByTestId('results-scenario').innerText()).toBe('目标 15%');
    expect(await figureText(page, 'yearOneSaving')).toBe('130.0 万元');
    expect(await figureText(page, 'saving')).toBe('473.2 万元');
    expect(await figureText(page, 'investment')).toBe('210.0 万元');
    expect(await figureText(page, 'net')).toBe('263.2 万元');
    expect(await figureText(page, 'returnOnInvestment')).toBe('225.3%');
    expect(await figureText(page, 'netRoi')).toBe('125.3%');
    expect(await figureText(page, 'npv')).toBe('222.4 万元');
    expect(await figureText(page, 'paybackYears')).toBe('0.33 年');
    expect(await page.getByTestId('figure-paybackYears').innerText()).toContain('4.0 个月');
    expect(await figureText(page, 'affectedShare')).toBe('1.83%');
    expect(await page.getByTestId('figure-saving').innerText()).toContain('3 年计划，2027–2029');
    expect(served.errors).toEqual([]);
    await screenshot(page, 'results-zh');
  });

  it('gives every figure its definition on hover: a title and an accessible tooltip', async () => {
    for (const figure of ['yearOneSaving', 'saving', 'investment', 'net', 'returnOnInvestment', 'netRoi', 'npv', 'paybackYears', 'affectedShare'] as const) {
      const card = page.getByTestId(`figure-${figure}`);
      const definition = figureTexts('zh')[figure].definition;
      expect(await card.getAttribute('title')).toBe(definition);
      const tipId = await card.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${tipId}"]`).getAttribute('role')).toBe('tooltip');
      expect(await page.locator(`[id="${tipId}"]`).textContent()).toBe(definition);
      expect(await page.locator(`[id="${tipId}"]`).isVisible()).toBe(false);
    }
    const card = page.getByTestId('figure-returnOnInvestment');
    await card.hover();
    const tooltip = page.getByRole('tooltip', { name: figureTexts('zh').returnOnInvestment.definition });
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    await screenshot(page, 'results-zh-definition');
    await page.mouse.move(5, 790);
    await card.focus();
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    await page.locator('[data-tab="results"]').focus();
  });

  it('draws the savings bridge, the years and the composition', async () => {
    for (const chart of ['bridge', 'years', 'composition']) {
      const panel = page.getByTestId(`chart-${chart}`);
      expect(await panel.locator('canvas').count()).toBe(1);
      expect(await drawCount(page, chart)).toBeGreaterThanOrEqual(1);
      const box = await panel.locator('canvas').boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(150);
    }
    expect(await page.getByTestId('chart-bridge').locator('canvas').getAttribute('aria-label')).toBe('节省桥图：从 7,116.0 到 6,986.0 万元，共 1 个杠杆步骤。');
    expect(await page.getByTestId('chart-bridge').innerText()).toContain('数值轴从 6,700 万元 开始');
    expect(await page.getByTestId('year-table').innerText()).toMatch(/2029\s+187\.2\s+70\.0\s+117\.2\s+263\.2/);
  });

  it('updates figures and charts on a lever edit in the Levers grid: -20% gives 631.0 万', async () => {
    const before = await Promise.all(['bridge', 'years', 'composition'].map((chart) => drawCount(page, chart)));
    await page.locator('[data-tab="levers"]').click();
    await typeInto(page, 'contact-center-labor', 'unitCostChange', '-20');
    await expect.poll(() => cellText(page, 'contact-center-labor', 'unitCostChange')).toBe('-20%');
    await page.locator('[data-tab="results"]').click();
    await expect.poll(() => figureText(page, 'saving')).toBe('631.0 万元');
    expect(await figureText(page, 'yearOneSaving')).toBe('173.3 万元');
    expect(await figureText(page, 'returnOnInvestment')).toBe('300.5%');
    expect(await figureText(page, 'npv')).toBe('356.6 万元');
    expect(await page.getByTestId('chart-bridge').locator('canvas').getAttribute('aria-label')).toContain('6,942.7');
    await screenshot(page, 'results-zh-minus-20');
    await page.getByTestId('undo').click();
    await expect.poll(() => figureText(page, 'saving')).toBe('473.2 万元');

    // The same edit from the workspace, as the UI benchmark makes it: the open screen redraws every chart.
    await editInPage(page, { type: 'setLever', scenarioId: 'target-15', nodeId: 'contact-center-labor', kind: 'unitCostChange', value: -0.2 });
    await expect.poll(() => figureText(page, 'saving')).toBe('631.0 万元');
    const counts = await Promise.all(['bridge', 'years', 'composition'].map((chart) => drawCount(page, chart)));
    await page.getByTestId('undo').click();
    await expect.poll(() => figureText(page, 'saving')).toBe('473.2 万元');
    const after = await Promise.all(['bridge', 'years', 'composition'].map((chart) => drawCount(page, chart)));
    after.forEach((count, i) => expect(count).toBeGreaterThan(counts[i]!));
    expect(before.every((count) => count >= 1)).toBe(true);
  });

  it('follows the selected scenario', async () => {
    await page.locator('.scenario-name', { hasText: '数字化工具 20%' }).click();
    await expect.poll(() => figureText(page, 'saving')).toBe('631.0 万元');
    expect(await page.getByTestId('results-scenario').innerText()).toBe('数字化工具 20%');
    await page.locator('.scenario-name', { hasText: '目标 15%' }).click();
    await expect.poll(() => figureText(page, 'saving')).toBe('473.2 万元');
  });

  it('saves each chart as a 1920 x 1080 PNG titled in the model language', async () => {
    for (const chart of ['bridge', 'years', 'composition']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`chart-${chart}`).locator('[data-action="save-png"]').click()]);
      expect(download.suggestedFilename()).toMatch(/^售后服务成本示例 - 目标 15% - .+\.png$/);
      const path = join(ARTIFACTS, `results-export-${chart}.png`);
      await download.saveAs(path);
      expect(pngSize(path)).toEqual({ isPng: true, width: 1920, height: 1080 });
    }
    expect(served.errors).toEqual([]);
  });

  it('copies a chart to the clipboard as a PNG where the clipboard takes images', async () => {
    const copy = page.getByTestId('chart-bridge').locator('[data-action="copy"]');
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- navigator.clipboard is undefined outside a secure context, whatever lib.dom says
    const available = await page.evaluate(() => typeof ClipboardItem !== 'undefined' && typeof navigator.clipboard?.write === 'function');
    expect(await copy.count()).toBe(available ? 1 : 0);
    if (!available) return;
    await served.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(served.app.url).origin });
    await copy.click();
    await expect.poll(() => page.getByTestId('chart-bridge').locator('.chart-status').innerText()).toBe('已复制');
    const size = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item || !item.types.includes('image/png')) return null;
      const bitmap = await createImageBitmap(await item.getType('image/png'));
      return { width: bitmap.width, height: bitmap.height };
    });
    expect(size).toEqual({ width: 1920, height: 1080 });
  });

  it('at 亿元 shows every amount with three significant digits, none as 0.0', async () => {
    await page.getByTestId('display-unit').selectOption('hundredMillion');
    await expect.poll(() => figureText(page, 'yearOneSaving')).toBe('0.0130 亿元');
    expect(await figureText(page, 'saving')).toBe('0.0473 亿元');
    expect(await figureText(page, 'investment')).toBe('0.0210 亿元');
    expect(await figureText(page, 'npv')).toBe('0.0222 亿元');
    expect(await figureText(page, 'affectedShare')).toBe('1.83%');
    const screenText = await page.locator('[data-screen="results"]').innerText();
    expect(screenText).not.toMatch(/(^|[^\d.])[−-]?0\.0+(?![\d])/m);
    await screenshot(page, 'results-zh-hundred-million');
    await page.getByTestId('display-unit').selectOption('tenThousand');
    await expect.poll(() => figureText(page, 'yearOneSaving')).toBe('130.0 万元');
  });

  it('switches to English and to yuan', async () => {
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.getByTestId('figure-yearOneSaving').locator('.label').innerText()).toBe('Year-1 saving (after ramp)');
    expect(await figureText(page, 'yearOneSaving')).toBe('130.0 10k yuan');
    expect(await page.getByTestId('figure-returnOnInvestment').getAttribute('title')).toBe(figureTexts('en').returnOnInvestment.definition);
    expect(await page.getByTestId('chart-bridge').locator('h3').innerText()).toBe('Savings bridge: year-1 cost at full target');
    await page.getByTestId('display-unit').selectOption('yuan');
    await expect.poll(() => figureText(page, 'yearOneSaving')).toBe('1,300,093.2 yuan');
    expect(await figureText(page, 'saving')).toBe('4,732,339.2 yuan');
    expect(await figureText(page, 'returnOnInvestment')).toBe('225.3%');
    expect(await figureText(page, 'paybackYears')).toBe('0.33 years');
    expect(await page.getByTestId('chart-years').locator('.chart-subtitle').innerText()).toContain('Unit: yuan');
    await screenshot(page, 'results-en-yuan');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-bridge').locator('[data-action="save-png"]').click()]);
    expect(download.suggestedFilename()).toBe('售后服务成本示例 - 目标 15% - Savings bridge year-1 cost at full target.png');
    const path = join(ARTIFACTS, 'results-export-bridge-en-yuan.png');
    await download.saveAs(path);
    expect(pngSize(path)).toEqual({ isPng: true, width: 1920, height: 1080 });
    expect(served.errors).toEqual([]);
  });
});
