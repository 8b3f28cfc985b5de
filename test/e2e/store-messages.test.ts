import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHealthyModel } from '../fixtures/hostile/model-files';
import { englishWords } from '../support/chinese';
import { browserAvailable, openAppPage, screenshot, startServe, type ServedApp } from './support/app';

/**
 * A damaged model, the last file opened, opens read-only in the Chinese UI: the read-only badge
 * says why in Chinese (what is damaged, and how to get the file back).
 */
describe.skipIf(!browserAvailable())('store messages in the Chinese UI (Chromium)', () => {
  let app: ServedApp;
  let context: BrowserContext;
  let page: Page;
  let dataDir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'costplan-e2e-store-messages-'));
    const damaged = join(dataDir, '损坏.costplan');
    // The last file opened: the host opens it at start, as it would any other day.
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ recent: [{ path: damaged, openedAt: '2027-03-01T09:00:00.000Z' }], baselines: [], uiLanguage: 'zh' }),
    );
    await writeHealthyModel(damaged, dataDir);
    const db = new Database(damaged, { readonly: true });
    const { rootpage } = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'edit_log'`).get() as { rootpage: number };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = readFileSync(damaged);
    bytes[(rootpage - 1) * pageSize] = 0;
    writeFileSync(damaged, bytes);
    app = await startServe(dataDir);
    ({ context, page } = await openAppPage(app, errors));
  }, 120_000);

  afterAll(async () => {
    await context?.close(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await app?.stop(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  });

  it('a damaged model opens read-only: the badge says why in Chinese', async () => {
    await page.getByTestId('models-continue').click();
    await page.locator('.tabs').waitFor();
    const badge = page.getByTestId('read-only');
    await badge.waitFor();
    const title = (await badge.getAttribute('title')) ?? '';
    expect(title).toContain('损坏.costplan 已损坏（完整性检查未通过）（技术细节：“');
    expect(title).toMatch(/；没有可用来恢复它的快照，如有备份请从备份中取回$/u);
    expect(englishWords(title, [dataDir])).toEqual([]);
    await badge.hover();
    await screenshot(page, 'store-read-only-zh');
    expect(errors).toEqual([]);
  });
});
