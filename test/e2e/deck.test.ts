import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { readDeck } from '../main/deck/support/pptx';
import { ARTIFACTS, browserAvailable, screenshot, usePage } from './support/app';

/**
 * "Export deck" in the browser edition: the in-app dialog (no browser prompt), scenarios,
 * slides, language, unit, client and accent chosen, the deck downloaded and read back.
 */
describe.skipIf(!browserAvailable())('Export deck in Chromium', () => {
  const served = usePage(
    'results',
    (page) => page.getByTestId('export-deck').waitFor(),
    (page) => {
      page.on('dialog', (dialog) => {
        throw new Error(`a browser dialog opened: ${dialog.type()} ${dialog.message()}`);
      });
    },
  );
  let page: Page;
  beforeEach(() => {
    page = served.page;
  });

  it('opens the export dialog from the header, and closes it with Escape', async () => {
    await page.getByTestId('export-deck').click();
    await page.getByTestId('deck-dialog').waitFor();
    await screenshot(page, 'deck-dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('deck-dialog').waitFor({ state: 'detached' });
  });

  it('says what is missing instead of exporting nothing', async () => {
    await page.getByTestId('export-deck').click();
    await page.getByRole('button', { name: '全不选' }).click();
    await page.getByTestId('deck-export').click();
    expect(await page.getByTestId('deck-problem').innerText()).toBe('请至少选择一页。');
    await page.getByRole('button', { name: '全选' }).click();
  });

  it('downloads the deck with the choices made', async () => {
    await page.getByTestId('deck-headline').selectOption('digital-tools-20');
    await page.getByTestId('deck-language').selectOption('en');
    await page.getByTestId('deck-unit').selectOption('thousand');
    await page.getByTestId('deck-client').fill('ACME Appliances');
    await page.locator('[data-slide="risk"]').uncheck();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deck-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pptx$/);
    const path = join(ARTIFACTS, 'deck-download.pptx');
    await download.saveAs(path);
    await page.getByTestId('deck-done').waitFor();
    const deck = readDeck(readFileSync(path));
    const titles = deck.slides.map((slide) => slide.paragraphs[0]);
    expect(titles).not.toContain('Risk');
    expect(titles).toContain('Executive summary');
    expect(deck.slides[0]!.paragraphs).toContain('ACME Appliances');
    const summary = deck.slides.find((slide) => slide.paragraphs[0] === 'Executive summary')!;
    expect(summary.paragraphs).toContain('1,733.5 thousand yuan');
    expect(summary.text).toContain('Against the baseline "目标 15%":');
    expect(served.errors).toEqual([]);
  });
});
