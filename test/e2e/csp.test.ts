import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkbook } from '../../main/excel/export-workbook';
import { createExampleModel } from '../../shared/model/example';
import { browserAvailable, enterWorkspace, launchBrowser, screenshot, startServe, type ServedApp } from './support/app';

/**
 * The Content-Security-Policy without `style-src 'unsafe-inline'`, in a real browser: every
 * screen, the Models view and the dialogs are visited while the page records each
 * `securitypolicyviolation`; none may occur, and the grids and charts must still be styled
 * (the grid theme's <style> elements carry the per-request nonce the host wrote into the page).
 */
type Recorded = { directive: string; blocked: string; sample: string }[];

describe.skipIf(!browserAvailable())('Content-Security-Policy in Chromium (browser host)', () => {
  let app: ServedApp | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let headerPolicy = '';
  const errors: string[] = [];
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: Recorded }).cspViolations);

  beforeAll(async () => {
    app = await startServe();
    context = await launchBrowser();
    page = await context.newPage();
    // Runs before the page's own scripts, outside its policy (the driver injects it).
    await page.addInitScript(() => {
      const recorded: Recorded = [];
      (window as unknown as { cspViolations: Recorded }).cspViolations = recorded;
      document.addEventListener('securitypolicyviolation', (event) =>
        recorded.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample }),
      );
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document') headerPolicy = response.headers()['content-security-policy'] ?? '';
    });
    await page.goto(app.url);
    await page.locator('[data-view="models"]').waitFor();
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await app?.stop();
  });

  it('the page is served with a nonce for styles and without unsafe-inline, in the header and in the meta tag', async () => {
    const styleSrc = /style-src ([^;]*)/.exec(headerPolicy)?.[1] ?? '';
    expect(styleSrc).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]{22}=='$/);
    expect(headerPolicy).not.toContain('unsafe-inline');
    expect(headerPolicy).not.toContain('unsafe-eval');
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(`${meta}; frame-ancestors 'none'`).toBe(headerPolicy);
    const nonce = await page.locator('meta[property="csp-nonce"]').evaluate((element) => (element as HTMLMetaElement).nonce);
    expect(styleSrc).toContain(`'nonce-${nonce}'`);
  });

  it('the Models view and its dialogs (rename, import of an uploaded workbook) raise no violation', async () => {
    await page.locator('[data-view="models"] [data-action="rename"]').first().click();
    await page.getByTestId('text-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('text-dialog').waitFor({ state: 'detached' });
    const uploads = mkdtempSync(join(tmpdir(), 'costplan-e2e-csp-'));
    const workbook = join(uploads, 'client.xlsx');
    writeFileSync(workbook, (await exportWorkbook(createExampleModel('zh'), { language: 'zh' })).data);
    await page.getByTestId('upload-input').setInputFiles(workbook);
    await page.getByTestId('import-dialog').waitFor();
    await screenshot(page, 'csp-import-dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    expect(await violations()).toEqual([]);
  });

  it('every screen renders its grids and charts styled, with no violation', { timeout: 120_000 }, async () => {
    await enterWorkspace(page);
    const screens = ['structure', 'levers', 'revenue', 'budget', 'results', 'compare', 'analysis'];
    let grids = 0;
    let charts = 0;
    let themed = 0;
    for (const tab of screens) {
      await page.click(`[data-tab="${tab}"]`);
      await page.locator(`[data-screen="${tab}"]`).waitFor();
      await page.waitForTimeout(300);
      if (tab === 'analysis') {
        // The Monte Carlo run: a Web Worker and the histogram chart.
        await page.locator('[data-action="add-ranges"]').click();
        await page.locator('[data-action="sim-run"]').click();
        await page.getByTestId('chart-histogram').waitFor({ timeout: 60_000 });
      }
      // The theme's look reaches the grid: the header height and font size set in grid/setup.ts.
      const styled = await page.locator(`[data-screen="${tab}"] .ag-root-wrapper`).evaluateAll((wrappers) =>
        wrappers.map((wrapper) => {
          const header = wrapper.querySelector('.ag-header');
          return {
            headerHeight: header?.getBoundingClientRect().height ?? 0,
            radius: getComputedStyle(wrapper).borderTopLeftRadius,
            fontSize: getComputedStyle(wrapper).fontSize,
          };
        }),
      );
      for (const grid of styled) {
        expect(grid.headerHeight, tab).toBeGreaterThan(20);
        expect(grid.radius, tab).toBe('6px');
        expect(grid.fontSize, tab).toBe('13px');
      }
      grids += styled.length;
      if (styled.length > 0) {
        // The theme's styles are in the page, each carrying the page's nonce.
        const nonces = await page.evaluate(() => {
          const expected = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
          return Array.from(document.querySelectorAll<HTMLStyleElement>('style[data-ag-css]')).map((style) => expected !== '' && style.nonce === expected);
        });
        expect(nonces.length, tab).toBeGreaterThan(0);
        expect(nonces.every(Boolean), tab).toBe(true);
        themed += 1;
      }
      const canvases = await page
        .locator(`[data-screen="${tab}"] canvas`)
        .evaluateAll((list) => list.map((canvas) => (canvas as HTMLCanvasElement).width * (canvas as HTMLCanvasElement).height));
      for (const area of canvases) expect(area, tab).toBeGreaterThan(0);
      charts += canvases.length;
      await screenshot(page, `csp-${tab}`);
      expect(await violations(), tab).toEqual([]);
    }
    expect(grids).toBeGreaterThanOrEqual(4);
    expect(charts).toBeGreaterThanOrEqual(2);
    expect(themed).toBeGreaterThanOrEqual(4);
  });

  it('the scenario and deck dialogs raise no violation', async () => {
    await page.click('[data-tab="levers"]');
    await page.locator('[data-action="rename"]').first().click();
    await page.getByTestId('text-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('text-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('export-deck').click();
    await page.getByTestId('deck-dialog').waitFor();
    await screenshot(page, 'csp-deck-dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('deck-dialog').waitFor({ state: 'detached' });
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('an inline style without the nonce is refused (the check above can see a violation)', async () => {
    const applied = await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { letter-spacing: 7px; }';
      document.head.append(style);
      const probe = document.createElement('div');
      probe.innerHTML = '<span style="letter-spacing: 7px"></span>';
      document.body.append(probe);
      const result = [getComputedStyle(document.body).letterSpacing, getComputedStyle(probe.firstElementChild!).letterSpacing];
      style.remove();
      probe.remove();
      return result;
    });
    expect(applied).toEqual(['normal', 'normal']);
    // Each is reported once per policy that refuses it (the header's and the meta tag's).
    await expect
      .poll(async () => [...new Set((await violations()).map((violation) => violation.directive))].sort())
      .toEqual(['style-src-attr', 'style-src-elem']);
    errors.length = 0;
  });
});
