import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, chineseDataDir, openAppPage, screenshot, startServe, type ServedApp } from './support/app';

/**
 * Messages that used to reach the Chinese screen in English, now worded in Chinese from the
 * one vocabulary: an import that refuses a cell names the sheet, row, column and field in
 * Chinese; nothing of the English text is left.
 */
describe.skipIf(!browserAvailable())('messages in the Chinese UI (Chromium)', () => {
  let app: ServedApp;
  let context: BrowserContext;
  let page: Page;
  let files: string;
  const errors: string[] = [];

  beforeAll(async () => {
    const dataDir = chineseDataDir('costplan-e2e-messages-');
    files = mkdtempSync(join(tmpdir(), 'costplan-e2e-message-files-'));
    writeFileSync(join(files, '成本.csv'), ['层级,名称,依据,数值', '1,售后服务成本,金额,100', '2,呼叫中心,占比,abc', '2,现场服务,其他,10%'].join('\n'));
    app = await startServe(dataDir);
    ({ context, page } = await openAppPage(app, errors));
  }, 120_000);

  afterAll(async () => {
    await context?.close(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await app?.stop(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  });

  it('a refused import says where and what in Chinese', async () => {
    await page.getByTestId('models-continue').click();
    await page.locator('.tabs').waitFor();
    await page.getByTestId('import-input').setInputFiles(join(files, '成本.csv'));
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('dialog-ok').click();
    const message = page.locator('.error-banner .error-message');
    await expect.poll(() => message.count()).toBe(1);
    const shown = await message.innerText();
    expect(shown).toContain('工作表“成本.csv”，第 3 行，D 列（数值）：数值须为数字，填的是文字“abc”');
    expect(shown).toContain('第 4 行，C 列（依据）：依据须为“share”、“amount”、“占比”、“金额”之一，填的是文字“其他”');
    // Not a word of the English text it used to be.
    expect(shown).not.toMatch(/expected|found|sheet|row|column/u);
    await screenshot(page, 'messages-import-zh');
    expect(errors).toEqual([]);
  });
});
