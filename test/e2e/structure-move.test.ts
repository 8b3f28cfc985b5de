import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from './support/app';
import { cell, cellText, focusCell, pageModel, typeInto, useScreen } from './support/grid';
import { editInPage } from './support/results';

/**
 * The cost structure in Chromium: a line entered as a share that moves under another parent
 * asks whether it keeps its share or its amount (one edit, one undo step); a parent whose
 * lines leave part of it unassigned shows that remainder as a read-only row.
 */
describe.skipIf(!browserAvailable())('cost structure: moving shares and the unallocated row', () => {
  const screen = useScreen('structure', async (page) => {
    await expect.poll(() => cellText(page, 'contact-center', 'share')).toBe('14.0%');
  });
  let page: Page;
  beforeEach(() => {
    page = screen.page;
  });

  const nodeOf = async (id: string) => (await pageModel(page)).costTree.find((node) => node.id === id)!;
  const cutAndPasteInto = async (id: string, parentId: string) => {
    await focusCell(page, id, 'name');
    await page.keyboard.press('Control+x');
    await focusCell(page, parentId, 'name');
    await page.keyboard.press('Control+v');
    await page.getByTestId('move-share-dialog').waitFor();
  };

  it('asks when a 13% line moves to another parent: keep amount makes it 4.3333%, and one undo puts it back', async () => {
    // 呼叫中心其他: 13% of 呼叫中心 (996.24 万元) = 129.51 万元; 其他服务成本 holds 2,988.72 万元.
    await cutAndPasteInto('contact-center-other', 'other-service');
    const dialog = page.getByTestId('move-share-dialog');
    expect(await dialog.innerText()).toContain('“呼叫中心其他”按上级的 13.00% 录入');
    expect(await page.getByTestId('move-share-outcome').innerText()).toContain('388.53 万元');
    expect(await page.getByTestId('move-amount-outcome').innerText()).toContain('比例改为新上级的 4.33%');
    await screenshot(page, 'structure-move-share-dialog');
    await page.getByTestId('move-keep-amount').click();
    await expect.poll(async () => (await nodeOf('contact-center-other')).parentId).toBe('other-service');
    const moved = await nodeOf('contact-center-other');
    expect(moved.basis.kind).toBe('share');
    expect(moved.basis.share).toBeCloseTo(1_295_112 / 29_887_200, 12);
    await expect.poll(() => cellText(page, 'contact-center-other', 'resolved')).toBe('129.51');

    // One edit, one undo step: back under 呼叫中心 at 13%.
    await focusCell(page, 'contact-center-labor', 'name');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await nodeOf('contact-center-other')).parentId).toBe('contact-center');
    expect((await nodeOf('contact-center-other')).basis).toEqual({ kind: 'share', share: 0.13 });
  });

  it('keep share keeps 13% of the new parent; cancel moves nothing', async () => {
    await cutAndPasteInto('contact-center-other', 'other-service');
    await page.getByTestId('dialog-cancel').click();
    await page.getByTestId('move-share-dialog').waitFor({ state: 'detached' });
    expect((await nodeOf('contact-center-other')).parentId).toBe('contact-center');

    await focusCell(page, 'other-service', 'name');
    await page.keyboard.press('Control+v');
    await page.getByTestId('move-keep-share').click();
    await expect.poll(async () => (await nodeOf('contact-center-other')).parentId).toBe('other-service');
    expect((await nodeOf('contact-center-other')).basis).toEqual({ kind: 'share', share: 0.13 });
    await expect.poll(() => cellText(page, 'contact-center-other', 'resolved')).toBe('388.53');
  });

  it('offers no keep amount where the new parent is too small for it', async () => {
    // 呼叫中心人工 (866.73 万元) cannot sit under a 10 万元 parent as the same amount.
    await editInPage(page, { type: 'setBasis', nodeId: 'other-service', basis: { kind: 'amount', amount: 100_000 } });
    await expect.poll(() => cellText(page, 'other-service', 'resolved')).toBe('10.00');
    await cutAndPasteInto('contact-center-labor', 'other-service');
    expect(await page.getByTestId('move-keep-amount').isDisabled()).toBe(true);
    expect(await page.getByTestId('move-amount-outcome').innerText()).toContain('无法保留金额：866.73 万元 超过“其他服务成本”的金额');
    await page.getByTestId('dialog-cancel').click();
  });

  it('shows what a parent leaves unassigned as a read-only row under its lines', async () => {
    // The example assigns all of 呼叫中心: no remainder row.
    expect(await cell(page, 'unallocated:contact-center', 'name').count()).toBe(0);
    // 87% + 8%: 5% of 996.24 万元 = 49.81 万元 stays unassigned.
    await typeInto(page, 'contact-center-other', 'share', '8');
    const row = page.locator('[role="row"][row-id="unallocated:contact-center"]').first();
    await row.waitFor();
    expect(await cellText(page, 'unallocated:contact-center', 'name')).toBe('未分配（呼叫中心）');
    expect(await cellText(page, 'unallocated:contact-center', 'share')).toMatch(/^5\.0+%$/);
    expect(await cellText(page, 'unallocated:contact-center', 'resolved')).toBe('49.81');
    expect(await row.getAttribute('class')).toContain('structure-unallocated');
    // Right under the last line of its parent.
    const index = async (id: string) => Number(await page.locator(`[role="row"][row-id="${id}"]`).first().getAttribute('row-index'));
    expect(await index('unallocated:contact-center')).toBe((await index('contact-center-other')) + 1);
    await screenshot(page, 'structure-unallocated-row');

    // Read-only: double-click opens no editor, typing changes nothing.
    await cell(page, 'unallocated:contact-center', 'share').dblclick();
    expect(await cell(page, 'unallocated:contact-center', 'share').locator('input').count()).toBe(0);
    // Collapsing the parent hides it with its lines.
    await page.getByTestId('toggle-contact-center').click();
    await expect.poll(() => cell(page, 'unallocated:contact-center', 'name').count()).toBe(0);
    await page.getByTestId('toggle-contact-center').click();
    // Filling the share back to 13% removes the remainder.
    await typeInto(page, 'contact-center-other', 'share', '13');
    await expect.poll(() => cell(page, 'unallocated:contact-center', 'name').count()).toBe(0);
    expect(screen.errors).toEqual([]);
  });
});
