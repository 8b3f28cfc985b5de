import { absolute, columnRange, ref, sumOfRows } from '../formulas';
import { HEADER_ROW, LEGEND_ROW, STRUCTURE_COL as COL, TITLE_ROW } from '../layout';
import { HEADER_HEIGHT } from '../styles';
import type { SheetWriter } from '../xlsx-writer';
import { label, type SheetContext } from './context';

/**
 * The cost structure: the tree in outline order with outline levels, each line's basis and
 * value (the inputs), its amount as a formula of its parent where the basis is a share, its
 * own amount (not in sub-lines, what the savings work on) and its share of the total.
 * The layout is also the import layout (shared/workbook/structure-layout.ts).
 */
export function costStructureSheet(context: SheetContext): SheetWriter {
  const { model, tree, layout, palette, text, unitFactor } = context;
  const t = text.structure;
  const sheet = context.writer.sheet(layout.structure.sheet, {
    freeze: { rows: HEADER_ROW, columns: COL.name },
    widths: [7, 42, 9, 18, 11, 18, 20, 11, 40, 26],
    print: { titleRows: [HEADER_ROW, HEADER_ROW] },
    outlineAbove: true,
  });
  sheet.set(TITLE_ROW, 1, t.title(model.name), palette.title);
  sheet.set(LEGEND_ROW, COL.name, text.legend.input, palette.legendInput);
  sheet.set(LEGEND_ROW, COL.value, text.legend.formula, palette.legendFormula);
  sheet.set(LEGEND_ROW, COL.ownAmount, text.legend.unit(context.unit), palette.legendFormula);
  const headers: [number, string][] = [
    [COL.level, t.level],
    [COL.name, t.name],
    [COL.basis, t.basis],
    [COL.value, label(context, t.value)],
    [COL.relevance, t.relevance],
    [COL.amount, label(context, t.amount)],
    [COL.ownAmount, label(context, t.ownAmount)],
    [COL.shareOfTotal, t.shareOfTotal],
    [COL.notes, t.notes],
    [COL.id, t.id],
  ];
  for (const [col, header] of headers) sheet.set(HEADER_ROW, col, header, palette.header);
  sheet.height(HEADER_ROW, HEADER_HEIGHT);

  const { rowOfNode, firstRow } = layout.structure;
  const count = tree.order.length;
  // Children of each node in row order, and the size of each subtree (for the SUMIF fallback).
  const children: number[][] = Array.from({ length: tree.ids.length }, () => []);
  const subtreeSize = new Int32Array(tree.ids.length).fill(1);
  for (let k = 0; k < count; k++) {
    const i = tree.order[k]!;
    const p = tree.parent[i]!;
    if (p >= 0) children[p]!.push(rowOfNode[i]!);
  }
  for (let k = count - 1; k > 0; k--) {
    const i = tree.order[k]!;
    const p = tree.parent[i]!;
    if (p >= 0) subtreeSize[p]! += subtreeSize[i]!;
  }
  const rootRow = absolute(firstRow, COL.amount);
  const total = tree.totalAmount;
  const words = text.words;

  for (let k = 0; k < count; k++) {
    const i = tree.order[k]!;
    const node = tree.nodes[i]!;
    const row = rowOfNode[i]!;
    const depth = tree.depth[i]!;
    const p = tree.parent[i]!;
    sheet.beginRow(row, depth);
    sheet.cell(COL.level, depth + 1, palette.level);
    sheet.cell(COL.name, node.name, palette.name(depth));
    sheet.cell(COL.basis, node.basis.kind === 'share' ? words.basis.share : words.basis.amount, palette.inputText);
    if (node.basis.kind === 'share') sheet.cell(COL.value, node.basis.share, palette.inputPercent);
    else sheet.cell(COL.value, node.basis.amount / unitFactor, palette.inputAmount);
    sheet.cell(COL.relevance, words.relevance[node.relevance], palette.text);

    const value = ref(row, COL.value);
    const amountFormula = node.basis.kind === 'share' && p >= 0 ? `${ref(rowOfNode[p]!, COL.amount)}*${value}` : value;
    sheet.cell(COL.amount, { f: amountFormula, v: tree.resolvedAmount[i]! / unitFactor }, palette.amount);

    const amount = ref(row, COL.amount);
    const kids = children[i]!;
    let ownFormula = amount;
    if (kids.length > 0) {
      // The engine: amount minus each child's amount; a remainder within 1e-12 of the amount
      // (shares adding up to 100%) is 0, and a negative one too.
      const childSum =
        sumOfRows(COL.amount, kids) ??
        `SUMIF(${columnRange(COL.level, row + 1, row + subtreeSize[i]! - 1, true)},${depth + 2},${columnRange(COL.amount, row + 1, row + subtreeSize[i]! - 1, true)})`;
      const remainder = `${amount}-${childSum}`;
      ownFormula = `IF(ABS(${remainder})<=${amount}*0.000000000001,0,MAX(0,${remainder}))`;
    }
    sheet.cell(COL.ownAmount, { f: ownFormula, v: tree.unallocatedAmount[i]! / unitFactor }, palette.amount);
    sheet.cell(COL.shareOfTotal, { f: `IF(${rootRow}>0,${amount}/${rootRow},0)`, v: total > 0 ? tree.resolvedAmount[i]! / total : 0 }, palette.percent);
    if (node.notes !== undefined && node.notes !== '') sheet.cell(COL.notes, node.notes, palette.text);
    sheet.cell(COL.id, node.id, palette.note);
    sheet.endRow();
  }
  return sheet;
}
