import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateModel } from '../../bench/generate';
import { ModelDocument } from '../../main/store/document';
import type { SingleEditCommand } from '../../shared/edits/commands';
import { LEVER_INPUT_NAMES } from '../../shared/model/inputs';
import { LEVER_KINDS, type Model } from '../../shared/model/schema';
import { browserAvailable, screenshot, usePage } from './support/app';
import { cell, openTab } from './support/grid';
import { editInPage } from './support/results';

/**
 * A generated 1,000-line model in the Chinese UI: input pickers with one label per input and
 * a search, the cost structure's find (Ctrl+F) and filter, and a Monte Carlo range table of
 * 50 ranges that leaves Run and the progress bar on a 1280 x 800 screen.
 */
const AREA_NAMES = ['物料与现场服务', '客服中心', '备件物流', '服务商', '保修维修', '安装调试', '培训与质量', 'IT 与数字化工具'];
/** The line Ctrl+F looks for: the only one of its name, deep in the tree. */
const DEEP_NAME = '储能电池返修';

function largeModel(): { model: Model; deepId: string; scenarioId: string } {
  const generated = generateModel({ leafLines: 1_000, scenarios: 10 });
  const model: Model = { ...generated, name: '大模型 1000 行', language: 'zh' };
  model.costTree = model.costTree.map((node) => {
    const area = /^a(\d)$/.exec(node.id);
    return area ? { ...node, name: AREA_NAMES[Number(area[1]) - 1]! } : node;
  });
  // A leaf under a team (depth 4): the last line of the tree whose id says so.
  const deep = [...model.costTree].reverse().find((node) => /-t\d+-l\d+$/.test(node.id))!;
  deep.name = DEEP_NAME;
  // Its 7th scenario sets levers on about half the lines: 513 inputs.
  return { model, deepId: deep.id, scenarioId: model.scenarios[6]!.id };
}

describe.skipIf(!browserAvailable())('a 1,000-line model in Chromium', () => {
  const served = usePage('structure', (page) => page.getByTestId('structure-grid').waitFor());
  const { model, deepId, scenarioId } = largeModel();
  let page: Page;

  beforeAll(async () => {
    page = served.page;
    const file = '大模型.costplan';
    await (await ModelDocument.create(join(served.app.dataDir, file), model, { dataDir: served.app.dataDir })).close();
    await page.evaluate(
      async ({ file, scenarioId }) => {
        type Response = { ok: boolean; value?: unknown; error?: { message: string } };
        const workspace = (
          window as unknown as {
            costPlannerWorkspace: {
              api: { openModel(input: { file: string }): Promise<Response> };
              adopt(session: unknown): void;
              selectScenario(id: string): void;
            };
          }
        ).costPlannerWorkspace;
        const opened = await workspace.api.openModel({ file });
        if (!opened.ok) throw new Error(opened.error?.message ?? 'openModel failed');
        workspace.adopt(opened.value);
        workspace.selectScenario(scenarioId);
      },
      { file, scenarioId },
    );
    await cell(page, 'root', 'name').waitFor();
  }, 120_000);

  const optionTexts = (testId: string) => page.getByTestId(`${testId}-list`).locator('[role="option"]').allInnerTexts();

  it('lists every input of the analysis pickers under a label of its own, "…› Team 1：业务量"', async () => {
    await openTab(page, 'analysis');
    await page.getByTestId('goal-input').click();
    const labels = await optionTexts('goal-input');
    expect(labels.length).toBe(513);
    expect(new Set(labels).size).toBe(labels.length);
    // Repeated names are told apart by the path above them.
    expect(labels.filter((label) => label.includes(' › ')).length).toBeGreaterThan(150);
    expect(labels.some((label) => /^(.+ › )?Region \d+ › Team 1 › /.test(label) || /^.+ › Team 1：/.test(label))).toBe(true);
    await screenshot(page, 'large-analysis-picker');
    await page.keyboard.press('Escape');
  });

  it('searches a picker by typed Chinese words and picks with the keyboard', async () => {
    const picker = page.getByTestId('table-row-input');
    await picker.click();
    await picker.fill('客服中心 业务量');
    const shown = await optionTexts('table-row-input');
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.length).toBeLessThan(200);
    // Every word is in the label or the path above it (the tooltip shows the whole path).
    for (const option of await page.getByTestId('table-row-input-list').locator('[role="option"]').all()) {
      expect(await option.getAttribute('title')).toMatch(/^After-sales service cost › 客服中心 › .*业务量/);
    }
    expect(await page.getByTestId('table-row-input-list').innerText()).toContain(`${shown.length} / 513 项`);
    await screenshot(page, 'large-picker-search');
    // ↓ moves to the second match, Enter picks it; the field then shows its label.
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await expect.poll(() => picker.inputValue()).toBe(shown[1]);
    const address = await picker.getAttribute('data-value');
    expect(address).toMatch(/^lever:a2-/);
    // The data table takes the picked input (its default values are filled in for it).
    expect(await page.getByTestId('table-row-values').inputValue()).not.toBe('');
    // A word nothing has says so.
    await picker.fill('不存在的成本项');
    expect(await page.getByTestId('table-row-input-list').innerText()).toContain('没有与“不存在的成本项”匹配的项');
    await picker.press('Escape');
    expect(await picker.getAttribute('data-value')).toBe(address);
  });

  it('keeps Run and the progress bar on screen with 50 ranges (1280 x 800)', async () => {
    const scenario = model.scenarios[6]!;
    const edits: SingleEditCommand[] = [];
    for (const lever of scenario.levers) {
      for (const kind of LEVER_KINDS) {
        const value = lever[kind];
        if (value === undefined || value === 0 || edits.length >= 50) continue;
        const spread = Math.abs(value) * 0.2;
        edits.push({
          type: 'setInputRange',
          scenarioId: scenario.id,
          input: `lever:${lever.nodeId}:${LEVER_INPUT_NAMES[kind]}`,
          range: { low: value - spread, mostLikely: value, high: value + spread, distribution: 'triangular' },
        });
      }
    }
    expect(edits.length).toBe(50);
    await editInPage(page, { type: 'batch', label: 'ranges', edits });
    await page.locator('[data-testid="ranges"] tbody tr').nth(49).waitFor({ state: 'attached' });
    await page.getByTestId('simulation').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const run = page.locator('[data-action="sim-run"]');
    const box = (await run.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await page.getByTestId('sim-trials').fill('100000');
    await run.click();
    const progress = page.getByTestId('sim-progress');
    await progress.waitFor();
    const bar = (await progress.boundingBox())!;
    expect(bar.y + bar.height).toBeLessThanOrEqual(800);
    await screenshot(page, 'large-simulation-50-ranges');
    // The ranges scroll in their own box: the last one is reached there.
    const last = page.locator('[data-testid="ranges"] tbody tr').nth(49);
    await last.scrollIntoViewIfNeeded();
    expect((await run.boundingBox())!.y + box.height).toBeLessThanOrEqual(800);
    await page.locator('[data-action="sim-cancel"]').click();
  });

  it('Ctrl+F finds a line under collapsed parents, Enter and Shift+Enter step through matches, Esc closes', async () => {
    await openTab(page, 'structure');
    await page.getByTestId('structure-collapse-all').click();
    await expect.poll(() => cell(page, deepId, 'name').count()).toBe(0);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    const input = page.getByTestId('structure-find-input');
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill('储能电池');
    await expect.poll(() => page.getByTestId('structure-find-count').innerText()).toBe('– / 1');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('structure-find-count').innerText()).toBe('1 / 1');
    // Its ancestors were expanded and the grid scrolled to it.
    const found = page.locator(`[role="row"][row-id="${deepId}"]`).first();
    await found.waitFor();
    await expect.poll(async () => (await found.getAttribute('class')) ?? '').toContain('find-current');
    const viewport = (await page.getByTestId('structure-grid').boundingBox())!;
    const row = (await found.boundingBox())!;
    expect(row.y).toBeGreaterThanOrEqual(viewport.y);
    expect(row.y + row.height).toBeLessThanOrEqual(viewport.y + viewport.height);
    await screenshot(page, 'large-structure-find');

    // Many matches: Enter goes forward, Shift+Enter back.
    await input.fill('Team 3');
    await input.press('Enter');
    await input.press('Enter');
    const count = page.getByTestId('structure-find-count');
    await expect.poll(() => count.innerText()).toMatch(/^2 \/ \d+$/);
    await input.press('Shift+Enter');
    await expect.poll(() => count.innerText()).toMatch(/^1 \/ \d+$/);
    await input.press('Shift+Enter');
    const total = Number((await count.innerText()).split(' / ')[1]);
    expect(total).toBeGreaterThan(10);
    await expect.poll(() => count.innerText()).toBe(`${total} / ${total}`);

    // Esc closes the box and leaves the focus on the line found.
    await input.fill('储能电池');
    await input.press('Enter');
    await input.press('Escape');
    await expect.poll(() => page.getByTestId('structure-find').count()).toBe(0);
    await expect.poll(() => cell(page, deepId, 'name').getAttribute('class')).toContain('ag-cell-focus');
  });

  it('filters the grid to the matching lines and the lines above them', async () => {
    await page.keyboard.press('Control+f');
    const input = page.getByTestId('structure-find-input');
    await input.fill('储能电池');
    await page.getByTestId('structure-filter').check();
    // The line, its team, its region, its area and the root: nothing else.
    const ids = async () =>
      page.locator('[data-testid="structure-grid"] [role="row"][row-id]').evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('row-id')!))]);
    const ancestors: string[] = [];
    for (let id: string | null = deepId; id !== null; id = model.costTree.find((node) => node.id === id)?.parentId ?? null) ancestors.unshift(id);
    await expect.poll(async () => (await ids()).sort()).toEqual([...ancestors].sort());
    expect(ancestors.length).toBe(5);
    await screenshot(page, 'large-structure-filter');
    // Unchecked, the whole tree is back.
    await page.getByTestId('structure-filter').uncheck();
    await expect.poll(async () => (await ids()).length).toBeGreaterThan(5);
    await input.press('Escape');
    expect(served.errors).toEqual([]);
  });
});
