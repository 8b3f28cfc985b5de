import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from './support/app';
import { cell, cellText, focusCell, pageModel, paste, typeInto, useScreen } from './support/grid';

/** The incentive budget in Chromium: investment lines, totals per year, the funding verdict. */
describe.skipIf(!browserAvailable())('incentive budget screen', () => {
  const screen = useScreen('budget', async (page) => {
    await expect.poll(() => cellText(page, 'total-investment', 'y1')).toBe('70.00');
  });
  let page: Page;
  beforeEach(() => {
    page = screen.page;
  });

  const verdict = () => page.getByTestId('funding-verdict');
  const addedLine = async () =>
    (await pageModel(page)).scenarios[0]!.investments.find((line) => !['manager-bonus', 'digital-tools', 'team-and-raises'].includes(line.id));

  it('shows the example budget: 70 (10k yuan) a year, funded by the saving, return / investment 2.25', async () => {
    expect(await cellText(page, 'manager-bonus', 'amount')).toBe('20.00');
    expect(await cellText(page, 'digital-tools', 'timing')).toBe('年初一次性');
    expect(await cellText(page, 'total-investment', 'y3')).toBe('70.00');
    expect(await cellText(page, 'total-investment', 'total')).toBe('210.00');
    expect(await cellText(page, 'total-saving', 'y2')).toBe('156.01');
    expect(await cellText(page, 'total-net', 'y1')).toBe('60.01');
    expect(await cellText(page, 'total-cumulative', 'y3')).toBe('263.23');
    expect(await verdict().getAttribute('data-funded')).toBe('true');
    expect(await verdict().innerText()).toContain('每年的节省都足以支付激励预算');
    expect(await page.getByTestId('budget-ratio').innerText()).toContain('2.25 (225.3%)');
    expect(await verdict().innerText()).toContain('4.0 个月');
    await screenshot(page, 'budget');
  });

  it('adds a training line; 100 a year leaves 2027 and 2028 short of funding, a yearly list funds it again', async () => {
    await page.getByTestId('budget-new-category').selectOption('training');
    await page.getByTestId('budget-add').click();
    await expect.poll(async () => (await addedLine())?.name).toBe('培训');
    const id = (await addedLine())!.id;
    await expect.poll(() => cellText(page, id, 'amount')).toBe('0.00');
    expect(await cellText(page, id, 'category')).toBe('培训');

    await typeInto(page, id, 'amount', '100');
    await expect.poll(() => cellText(page, 'total-investment', 'y1')).toBe('170.00');
    expect(await cellText(page, 'total-investment', 'total')).toBe('510.00');
    expect(await cellText(page, 'total-net', 'y1')).toBe('-39.99');
    expect(await cell(page, 'total-net', 'y1').getAttribute('class')).toContain('bad');
    await expect.poll(() => verdict().getAttribute('data-funded')).toBe('false');
    // 170 against savings of 130.01, 156.01 and 187.21: short in the first two years.
    expect(await verdict().innerText()).toContain('2027 年缺 39.99 万元，2028 年缺 13.99 万元');
    expect(await verdict().innerText()).not.toContain('2029');
    await screenshot(page, 'budget-short');

    await typeInto(page, id, 'amount', '10 / 20 / 30');
    await expect.poll(() => cellText(page, id, 'y3')).toBe('30.00');
    expect(await cellText(page, id, 'amountKind')).toBe('逐年列出');
    expect(await cellText(page, 'total-investment', 'y1')).toBe('80.00');
    expect(await cellText(page, 'total-investment', 'y3')).toBe('100.00');
    await expect.poll(() => verdict().getAttribute('data-funded')).toBe('true');
    expect((await addedLine())!.amount).toEqual({ kind: 'yearly', amounts: [100_000, 200_000, 300_000] });

    // A share of the saving: half of each year's saving.
    await typeInto(page, id, 'amount', '50%');
    await expect.poll(() => cellText(page, id, 'y1')).toBe('65.00');
    expect(await cellText(page, id, 'amountKind')).toBe('按节省比例');
    expect(await cellText(page, id, 'y2')).toBe('78.01');
  });

  it('shows amounts listed past the horizon as outside the plan, not silently ignored', async () => {
    await typeInto(page, 'manager-bonus', 'amount', '20 / 30 / 20 / 40');
    await expect.poll(() => cellText(page, 'manager-bonus', 'amount')).toBe('20 / 30 / 20 （超出 3 年测算期：40）');
    expect(await cell(page, 'manager-bonus', 'amount').getAttribute('class')).toContain('outside-plan');
  });

  it('refuses a negative amount and an unknown category at the cell, keeping the old value', async () => {
    await typeInto(page, 'manager-bonus', 'amount', '-5');
    const message = page.getByTestId('cell-error');
    // In the screen's language, in the unit it was typed in (万元), never -50000 yuan.
    await expect.poll(() => message.innerText()).toContain('金额不能为负数，输入的是 -5 万元');
    expect(await cellText(page, 'manager-bonus', 'amount')).toBe('20.00');
    expect(await cell(page, 'manager-bonus', 'amount').getAttribute('class')).toContain('sheet-invalid');

    await focusCell(page, 'manager-bonus', 'category');
    await paste(page, '咖啡');
    await expect.poll(() => message.innerText()).toContain('“咖啡”不是以下之一');
    expect(await cellText(page, 'manager-bonus', 'category')).toBe('奖金');
    expect((await pageModel(page)).scenarios[0]!.investments[0]).toMatchObject({ category: 'bonus', amount: { kind: 'perYear', amount: 200_000 } });
  });

  it('edits one year, pastes and fills amounts, deletes a line and undoes the delete', async () => {
    await typeInto(page, 'manager-bonus', 'y2', '25');
    await expect.poll(() => cellText(page, 'manager-bonus', 'amount')).toBe('20 / 25 / 20');
    expect(await cellText(page, 'total-investment', 'y2')).toBe('75.00');

    await focusCell(page, 'manager-bonus', 'timing');
    await paste(page, '年初一次性\r\n年内分摊');
    await expect.poll(() => cellText(page, 'manager-bonus', 'timing')).toBe('年初一次性');
    expect(await cellText(page, 'digital-tools', 'timing')).toBe('年内分摊');

    await focusCell(page, 'manager-bonus', 'amount');
    await focusCell(page, 'team-and-raises', 'amount', ['Shift']);
    await page.getByTestId('budget-fill-down').click();
    await expect.poll(() => cellText(page, 'team-and-raises', 'amount')).toBe('20 / 25 / 20');
    expect(await cellText(page, 'total-investment', 'y2')).toBe('75.00');

    await page.getByTestId('delete-line-digital-tools').click();
    await expect.poll(() => cell(page, 'digital-tools', 'name').count()).toBe(0);
    expect(await cellText(page, 'total-investment', 'y1')).toBe('40.00');
    await focusCell(page, 'manager-bonus', 'name');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, 'digital-tools', 'name').count()).toBe(1);

    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => verdict().innerText()).toContain('the savings fund the budget in every year');
    await screenshot(page, 'budget-english');
    expect(screen.errors).toEqual([]);
  });
});
