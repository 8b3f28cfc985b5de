import type { Page } from 'playwright-core';

/** Chooses an option of a searchable picker (SearchPicker) by its value, as a planner clicks it. */
export async function pick(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(`${testId}-list`).locator(`[role="option"][data-value="${value}"]`).click();
  await page.locator(`[data-testid="${testId}"][data-value="${value}"]`).waitFor();
}
