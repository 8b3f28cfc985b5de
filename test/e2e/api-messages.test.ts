import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishWords } from '../support/chinese';
import { browserAvailable, chineseDataDir, openAppPage, screenshot, startServe, type ServedApp } from './support/app';
import { cellText, openTab, typeInto } from './support/grid';

/**
 * What the app's own API and the page say when things go wrong, on the Chinese screen: a model
 * file that cannot be read, an edit the file refuses (made stale by another window), the host
 * going away, and an edit that cannot be saved. Each is worded in Chinese from its problem;
 * the browser's and the host's own English is at most a quoted technical detail.
 */
describe.skipIf(!browserAvailable())('API messages in the Chinese UI (Chromium)', () => {
  let app: ServedApp;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const dataDir = chineseDataDir('costplan-e2e-api-messages-');
    writeFileSync(join(dataDir, '损坏.costplan'), 'not a model at all');
    app = await startServe(dataDir);
    ({ context, page } = await openAppPage(app, errors));
  }, 120_000);

  afterAll(async () => {
    await context?.close(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await app?.stop(); // eslint-disable-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  });

  const banner = () => page.locator('.error-banner');

  /** The banner's text once it says `contains`, checked for English words (what the planner named is allowed). */
  async function bannerSays(contains: string): Promise<string> {
    await expect.poll(() => banner().innerText(), { timeout: 15_000 }).toContain(contains);
    const shown = await banner().innerText();
    expect(englishWords(shown), shown).toEqual([]);
    return shown;
  }

  it('a model file that cannot be read says why in the Models view', async () => {
    const row = page.locator('[data-model-file="损坏.costplan"]');
    await row.waitFor();
    const problem = await row.locator('.model-problem').innerText();
    expect(problem).toContain('损坏.costplan 不是服务成本规划模型');
    expect(problem).not.toContain(app.dataDir);
    expect(problem).toMatch(/[\u4e00-\u9fff]/u);
    expect(englishWords(problem, [app.dataDir])).toEqual([]);
    await screenshot(page, 'api-messages-models-zh');
  });

  it('an edit the file refuses (the line was deleted in another window) is shown in Chinese, and the screen shows the file', async () => {
    await page.getByTestId('models-continue').click();
    await page.locator('.tabs').waitFor();
    await openTab(page, 'structure');
    await expect.poll(() => cellText(page, 'contact-center-labor', 'share')).toBe('87.0%');
    // Another window (the same host) deletes the line this page still shows.
    const secret = new URL(app.url).hash.replace('#secret=', '');
    const deleted = await fetch(new URL('/api/applyEdit', app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-costplan-secret': secret },
      body: JSON.stringify({ command: { type: 'deleteNode', nodeId: 'contact-center-labor' } }),
    });
    expect(((await deleted.json()) as { ok: boolean }).ok).toBe(true);
    await typeInto(page, 'contact-center-labor', 'share', '50');
    const shown = await bannerSays('已不存在');
    expect(shown).toContain('出现问题');
    expect(shown).toContain('请检查输入后重试');
    // The page went back to what the file holds: the line is gone.
    await expect.poll(() => page.locator('[row-id="contact-center-labor"]').count()).toBe(0);
    await screenshot(page, 'api-messages-refused-edit-zh');
    await page.locator('.error-banner button').click();
  });

  it('the host going away, then an edit that cannot be saved: both in Chinese, the edit kept on screen', async () => {
    await app.stop();
    // Undo asks the host: it does not answer.
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    const away = await bannerSays('规划工具的本机服务没有响应');
    expect(away).toContain('重新启动规划工具');
    await screenshot(page, 'api-messages-host-away-zh');
    await page.locator('.error-banner button').click();

    await typeInto(page, 'materials-field', 'share', '40');
    await expect.poll(() => cellText(page, 'materials-field', 'share')).toBe('40.0%');
    const unsaved = await bannerSays('最近的修改未能保存（规划工具的本机服务没有响应');
    expect(unsaved).toContain('它仍显示在屏幕上，但还没有写入文件');
    expect(unsaved).toContain('重试保存');
    expect(await page.getByTestId('retry-save').innerText()).toContain('重试保存（1 处未保存）');
    await screenshot(page, 'api-messages-save-failed-zh');
    expect(errors).toEqual([]);
  });
});
