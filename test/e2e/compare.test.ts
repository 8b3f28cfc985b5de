import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserAvailable, screenshot, usePage } from './support/app';
import { cellText, typeInto } from './support/grid';
import { drawCount, editInPage, pngSize } from './support/results';

/**
 * The Compare screen against `npm run serve`: every scenario side by side with its difference
 * to the baseline, a scenario cloned and renamed through the scenario list, the baseline
 * changed, the grouped chart, English and yuan.
 */
describe.skipIf(!browserAvailable())('Compare screen in Chromium', () => {
  const served = usePage('compare', (page) => page.getByTestId('compare-table').waitFor());
  let page: Page;
  beforeEach(() => {
    page = served.page;
  });

  /** The text of a value or difference cell. */
  const cell = (figure: string, scenarioId: string, kind: 'value' | 'diff' = 'value') =>
    page.locator(`[data-testid="compare-table"] tr[data-figure="${figure}"] td[data-scenario-id="${scenarioId}"][data-kind="${kind}"]`).innerText();
  const headers = () => page.locator('[data-testid="compare-table"] th.scenario-head').allInnerTexts();

  it('shows both example scenarios side by side, with the difference to the baseline (the first scenario)', async () => {
    expect(await headers()).toEqual(['目标 15%基准', '数字化工具 20%']);
    expect(await cell('saving', 'target-15')).toBe('473.2');
    expect(await cell('saving', 'digital-tools-20')).toBe('631.0');
    expect(await cell('saving', 'digital-tools-20', 'diff')).toBe('+157.7');
    expect(await cell('yearOneSaving', 'digital-tools-20', 'diff')).toBe('+43.3');
    expect(await cell('investment', 'digital-tools-20', 'diff')).toBe('0.0');
    expect(await cell('returnOnInvestment', 'target-15')).toBe('225.3%');
    expect(await cell('returnOnInvestment', 'digital-tools-20')).toBe('300.5%');
    expect(await cell('returnOnInvestment', 'digital-tools-20', 'diff')).toBe('+75.1 个百分点');
    expect(await cell('npv', 'digital-tools-20')).toBe('356.6');
    expect(await cell('paybackYears', 'digital-tools-20', 'diff')).toBe('-0.11 年');
    expect(await page.locator('[data-testid="compare-table"] td[data-scenario-id="target-15"][data-kind="diff"]').count()).toBe(0);
    expect(await page.locator('[data-testid="compare-table"] tr[data-figure="saving"] td.figure-name').innerText()).toBe('期内节省万元');
    expect(await drawCount(page, 'compare')).toBeGreaterThanOrEqual(1);
    expect(served.errors).toEqual([]);
    await screenshot(page, 'compare-zh');
  });

  it('clones a scenario, renames it, sets its lever and compares it', async () => {
    await page.locator('.scenario').nth(0).locator('.scenario-name').click();
    await page.locator('.scenario').nth(0).locator('[data-action="clone"]').click();
    // A clone is placed right after its source.
    await expect.poll(() => page.locator('.scenario-name').allInnerTexts()).toEqual(['目标 15%', '目标 15%（副本）', '数字化工具 20%']);
    const clone = page.locator('.scenario').nth(1);
    const cloneId = (await clone.getAttribute('data-scenario-id'))!;
    await expect.poll(() => headers()).toEqual(['目标 15%基准', '目标 15%（副本）', '数字化工具 20%']);
    expect(await cell('saving', cloneId)).toBe('473.2');
    expect(await cell('saving', cloneId, 'diff')).toBe('0.0');

    await clone.locator('.scenario-name').click();
    await clone.locator('[data-action="rename"]').click();
    await page.getByTestId('dialog-input').fill('目标 18%');
    await page.getByTestId('dialog-ok').click();
    await expect.poll(() => headers()).toEqual(['目标 15%基准', '目标 18%', '数字化工具 20%']);

    // The clone is the selected scenario: set its lever in the Levers grid.
    await page.locator('[data-tab="levers"]').click();
    await typeInto(page, 'contact-center-labor', 'unitCostChange', '-18');
    await expect.poll(() => cellText(page, 'contact-center-labor', 'unitCostChange')).toBe('-18%');
    await page.locator('[data-tab="compare"]').click();
    const drawn = await drawCount(page, 'compare');
    // 473.2339248 x 18 / 15 = 567.88; the difference to the baseline 94.65.
    await expect.poll(() => cell('saving', cloneId)).toBe('567.9');
    expect(await cell('saving', cloneId, 'diff')).toBe('+94.6');
    expect(await cell('returnOnInvestment', cloneId)).toBe('270.4%');
    await editInPage(page, { type: 'setLever', scenarioId: cloneId, nodeId: 'contact-center-labor', kind: 'unitCostChange', value: -0.19 });
    await expect.poll(() => cell('saving', cloneId)).toBe('599.4');
    expect(await drawCount(page, 'compare')).toBeGreaterThan(drawn);
    await editInPage(page, { type: 'setLever', scenarioId: cloneId, nodeId: 'contact-center-labor', kind: 'unitCostChange', value: -0.18 });
    await expect.poll(() => cell('saving', cloneId)).toBe('567.9');
    await screenshot(page, 'compare-zh-clone');
  });

  it('compares against another baseline when one is chosen', async () => {
    await page.getByTestId('compare-baseline').selectOption('digital-tools-20');
    await expect.poll(() => headers()).toEqual(['目标 15%', '目标 18%', '数字化工具 20%基准']);
    expect(await cell('saving', 'target-15', 'diff')).toBe('-157.7');
    expect(
      await page.locator('[data-testid="compare-table"] tr[data-figure="saving"] td[data-scenario-id="target-15"][data-kind="diff"]').getAttribute('class'),
    ).toContain('negative');
    expect(await page.locator('.scenario[data-scenario-id="digital-tools-20"] .badge.baseline').count()).toBe(1);
    await page.getByTestId('compare-baseline').selectOption('target-15');
    await expect.poll(() => cell('saving', 'digital-tools-20', 'diff')).toBe('+157.7');
  });

  it('saves the grouped chart as a 1920 x 1080 PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-compare').locator('[data-action="save-png"]').click()]);
    expect(download.suggestedFilename()).toBe('售后服务成本示例 - 各情景的节省、投入与净收益.png');
    const path = join(ARTIFACTS, 'compare-export.png');
    await download.saveAs(path);
    expect(pngSize(path)).toEqual({ isPng: true, width: 1920, height: 1080 });
  });

  it('switches to English and to yuan', async () => {
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('[data-testid="compare-table"] thead th').first().innerText()).toBe('Figure');
    expect(await cell('returnOnInvestment', 'digital-tools-20', 'diff')).toBe('+75.1 pp');
    await page.getByTestId('display-unit').selectOption('yuan');
    await expect.poll(() => cell('saving', 'target-15')).toBe('4,732,339.2');
    expect(await cell('saving', 'digital-tools-20', 'diff')).toBe('+1,577,446.4');
    expect(await page.locator('[data-testid="compare-table"] tr[data-figure="saving"] td.figure-name').innerText()).toBe('Horizon savingyuan');
    expect(await page.getByTestId('chart-compare').locator('h3').innerText()).toBe('Saving, investment and net by scenario');
    expect(served.errors).toEqual([]);
    await screenshot(page, 'compare-en-yuan');
  });
});
