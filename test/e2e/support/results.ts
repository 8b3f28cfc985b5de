import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { EditCommand } from '../../../shared/edits/commands';

/**
 * Helpers for the Results and Compare tests. A figure card (`data-testid="figure-<name>"`)
 * holds its number in `[data-part=number]` and its unit in `[data-part=unit]`; `figureText`
 * joins them with one space: "130.0 万元", "225.3%" (percentages have no unit part).
 */
export async function figureText(page: Page, figure: string): Promise<string> {
  const card = page.getByTestId(`figure-${figure}`);
  const number = await card.locator('[data-part=number]').innerText();
  const unit = (await card.locator('[data-part=unit]').count()) > 0 ? await card.locator('[data-part=unit]').innerText() : '';
  return unit ? `${number} ${unit}` : number;
}

/** Applies an edit through the page's workspace (`window.costPlannerWorkspace`, exposed in main.tsx). */
export async function editInPage(page: Page, command: EditCommand): Promise<void> {
  const result = await page.evaluate((cmd) => {
    const workspace = (window as unknown as { costPlannerWorkspace: { edit(c: unknown): { ok: boolean; error?: { message: string }[] } } })
      .costPlannerWorkspace;
    const applied = workspace.edit(cmd);
    return applied.ok ? null : (applied.error ?? []).map((issue) => issue.message).join('; ');
  }, command);
  if (result !== null) throw new Error(`edit refused: ${result}`);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(path: string): { width: number; height: number; isPng: boolean } {
  const bytes = readFileSync(path);
  const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { isPng, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** How often a chart panel has been drawn (its `data-drawn` counter). */
export async function drawCount(page: Page, chart: string): Promise<number> {
  return Number((await page.getByTestId(`chart-${chart}`).getAttribute('data-drawn')) ?? '0');
}
