import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, screenshot, startServe, type ServedApp } from './support/app';

/** The workspace shell against `npm run serve`: header, scenarios, undo and redo, reload. */
describe.skipIf(!browserAvailable())('workspace shell in Chromium', () => {
  let app: ServedApp;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startServe();
    context = await launchBrowser();
    page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept(dialog.type() === 'prompt' ? (promptAnswers.shift() ?? '') : undefined));
    await page.goto(app.url);
    await page.getByTestId('model-name').waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await app?.stop();
  });

  const promptAnswers: string[] = [];
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

    promptAnswers.push('保守情景');
    const added = page.locator('.scenario').nth(2);
    await added.locator('.scenario-name').click();
    await added.locator('[data-action="rename"]').click();
    await expect.poll(scenarioNames).toEqual(['目标 15%', '数字化工具 20%', '保守情景']);

    await page.keyboard.press('Control+z');
    await expect.poll(scenarioNames).toEqual(['目标 15%', '数字化工具 20%', '新情景']);
    await page.getByTestId('redo').click();
    await expect.poll(scenarioNames).toEqual(['目标 15%', '数字化工具 20%', '保守情景']);

    await page.locator('.scenario').nth(2).locator('[data-action="delete"]').click();
    await expect.poll(scenarioNames).toEqual(['目标 15%', '数字化工具 20%']);
    await page.getByTestId('undo').click();
    await expect.poll(scenarioNames).toEqual(['目标 15%', '数字化工具 20%', '保守情景']);
  });

  it('keeps every edit across a reload', async () => {
    await expect.poll(() => page.getByTestId('save-state').innerText()).toBe('已保存');
    await page.reload();
    await page.getByTestId('model-name').waitFor();
    expect(await scenarioNames()).toEqual(['目标 15%', '数字化工具 20%', '保守情景']);
    expect(await page.getByTestId('undo').isEnabled()).toBe(true);
  });

  it('switches the language and the display unit, and undo brings them back', async () => {
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('[data-tab="results"]').innerText()).toBe('Results');
    await page.getByTestId('display-unit').selectOption('yuan');
    await expect.poll(() => page.getByTestId('display-unit').inputValue()).toBe('yuan');
    await screenshot(page, 'workspace-english-yuan');
    await page.getByTestId('undo').click();
    await page.getByTestId('undo').click();
    await expect.poll(() => page.locator('[data-tab="results"]').innerText()).toBe('结果');
    await expect.poll(() => page.getByTestId('display-unit').inputValue()).toBe('tenThousand');
  });
});
