import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeEach } from 'vitest';
import { usePage, type ServedPage } from './app';

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
  scenarios: {
    id: string;
    name: string;
    horizonYears: number;
    volumeGrowth: number;
    ramp?: number[];
    levers: Record<string, unknown>[];
    investments: { id: string; name: string; amount: Record<string, unknown> }[];
    uncertainty?: Record<string, unknown>[];
  }[];
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

/**
 * Starts over on a new copy of the built-in example (a new model file in the data folder): a
 * duplicate of the untouched 示例.costplan made on first run, so the model keeps its own name.
 */
export async function freshExample(page: Page, path: string): Promise<void> {
  // Edits of the previous test must reach the file first, or they would land in the new model.
  await waitSaved(page);
  const name = basename(path, '.costplan');
  await page.evaluate(async (file) => {
    type Response = { ok: boolean; value?: unknown; error?: { message: string } };
    const workspace = (
      window as unknown as {
        costPlannerWorkspace: {
          api: {
            duplicateModel(input: { file: string; name: string }): Promise<Response>;
            openModel(input: { file: string }): Promise<Response>;
            updateSettings(input: { uiLanguage: 'zh'; displayUnit: 'tenThousand' }): Promise<unknown>;
          };
          adopt(session: unknown): void;
        };
      }
    ).costPlannerWorkspace;
    // Language and unit are app settings (a test may have switched them): back to the example's.
    await workspace.api.updateSettings({ uiLanguage: 'zh', displayUnit: 'tenThousand' });
    const copied = await workspace.api.duplicateModel({ file: '示例.costplan', name: file });
    if (!copied.ok) throw new Error(copied.error?.message ?? 'duplicateModel failed');
    const opened = await workspace.api.openModel({ file: `${file}.costplan` });
    if (!opened.ok) throw new Error(opened.error?.message ?? 'openModel failed');
    workspace.adopt(opened.value);
  }, name);
}

/**
 * A screen's tests on one served page (`usePage`), every test starting on a fresh copy of the
 * example once `ready` says the screen shows it.
 */
export function useScreen(tab: string, ready: (page: Page) => Promise<void>): ServedPage {
  const served = usePage(tab, async () => undefined);
  let models = 0;
  beforeEach(async () => {
    models += 1;
    await freshExample(served.page, join(served.app.dataDir, `${tab}-${models}.costplan`));
    await served.page.locator('.scenario-name').first().click();
    await ready(served.page);
  });
  return served;
}
