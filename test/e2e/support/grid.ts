import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, startServe, type ServedApp } from './app';

/**
 * Helpers for the planner's AG Grid screens: cells by row id and column id, typing into a
 * cell, pasting clipboard text, and reading the model the page holds.
 */
export function cell(page: Page, rowId: string, colId: string): Locator {
  return page.locator(`[role="row"][row-id="${rowId}"] [role="gridcell"][col-id="${colId}"]`).first();
}

/** Clicks a cell and waits until the grid has moved its focus there. */
export async function focusCell(page: Page, rowId: string, colId: string, modifiers: ('Shift' | 'Control')[] = []): Promise<void> {
  const target = cell(page, rowId, colId);
  await target.click({ modifiers });
  await target.and(page.locator('.ag-cell-focus')).waitFor();
}

export async function cellText(page: Page, rowId: string, colId: string): Promise<string> {
  return (await cell(page, rowId, colId).innerText()).trim();
}

/** Opens the cell's editor (double-click), types the text and presses Enter. */
export async function typeInto(page: Page, rowId: string, colId: string, text: string): Promise<void> {
  const target = cell(page, rowId, colId);
  await target.dblclick();
  const input = target.locator('input');
  await input.waitFor();
  await input.fill(text);
  await input.press('Enter');
}

/** Pastes text as a spreadsheet puts it on the clipboard, onto the focused element. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((clipboardText) => {
    const data = new DataTransfer();
    data.setData('text/plain', clipboardText);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

interface PageModel {
  costTree: { id: string; parentId: string | null; name: string; relevance: string; basis: { kind: string; share?: number; amount?: number } }[];
  scenarios: { id: string; name: string; horizonYears: number; volumeGrowth: number; ramp?: number[]; levers: Record<string, unknown>[]; investments: { id: string; name: string; amount: Record<string, unknown> }[]; uncertainty?: Record<string, unknown>[] }[];
}

/** The model the page shows (the workspace is exposed on window for the tests). */
export async function pageModel(page: Page): Promise<PageModel> {
  return page.evaluate(() => {
    const workspace = (window as unknown as { costPlannerWorkspace: { getState(): { model: unknown } } }).costPlannerWorkspace;
    return JSON.parse(JSON.stringify(workspace.getState().model)) as never;
  });
}

export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const workspace = (window as unknown as { costPlannerWorkspace: { getState(): { saveState: string } } }).costPlannerWorkspace;
    return workspace.getState().saveState === 'saved';
  });
}

export async function openTab(page: Page, tab: string): Promise<void> {
  await page.click(`[data-tab="${tab}"]`);
  await page.locator(`[data-screen="${tab}"]`).waitFor();
}

/** Starts over on a new copy of the built-in example (a new model file in the data folder). */
export async function freshExample(page: Page, path: string): Promise<void> {
  // Edits of the previous test must reach the file first, or they would land in the new model.
  await waitSaved(page);
  await page.evaluate(async (file) => {
    const workspace = (
      window as unknown as {
        costPlannerWorkspace: {
          api: { newModel(input: { path: string; template: 'example' }): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> };
          adopt(session: unknown): void;
        };
      }
    ).costPlannerWorkspace;
    const response = await workspace.api.newModel({ path: file, template: 'example' });
    if (!response.ok) throw new Error(response.error?.message ?? 'newModel failed');
    workspace.adopt(response.value);
  }, path);
}

export interface ScreenUnderTest {
  readonly app: ServedApp;
  readonly page: Page;
  /** Errors the page logged or threw; a screen's last test expects none. */
  readonly errors: string[];
}

/**
 * One served app and one page for a screen's tests (registered as the describe block's hooks):
 * the screen's tab is open, and every test starts on a fresh copy of the example, once `ready`
 * says the screen shows it.
 */
export function useScreen(tab: string, ready: (page: Page) => Promise<void>): ScreenUnderTest {
  let app: ServedApp | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let models = 0;
  const errors: string[] = [];
  beforeAll(async () => {
    app = await startServe();
    context = await launchBrowser();
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(app.url);
    await page.getByTestId('model-name').waitFor();
    await openTab(page, tab);
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    models += 1;
    await freshExample(page!, join(app!.dataDir, `${tab}-${models}.costplan`));
    await page!.locator('.scenario-name').first().click();
    await ready(page!);
  });
  return {
    get app() {
      return app!;
    },
    get page() {
      return page!;
    },
    errors,
  };
}
