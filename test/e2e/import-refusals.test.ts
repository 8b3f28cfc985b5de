import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishWords } from '../support/chinese';
import { minimalWorkbook } from '../main/excel/support/hostile';
import { browserAvailable, chineseDataDir, openAppPage, screenshot, startServe, type ServedApp } from './support/app';

/**
 * A workbook the import guard refuses (a zip entry that points outside the archive) reported
 * on the Chinese screen: what is wrong and what to do in Chinese, no English word left.
 */
describe.skipIf(!browserAvailable())('an import refused by the zip guard, in the Chinese UI (Chromium)', () => {
  let app: ServedApp;
  let context: BrowserContext;
  let page: Page;
  let files: string;
  const errors: string[] = [];

  beforeAll(async () => {
    const dataDir = chineseDataDir('costplan-e2e-import-refusals-');
    files = mkdtempSync(join(tmpdir(), 'costplan-e2e-import-refusal-files-'));
    writeFileSync(join(files, '客户.xlsx'), minimalWorkbook('', { extra: [{ name: 'xl/../../evil.sh', data: Buffer.from('rm -rf /') }] }));
    app = await startServe(dataDir);
    ({ context, page } = await openAppPage(app, errors));
  }, 120_000);

  afterAll(async () => {
    await context?.close(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await app?.stop(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  });

  it('says in Chinese which part of the file is refused and what to do', async () => {
    await page.getByTestId('models-continue').click();
    await page.locator('.tabs').waitFor();
    await page.getByTestId('import-input').setInputFiles(join(files, '客户.xlsx'));
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('dialog-ok').click();
    const message = page.locator('.error-banner .error-message');
    await expect.poll(() => message.count()).toBe(1);
    const shown = await message.innerText();
    expect(shown).toContain('zip 条目“xl/../../evil.sh”指向压缩包之外（“..”）：请用 Excel 重新另存为 .xlsx 后再导入');
    expect(englishWords(shown)).toEqual([]);
    await screenshot(page, 'import-refused-zip-zh');
    expect(errors).toEqual([]);
  });
});
