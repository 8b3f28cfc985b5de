import { LIMITS } from '../../../shared/model/schema';
import { absolute, columnRange, ref, sumOfRows, text as literal } from '../formulas';
import { HEADER_ROW, LEGEND_ROW, STRUCTURE_COL as COL, TITLE_ROW } from '../layout';
import { HEADER_HEIGHT } from '../styles';
import type { SheetWriter } from '../xlsx-writer';
import type { DataValidation } from '../xlsx-writer';
import { label, printSetup, type SheetContext } from './context';

/**
 * The cost structure: the tree in outline order with outline levels, each line's basis and
 * value (the inputs), its amount as a formula of its parent where the basis is a share, its
 * own amount (not in sub-lines, what the savings work on) and its share of the total.
 * The layout is also the import layout (shared/workbook/structure-layout.ts).
 */
export function costStructureSheet(context: SheetContext): SheetWriter {
  const { model, tree, layout, palette, text, client, unitFactor } = context;
  const sheet = context.writer.sheet(layout.structure.sheet, {
    freeze: { rows: HEADER_ROW, columns: COL.name },
    widths: [6, 36, 8, 15, 9, 15, 16, 9, 26, 12, 11],
    // About 175 characters: one page wide at a readable scale.
    print: printSetup(context, [HEADER_ROW, HEADER_ROW], true),
    outlineAbove: true,
    protect: true,
    validations: structureValidations(context),
  });
  sheet.set(TITLE_ROW, 1, text('structure.title', { model: model.name }), palette.title);
  sheet.set(LEGEND_ROW, COL.name, text('legend.input'), palette.legendInput);
  sheet.set(LEGEND_ROW, COL.value, text('legend.formula'), palette.legendFormula);
  sheet.set(LEGEND_ROW, COL.ownAmount, text('legend.unit', { amountUnit: context.unit }), palette.legendFormula);
  const headers: [number, string][] = [
    [COL.level, text('structure.level')],
    [COL.name, text('structure.name')],
    [COL.basis, text('structure.basis')],
    [COL.value, label(context, text('structure.value'))],
    [COL.relevance, text('structure.relevance')],
    [COL.amount, label(context, text('structure.amount'))],
    [COL.ownAmount, label(context, text('structure.ownAmount'))],
    [COL.shareOfTotal, text('structure.shareOfTotal')],
    [COL.notes, text('structure.notes')],
    [COL.id, text('structure.id')],
    [COL.subLines, client('structure.subLines')],
  ];
  const numberColumns = new Set<number>([COL.level, COL.value, COL.amount, COL.ownAmount, COL.shareOfTotal, COL.subLines]);
  for (const [col, header] of headers) sheet.set(HEADER_ROW, col, header, numberColumns.has(col) ? palette.headerRight : palette.header);
  sheet.height(HEADER_ROW, HEADER_HEIGHT);

  const { rowOfNode, firstRow } = layout.structure;
  const count = tree.order.length;
  // Children of each node in row order, and the size of each subtree (for the SUMIF fallback).
  const children: number[][] = Array.from({ length: tree.ids.length }, () => []);
  const childIndexes: number[][] = Array.from({ length: tree.ids.length }, () => []);
  const subtreeSize = new Int32Array(tree.ids.length).fill(1);
  for (let k = 0; k < count; k++) {
    const i = tree.order[k]!;
    const p = tree.parent[i]!;
    if (p >= 0) {
      children[p]!.push(rowOfNode[i]!);
      childIndexes[p]!.push(i);
    }
  }
  for (let k = count - 1; k > 0; k--) {
    const i = tree.order[k]!;
    const p = tree.parent[i]!;
    if (p >= 0) subtreeSize[p]! += subtreeSize[i]!;
  }
  const rootRow = absolute(firstRow, COL.amount);
  const total = tree.totalAmount;
  const shareWord = literal(text('words.basis.share'));

  for (let k = 0; k < count; k++) {
    const i = tree.order[k]!;
    const node = tree.nodes[i]!;
    const row = rowOfNode[i]!;
    const depth = tree.depth[i]!;
    const p = tree.parent[i]!;
    sheet.beginRow(row, depth);
    sheet.cell(COL.level, depth + 1, palette.level);
    sheet.cell(COL.name, node.name, palette.inputName(depth));
    sheet.cell(COL.basis, node.basis.kind === 'share' ? text('words.basis.share') : text('words.basis.amount'), palette.inputText);
    if (node.basis.kind === 'share') sheet.cell(COL.value, node.basis.share, palette.inputPercent);
    else sheet.cell(COL.value, node.basis.amount / unitFactor, palette.inputAmount);
    sheet.cell(COL.relevance, text(`words.relevance.${node.relevance}`), palette.inputText);

    // The basis decides: a share of the parent's amount, or the amount typed. The root is
    // always the amount typed (a share there fails a check on the Checks sheet).
    const value = ref(row, COL.value);
    const amountFormula = p >= 0 ? `IF(${ref(row, COL.basis)}=${shareWord},${ref(rowOfNode[p]!, COL.amount)}*${value},${value})` : value;
    sheet.cell(COL.amount, { f: amountFormula, v: tree.resolvedAmount[i]! / unitFactor }, palette.amount);

    const amount = ref(row, COL.amount);
    const kids = children[i]!;
    let ownFormula = amount;
    let childSum = '';
    if (kids.length > 0) {
      // The engine: amount minus each child's amount; a remainder within 1e-12 of the amount
      // (shares adding up to 100%) is 0, and a negative one too.
      childSum =
        sumOfRows(COL.amount, kids) ??
        `SUMIF(${columnRange(COL.level, row + 1, row + subtreeSize[i]! - 1, true)},${depth + 2},${columnRange(COL.amount, row + 1, row + subtreeSize[i]! - 1, true)})`;
      const remainder = `${amount}-${childSum}`;
      ownFormula = `IF(ABS(${remainder})<=${amount}*0.000000000001,0,MAX(0,${remainder}))`;
    }
    sheet.cell(COL.ownAmount, { f: ownFormula, v: tree.unallocatedAmount[i]! / unitFactor }, palette.amount);
    sheet.cell(COL.shareOfTotal, { f: `IF(${rootRow}>0,${amount}/${rootRow},0)`, v: total > 0 ? tree.resolvedAmount[i]! / total : 0 }, palette.percent);
    sheet.cell(COL.notes, node.notes !== undefined && node.notes !== '' ? node.notes : null, palette.inputText);
    sheet.cell(COL.id, node.id, palette.note);
    if (kids.length > 0) {
      // The sub-lines' amounts as a share of the line; a line of 0 with sub-lines above 0 shows 999 (the check fails).
      let sum = 0;
      for (const kid of childIndexes[i]!) sum += tree.resolvedAmount[kid]! / unitFactor;
      const own = tree.resolvedAmount[i]! / unitFactor;
      sheet.cell(
        COL.subLines,
        { f: `IF(${amount}>0,(${childSum})/${amount},IF((${childSum})>0,999,0))`, v: own > 0 ? sum / own : sum > 0 ? 999 : 0 },
        palette.percent,
      );
    }
    sheet.endRow();
  }
  return sheet;
}

/** Drop-downs for the coded words, ranges for the values, input messages in the workbook's language. */
function structureValidations(context: SheetContext): DataValidation[] {
  const { layout, text, client, unitFactor } = context;
  const { firstRow, lastRow } = layout.structure;
  const range = (col: number) => `${ref(firstRow, col)}:${ref(lastRow, col)}`;
  const prompt = (body: string) => ({ title: client('input.title'), text: body });
  const error = { title: client('input.title'), text: client('input.bad') };
  const basis = ref(firstRow, COL.basis);
  const value = ref(firstRow, COL.value);
  const maxAmount = LIMITS.maxAmount / unitFactor;
  return [
    { sqref: range(COL.name), type: 'custom', formula1: `LEN(TRIM(${ref(firstRow, COL.name)}))>0`, prompt: prompt(client('input.name')), error },
    {
      sqref: range(COL.basis),
      type: 'list',
      formula1: `"${text('words.basis.share')},${text('words.basis.amount')}"`,
      prompt: prompt(client('input.basis', { share: text('words.basis.share'), amount: text('words.basis.amount') })),
      error,
    },
    {
      sqref: range(COL.value),
      type: 'custom',
      formula1: `AND(ISNUMBER(${value}),${value}>=0,IF(${basis}=${literal(text('words.basis.share'))},${value}<=1,${value}<=${maxAmount}))`,
      prompt: prompt(client('input.value')),
      error,
    },
    {
      sqref: range(COL.relevance),
      type: 'list',
      formula1: `"${text('words.relevance.strong')},${text('words.relevance.weak')}"`,
      prompt: prompt(client('input.relevance', { strong: text('words.relevance.strong'), weak: text('words.relevance.weak') })),
      error,
    },
    {
      sqref: range(COL.notes),
      type: 'custom',
      formula1: `LEN(${ref(firstRow, COL.notes)})<=${LIMITS.notesMaxLength}`,
      prompt: prompt(client('input.notes')),
      error,
    },
  ];
}
