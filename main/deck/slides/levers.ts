import { leverFactor } from '../../../shared/engine/levers';
import { leverName, revenueLeverKindName, revenueLeverName } from '../../../shared/i18n/figures';
import { REVENUE_LEVER_KINDS, type LeverKind } from '../../../shared/model/schema';
import { money, percent, shortLeverName, showsGain, signedPercent, withUnit, type DeckContext } from '../context';
import { addFittedText, addPagedTable, CONTENT, contentSlide, continuedSlide, MUTED, type Cell } from '../layout';
import { tint } from '../style';

/** Levers the table lists one by one; the rest are one row. */
export const MAX_LEVER_ROWS = 12;
const MAX_LEVERS_IN_NOTES = 60;

export interface LeverRow {
  nodeId: string;
  line: string;
  kind: LeverKind;
  /** The lever's name on its line: the line's caption of it (with the kind), else the kind. */
  driver: string;
  change: number;
  /** The line's cost today and with this lever alone. */
  cost: number;
  costWithTarget: number;
  /** What the lever means in words (worked out on first read: a model may hold thousands of levers). */
  readonly words: string;
  /** The lever's part of the year-1 saving at full target (Shapley value, the engine's contribution). */
  saving: number;
}

/** The headline scenario's levers, largest saving first. */
export function leverRows(context: DeckContext): LeverRow[] {
  const { tree, headlineResult: result, text } = context;
  return result.contributions
    .map((contribution) => {
      const index = tree.indexById.get(contribution.nodeId)!;
      const node = tree.nodes[index]!;
      const factor = leverFactor(contribution.kind, contribution.change);
      const cost = tree.resolvedAmount[index]!;
      const verb = factor < 1 ? text('levers.words.lowers') : factor > 1 ? text('levers.words.raises') : text('levers.words.keeps');
      let words: string | undefined;
      // A per-capita volume change acts on the unit cost; the others on the line's cost.
      return {
        nodeId: contribution.nodeId,
        line: node.name,
        kind: contribution.kind,
        driver: leverName(node, contribution.kind, context.language),
        change: contribution.change,
        cost,
        costWithTarget: cost * factor,
        get words() {
          // The line's own name for the driver comes first; the arithmetic in words follows it.
          const caption = shortLeverName(context, node, contribution.kind, '');
          const change = signedPercent(context, contribution.change);
          const plain = text(`levers.words.${contribution.kind}`, { change, verb, effect: percent(context, Math.abs(factor - 1), 1) });
          words ??= caption ? `${caption} ${change}${text('labelSeparator')}${plain}` : plain;
          return words;
        },
        saving: contribution.saving,
      };
    })
    .sort((a, b) => Math.abs(b.saving) - Math.abs(a.saving));
}

/** Slide 4: the levers as a table, the arithmetic in words, each lever's saving. */
export function leversSlide(context: DeckContext): void {
  const { text, headline, headlineResult: result, style } = context;
  const title = text('slides.levers');
  const subtitle = text('scenarioLine', { name: headline.name, u: context.unitLabel });
  const slide = contentSlide(context, title, subtitle);
  const rows = leverRows(context);
  const gain = showsGain(headline);
  const revenue = gain ? revenueRows(context) : [];
  if (rows.length === 0 && revenue.length === 0) {
    addFittedText(context, slide, text('levers.none'), { x: CONTENT.x, y: CONTENT.y + 0.2, w: CONTENT.w, h: 0.6 }, { max: 16, min: 10, color: MUTED });
    slide.addNotes(`${text('notes.unit', { u: context.unitLabel })}\n${text('levers.none')}`);
    return;
  }
  const shown = rows.slice(0, rows.length > MAX_LEVER_ROWS ? MAX_LEVER_ROWS - 1 : MAX_LEVER_ROWS);
  const rest = rows.slice(shown.length);
  const amount = (value: number) => money(context, value);
  const body: Cell[][] = shown.map((row) => [
    { text: row.line },
    { text: row.driver },
    { text: signedPercent(context, row.change), align: 'right' },
    { text: `${amount(row.cost)} → ${amount(row.costWithTarget)}`, align: 'right' },
    { text: row.words },
    { text: amount(row.saving), align: 'right', bold: true },
  ]);
  if (rest.length > 0)
    body.push(
      othersRow(
        context,
        rest.length,
        rest.reduce((sum, row) => sum + row.saving, 0),
      ),
    );
  const fill = tint(style.accent, 0.9);
  const totalRow = (label: string, value: number): Cell[] => [
    { text: label, bold: true, fill },
    { text: '', fill },
    { text: '', fill },
    { text: '', fill },
    { text: '', fill },
    { text: amount(value), align: 'right', bold: true, fill },
  ];
  if (gain) {
    if (rows.length > 0) body.push(totalRow(text('revenue.levers.savingTotal'), result.baseSaving));
    body.push(...revenueBody(context, revenue));
    body.push(totalRow(text('revenue.levers.gainTotal'), result.baseMarginGain));
    body.push(totalRow(text('revenue.levers.benefitTotal'), result.baseSaving + result.baseMarginGain));
  } else body.push(totalRow(text('levers.total'), result.baseSaving));
  // Revenue rows and captioned drivers say more (two levers on a line, the line's name for a driver): a wider driver column, three lines a cell.
  const roomy = gain || shown.some((row) => row.driver !== text(`levers.kinds.${row.kind}`));
  const colW = roomy ? [2.2, 1.8, 0.95, 2.0, 3.63, 1.55] : [2.5, 1.45, 0.95, 2.15, 3.63, 1.45];
  addPagedTable(
    context,
    { slide, x: CONTENT.x, y: CONTENT.y + 0.05, bottom: CONTENT.y + CONTENT.h },
    {
      header: [
        { text: text('levers.line') },
        { text: text('levers.driver') },
        { text: text('levers.change'), align: 'right' },
        { text: withUnit(context, text('levers.cost')), align: 'right' },
        { text: text('levers.meaning') },
        { text: withUnit(context, gain ? text('revenue.levers.saving') : text('levers.saving')), align: 'right' },
      ],
      rows: body,
      colW,
      fontSize: rows.length + revenue.length > 8 ? 10 : 11,
      ...(roomy ? { maxLines: 3 } : {}),
    },
    () => ({ slide: continuedSlide(context, title, subtitle), y: CONTENT.y + 0.05 }),
  );
  slide.addNotes(
    [rows.length > 0 ? leverNotes(context, rows) : text('notes.unit', { u: context.unitLabel }), ...(gain ? [revenueNotes(context, revenue)] : [])].join('\n'),
  );
}

export interface RevenueRow {
  line: string;
  /** The line's levers by name (caption first), and their targets. */
  driver: string;
  change: string;
  /** The line's own revenue today and with the levers (its own and those above). */
  revenue: number;
  revenueWithTarget: number;
  words: string;
  margin: number;
  /** The line's margin gain in year 1 at full target (the engine's, on its own revenue). */
  gain: number;
}

/** The headline scenario's revenue lines whose levers (or those above them) bring a margin gain, in the lines' order. */
export function revenueRows(context: DeckContext): RevenueRow[] {
  const { headline, headlineResult: result, revenue, language, text } = context;
  const byLine = new Map((headline.revenueLevers ?? []).map((lever) => [lever.lineId, lever]));
  const volume = new Float64Array(revenue.ids.length);
  const price = new Float64Array(revenue.ids.length);
  const rows: RevenueRow[] = [];
  for (let k = 0; k < revenue.order.length; k++) {
    const i = revenue.order[k]!;
    const p = revenue.parent[i]!;
    const line = revenue.lines[i]!;
    const lever = byLine.get(line.id);
    const inheritedVolume = p >= 0 ? volume[p]! : 1;
    const inheritedPrice = p >= 0 ? price[p]! : 1;
    volume[i] = inheritedVolume * (1 + (lever?.volumeChange ?? 0));
    price[i] = inheritedPrice * (1 + (lever?.priceChange ?? 0));
    const gain = result.lineMarginGain[i] ?? 0;
    const kinds = REVENUE_LEVER_KINDS.filter((kind) => lever?.[kind] !== undefined);
    if (gain === 0 && kinds.length === 0) continue;
    const own = revenue.unallocatedAmount[i]!;
    const parts: string[] = [];
    const v = lever?.volumeChange;
    const pc = lever?.priceChange;
    const caption = (kind: (typeof REVENUE_LEVER_KINDS)[number]) => shortLeverName(context, line, kind, revenueLeverKindName(language, kind));
    if (v !== undefined)
      parts.push(
        text('revenue.levers.volume', {
          caption: caption('volumeChange'),
          change: signedPercent(context, v),
          margin: percent(context, line.margin, 1),
          amount: money(context, own * line.margin * v * inheritedVolume),
          u: context.unitLabel,
        }),
      );
    if (pc !== undefined)
      parts.push(
        text('revenue.levers.price', {
          caption: caption('priceChange'),
          change: signedPercent(context, pc),
          amount: money(context, own * volume[i] * inheritedPrice * pc),
          u: context.unitLabel,
        }),
      );
    if (Math.abs(inheritedVolume - 1) > 1e-12 || Math.abs(inheritedPrice - 1) > 1e-12)
      parts.push(text('revenue.levers.inherited', { volume: signedPercent(context, inheritedVolume - 1), price: signedPercent(context, inheritedPrice - 1) }));
    rows.push({
      line: line.name,
      driver: kinds.map((kind) => revenueLeverName(line, kind, language)).join(text('notes.itemJoin')),
      change: kinds.map((kind) => signedPercent(context, lever![kind]!)).join(text('notes.itemJoin')),
      revenue: own,
      revenueWithTarget: own * volume[i] * price[i],
      words: parts.join(text('notes.listJoin')),
      margin: line.margin,
      gain,
    });
  }
  return rows;
}

/** The revenue rows of the levers table: a header row of their own, the lines (largest gain first), the rest folded. */
function revenueBody(context: DeckContext, rows: readonly RevenueRow[]): Cell[][] {
  const { text } = context;
  const amount = (value: number) => money(context, value);
  const sorted = [...rows].sort((a, b) => Math.abs(b.gain) - Math.abs(a.gain));
  const shown = sorted.slice(0, sorted.length > MAX_LEVER_ROWS ? MAX_LEVER_ROWS - 1 : MAX_LEVER_ROWS);
  const rest = sorted.slice(shown.length);
  const body: Cell[][] = [
    [
      { text: text('revenue.levers.line'), bold: true },
      { text: '' },
      { text: '' },
      { text: withUnit(context, text('revenue.levers.revenue')), align: 'right', bold: true },
      { text: '' },
      { text: '' },
    ],
    ...shown.map((row): Cell[] => [
      { text: row.line },
      { text: row.driver },
      { text: row.change, align: 'right' },
      { text: `${amount(row.revenue)} → ${amount(row.revenueWithTarget)}`, align: 'right' },
      { text: row.words },
      { text: amount(row.gain), align: 'right', bold: true },
    ]),
  ];
  if (rest.length > 0)
    body.push(
      othersRow(
        context,
        rest.length,
        rest.reduce((sum, row) => sum + row.gain, 0),
      ),
    );
  return body;
}

/** The table's last row when not every lever fits: how many more, and their amount added up. */
function othersRow(context: DeckContext, levers: number, total: number): Cell[] {
  return [
    { text: context.text('levers.others', { levers }) },
    { text: '' },
    { text: '' },
    { text: '' },
    { text: '' },
    { text: money(context, total), align: 'right', bold: true },
  ];
}

function revenueNotes(context: DeckContext, rows: readonly RevenueRow[]): string {
  const { text } = context;
  const m = (value: number) => money(context, value, 4);
  const result = context.headlineResult;
  const lines = [text('notes.marginGainFormula')];
  for (const row of rows.slice(0, MAX_LEVERS_IN_NOTES))
    lines.push(
      text('notes.revenueLever', {
        line: row.line,
        driver: row.driver ? ` · ${row.driver} ${row.change}` : '',
        words: row.words,
        revenue: m(row.revenue),
        target: m(row.revenueWithTarget),
        margin: percent(context, row.margin, 2),
        gain: m(row.gain),
      }),
    );
  if (rows.length > MAX_LEVERS_IN_NOTES) lines.push(text('levers.others', { levers: rows.length - MAX_LEVERS_IN_NOTES }));
  lines.push(`${text('revenue.levers.gainTotal')}: ${m(result.baseMarginGain)}`);
  lines.push(`${text('revenue.levers.benefitTotal')}: ${m(result.baseSaving)} + ${m(result.baseMarginGain)} = ${m(result.baseSaving + result.baseMarginGain)}`);
  return lines.join('\n');
}

function leverNotes(context: DeckContext, rows: readonly LeverRow[]): string {
  const { text } = context;
  const m = (value: number) => money(context, value, 4);
  const lines = [text('notes.unit', { u: context.unitLabel }), text('notes.costFactor')];
  for (const row of rows.slice(0, MAX_LEVERS_IN_NOTES)) {
    const factor = row.cost > 0 ? row.costWithTarget / row.cost : leverFactor(row.kind, row.change);
    lines.push(
      `${row.line} · ${row.driver} ${signedPercent(context, row.change, 2)}: ${row.words}; ${m(row.cost)} × ${factor.toFixed(6)} = ${m(row.costWithTarget)}; ${text('notes.saving')} ${m(row.saving)}`,
    );
  }
  if (rows.length > MAX_LEVERS_IN_NOTES) lines.push(text('levers.others', { levers: rows.length - MAX_LEVERS_IN_NOTES }));
  lines.push(`${text('levers.total')}: ${m(context.headlineResult.baseSaving)}`);
  return lines.join('\n');
}
