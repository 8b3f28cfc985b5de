import type { Scale, Tick } from 'chart.js';
import { toFont } from 'chart.js/helpers';
import { formatNumber } from '../../../../shared/format/number';
import type { Language } from '../../../../shared/model/units';
import { fitLabel } from './labels';
import { axisTickDigits } from './ticks';

type TickCallback = (this: Scale, value: number | string, index: number, ticks: Tick[]) => string | string[];

/** Tick texts of a value axis in the display unit, by the display rule of cards (see ticks.ts). */
export function valueTicks(language: Language): TickCallback {
  return function (value, _index, ticks) {
    return formatNumber(Number(value), language, axisTickDigits(ticks.map((tick) => tick.value)));
  };
}

/**
 * Tick texts of a category axis fitted into the room of each category: wrapped and, past
 * `linesPerEntry` lines per entry, shortened with "…" (the tooltip has the full text). On a
 * vertical axis (a horizontal chart) a label may take up to `shareOfWidth` of the chart.
 */
export function fittedCategoryTicks(linesPerEntry = 2, shareOfWidth = 0.4): TickCallback {
  return function (value, index) {
    const labels = this.chart.data.labels ?? [];
    const raw = labels[typeof value === 'number' ? value : index] as string | string[] | undefined;
    if (raw === undefined) return String(value);
    const entries = Array.isArray(raw) ? raw : [raw];
    const room = this.isHorizontal() ? this.width / Math.max(1, labels.length) - 6 : this.chart.width * shareOfWidth;
    if (!(room > 0)) return entries;
    const { ctx } = this;
    ctx.save();
    ctx.font = toFont((this.options as { ticks?: { font?: Parameters<typeof toFont>[0] } }).ticks?.font ?? {}).string;
    const measure = (text: string) => ctx.measureText(text).width;
    const fitted = fitLabel(entries, room, measure, linesPerEntry);
    ctx.restore();
    return fitted;
  };
}
