import { leverFactor } from '../../../shared/engine/levers';
import type { LeverKind } from '../../../shared/model/schema';
import { money, percent, signedPercent, withUnit, type DeckContext } from '../context';
import { addFittedText, addPagedTable, CONTENT, contentSlide, continuedSlide, MUTED, type Cell } from '../layout';
import { tint } from '../style';

/** Levers the table lists one by one; the rest are one row. */
export const MAX_LEVER_ROWS = 12;
const MAX_LEVERS_IN_NOTES = 60;

export interface LeverRow {
  nodeId: string;
  line: string;
  kind: LeverKind;
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
      const factor = leverFactor(contribution.kind, contribution.change);
      const cost = tree.resolvedAmount[index]!;
      const verb = factor < 1 ? text('levers.words.lowers') : factor > 1 ? text('levers.words.raises') : text('levers.words.keeps');
      let words: string | undefined;
      // A per-capita volume change acts on the unit cost; the others on the line's cost.
      return {
        nodeId: contribution.nodeId,
        line: tree.nodes[index]!.name,
        kind: contribution.kind,
        change: contribution.change,
        cost,
        costWithTarget: cost * factor,
        get words() {
          words ??= text(`levers.words.${contribution.kind}`, {
            change: signedPercent(context, contribution.change),
            verb,
            effect: percent(context, Math.abs(factor - 1), 1),
          });
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
  if (rows.length === 0) {
    addFittedText(context, slide, text('levers.none'), { x: CONTENT.x, y: CONTENT.y + 0.2, w: CONTENT.w, h: 0.6 }, { max: 16, min: 10, color: MUTED });
    slide.addNotes(`${text('notes.unit', { u: context.unitLabel })}\n${text('levers.none')}`);
    return;
  }
  const shown = rows.slice(0, rows.length > MAX_LEVER_ROWS ? MAX_LEVER_ROWS - 1 : MAX_LEVER_ROWS);
  const rest = rows.slice(shown.length);
  const amount = (value: number) => money(context, value);
  const body: Cell[][] = shown.map((row) => [
    { text: row.line },
    { text: text(`levers.kinds.${row.kind}`) },
    { text: signedPercent(context, row.change), align: 'right' },
    { text: `${amount(row.cost)} → ${amount(row.costWithTarget)}`, align: 'right' },
    { text: row.words },
    { text: amount(row.saving), align: 'right', bold: true },
  ]);
  if (rest.length > 0)
    body.push([
      { text: text('levers.others', { levers: rest.length }) },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: amount(rest.reduce((sum, row) => sum + row.saving, 0)), align: 'right', bold: true },
    ]);
  const fill = tint(style.accent, 0.9);
  body.push([
    { text: text('levers.total'), bold: true, fill },
    { text: '', fill },
    { text: '', fill },
    { text: '', fill },
    { text: '', fill },
    { text: amount(result.baseSaving), align: 'right', bold: true, fill },
  ]);
  const colW = [2.5, 1.45, 0.95, 2.15, 3.63, 1.45];
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
        { text: withUnit(context, text('levers.saving')), align: 'right' },
      ],
      rows: body,
      colW,
      fontSize: rows.length > 8 ? 10 : 11,
    },
    () => ({ slide: continuedSlide(context, title, subtitle), y: CONTENT.y + 0.05 }),
  );
  slide.addNotes(leverNotes(context, rows));
}

function leverNotes(context: DeckContext, rows: readonly LeverRow[]): string {
  const { text } = context;
  const m = (value: number) => money(context, value, 4);
  const lines = [text('notes.unit', { u: context.unitLabel }), text('notes.costFactor')];
  for (const row of rows.slice(0, MAX_LEVERS_IN_NOTES)) {
    const factor = row.cost > 0 ? row.costWithTarget / row.cost : leverFactor(row.kind, row.change);
    lines.push(
      `${row.line} · ${text(`levers.kinds.${row.kind}`)} ${signedPercent(context, row.change, 2)}: ${row.words}; ${m(row.cost)} × ${factor.toFixed(6)} = ${m(row.costWithTarget)}; ${text('notes.saving')} ${m(row.saving)}`,
    );
  }
  if (rows.length > MAX_LEVERS_IN_NOTES) lines.push(text('levers.others', { levers: rows.length - MAX_LEVERS_IN_NOTES }));
  lines.push(`${text('levers.total')}: ${m(context.headlineResult.baseSaving)}`);
  return lines.join('\n');
}
