import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { exportWorkbook } from '../../main/excel/export-workbook';
import { templateCsv } from '../../main/excel/template';
import { createExampleModel } from '../../shared/model/example';
import { browserAvailable, launchBrowser, screenshot, startServe, type ServedApp } from './support/app';

const TEXT = {
  zh: {
    example: '示例',
    client: '客户A',
    copy: '客户B',
    renamed: '客户C',
    imported: '已导入 6 个成本项和 2 个情景到 客户A.costplan。',
    typedOver: '“成本结构”工作表中有 1 个公式单元格被改成了输入的数值，最先出现在 F5：导入只读取输入，所有数字重新计算，输入的这些数值不会保留。',
    importedCsv: /^已导入 6 个成本项到 客户A\.costplan，替换了原模型（2 个情景）/,
    deletedHeading: '最近删除',
    replace: '替换',
    continueWith: '继续编辑',
  },
  en: {
    example: 'Example',
    client: 'Client A',
    copy: 'Client B',
    renamed: 'Client C',
    imported: 'Imported 6 cost lines and 2 scenarios into Client A.costplan.',
    typedOver:
      'On the sheet “Cost structure” a formula cell was typed over with a value (at F5): the import reads only the inputs and recomputes every figure, so that value is not kept.',
    importedCsv: /^Imported 6 cost lines into Client A\.costplan, replacing its model \(2 scenarios\)/,
    deletedHeading: 'Recently deleted',
    replace: 'Replace',
    continueWith: 'Continue with',
  },
} as const;

/**
 * The Models view against `npm run serve`, in Chinese and in English: upload a workbook as a
 * new model, switch between two models, duplicate and rename through the in-app dialogs, delete
 * and restore, download the model file and open it again with the command line, import a CSV
 * over the open model and undo it. No browser dialog may appear.
 */
describe.skipIf(!browserAvailable()).each(['zh', 'en'] as const)('Models view in Chromium (%s)', (language) => {
  const text = TEXT[language];
  let app: ServedApp;
  let context: BrowserContext;
  let page: Page;
  let files: string;
  const errors: string[] = [];
  const browserDialogs: string[] = [];

  const row = (name: string) => page.locator(`[data-model-file="${name}.costplan"]`);
  const fileNames = () => page.locator('[data-model-file]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-model-file')).sort());
  const headerFile = () => page.locator('.header-title .file').innerText();
  const showModels = async () => {
    await page.getByTestId('show-models').click();
    await page.locator('[data-view="models"]').waitFor();
  };

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'costplan-e2e-models-'));
    // The app setting decides the language of the example made on first run.
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ recent: [], baselines: [], uiLanguage: language }));
    files = mkdtempSync(join(tmpdir(), 'costplan-e2e-uploads-'));
    writeFileSync(join(files, `${text.client}.xlsx`), (await exportWorkbook(createExampleModel(language), { language })).data);
    writeFileSync(join(files, 'lines.csv'), templateCsv(language));
    // The same workbook with a formula typed over: the amount of the first part of the cost structure.
    const exported = await exportWorkbook(createExampleModel(language), { language });
    const typedOver = new ExcelJS.Workbook();
    await typedOver.xlsx.load(Uint8Array.from(exported.data).buffer);
    typedOver.getWorksheet(exported.layout.structure.sheet)!.getCell('F5').value = 5000;
    writeFileSync(join(files, 'typed-over.xlsx'), Buffer.from(await typedOver.xlsx.writeBuffer()));
    app = await startServe(dataDir);
    context = await launchBrowser();
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('dialog', (dialog) => {
      browserDialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.goto(app.url);
  }, 120_000);

  afterAll(async () => {
    await context?.close(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await app?.stop(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  });

  it('starts on the Models view with the example made on first run', async () => {
    await page.locator('[data-view="models"]').waitFor();
    await expect.poll(fileNames).toEqual([`${text.example}.costplan`]);
    expect(await row(text.example).locator('td.number').first().innerText()).toBe('2');
    expect(await page.getByTestId('models-continue').innerText()).toContain(text.continueWith);
    await screenshot(page, `models-${language}`);
  });

  it('uploads a workbook as a new model and says what it imported', async () => {
    await page.getByTestId('upload-input').setInputFiles(join(files, `${text.client}.xlsx`));
    await page.getByTestId('import-dialog').waitFor();
    // "As a new model" is the default choice.
    expect(await page.locator('input[name="import-mode"][value="new"]').isChecked()).toBe(true);
    await screenshot(page, `models-import-dialog-${language}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('notice').innerText(), { timeout: 15_000 }).toContain(text.imported);
    await page.locator('.tabs').waitFor();
    expect(await headerFile()).toBe(`${text.client}.costplan`);
  });

  it('switches between two models', async () => {
    await showModels();
    await expect.poll(fileNames).toEqual([`${text.client}.costplan`, `${text.example}.costplan`].sort());
    await row(text.example).locator('[data-action="open"]').click();
    await page.locator('.tabs').waitFor();
    expect(await headerFile()).toBe(`${text.example}.costplan`);
    await showModels();
    await row(text.client).locator('.model-name').click();
    await page.locator('.tabs').waitFor();
    expect(await headerFile()).toBe(`${text.client}.costplan`);
  });

  it('duplicates and renames through in-app dialogs (Esc cancels, Enter confirms, a taken name is refused in the dialog)', async () => {
    await showModels();
    await row(text.client).locator('[data-action="duplicate"]').click();
    const input = page.getByTestId('dialog-input');
    await input.waitFor();
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
    // Tab and Shift+Tab stay inside the dialog (field, Cancel, OK, field...).
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await page.evaluate(() => document.activeElement?.closest('dialog')?.getAttribute('data-testid'))).toBe('text-dialog');
    }
    await page.keyboard.press('Escape');
    await page.getByTestId('text-dialog').waitFor({ state: 'detached' });
    expect(await fileNames()).toHaveLength(2);

    await row(text.client).locator('[data-action="duplicate"]').click();
    await input.fill(text.example);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('dialog-error').innerText()).toContain(`${text.example}.costplan`);
    await input.fill(text.copy);
    await page.keyboard.press('Enter');
    await expect.poll(fileNames).toContain(`${text.copy}.costplan`);
    await expect.poll(() => page.getByTestId('text-dialog').count()).toBe(0);

    await row(text.copy).locator('[data-action="rename"]').click();
    await input.fill(`${text.renamed}/..`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('dialog-error').innerText()).not.toBe('');
    await screenshot(page, `models-rename-dialog-${language}`);
    await input.fill(text.renamed);
    await page.keyboard.press('Enter');
    await expect.poll(fileNames).toEqual([`${text.renamed}.costplan`, `${text.client}.costplan`, `${text.example}.costplan`].sort());
  });

  it('deletes a model after asking, and restores it from "recently deleted"', async () => {
    await row(text.renamed).locator('[data-action="delete"]').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(fileNames).toEqual([`${text.client}.costplan`, `${text.example}.costplan`].sort());
    const deleted = page.locator(`[data-deleted-file="${text.renamed}.costplan"]`);
    await deleted.waitFor();
    expect(await page.locator('.models-columns h3').allInnerTexts()).toContain(text.deletedHeading);
    await screenshot(page, `models-deleted-${language}`);
    await deleted.locator('[data-action="restore"]').click();
    await expect.poll(fileNames).toEqual([`${text.renamed}.costplan`, `${text.client}.costplan`, `${text.example}.costplan`].sort());
    await deleted.waitFor({ state: 'detached' });
  });

  it('downloads the open model file, which the command line opens again', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), row(text.client).locator('[data-action="download"]').click()]);
    expect(download.suggestedFilename()).toBe(`${text.client}.costplan`);
    const saved = join(files, download.suggestedFilename());
    await download.saveAs(saved);
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    expect(await runCli(['check', saved, '--json'], io)).toBe(0);
    const report = JSON.parse(out.join('')) as { integrity: string; nodes: number; scenarios: number };
    expect(report).toMatchObject({ integrity: 'ok', nodes: 6, scenarios: 2 });
    out.length = 0;
    expect(await runCli(['compute', saved, '--json'], io)).toBe(0);
    const computed = JSON.parse(out.join('')) as { scenarios: { totals: { returnOnInvestment: number } }[] };
    expect(computed.scenarios[0]!.totals.returnOnInvestment).toBeCloseTo(2.25349488, 8);
  });

  it('imports a CSV over the open model only when asked, says so, and undoes it', async () => {
    await page.getByTestId('models-continue').click();
    await page.locator('.tabs').waitFor();
    await page.getByTestId('import-input').setInputFiles(join(files, 'lines.csv'));
    await page.getByTestId('import-dialog').waitFor();
    await page.locator('input[name="import-mode"][value="replace"]').check();
    expect(await page.getByTestId('dialog-ok').innerText()).toBe(text.replace);
    await page.getByTestId('dialog-ok').click();
    await expect.poll(() => page.getByTestId('notice').innerText()).toMatch(text.importedCsv);
    expect(await headerFile()).toBe(`${text.client}.costplan`);
    expect(await page.getByTestId('undo').isEnabled()).toBe(true);
    await page.getByTestId('notice-undo').click();
    await expect.poll(() => page.getByTestId('undo').isEnabled()).toBe(false);
  });

  it('imports a file dropped on the Models view', async () => {
    await showModels();
    const dataTransfer = await page.evaluateHandle((csv) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
      return transfer;
    }, templateCsv(language));
    await page.dispatchEvent('[data-view="models"]', 'dragover', { dataTransfer });
    await page.locator('.drop-overlay').waitFor();
    await page.dispatchEvent('[data-view="models"]', 'drop', { dataTransfer });
    await page.getByTestId('import-dialog').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('dropped.costplan');
    expect(await headerFile()).toBe('dropped.costplan');
    expect(browserDialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('warns, naming the sheet and the cell, when a workbook comes back with a formula typed over', async () => {
    await page.getByTestId('import-input').setInputFiles(join(files, 'typed-over.xlsx'));
    await page.getByTestId('import-dialog').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('notice').innerText(), { timeout: 15_000 }).toContain('typed-over.costplan');
    expect(await page.getByTestId('notice-warning').allInnerTexts()).toEqual([text.typedOver]);
    await screenshot(page, `models-import-typed-over-${language}`);
    expect(browserDialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
