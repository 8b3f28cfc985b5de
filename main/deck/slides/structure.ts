import { inUnit, money, moneyWithUnit, percent, withUnit, type DeckContext } from '../context';
import { cutToLines } from '../fit';
import { addFittedText, AMOUNT_FORMAT, chartBase, CONTENT, contentSlide, MUTED, NEUTRAL } from '../layout';
import { tint } from '../style';

/** Bars the composition chart shows at most (the rest are one "other lines" bar). */
export const MAX_STRUCTURE_BARS = 10;
/** Lines the chart may expand into while following the levers down the tree. */
const MAX_EXPANDED = 14;

export interface StructureBar {
  /** Node index, or -1 for "other lines". */
  index: number;
  label: string;
  amount: number;
  actedOn: boolean;
  /** Lines folded into "other lines". */
  count: number;
}

/**
 * The lines the composition chart shows: the parts of the total, where a part the scenario
 * acts on only further down is replaced by its sub-lines (largest first, while there are at
 * most 14), so the lines the levers move show as bars of their own. Largest first; beyond 10
 * the rest are one bar.
 */
export function structureBars(context: DeckContext): StructureBar[] {
  const { tree, headline, headlineResult: result, text } = context;
  const children = new Map<number, number[]>();
  for (let i = 0; i < tree.ids.length; i++) {
    const p = tree.parent[i]!;
    if (p >= 0) (children.get(p) ?? children.set(p, []).get(p)!).push(i);
  }
  const leverNodes = new Set(headline.levers.map((lever) => tree.indexById.get(lever.nodeId)).filter((i): i is number => i !== undefined));
  const root = tree.rootIndex;
  let list = children.get(root) ?? [root];
  for (;;) {
    const expandable = list
      .filter((i) => (children.get(i)?.length ?? 0) > 0 && !leverNodes.has(i) && result.subtreeSaving[i] !== 0)
      .sort((a, b) => tree.resolvedAmount[b]! - tree.resolvedAmount[a]!);
    const next = expandable.find((i) => list.length - 1 + children.get(i)!.length <= MAX_EXPANDED);
    if (next === undefined) break;
    list = list.flatMap((i) => (i === next ? children.get(i)! : [i]));
  }
  const sorted = [...list].sort((a, b) => tree.resolvedAmount[b]! - tree.resolvedAmount[a]!);
  const bars: StructureBar[] = sorted.map((i) => ({
    index: i,
    label: tree.nodes[i]!.name,
    amount: tree.resolvedAmount[i]!,
    actedOn: result.subtreeSaving[i] !== 0,
    count: 1,
  }));
  if (bars.length <= MAX_STRUCTURE_BARS) return bars;
  const shown = bars.slice(0, MAX_STRUCTURE_BARS - 1);
  const rest = bars.slice(MAX_STRUCTURE_BARS - 1);
  return [
    ...shown,
    {
      index: -1,
      label: text('structure.otherLines', { lines: rest.length }),
      amount: rest.reduce((sum, bar) => sum + bar.amount, 0),
      actedOn: rest.some((bar) => bar.actedOn),
      count: rest.length,
    },
  ];
}

/** Own amounts (not in sub-lines) by the line's relevance: what is strongly and weakly related. */
export function relevanceSplit(context: DeckContext): { strong: number; weak: number } {
  const { tree } = context;
  let strong = 0;
  let weak = 0;
  for (let i = 0; i < tree.ids.length; i++) {
    if (tree.nodes[i]!.relevance === 'strong') strong += tree.unallocatedAmount[i]!;
    else weak += tree.unallocatedAmount[i]!;
  }
  return { strong, weak };
}

/** Slide 3: the cost by line (acted-on lines highlighted) and strongly vs weakly related. */
export function structureSlide(context: DeckContext): void {
  const { pptx, text, style, tree, headline, headlineResult: result } = context;
  const slide = contentSlide(context, text('slides.structure'), text('scenarioLine', { name: headline.name, u: context.unitLabel }));
  const bars = structureBars(context);
  // Horizontal bars list their first category at the bottom: reversed, the largest is on top.
  const ordered = [...bars].reverse();
  const labels = ordered.map((bar) => cutToLines(bar.label, 18, 1));
  addFittedText(
    context,
    slide,
    withUnit(context, text('structure.composition')),
    { x: CONTENT.x, y: CONTENT.y, w: 7.6, h: 0.35 },
    { max: 13, min: 9, bold: true },
  );
  slide.addChart(
    pptx.ChartType.bar,
    [
      { name: text('structure.actedOn'), labels, values: ordered.map((bar) => (bar.actedOn ? inUnit(context, bar.amount) : 0)) },
      { name: text('structure.notActedOn'), labels, values: ordered.map((bar) => (bar.actedOn ? 0 : inUnit(context, bar.amount))) },
    ],
    {
      ...chartBase(context),
      x: CONTENT.x,
      y: CONTENT.y + 0.4,
      w: 7.6,
      h: CONTENT.h - 0.45,
      barDir: 'bar',
      barGrouping: 'stacked',
      barGapWidthPct: 60,
      chartColors: [style.accent, NEUTRAL],
      showValue: true,
      dataLabelFormatCode: AMOUNT_FORMAT,
      valAxisLabelFormatCode: '#,##0',
      showLegend: true,
      legendPos: 'b',
      altText: text('structure.composition'),
    },
  );
  const split = relevanceSplit(context);
  const chartX = CONTENT.x + 7.9;
  addFittedText(context, slide, text('structure.relevance'), { x: chartX, y: CONTENT.y, w: CONTENT.w - 7.9, h: 0.35 }, { max: 13, min: 9, bold: true });
  slide.addChart(
    pptx.ChartType.doughnut,
    [
      {
        name: text('structure.relevance'),
        labels: [text('structure.strong'), text('structure.weak')],
        values: [inUnit(context, split.strong), inUnit(context, split.weak)],
      },
    ],
    {
      ...chartBase(context),
      x: chartX,
      y: CONTENT.y + 0.4,
      w: CONTENT.w - 7.9,
      h: 3.6,
      chartColors: [style.accent, tint(style.accent, 0.6)],
      holeSize: 55,
      showPercent: true,
      showValue: false,
      showLegend: true,
      legendPos: 'b',
      dataLabelColor: 'FFFFFF',
      dataLabelFontSize: 11,
      altText: text('structure.relevance'),
    },
  );
  let actedLines = 0;
  let actedAmount = 0;
  for (let i = 0; i < tree.ids.length; i++) {
    if (tree.unallocatedAmount[i]! > 0 && result.costFactor[i] !== 1) {
      actedLines++;
      actedAmount += tree.unallocatedAmount[i]!;
    }
  }
  const total = tree.totalAmount;
  const actedShare = total > 0 ? actedAmount / total : 0;
  addFittedText(
    context,
    slide,
    text('structure.acted', { count: actedLines, amount: moneyWithUnit(context, actedAmount), share: percent(context, actedShare) }),
    { x: chartX, y: CONTENT.y + 4.15, w: CONTENT.w - 7.9, h: 1.1 },
    { max: 13, min: 9, color: MUTED },
  );

  const share = (amount: number) => percent(context, total > 0 ? amount / total : 0, 2);
  const notes = [
    text('notes.unit', { u: context.unitLabel }),
    `${tree.nodes[tree.rootIndex]?.name ?? ''}: ${money(context, total, 4)} = 100%`,
    ...bars.map((bar) => `${bar.label}: ${money(context, bar.amount, 4)} (${share(bar.amount)})${bar.actedOn ? ` · ${text('structure.actedOn')}` : ''}`),
    `${text('structure.strong')}: ${money(context, split.strong, 4)} (${share(split.strong)}); ${text('structure.weak')}: ${money(context, split.weak, 4)} (${share(split.weak)})`,
    text('structure.acted', { count: actedLines, amount: moneyWithUnit(context, actedAmount, 4), share: percent(context, actedShare, 3) }),
  ];
  slide.addNotes(notes.join('\n'));
}
