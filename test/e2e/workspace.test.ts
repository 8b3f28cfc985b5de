import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, enterWorkspace, launchBrowser, screenshot, startServe, type ServedApp } from './support/app';

/** The workspace shell against `npm run serve`: header, scenarios, undo and redo, reload. */
describe.skipIf(!browserAvailable())('workspace shell in Chromium', () => {
  let app: ServedApp;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startServe();
    context = await launchBrowser();
    page = await context.newPage();
    // A browser dialog would be a bug: the app has its own (Electron implements no prompt).
    page.on('dialog', (dialog) => {
      browserDialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.goto(app.url);
    await enterWorkspace(page);
  }, 120_000);

  afterAll(async () => {
    await context?.close(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await app?.stop(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  });

  const browserDialogs: string[] = [];
  const scenarioNames = () => page.locator('.scenario-name').allInnerTexts();

  it('opens the built-in example in Chinese, saved', async () => {
    expect(await page.getByTestId('model-name').innerText()).toBe('售后服务成本示例');
    expect(await page.getByTestId('save-state').innerText()).toBe('已保存');
    expect(await scenarioNames()).toEqual(['目标 15%', '数字化工具 20%']);
    await screenshot(page, 'workspace-example');
  });

  it('creates, renames and deletes scenarios, with undo and redo from the keyboard and the buttons', async () => {
    await page.getByTestId('scenario-add').click();
    await expect.poll(scenarioNames).toEqual(['目标 15%', '数字化工具 20%', '新情景']);
    await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('已保存');

    const added = page.locator('.scenario').nth(2);
    await added.locator('.scenario-name').click();
    await added.locator('[data-action="rename"]').click();
    // The in-app dialog: the field has the old name, selected; a taken name keeps it open with the rule.
    const input = page.getByTestId('dialog-input');
    expect(await input.inputValue()).toBe('新情景');
    await page.keyboard.type('目标 15%');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('dialog-error').innerText()).not.toBe('');
    await screenshot(page, 'scenario-rename-dialog');
    await input.fill('保守情景');
    await page.keyboard.press('Enter');
    await page.getByTestId('text-dialog').waitFor({ state: 'detached' });
    await expect.poll(scenarioNames).toEqual(['目标 15%', '数字化工具 20%', '保守情景']);
    // Focus went back to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('rename');

    await page.keyboard.press('Control+z');
    await expect.poll(scenarioNames).toEqual(['目标 15%', '数字化工具 20%', '新情景']);
    await page.getByTestId('redo').click();
    await expect.poll(scenarioNames).toEqual(['目标 15%', '数字化工具 20%', '保守情景']);

    // Delete asks first: Esc keeps the scenario, Enter deletes it.
    await page.locator('.scenario').nth(2).locator('[data-action="delete"]').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    expect(await scenarioNames()).toEqual(['目标 15%', '数字化工具 20%', '保守情景']);
    await page.locator('.scenario').nth(2).locator('[data-action="delete"]').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(scenarioNames).toEqual(['目标 15%', '数字化工具 20%']);
    await page.getByTestId('undo').click();
    await expect.poll(scenarioNames).toEqual(['目标 15%', '数字化工具 20%', '保守情景']);
  });

  it('keeps every edit across a reload', async () => {
    await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('已保存');
    await page.reload();
    // A reload keeps the view the planner was in.
    await page.locator('.tabs').waitFor();
    expect(await scenarioNames()).toEqual(['目标 15%', '数字化工具 20%', '保守情景']);
    expect(await page.getByTestId('undo').isEnabled()).toBe(true);
  });

  it('switches the language and the display unit as view settings: Ctrl+Z undoes the last edit, not the switch, and a reload keeps them', async () => {
    const undoSteps = async () =>
      await page.evaluate(() => (window as unknown as { costPlannerWorkspace: { getState(): { canUndo: boolean } } }).costPlannerWorkspace.getState().canUndo);
    const couldUndo = await undoSteps();
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('[data-tab="results"]').innerText()).toBe('Results');
    await page.getByTestId('display-unit').selectOption('yuan');
    await expect.poll(() => page.getByTestId('display-unit').inputValue()).toBe('yuan');
    await screenshot(page, 'workspace-english-yuan');
    expect(await undoSteps()).toBe(couldUndo);
    await page.locator('body').click();
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    expect(await page.locator('[data-tab="results"]').innerText()).toBe('Results');
    expect(await page.getByTestId('display-unit').inputValue()).toBe('yuan');
    await page.reload();
    await page.getByTestId('model-name').waitFor();
    await expect.poll(() => page.locator('[data-tab="results"]').innerText()).toBe('Results');
    expect(await page.getByTestId('display-unit').inputValue()).toBe('yuan');
    expect(browserDialogs).toEqual([]);
  });
});

describe.skipIf(!browserAvailable())('export from the toolbar', () => {
  let app: ServedApp;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startServe();
    context = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await context?.close(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await app?.stop(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  });

  it('downloads a workbook that ExcelJS opens, holding the same figures as the screen', async () => {
    const page = await context.newPage();
    await page.goto(app.url);
    await enterWorkspace(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    // The Cover comes first; the figures are on the Summary.
    const summary = workbook.worksheets.find((sheet) => sheet.name === '汇总' || sheet.name === 'Summary')!;
    const numbers: number[] = [];
    summary.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value;
        if (typeof value === 'number') numbers.push(value);
        else if (value && typeof value === 'object' && 'result' in value && typeof value.result === 'number') numbers.push(value.result);
      }),
    );
    const holds = (expected: number) => numbers.some((value) => Math.abs(value - expected) <= Math.abs(expected) * 1e-9);
    // 3-year saving 473.2 万, return / investment 225.3%, NPV 222.35 万 of "目标 15%"; 631.0 万 of the other.
    expect(holds(473.2339248)).toBe(true);
    expect(holds(2.25349488)).toBe(true);
    // The oracle prints the NPV to 7 decimals.
    expect(numbers.some((value) => Math.abs(value - 222.3527047) < 1e-6)).toBe(true);
    expect(holds(630.9785664)).toBe(true);
    await page.close();
  });
});
