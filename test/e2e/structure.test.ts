import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from './support/app';
import { cell, cellText, focusCell, pageModel, paste, typeInto, waitSaved, useScreen } from './support/grid';

/** The cost structure screen in Chromium: tree grid editing, refusals, paste, fill, moves, undo. */
describe.skipIf(!browserAvailable())('cost structure screen', () => {
  const screen = useScreen('structure', async (page) => {
    await expect.poll(() => cellText(page, 'contact-center', 'share')).toBe('14.0%');
  });
  let page: Page;
  beforeEach(() => {
    page = screen.page;
  });

  const share = async (id: string) => (await pageModel(page)).costTree.find((node) => node.id === id)?.basis.share;

  it('shows the example tree with resolved amounts, % of total and the composition', async () => {
    expect(await cellText(page, 'service-cost', 'resolved')).toBe('7,116.00');
    expect(await cellText(page, 'contact-center-labor', 'resolved')).toBe('866.73');
    expect(await cellText(page, 'contact-center-labor', 'percentOfTotal')).toBe('12.2%');
    expect(await cellText(page, 'other-service', 'relevance')).toBe('弱相关');
    expect(await page.getByTestId('relevance-split').innerText()).toContain('58.0%');
    await screenshot(page, 'structure');
  });

  it('edits a share: resolved amounts and % of total update, and Ctrl+Z undoes it', async () => {
    // 44% + 10% + 42%: within the parent.
    await typeInto(page, 'contact-center', 'share', '10');
    await expect.poll(() => cellText(page, 'contact-center', 'share')).toBe('10.0%');
    expect(await cellText(page, 'contact-center', 'resolved')).toBe('711.60');
    expect(await cellText(page, 'contact-center-labor', 'resolved')).toBe('619.09');
    expect(await cellText(page, 'contact-center', 'percentOfTotal')).toBe('10.0%');
    expect(await cellText(page, 'contact-center-labor', 'percentOfTotal')).toBe('8.70%');
    expect(await share('contact-center')).toBeCloseTo(0.1, 12);
    await waitSaved(page);

    // Undo from the keyboard with a grid cell focused (not editing).
    await focusCell(page, 'materials-field', 'relevance');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cellText(page, 'contact-center', 'share')).toBe('14.0%');
    expect(await cellText(page, 'contact-center-labor', 'resolved')).toBe('866.73');
  });

  it('refuses a share that pushes siblings to 112%, text in a number cell and -150%, keeping the old value', async () => {
    await typeInto(page, 'contact-center-labor', 'share', '99');
    const message = page.getByTestId('cell-error');
    await expect.poll(() => message.innerText()).toContain('“呼叫中心”下各项占比合计 112%（最多 100%）');
    expect(await message.getAttribute('data-row-id')).toBe('contact-center-labor');
    expect(await cellText(page, 'contact-center-labor', 'share')).toBe('87.0%');
    expect(await cell(page, 'contact-center-labor', 'share').getAttribute('class')).toContain('sheet-invalid');
    expect(await share('contact-center-labor')).toBe(0.87);
    expect(
      await page.evaluate(() => (window as unknown as { costPlannerWorkspace: { getState(): { canUndo: boolean } } }).costPlannerWorkspace.getState().canUndo),
    ).toBe(false);

    await typeInto(page, 'materials-field', 'share', 'abc');
    await expect.poll(() => message.innerText()).toContain('“abc”不是数字');
    expect(await cellText(page, 'materials-field', 'share')).toBe('44.0%');

    await typeInto(page, 'materials-field', 'share', '-150');
    await expect.poll(() => message.innerText()).toContain('输入的是 -150%');
    expect(await cellText(page, 'materials-field', 'share')).toBe('44.0%');
    expect(await share('materials-field')).toBe(0.44);
    await screenshot(page, 'structure-invalid-share');

    // A valid edit clears the message.
    await typeInto(page, 'materials-field', 'share', '40');
    await expect.poll(() => message.count()).toBe(0);
  });

  it('adds a child and a grandchild, deletes them with their subtree, and undo brings them back', async () => {
    await focusCell(page, 'contact-center', 'name');
    await page.getByTestId('structure-add-child').click();
    const added = async () => (await pageModel(page)).costTree.filter((node) => node.name === '新成本项');
    await expect.poll(async () => (await added()).length).toBe(1);
    const child = (await added())[0]!;
    expect(child.parentId).toBe('contact-center');
    await expect.poll(() => cellText(page, child.id, 'name')).toBe('新成本项');

    // The new line has the focus: add a child under it.
    await expect.poll(() => page.getByTestId('structure-add-child').isEnabled()).toBe(true);
    await page.getByTestId('structure-add-child').click();
    await expect.poll(async () => (await added()).length).toBe(2);
    const grandchild = (await added()).find((node) => node.parentId === child.id)!;
    await expect.poll(() => cell(page, grandchild.id, 'name').count()).toBe(1);

    await focusCell(page, child.id, 'name');
    await page.getByTestId('structure-delete').click();
    await expect.poll(() => cell(page, child.id, 'name').count()).toBe(0);
    expect(await cell(page, grandchild.id, 'name').count()).toBe(0);
    expect(await page.getByTestId('structure-notice').innerText()).toContain('已删除“新成本项”及其下 1 项');
    expect((await pageModel(page)).costTree).toHaveLength(6);

    await focusCell(page, 'materials-field', 'relevance');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, grandchild.id, 'name').count()).toBe(1);
    expect(await cellText(page, child.id, 'name')).toBe('新成本项');
    expect((await pageModel(page)).costTree).toHaveLength(8);
  });

  it('pastes a TSV block copied from Excel, all or nothing, in an order that is valid', async () => {
    await focusCell(page, 'materials-field', 'name');
    await paste(page, '物料与备件\t强相关\t按比例\t40\r\n呼叫中心\t弱相关\t按比例\t18\r\n');
    await expect.poll(() => cellText(page, 'materials-field', 'name')).toBe('物料与备件');
    expect(await cellText(page, 'materials-field', 'share')).toBe('40.0%');
    expect(await cellText(page, 'materials-field', 'resolved')).toBe('2,846.40');
    expect(await cellText(page, 'contact-center', 'relevance')).toBe('弱相关');
    expect(await cellText(page, 'contact-center', 'share')).toBe('18.0%');
    expect(await cellText(page, 'contact-center', 'resolved')).toBe('1,280.88');

    // 60% + 60% + 42% is refused as a whole: nothing of the block is written.
    await focusCell(page, 'materials-field', 'share');
    await paste(page, '60\r\n60');
    await expect.poll(() => page.getByTestId('cell-error').innerText()).toContain('（最多 100%）');
    expect(await share('materials-field')).toBe(0.4);
    expect(await share('contact-center')).toBe(0.18);

    // 50% then 8%: in screen order 50 + 18 + 42 would pass 100% on the way; the block is valid.
    await focusCell(page, 'materials-field', 'share');
    await paste(page, '50\n8');
    await expect.poll(() => cellText(page, 'materials-field', 'share')).toBe('50.0%');
    expect(await cellText(page, 'contact-center', 'share')).toBe('8.00%');
    expect(await page.getByTestId('cell-error').count()).toBe(0);

    // One paste, one undo step: both cells go back to what they were before it (never 40% / 8%).
    await waitSaved(page);
    await page.getByTestId('undo').click();
    await expect.poll(() => cellText(page, 'materials-field', 'share')).toBe('40.0%');
    expect(await cellText(page, 'contact-center', 'share')).toBe('18.0%');
    await page.getByTestId('redo').click();
    await expect.poll(() => cellText(page, 'materials-field', 'share')).toBe('50.0%');
    expect(await cellText(page, 'contact-center', 'share')).toBe('8.00%');
  });

  it('an undo message undoes its own edit or nothing: after a later edit it is gone', async () => {
    await focusCell(page, 'contact-center-other', 'name');
    await page.getByTestId('structure-delete').click();
    const notice = page.getByTestId('structure-notice');
    await expect.poll(() => notice.innerText()).toContain('已删除“呼叫中心其他”');
    // Another edit, in another cell.
    await typeInto(page, 'materials-field', 'share', '40');
    await expect.poll(() => cellText(page, 'materials-field', 'share')).toBe('40.0%');
    await expect.poll(() => notice.count()).toBe(0);
    // Undo (Ctrl+Z) takes back the 40, and the deleted line stays deleted until a second undo.
    await waitSaved(page);
    await page.getByTestId('undo').click();
    await expect.poll(() => cellText(page, 'materials-field', 'share')).toBe('44.0%');
    await waitSaved(page);
    expect((await pageModel(page)).costTree.some((node) => node.id === 'contact-center-other')).toBe(false);
    await screenshot(page, 'structure-banner-gone');
  });

  it('typing with a Chinese IME into a selected cell starts editing and keeps the composed text', async () => {
    await focusCell(page, 'other-service', 'name');
    const cdp = await page.context().newCDPSession(page);
    // What an IME sends: a keydown "Process" (229), then the composition, then its commit.
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'KeyQ', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await cdp.send('Input.imeSetComposition', { text: 'qi', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: '其他', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '其他服务' });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Process', code: 'KeyQ', windowsVirtualKeyCode: 229 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await pageModel(page)).costTree.find((node) => node.id === 'other-service')?.name).toBe('其他服务');
    expect(await cellText(page, 'other-service', 'name')).toBe('其他服务');
    await cdp.detach();
  });

  it('fills down a block selected with Shift+click, and a single cell from the one above', async () => {
    await focusCell(page, 'materials-field', 'relevance');
    await focusCell(page, 'other-service', 'relevance', ['Shift']);
    expect(await cell(page, 'contact-center', 'relevance').getAttribute('class')).toContain('sheet-in-range');
    await page.keyboard.press('Control+d');
    await expect.poll(() => cellText(page, 'other-service', 'relevance')).toBe('强相关');
    expect(await page.getByTestId('relevance-split').innerText()).toContain('100.0%');

    // One cell: Ctrl+D takes the value above (13% under 87% would be 100%; 87% + 87% is refused).
    await focusCell(page, 'contact-center-other', 'share');
    await page.getByTestId('structure-fill-down').click();
    await expect.poll(() => page.getByTestId('cell-error').innerText()).toContain('占比合计 174%（最多 100%）');
    expect(await cellText(page, 'contact-center-other', 'share')).toBe('13.0%');
  });

  it('moves a line by cut and paste and by dragging, and refuses a move under its own child', async () => {
    await focusCell(page, 'contact-center-other', 'name');
    await page.keyboard.press('Control+x');
    await expect.poll(() => page.getByTestId('structure-notice').innerText()).toContain('已剪切');
    await focusCell(page, 'materials-field', 'name');
    await page.keyboard.press('Control+v');
    // A line entered as a share asks what it keeps under its new parent: its share here.
    await page.getByTestId('move-keep-share').click();
    await expect.poll(async () => (await pageModel(page)).costTree.find((node) => node.id === 'contact-center-other')?.parentId).toBe('materials-field');
    // 13% of materials and field service now.
    await expect.poll(() => cellText(page, 'contact-center-other', 'resolved')).toBe('407.04');

    // Drag it by its handle onto the middle of "other service cost": it goes under that line.
    const handle = cell(page, 'contact-center-other', 'name').locator('.ag-drag-handle');
    const target = cell(page, 'other-service', 'name');
    // Let the grid settle after the paste before measuring: on a busy machine rows still move.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(200);
    const from = (await handle.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    let to = (await target.boundingBox())!;
    for (let step = 1; step <= 12; step++) {
      await page.mouse.move(from.x + from.width / 2 + step * 8, from.y + ((to.y + to.height / 2 - from.y) * step) / 12);
      await page.waitForTimeout(30);
    }
    // Measure again while dragging and come to rest on the middle of the target row.
    to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2 + 96, to.y + to.height / 2, { steps: 4 });
    await page.waitForTimeout(100);
    await page.mouse.up();
    await page.getByTestId('move-keep-share').click();
    await expect.poll(async () => (await pageModel(page)).costTree.find((node) => node.id === 'contact-center-other')?.parentId).toBe('other-service');

    // Contact center cannot go under its own child.
    await focusCell(page, 'contact-center', 'name');
    await page.keyboard.press('Control+x');
    await focusCell(page, 'contact-center-labor', 'name');
    await page.keyboard.press('Control+v');
    await expect.poll(() => page.getByTestId('cell-error').innerText()).toContain('不能移到自身或其下级“呼叫中心人工”之下');
    expect((await pageModel(page)).costTree.find((node) => node.id === 'contact-center')?.parentId).toBe('service-cost');
  });

  it('switches the basis with the select editor from the keyboard, keeping the amount', async () => {
    await cell(page, 'contact-center', 'basis').dblclick();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(page, 'contact-center', 'basis')).toBe('按金额');
    expect(await cellText(page, 'contact-center', 'amount')).toBe('996.24');
    expect(await cellText(page, 'contact-center', 'share')).toBe('');
    expect((await pageModel(page)).costTree.find((node) => node.id === 'contact-center')?.basis).toEqual({ kind: 'amount', amount: 9_962_400 });
    // And back: 996.24 of 7,116 is 14%.
    await cell(page, 'contact-center', 'basis').dblclick();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(page, 'contact-center', 'share')).toBe('14.0%');
    expect(await share('contact-center')).toBe(0.14);
  });

  it('collapses and expands the tree, and works in English with another display unit', async () => {
    await page.getByTestId('toggle-contact-center').click();
    await expect.poll(() => cell(page, 'contact-center-labor', 'name').count()).toBe(0);
    await page.getByTestId('toggle-contact-center').click();
    await expect.poll(() => cell(page, 'contact-center-labor', 'name').count()).toBe(1);

    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('display-unit').selectOption('million');
    await expect.poll(() => cellText(page, 'contact-center-labor', 'resolved')).toBe('8.67');
    expect(await page.locator('[col-id="resolved"][role="columnheader"]').innerText()).toContain('million yuan');
    // Typed in millions, stored in yuan.
    await cell(page, 'service-cost', 'amount').dblclick();
    await cell(page, 'service-cost', 'amount').locator('input').fill('80');
    await cell(page, 'service-cost', 'amount').locator('input').press('Enter');
    await expect.poll(async () => (await pageModel(page)).costTree.find((node) => node.id === 'service-cost')?.basis.amount).toBe(80_000_000);
    expect(await cellText(page, 'other-service', 'relevance')).toBe('Weak');
    expect(await page.getByTestId('relevance-split').innerText()).toContain('Weakly related');
    await screenshot(page, 'structure-english');
    expect(screen.errors).toEqual([]);
  });
});
