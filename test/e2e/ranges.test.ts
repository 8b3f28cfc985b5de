import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from './support/app';
import { cellText, focusCell, pageModel, useScreen } from './support/grid';

/** Uncertainty ranges of a line's levers, edited in the panel under the levers grid. */
describe.skipIf(!browserAvailable())('lever ranges on the levers screen', () => {
  const screen = useScreen('levers', async (page) => {
    await expect.poll(() => cellText(page, 'contact-center-labor', 'unitCostChange')).toBe('-15%');
  });
  let page: Page;
  beforeEach(() => {
    page = screen.page;
  });

  const fill = async (testId: string, text: string) => {
    await page.getByTestId(testId).fill(text);
  };

  it('sets a PERT range on the labor unit cost lever, refuses low above high, and removes it', async () => {
    await focusCell(page, 'contact-center-labor', 'name');
    const row = page.getByTestId('range-row-unitCostChange');
    await row.waitFor();
    // Only the levers set on the line get a row; most likely starts at the lever's value.
    expect(await page.getByTestId('range-row-throughputChange').count()).toBe(0);
    expect(await page.getByTestId('range-likely-unitCostChange').inputValue()).toBe('-15');
    expect(await page.getByTestId('range-status-unitCostChange').innerText()).toBe('未设区间');

    await fill('range-low-unitCostChange', '-25');
    await fill('range-likely-unitCostChange', '-15');
    await fill('range-high-unitCostChange', '-5');
    await page.getByTestId('range-distribution-unitCostChange').selectOption('pert');
    await page.getByTestId('range-set-unitCostChange').click();
    await expect
      .poll(async () => (await pageModel(page)).scenarios[0]!.uncertainty)
      .toEqual([{ input: 'lever:contact-center-labor:unitCost', low: -0.25, mostLikely: -0.15, high: -0.05, distribution: 'pert' }]);
    await expect.poll(() => page.getByTestId('range-status-unitCostChange').innerText()).toContain('-25.0%');
    await screenshot(page, 'levers-ranges');

    // Low above high: the engine's message, and the stored range stays as it was.
    await fill('range-low-unitCostChange', '-5');
    await fill('range-high-unitCostChange', '-25');
    await page.getByTestId('range-set-unitCostChange').click();
    await expect.poll(() => page.getByTestId('range-error').innerText()).toContain('最低、最可能、最高须依次不减');
    expect((await pageModel(page)).scenarios[0]!.uncertainty).toEqual([
      { input: 'lever:contact-center-labor:unitCost', low: -0.25, mostLikely: -0.15, high: -0.05, distribution: 'pert' },
    ]);
    await screenshot(page, 'levers-ranges-invalid');

    await page.getByTestId('range-remove-unitCostChange').click();
    await expect.poll(async () => (await pageModel(page)).scenarios[0]!.uncertainty).toBeUndefined();
    await expect.poll(() => page.getByTestId('range-status-unitCostChange').innerText()).toBe('未设区间');
    expect(screen.errors).toEqual([]);
  });
});
