import { rampForYear } from '../../../shared/engine/compute';
import { LEVER_KINDS } from '../../../shared/model/schema';
import { absolute, onSheet } from '../formulas';
import { HEADER_ROW, SCENARIO_COL, STRUCTURE_COL } from '../layout';
import { columnName, type CellContent, type SheetWriter } from '../xlsx-writer';
import { printSetup, type SheetContext } from './context';

/** Cost lines the structure part shows here (the root and its direct parts among them); all of them are on their own sheet. */
export const MAX_ASSUMPTION_ROWS = 200;

const COL = { area: 1, input: 2, value: 3, unit: 4, source: 5 } as const;

/**
 * Every input in one place: each value is a link to its input cell (so it is always the one
 * the formulas use), with its unit and a free Source / notes column for the reader. Every
 * lever of every scenario is listed; of the cost structure, the root and its direct parts
 * (the whole tree, with its inputs, is on its own sheet).
 */
export function assumptionsSheet(context: SheetContext): SheetWriter {
  const { layout, palette, client, text, scenarios, tree, unitFactor, model } = context;
  const sheet = context.writer.sheet(layout.assumptionsSheet, {
    freeze: { rows: HEADER_ROW, columns: 0 },
    widths: [26, 52, 16, 10, 60],
    print: printSetup(context, [HEADER_ROW, HEADER_ROW], true),
    protect: true,
  });
  let row = 0;
  const put = (...cells: [col: number, content: CellContent, style: number][]) => {
    row++;
    if (cells.length === 0) return;
    sheet.beginRow(row);
    for (const [col, content, style] of cells) sheet.cell(col, content, style);
    sheet.endRow();
  };
  put([1, client('assumptions.title'), palette.title]);
  put([1, client('assumptions.note'), palette.legendFormula]);
  put(
    [COL.area, client('assumptions.area'), palette.header],
    [COL.input, client('assumptions.input'), palette.header],
    [COL.value, client('assumptions.value'), palette.headerRight],
    [COL.unit, client('assumptions.unit'), palette.header],
    [COL.source, client('assumptions.source'), palette.header],
  );
  const percent = client('assumptions.percent');
  const input = (area: string, caption: string, reference: string, value: number | string, style: number, unit: string) =>
    put(
      [COL.area, area, palette.text],
      [COL.input, caption, palette.text],
      [COL.value, { f: reference, v: value }, style],
      [COL.unit, unit, palette.text],
      [COL.source, null, palette.inputSource],
    );

  // The cost structure: the root and its direct parts (the whole tree is on its own sheet).
  const structure = layout.structure;
  const position = new Int32Array(tree.ids.length);
  for (let k = 0; k < tree.order.length; k++) position[tree.order[k]!] = k;
  const indexOf = tree.indexById;
  put();
  put([COL.area, client('assumptions.structure'), palette.section]);
  const shown = Math.min(tree.order.length, MAX_ASSUMPTION_ROWS);
  for (let k = 0; k < tree.order.length && k < MAX_ASSUMPTION_ROWS; k++) {
    const i = tree.order[k]!;
    if (tree.depth[i]! > 1) continue;
    const node = tree.nodes[i]!;
    const cell = onSheet(structure.sheet, absolute(structure.rowOfNode[i]!, STRUCTURE_COL.value));
    const basis = node.basis;
    const caption = `${'  '.repeat(tree.depth[i]!)}${node.name}`;
    if (basis.kind === 'share') input(client('assumptions.structure'), caption, cell, basis.share, palette.percent, percent);
    else input(client('assumptions.structure'), caption, cell, basis.amount / unitFactor, palette.amount, context.unit);
  }
  if (tree.order.length > shown) put([COL.input, client('assumptions.more', { shown, total: tree.order.length, sheet: structure.sheet }), palette.note]);

  layout.scenarios.forEach((at, s) => {
    const scenario = scenarios[s]!;
    const on = (r: number, c: number) => onSheet(at.sheet, absolute(r, c));
    const area = scenario.name;
    put();
    put([COL.area, `${client('assumptions.scenarioInputs')}: ${scenario.name}`, palette.section]);
    input(area, text('scenario.volumeGrowth'), on(at.row.volumeGrowth, SCENARIO_COL.total), scenario.volumeGrowth, palette.percent, percent);
    input(area, text('scenario.discountRate'), on(at.row.discountRate, SCENARIO_COL.total), scenario.discountRate, palette.percent, percent);
    for (let y = 1; y <= at.horizon; y++)
      input(
        area,
        `${text('scenario.ramp')} · ${model.firstPlanYear + y - 1}`,
        on(at.row.ramp, at.col.year(y)),
        rampForYear(scenario, y),
        palette.percent,
        percent,
      );
    scenario.investments.forEach((line, k) => {
      const r = at.row.line(k);
      const caption = `${client('assumptions.investments')}: ${line.name}`;
      const amount = line.amount;
      if (amount.kind === 'perYear') input(area, caption, on(r, at.col.parameter), amount.amount / unitFactor, palette.amount, context.unit);
      else if (amount.kind === 'shareOfSaving') input(area, caption, on(r, at.col.parameter), amount.share, palette.percent, percent);
      else
        for (let y = 1; y <= at.horizon; y++)
          input(
            area,
            `${caption} · ${model.firstPlanYear + y - 1}`,
            on(r, at.col.year(y)),
            (amount.amounts[y - 1] ?? 0) / unitFactor,
            palette.amount,
            context.unit,
          );
      put(
        [COL.area, area, palette.text],
        [COL.input, `${caption} · ${text('scenario.timing')}`, palette.text],
        [COL.value, { f: on(r, at.col.timing), v: text(`words.timing.${line.timing}`) }, palette.text],
        [COL.source, null, palette.inputSource],
      );
    });
    // Every lever of the scenario, in the order of its sheet: tens of thousands of rows on a
    // large model, so each row goes straight to the sheet (no per-row arrays) and the caption
    // prefix and the reference pieces are built once.
    const captions = {
      unitCostChange: text('scenario.unitCostChange'),
      throughputChange: text('scenario.throughputChange'),
      volumeChange: text('scenario.volumeChange'),
    };
    const prefix = `${client('assumptions.levers')}: `;
    const sheetPrefix = onSheet(at.sheet, '');
    const columns = {
      unitCostChange: `$${columnName(SCENARIO_COL.unitCostChange)}$`,
      throughputChange: `$${columnName(SCENARIO_COL.throughputChange)}$`,
      volumeChange: `$${columnName(SCENARIO_COL.volumeChange)}$`,
    };
    for (const lever of scenario.levers) {
      const i = indexOf.get(lever.nodeId);
      if (i === undefined) continue;
      const sheetRow = at.row.firstNode + position[i]!;
      const name = tree.nodes[i]!.name;
      for (const kind of LEVER_KINDS) {
        const value = lever[kind];
        if (value === undefined) continue;
        row++;
        sheet.beginRow(row);
        sheet.cell(COL.area, area, palette.text);
        sheet.cell(COL.input, `${prefix}${name} · ${captions[kind]}`, palette.text);
        sheet.cell(COL.value, { f: `${sheetPrefix}${columns[kind]}${sheetRow}`, v: value }, palette.percent);
        sheet.cell(COL.unit, percent, palette.text);
        sheet.cell(COL.source, null, palette.inputSource);
        sheet.endRow();
      }
    }
  });
  return sheet;
}
