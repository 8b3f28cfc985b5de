import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from './support/app';
import { cell, cellText, focusCell, pageModel, paste, typeInto, useScreen } from './support/grid';

/** Levers and targets in Chromium: lever cells, their savings and meaning, scenario parameters. */
describe.skipIf(!browserAvailable())('levers and targets screen', () => {
  const screen = useScreen('levers', async (page) => {
    await expect.poll(() => cellText(page, 'contact-center-labor', 'unitCostChange')).toBe('-15%');
  });
  let page: Page;
  beforeEach(() => {
    page = screen.page;
  });

  const figure = (id: string) => page.getByTestId(id).innerText();

  it('shows the example: -15% labor unit cost saves 130.01 (10k yuan) in year 1, 1.83% of the total', async () => {
    expect(await cellText(page, 'contact-center-labor', 'saving')).toBe('130.01');
    expect(await cellText(page, 'contact-center', 'saving')).toBe('130.01');
    expect(await cellText(page, 'contact-center-labor', 'costChange')).toBe('-15.0%');
    expect(await figure('figure-year-one')).toContain('130.01');
    expect(await figure('figure-share')).toContain('1.83%');
    expect(await figure('figure-saving')).toContain('473.23');
    await screenshot(page, 'levers');
  });

  it('changes the labor lever to -20%: the line saves 173.35 (10k yuan), and Ctrl+Z undoes it', async () => {
    await typeInto(page, 'contact-center-labor', 'unitCostChange', '-20');
    await expect.poll(() => cellText(page, 'contact-center-labor', 'saving')).toBe('173.35');
    expect(await cellText(page, 'contact-center-labor', 'unitCostChange')).toBe('-20%');
    expect(await cellText(page, 'contact-center-labor', 'costChange')).toBe('-20.0%');
    expect(await cellText(page, 'service-cost', 'saving')).toBe('173.35');
    expect(await figure('figure-year-one')).toContain('173.35');
    expect(await figure('figure-share')).toContain('2.44%');
    expect(await cellText(page, 'contact-center-labor', 'meaning')).toBe('人均单价 -20%：该项成本下降 20.0%');

    await focusCell(page, 'contact-center-labor', 'amount');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellText(page, 'contact-center-labor', 'saving')).toBe('130.01');
  });

  it('explains the levers in words: +15% per-capita volume at the same wage lowers unit cost by 13.0%', async () => {
    await typeInto(page, 'contact-center-labor', 'throughputChange', '15');
    await expect.poll(() => cellText(page, 'contact-center-labor', 'meaning')).toContain('人均业务量 +15%（人均成本不变）：人均单价下降 13.0%');
    // -15% and +15% combine by multiplying: 0.85 / 1.15.
    expect(await cellText(page, 'contact-center-labor', 'meaning')).toContain('合计：成本 -26.09%（× 0.7391）');
    expect(await cellText(page, 'contact-center-labor', 'saving')).toBe('226.10');
    await focusCell(page, 'contact-center-labor', 'name');
    await expect.poll(() => page.getByTestId('lever-meaning').innerText()).toContain('满目标年节省 = 866.73 × (1 − 0.7391) = 226.10 万元');

    // A lever on the contact center acts on both its lines.
    await typeInto(page, 'contact-center', 'volumeChange', '-10');
    await expect.poll(() => cellText(page, 'contact-center-other', 'meaning')).toBe('上级杠杆：-10%');
    expect(await cellText(page, 'contact-center-other', 'saving')).toBe('12.95');

    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => cellText(page, 'contact-center-labor', 'meaning')).toContain('+15% per-capita volume at the same wage lowers unit cost by 13.0%');
    expect(await cellText(page, 'contact-center-labor', 'meaning')).toContain('-15% unit cost lowers this cost by 15.0%');
    expect(await cellText(page, 'contact-center', 'meaning')).toBe('-10% volume lowers this cost by 10.0%');
    await focusCell(page, 'contact-center-labor', 'name');
    await screenshot(page, 'levers-english');
  });

  it('refuses -150% and text at the cell, keeping the lever; an empty cell removes it', async () => {
    await typeInto(page, 'contact-center-labor', 'unitCostChange', '-150');
    const message = page.getByTestId('cell-error');
    await expect.poll(() => message.innerText()).toContain('须不小于 -100% 且不大于 1,000%（单价不能降到零以下），输入的是 -150%');
    expect(await cellText(page, 'contact-center-labor', 'unitCostChange')).toBe('-15%');
    expect(await cell(page, 'contact-center-labor', 'unitCostChange').getAttribute('class')).toContain('sheet-invalid');
    expect((await pageModel(page)).scenarios[0]!.levers).toEqual([{ nodeId: 'contact-center-labor', unitCostChange: -0.15 }]);

    await typeInto(page, 'contact-center-labor', 'throughputChange', 'fast');
    await expect.poll(() => message.innerText()).toContain('“fast”不是数字');
    await screenshot(page, 'levers-invalid');

    await typeInto(page, 'contact-center-labor', 'unitCostChange', '');
    await expect.poll(() => cellText(page, 'contact-center-labor', 'saving')).toBe('');
    expect((await pageModel(page)).scenarios[0]!.levers).toEqual([]);
  });

  it('pastes a block of levers and fills a lever down', async () => {
    await focusCell(page, 'contact-center-labor', 'unitCostChange');
    await paste(page, '-10%\t5\t-5\r\n');
    await expect.poll(() => cellText(page, 'contact-center-labor', 'volumeChange')).toBe('-5%');
    expect(await cellText(page, 'contact-center-labor', 'throughputChange')).toBe('+5%');
    expect((await pageModel(page)).scenarios[0]!.levers).toEqual([
      { nodeId: 'contact-center-labor', unitCostChange: -0.1, throughputChange: 0.05, volumeChange: -0.05 },
    ]);

    await focusCell(page, 'contact-center-labor', 'unitCostChange');
    await focusCell(page, 'other-service', 'unitCostChange', ['Shift']);
    await page.keyboard.press('Control+d');
    await expect.poll(() => cellText(page, 'other-service', 'unitCostChange')).toBe('-10%');
    expect(await cellText(page, 'contact-center-other', 'unitCostChange')).toBe('-10%');
  });

  it('fills down a Shift+click block even when the grid reports the focus late, as on a loaded machine', async () => {
    // AG Grid calls onCellFocused / onCellClicked from a setTimeout(0): under load Ctrl+D came
    // first and filled nothing (the flaky "fills a lever down"). Delay those timeouts on purpose.
    await page.evaluate(() => {
      const w = window as unknown as { realSetTimeout?: typeof setTimeout };
      w.realSetTimeout = window.setTimeout;
      const real = w.realSetTimeout;
      window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => real(handler, !ms ? 500 : ms, ...rest)) as typeof setTimeout;
    });
    try {
      await focusCell(page, 'contact-center-labor', 'unitCostChange');
      await page.waitForTimeout(600);
      await focusCell(page, 'other-service', 'unitCostChange', ['Shift']);
      await page.keyboard.press('Control+d');
    } finally {
      await page.evaluate(() => {
        const w = window as unknown as { realSetTimeout?: typeof setTimeout };
        if (w.realSetTimeout) window.setTimeout = w.realSetTimeout;
      });
    }
    await expect.poll(() => cellText(page, 'other-service', 'unitCostChange')).toBe('-15%');
    expect(await cellText(page, 'contact-center-other', 'unitCostChange')).toBe('-15%');
    // One fill, one undo step.
    expect((await pageModel(page)).scenarios[0]!.levers).toHaveLength(3);
  });

  it('sets growth, discount rate, horizon and ramp; refuses a horizon of 2.5 years', async () => {
    await typeInto(page, 'contact-center-labor', 'unitCostChange', '-20');
    await expect.poll(() => figure('figure-year-one')).toContain('173.35');

    await page.getByTestId('param-growth').fill('10');
    await page.getByTestId('param-growth').press('Enter');
    // 173.34576 x (1 + 1.1 + 1.21)
    await expect.poll(() => figure('figure-saving')).toContain('573.77');

    await page.getByTestId('param-horizon').fill('5');
    await page.getByTestId('param-horizon').press('Enter');
    await expect.poll(() => page.getByTestId('param-ramp-5').count()).toBe(1);
    // x (1 + 1.1 + 1.21 + 1.331 + 1.4641)
    expect(await figure('figure-saving')).toContain('1,058.29');

    await page.getByTestId('param-horizon').fill('2.5');
    await page.getByTestId('param-horizon').press('Enter');
    await expect.poll(() => page.getByTestId('param-error').innerText()).toContain('测算期须为 1 到 30 的整年数，输入的是 2.5');
    expect(await page.getByTestId('param-horizon').inputValue()).toBe('5');

    await page.getByTestId('param-ramp-1').fill('50');
    await page.getByTestId('param-ramp-1').press('Enter');
    await expect.poll(() => figure('figure-year-one')).toContain('86.67');
    // One label, one quantity: the card is the plan year (after the 50% ramp), the grid column the run-rate.
    expect(
      await page
        .locator('.card.figure', { has: page.getByTestId('figure-year-one') })
        .locator('.label')
        .innerText(),
    ).toBe('第 1 年节省（计达成率）');
    expect(await cellText(page, 'contact-center-labor', 'saving')).toBe('173.35');
    expect(await page.locator('[col-id="saving"][role="columnheader"]').innerText()).toContain('满目标年节省');
    await page.getByTestId('param-discount').fill('10%');
    await page.getByTestId('param-discount').press('Tab');
    const scenario = (await pageModel(page)).scenarios[0]!;
    expect(scenario.horizonYears).toBe(5);
    expect(scenario.volumeGrowth).toBeCloseTo(0.1, 12);
    expect(scenario.ramp).toEqual([0.5, 1, 1, 1, 1]);
    await expect.poll(async () => (await pageModel(page)).scenarios[0]!).toMatchObject({ discountRate: 0.1 });

    // The other scenario keeps its own levers.
    await page.locator('.scenario-name').nth(1).click();
    await expect.poll(() => cellText(page, 'contact-center-labor', 'unitCostChange')).toBe('-20%');
    expect(await page.getByTestId('param-horizon').inputValue()).toBe('3');
    expect(screen.errors).toEqual([]);
  });
});
