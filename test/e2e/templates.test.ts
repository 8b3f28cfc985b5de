import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, usePage } from './support/app';
import { cell, cellText, pageModel, typeInto, waitSaved } from './support/grid';
import { figureText } from './support/results';

/**
 * Templates in Chromium: a model from each template, a revenue lever and a one-off item edited
 * on their screens, and the figures, charts and the compare screen following. Chinese UI.
 */
describe.skipIf(!browserAvailable())('templates, revenue lines and one-off cash', () => {
  const served = usePage('results', (page) => page.getByTestId('figure-npv').waitFor());
  let page: Page;
  beforeEach(() => {
    page = served.page;
  });

  /** Makes a new model file from a template through the page's API and shows it. */
  let made = 0;
  async function newFromTemplate(template: string): Promise<void> {
    const name = `${template}-${++made}`;
    const error = await page.evaluate(
      async ({ name, template }) => {
        const workspace = (
          window as unknown as {
            costPlannerWorkspace: {
              api: { newModel(input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> };
              adopt(session: unknown): void;
            };
          }
        ).costPlannerWorkspace;
        const response = await workspace.api.newModel({ template, language: 'zh', name });
        if (!response.ok) return response.error?.message ?? 'refused';
        workspace.adopt(response.value);
        return null;
      },
      { name, template },
    );
    expect(error).toBeNull();
  }

  async function tab(name: string): Promise<void> {
    await page.click(`[data-tab="${name}"]`);
    await page.locator(`[data-screen="${name}"]`).waitFor();
  }

  const series = (chart: string) => page.getByTestId(`chart-${chart}`).getAttribute('data-series');

  it('each template opens with the figures of its worked example', async () => {
    await newFromTemplate('spare-parts');
    await tab('results');
    await expect.poll(() => figureText(page, 'npv')).toBe('823.2 万元');
    expect(await figureText(page, 'saving')).toBe('848.6 万元');
    expect(await figureText(page, 'oneOff')).toBe('400.0 万元');
    expect(await figureText(page, 'returnOnInvestment')).toBe('287.8%');
    expect(await series('years')).toBe('节省|一次性现金|投入|累计净收益');

    await newFromTemplate('service-providers');
    await expect.poll(() => figureText(page, 'npv')).toBe('493.1 万元');
    expect(await page.getByTestId('figure-oneOff').count()).toBe(0);

    await newFromTemplate('service-revenue');
    await expect.poll(() => figureText(page, 'marginGain')).toBe('525.9 万元');
    expect(await figureText(page, 'npv')).toBe('310.8 万元');
    expect(await figureText(page, 'returnOnInvestment')).toBe('333.7%');
    expect(await series('years')).toBe('节省|边际贡献增加|投入|累计净收益');
    await screenshot(page, 'templates-service-revenue-results');

    await newFromTemplate('empty');
    await expect.poll(async () => (await pageModel(page)).costTree.length).toBe(1);
    await newFromTemplate('example');
    await expect.poll(() => figureText(page, 'npv')).toBe('222.4 万元');
  });

  it('service revenue: editing a volume lever on the revenue screen moves the margin gain, the results, the chart and compare', async () => {
    await newFromTemplate('service-revenue');
    await tab('revenue');
    await expect.poll(() => cellText(page, 'out-of-warranty', 'volume')).toBe('+10%');
    expect(await cellText(page, 'out-of-warranty', 'gain')).toBe('102.00');
    expect(await cellText(page, 'out-of-warranty', 'margin')).toBe('35.0%');
    // The levers in words, caption first.
    expect(await cellText(page, 'out-of-warranty', 'meaning')).toContain('二次消费率 +10%，按 35.0% 的边际贡献率，每年增加 52.50 万元');
    await screenshot(page, 'templates-revenue-screen');

    await typeInto(page, 'out-of-warranty', 'volume', '20');
    // 1,500 x (0.35 x 0.2 + 0.03 x 1.2) = 159.
    await expect.poll(() => cellText(page, 'out-of-warranty', 'gain')).toBe('159.00');
    expect(await page.getByTestId('revenue-totals').innerText()).toContain('219.00');
    await waitSaved(page);

    await tab('results');
    // 219 + 236.52 + 255.4416 = 710.9616.
    await expect.poll(() => figureText(page, 'marginGain')).toBe('711.0 万元');
    const bridge = await series('bridge');
    expect(bridge).not.toBeNull();

    // Compare: a scenario copy without the change sits beside it, margin gain as its own row.
    const copy = await page.evaluate(() => {
      const workspace = (
        window as unknown as { costPlannerWorkspace: { edit(c: unknown): { ok: boolean }; getState(): { model: { scenarios: { id: string }[] } } } }
      ).costPlannerWorkspace;
      workspace.edit({ type: 'cloneScenario', scenarioId: 'service-marketing', newId: 'copy', name: '服务营销（副本）' });
      return workspace.edit({ type: 'setRevenueLever', scenarioId: 'copy', lineId: 'out-of-warranty', kind: 'volumeChange', value: 0.1 }).ok;
    });
    expect(copy).toBe(true);
    await tab('compare');
    const row = page.locator('[data-testid="compare-table"] tr[data-figure="marginGain"]');
    await expect.poll(() => row.innerText()).toContain('711.0');
    expect(await row.innerText()).toContain('525.9');
    expect(await series('compare')).toContain('边际贡献增加');
    await screenshot(page, 'templates-compare');
  });

  it('spare parts: editing the one-off item on the budget screen moves the net, NPV and payback but not return / investment', async () => {
    await newFromTemplate('spare-parts');
    // The levers screen names the turnover lever by the line's caption, then does the arithmetic.
    await tab('levers');
    await expect.poll(() => cellText(page, 'carrying-cost', 'meaning')).toContain('库存周转率 +25%：');
    expect(await cellText(page, 'carrying-cost', 'meaning')).toContain('20.0%');
    // A caption typed for the selected line shows in the words at once (one undoable edit).
    await cell(page, 'obsolete-stock', 'volumeChange').click();
    await expect.poll(() => page.getByTestId('caption-volumeChange-zh').inputValue()).toBe('呆滞品数量');
    await page.getByTestId('caption-volumeChange-zh').fill('呆滞库存');
    await page.getByTestId('caption-volumeChange-zh').press('Enter');
    await expect.poll(() => cellText(page, 'obsolete-stock', 'meaning')).toContain('呆滞库存 -40%：');
    await tab('budget');
    await expect.poll(() => cellText(page, 'stock-released', 'amount')).toBe('400.00');
    expect(await cellText(page, 'total-oneOff', 'y1')).toBe('400.00');
    expect(await cellText(page, 'total-net', 'y1')).toBe('365.90');
    await screenshot(page, 'templates-budget-one-off');

    await typeInto(page, 'stock-released', 'amount', '500');
    await expect.poll(() => cellText(page, 'total-oneOff', 'y1')).toBe('500.00');
    expect(await cellText(page, 'total-net', 'y1')).toBe('465.90');
    expect(await cellText(page, 'total-cumulative', 'y3')).toBe('1,053.76');
    await waitSaved(page);

    await page.getByTestId('one-off-add').click();
    await expect.poll(async () => (await pageModel(page)).scenarios[0]!.investments.length).toBe(3);
    const items = async () =>
      ((await pageModel(page)) as unknown as { scenarios: { oneOffs?: { id: string; amount: number }[] }[] }).scenarios[0]!.oneOffs ?? [];
    await expect.poll(async () => (await items()).length).toBe(2);
    const added = (await items())[1]!.id;
    await typeInto(page, added, 'amount', '-50');
    await expect.poll(() => cellText(page, 'total-oneOff', 'y1')).toBe('450.00');
    expect(await cell(page, added, 'amount').getAttribute('class')).toContain('bad');

    await tab('results');
    await expect.poll(() => figureText(page, 'oneOff')).toBe('450.0 万元');
    // Return / investment stays a profit ratio: 848.62 / 294.862.
    expect(await figureText(page, 'returnOnInvestment')).toBe('287.8%');
    expect(served.errors).toEqual([]);
  });
});
