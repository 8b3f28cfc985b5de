import { describe, expect, it } from 'vitest';
import { exportWorkbook } from '../../../main/excel/export-workbook';
import { INPUT_FILL } from '../../../main/excel/styles';
import { computeModel } from '../../../shared/engine';
import type { Model } from '../../../shared/model';
import { cellAt, formulaCells, readWorkbook, type ReadCell, type ReadWorkbook } from './support/workbook';
import { zipPart } from './support/hostile';
import { exampleModel, paybackCases } from './support/models';

/** The Summary cell of a figure (found by its label in column A) for the n-th scenario. */
function summaryValue(book: ReadWorkbook, sheet: string, label: string | RegExp, scenario: number): ReadCell {
  const cells = book.sheets.find((s) => s.name === sheet)!.cells;
  const labelCell = cells.find((cell) => cell.col === 1 && (typeof label === 'string' ? cell.value === label : label.test(String(cell.value))));
  if (!labelCell) throw new Error(`no row ${String(label)}`);
  const cell = cells.find((c) => c.row === labelCell.row && c.col === scenario + 2);
  if (!cell) throw new Error(`no value for ${String(label)}`);
  return cell;
}

describe('workbook export', () => {
  it('shows the engine figures of the example on the Summary, as cached results of formulas (zh)', async () => {
    const book = await readWorkbook((await exportWorkbook(exampleModel('zh'))).data);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([
      '封面',
      '汇总',
      '检查',
      '假设',
      '成本结构',
      '目标 15%',
      '数字化工具 20%',
      '图表',
      '分析',
      '定义',
      '_costplan',
    ]);
    const value = (label: string | RegExp, scenario: number) => summaryValue(book, '汇总', label, scenario);
    const target = {
      base: value('第 1 年满目标节省（万元）', 0),
      share: value('占服务总成本的节省比例', 0),
      saving: value('期内节省（万元）', 0),
      investment: value('投入（万元）', 0),
      roi: value('投入产出比', 0),
      netRoi: value('净投资回报率', 0),
      npv: value('净现值（万元）', 0),
      payback: value('回收期（年）', 0),
      months: value('回收期（月）', 0),
    };
    for (const cell of Object.values(target)) expect(cell.formula).toMatch(/^'目标 15%'!\$B\$\d+$/u);
    expect(target.base.value).toBeCloseTo(130.00932, 9);
    expect(target.share.value).toBeCloseTo(0.01827, 12);
    expect(target.saving.value).toBeCloseTo(473.2339248, 9);
    expect(target.investment.value).toBe(210);
    expect(target.roi.value).toBeCloseTo(2.25349488, 9);
    expect(target.netRoi.value).toBeCloseTo(1.25349488, 9);
    expect(target.npv.value).toBeCloseTo(222.3527047, 6);
    expect(target.payback.value).toBeCloseTo(30 / (130.00932 - 40), 12);
    expect(target.months.value).toBeCloseTo((30 / (130.00932 - 40)) * 12, 10);
    expect(value('第 1 年满目标节省（万元）', 1).value).toBeCloseTo(173.34576, 9);
    expect(value('期内节省（万元）', 1).value).toBeCloseTo(630.9785664, 9);
    expect(value('投入产出比', 1).value).toBeCloseTo(3.00465984, 9);
    expect(value('净现值（万元）', 1).value).toBeCloseTo(356.602536, 6);
    expect(value('回收期（年）', 1).value).toBeCloseTo(30 / (173.34576 - 40), 12);
    // The year-by-year savings of the scenario sheet, in 万元.
    const years = book.sheets.find((sheet) => sheet.name === '目标 15%')!.cells.filter((cell) => cell.row === 8 && cell.col >= 3);
    expect(years.map((cell) => cell.value)).toEqual([expect.closeTo(130.00932, 9), expect.closeTo(156.011184, 9), expect.closeTo(187.2134208, 9)]);
    expect(years.map((cell) => cell.formula)).toEqual([
      '$B$20*(1+Scenario1_VolumeGrowth)^(C$4-1)*C$7',
      '$B$20*(1+Scenario1_VolumeGrowth)^(D$4-1)*D$7',
      '$B$20*(1+Scenario1_VolumeGrowth)^(E$4-1)*E$7',
    ]);
  });

  it('writes every computed cell as a formula over input cells, which are plain values with the input fill', async () => {
    const book = await readWorkbook((await exportWorkbook(exampleModel('en'))).data);
    const structure = book.sheets.find((sheet) => sheet.name === 'Cost structure')!;
    const row = (name: string) => structure.cells.find((cell) => cell.col === 2 && cell.value === name)!.row;
    const labor = row('Contact-center labor');
    const center = row('Contact center');
    const at = (r: number, col: string) => cellAt(book, 'Cost structure', `${col}${r}`)!;
    // Value: the input (a share); Amount: the basis decides, a share of the parent's amount or the amount typed.
    expect(at(labor, 'D')).toMatchObject({ value: 0.87, fill: INPUT_FILL, numFmt: '0.00%' });
    expect(at(labor, 'D').formula).toBeUndefined();
    expect(at(labor, 'C')).toMatchObject({ value: 'share', fill: INPUT_FILL });
    expect(at(labor, 'F')).toMatchObject({ formula: `IF(C${labor}="share",F${center}*D${labor},D${labor})`, value: expect.closeTo(866.7288, 9) });
    expect(at(labor, 'F').fill).toBeUndefined();
    expect(at(4, 'D')).toMatchObject({ value: 7116, fill: INPUT_FILL });
    expect(at(4, 'F')).toMatchObject({ formula: 'D4', value: 7116 });
    expect(at(center, 'G')).toMatchObject({ value: 0 });
    expect(at(center, 'G').formula).toMatch(/^IF\(ABS\(F\d+-SUM\(F\d+:F\d+\)\)<=F\d+\*0\.000000000001,0,MAX\(0,F\d+-SUM\(F\d+:F\d+\)\)\)$/u);
    expect(at(labor, 'H')).toMatchObject({ formula: `IF($F$4>0,F${labor}/$F$4,0)`, value: expect.closeTo(0.1218, 12) });
    // A header names the unit; the legend explains the fill.
    expect(at(3, 'F').value).toBe('Amount (10k yuan)');
    expect(cellAt(book, 'Cost structure', 'B2')).toMatchObject({ value: 'Input (shaded): change these', fill: INPUT_FILL });

    // The scenario-level inputs are named; the lever is an input on its line.
    const sheet = 'Target 15%';
    expect(book.names).toEqual(
      expect.arrayContaining([
        { name: 'Scenario1_VolumeGrowth', ref: "'Target 15%'!$B$5" },
        { name: 'Scenario1_DiscountRate', ref: "'Target 15%'!$B$6" },
        { name: 'Scenario1_Ramp', ref: "'Target 15%'!$C$7:$E$7" },
        { name: 'Scenario2_VolumeGrowth', ref: "'Digital tools 20%'!$B$5" },
      ]),
    );
    expect(cellAt(book, sheet, 'B5')).toMatchObject({ value: 0.2, fill: INPUT_FILL });
    expect(cellAt(book, sheet, 'B6')).toMatchObject({ value: 0.08, fill: INPUT_FILL });
    const scenarioCells = book.sheets.find((s) => s.name === sheet)!.cells;
    const laborLine = scenarioCells.find((cell) => cell.col === 1 && cell.value === 'Contact-center labor' && cell.row > 30)!.row;
    expect(cellAt(book, sheet, `B${laborLine}`)).toMatchObject({ value: -0.15, fill: INPUT_FILL });
    expect(cellAt(book, sheet, `E${laborLine}`)).toMatchObject({ value: 0.85 });
    expect(cellAt(book, sheet, `E${laborLine}`)!.formula).toMatch(/^E\d+\*\(\(1\+B\d+\)\*\(1\/\(1\+C\d+\)\)\*\(1\+D\d+\)\)$/u);
    expect(cellAt(book, sheet, `F${laborLine}`)).toMatchObject({
      formula: `'Cost structure'!$G$${labor}*(1-E${laborLine})`,
      value: expect.closeTo(130.00932, 9),
    });
    // Empty lever cells are inputs too (shaded, counted as 0).
    const empty = book.workbook.getWorksheet(sheet)!.getCell(`C${laborLine}`);
    expect(empty.value).toBeNull();
    expect(empty.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } });

    // No formula cell lacks its cached result; no value cell outside the inputs holds a computed number.
    for (const cell of formulaCells(book)) expect(cell.value, `${cell.sheet}!${cell.address}`).not.toBeNull();
  });

  it('freezes the header rows, sizes the columns, outlines the tree and sets up printing', async () => {
    const data = (await exportWorkbook(exampleModel('en'))).data;
    const workbookXml = zipPart(data, 'xl/workbook.xml');
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'Summary'!$3:$3</definedName>`);
    expect(workbookXml).toContain('<sheet name="_costplan" sheetId="11" state="hidden"');
    // Summary, Checks, Assumptions, Cost structure, the two scenarios: frozen headers, A4 landscape one page wide.
    for (const sheet of [2, 3, 4, 5, 6, 7]) {
      const xml = zipPart(data, `xl/worksheets/sheet${sheet}.xml`);
      expect(xml).toMatch(/<pane [^>]*ySplit="3"[^>]*state="frozen"\/>/u);
      expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).toMatch(/<cols><col min="1" max="1" width="\d+" customWidth="1"\/>/u);
    }
    const structure = zipPart(data, 'xl/worksheets/sheet5.xml');
    expect(structure).toContain('<outlinePr summaryBelow="0"/>');
    expect(structure).toMatch(/<row r="7" outlineLevel="2">/u);
  });

  it('writes user text as text, never as a formula, even when it starts with =, +, - or @', async () => {
    const model = exampleModel('en');
    const hostile: Model = {
      ...model,
      name: '=HYPERLINK("http://x","y")',
      costTree: model.costTree.map((node, i) =>
        i === 1 ? { ...node, name: '=1+2', notes: '@SUM(A1)' } : i === 5 ? { ...node, name: '+cmd|" /C calc"!A0' } : node,
      ),
      scenarios: model.scenarios.map((scenario, i) =>
        i === 0 ? { ...scenario, name: "=A1 'quoted' [x]", investments: [{ ...scenario.investments[0]!, name: '-2+3' }] } : scenario,
      ),
    };
    const exported = await exportWorkbook(hostile);
    const book = await readWorkbook(exported.data);
    const texts = book.sheets
      .flatMap((sheet) => sheet.cells)
      .filter((cell) => typeof cell.value === 'string' && /^[=+\-@]/u.test(cell.value) && cell.formula === undefined);
    expect(texts.map((cell) => cell.value)).toEqual(expect.arrayContaining(['=1+2', '@SUM(A1)', '+cmd|" /C calc"!A0', "=A1 'quoted' [x]", '-2+3']));
    for (const cell of formulaCells(book)) expect(cell.formula).not.toMatch(/1\+2|cmd|HYPERLINK/u);
    // The scenario's sheet tab cannot hold [ ] or a quote; its title keeps the name as typed.
    expect(exported.layout.scenarios[0]!.sheet).toBe('=A1 ’quoted’ _x_');
    expect(cellAt(book, '=A1 ’quoted’ _x_', 'A1')?.value).toBe("=A1 'quoted' [x]");
  });

  it('uses the language asked for and exports only the scenarios asked for', async () => {
    const exported = await exportWorkbook(exampleModel('zh'), { language: 'en', scenarios: ['digital-tools-20'] });
    const book = await readWorkbook(exported.data);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([
      'Cover',
      'Summary',
      'Checks',
      'Assumptions',
      'Cost structure',
      '数字化工具 20%',
      'Charts',
      'Analyses',
      'Definitions',
      '_costplan',
    ]);
    expect(cellAt(book, 'Summary', 'B3')?.value).toBe('数字化工具 20%');
    expect(cellAt(book, 'Summary', 'C3')).toBeUndefined();
    expect(exported.model.scenarios.map((scenario) => scenario.id)).toEqual(['digital-tools-20']);
  });

  it('shows payback 0, a fraction of a year and "not within the horizon" as the engine does', async () => {
    const model = paybackCases();
    const computed = computeModel(model);
    if (!computed.ok) throw new Error('invalid test model');
    const paybacks = computed.value.scenarios.map((scenario) => scenario.totals.paybackYears);
    expect(paybacks[0]).toBe(0);
    expect(paybacks[1]).toBeCloseTo(0.3333, 4);
    expect(paybacks[2]).toBeNull();
    const book = await readWorkbook((await exportWorkbook(model)).data);
    const payback = (s: number) => summaryValue(book, 'Summary', 'Payback (years)', s).value;
    const months = (s: number) => summaryValue(book, 'Summary', 'Payback (months)', s).value;
    expect([payback(0), payback(1), payback(2)]).toEqual([0, paybacks[1], 'not within the horizon']);
    expect(months(2)).toBe('not within the horizon');
    expect(summaryValue(book, 'Summary', 'Return / investment', 0).value).toBe('n/a (no investment)');
    const zh = await readWorkbook((await exportWorkbook(model, { language: 'zh' })).data);
    expect(summaryValue(zh, '汇总', '回收期（年）', 2).value).toBe('期内无法收回');
    expect(summaryValue(zh, '汇总', '投入产出比', 0).value).toBe('不适用（无投入）');
  });

  it('states every formula in words on the Definitions sheet', async () => {
    const book = await readWorkbook((await exportWorkbook(exampleModel('en'))).data);
    const terms = book.sheets
      .find((sheet) => sheet.name === 'Definitions')!
      .cells.filter((cell) => cell.col === 1)
      .map((cell) => cell.value);
    expect(terms).toEqual(
      expect.arrayContaining([
        'Per-capita volume change t',
        'Cost factor',
        'Line saving',
        'Return / investment',
        'Net ROI',
        'Return / investment and net ROI',
        'Payback',
        'Payback working',
        'NPV',
        'Defined names',
      ]),
    );
    const definitions = book.sheets
      .find((sheet) => sheet.name === 'Definitions')!
      .cells.filter((cell) => cell.col === 2)
      .map((cell) => String(cell.value));
    expect(definitions.join('\n')).toContain('lowers the cost by t / (1 + t), less than t');
    // Beside each figure, its arithmetic with this model's numbers, live.
    const worked = book.sheets.find((sheet) => sheet.name === 'Definitions')!.cells.filter((cell) => cell.col === 3 && cell.formula !== undefined);
    expect(worked.map((cell) => cell.value)).toEqual(expect.arrayContaining(['473.23 / 210 = 225.3%', '130.01 + 156.01 + 187.21 = 473.23']));
  });

  it('gives the same bytes for the same model', async () => {
    const model = exampleModel('zh');
    expect((await exportWorkbook(model)).data.equals((await exportWorkbook(model)).data)).toBe(true);
  });
});
