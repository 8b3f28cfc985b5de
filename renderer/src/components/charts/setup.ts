import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
  Tooltip,
  type ChartConfiguration,
  type ChartOptions,
  type Plugin,
} from 'chart.js';
import type { Language } from '../../../../shared/model/units';
import { SERIES_COLOURS } from './palette';

/**
 * Chart.js, with only what the planner draws registered: bars (also floating, for the
 * bridge, and stacked), a line over bars, category and linear axes, legend, tooltip, and the
 * title and subtitle that exported images carry.
 */
Chart.register(BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip, Title, SubTitle);

/** The same font stack as the UI (canvas cannot read CSS variables), CJK fallbacks included. */
export const CHART_FONT = "-apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', Roboto, sans-serif";
Chart.defaults.font.family = CHART_FONT;
Chart.defaults.color = '#1f2933';

/** The series colours of palette.ts (one meaning each, the same on every chart) and the chart's greys. */
export const COLORS = {
  saving: SERIES_COLOURS.saving,
  investment: SERIES_COLOURS.investment,
  net: SERIES_COLOURS.net,
  cost: SERIES_COLOURS.cost,
  increase: SERIES_COLOURS.increase,
  other: SERIES_COLOURS.oneOff,
  yellow: '#F0E442',
  grid: '#e3e7ec',
  axis: '#9aa5b1',
  text: '#1f2933',
  muted: '#616e7c',
} as const;

export const LOCALE: Record<Language, string> = { zh: 'zh-CN', en: 'en-US' };

/** Sizes for the screen and for a 1920 x 1080 slide. */
export interface ChartLook {
  export: boolean;
  /** Axis ticks and legend. */
  font: number;
  /** Value labels on bars. */
  valueLabel: number;
  axisTitle: number;
  padding: number;
  lineWidth: number;
  pointRadius: number;
  barMaxThickness: number;
}

export const SCREEN_LOOK: ChartLook = { export: false, font: 11, valueLabel: 11, axisTitle: 11, padding: 4, lineWidth: 2, pointRadius: 3, barMaxThickness: 56 };
export const EXPORT_LOOK: ChartLook = {
  export: true,
  font: 24,
  valueLabel: 22,
  axisTitle: 22,
  padding: 40,
  lineWidth: 4,
  pointRadius: 7,
  barMaxThickness: 150,
};

export const EXPORT_SIZE = { width: 1920, height: 1080 } as const;

export type BarValue = number | [number, number] | null;
/** One configuration shape for every chart the planner draws (bars, with an optional line). */
export type PanelConfig = ChartConfiguration<'bar' | 'line', BarValue[], string | string[]>;
export type PanelOptions = ChartOptions<'bar' | 'line'>;

/** Options every chart shares: no animation (an edit redraws at once), the model's locale, quiet grid. */
export function baseOptions(look: ChartLook, language: Language): PanelOptions {
  return {
    responsive: !look.export,
    maintainAspectRatio: false,
    animation: false,
    normalized: true,
    locale: LOCALE[language],
    layout: { padding: look.padding },
    plugins: {
      legend: {
        position: 'bottom',
        labels: { font: { size: look.font }, boxWidth: look.font * 1.2, boxHeight: look.font * 0.9, padding: look.export ? 28 : 10 },
      },
      tooltip: { titleFont: { size: look.font }, bodyFont: { size: look.font } },
    },
  };
}

/** Axis styling shared by the value and category axes. */
export function axisStyle(look: ChartLook) {
  return {
    // A fixed rotation spares Chart.js working one out on every update (its performance notes).
    ticks: { font: { size: look.font }, color: COLORS.text, minRotation: 0, maxRotation: 0 },
    grid: { color: COLORS.grid, lineWidth: look.export ? 2 : 1 },
    border: { color: COLORS.axis, width: look.export ? 2 : 1 },
  };
}

/** Extra fields a bar dataset may carry: the text written on each bar (null: none). */
export interface ValueLabelFields {
  valueLabels?: (string | null)[];
  /** Font size of those texts in px. */
  valueLabelSize?: number;
}

/** A drawn value label's box, in canvas px. */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A value label as drawn: its box, and whether it left its usual place (past the bar's end) to clear a point. */
export interface DrawnLabel extends LabelBox {
  text: string;
  moved: boolean;
}

/** Dark text on a light bar, white on a dark one. */
function textOn(options: { backgroundColor?: unknown } | undefined): string {
  const colour = typeof options?.backgroundColor === 'string' ? options.backgroundColor : '';
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) return COLORS.text;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  return 0.299 * r! + 0.587 * g! + 0.114 * b! > 150 ? COLORS.text : '#ffffff';
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Writes each bar's text from its dataset's `valueLabels` (above the bar, below a bar that goes
 * down, beside it on a horizontal chart). A text never covers a point of a line drawn over the
 * bars (the cumulative net): it moves inside the bar's end, then past the point, else it is left
 * out (the tooltip has the figure). Registered once; it reads the texts from the data, so
 * react-chartjs-2's in-place data updates carry new texts (its `plugins` prop is read only at
 * creation). What it drew is kept on the chart as `$valueLabels` (for tests and inspection).
 */
export const valueLabels: Plugin<'bar' | 'line'> = {
  id: 'valueLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    // The points of line series, as boxes a label must stay clear of.
    const points: LabelBox[] = [];
    chart.data.datasets.forEach((_dataset, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.type !== 'line' || !chart.isDatasetVisible(datasetIndex)) return;
      for (const element of meta.data) {
        const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
        const radius = ((element.options as { radius?: number } | undefined)?.radius ?? 3) + 2;
        points.push({ x: x - radius, y: y - radius, width: radius * 2, height: radius * 2 });
      }
    });
    const drawn: DrawnLabel[] = [];
    let omitted = 0;
    ctx.save();
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      const { valueLabels: texts, valueLabelSize = 11 } = dataset as ValueLabelFields;
      if (!texts) return;
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.type !== 'bar' || !chart.isDatasetVisible(datasetIndex)) return;
      ctx.font = `${valueLabelSize}px ${CHART_FONT}`;
      const gap = Math.round(valueLabelSize / 3);
      meta.data.forEach((element, index) => {
        const label = texts[index];
        if (!label) return;
        const {
          x,
          y,
          base,
          horizontal,
          width: barWidth,
          height: barHeight,
        } = element.getProps(['x', 'y', 'base', 'horizontal', 'width', 'height'], true) as {
          x: number;
          y: number;
          base: number;
          horizontal: boolean;
          width: number;
          height: number;
        };
        // Which way the bar goes, from its value (a bar too short to see has y = base).
        const value = dataset.data[index];
        const forwards = Array.isArray(value) ? value[1] >= value[0] : Number(value) >= 0;
        const width = ctx.measureText(label).width;
        const height = valueLabelSize;
        // Candidate boxes, best first: past the bar's end, inside it, further out (staggered),
        // past any point in the way.
        const candidates: { box: LabelBox; inside: boolean }[] = [];
        if (horizontal) {
          const end = forwards ? Math.max(x, base) : Math.min(x, base);
          const left = (at: number) => (forwards ? at : at - width);
          candidates.push({ box: { x: left(end + (forwards ? gap : -gap)), y: y - height / 2, width, height }, inside: false });
          if (Math.abs(x - base) > width + 2 * gap && Math.abs(barHeight) >= height + 2)
            candidates.push({ box: { x: left(end + (forwards ? -gap - width : gap + width)), y: y - height / 2, width, height }, inside: true });
        } else {
          const end = forwards ? Math.min(y, base) : Math.max(y, base);
          const top = (at: number) => (forwards ? at - height : at);
          const centred = (at: number) => ({ x: x - width / 2, y: top(at), width, height });
          candidates.push({ box: centred(end + (forwards ? -gap : gap)), inside: false });
          if (Math.abs(y - base) > height + 2 * gap && Math.abs(barWidth) >= width + 4)
            candidates.push({ box: centred(end + (forwards ? gap + height : -gap - height)), inside: true });
          for (let row = 1; row <= 2; row++) candidates.push({ box: centred(end + (forwards ? -1 : 1) * (gap + row * (height + 2))), inside: false });
          for (const point of points) {
            if (point.x > x + width / 2 || point.x + point.width < x - width / 2) continue;
            candidates.push({ box: centred(forwards ? point.y - gap : point.y + point.height + gap), inside: false });
          }
        }
        // Kept on the canvas: a long amount near an edge moves in rather than being cut off.
        for (const { box } of candidates) box.x = Math.max(0, Math.min(box.x, chart.width - box.width));
        const clear = candidates.find(
          ({ box }) =>
            box.y >= 0 && box.y + box.height <= chart.height && !points.some((point) => overlaps(box, point)) && !drawn.some((other) => overlaps(box, other)),
        );
        if (!clear) {
          omitted++;
          return;
        }
        const { box, inside } = clear;
        ctx.fillStyle = inside ? textOn(element.options) : COLORS.text;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'top';
        ctx.fillText(label, box.x, box.y);
        drawn.push({ ...box, text: label, moved: clear !== candidates[0] });
      });
    });
    ctx.restore();
    Object.assign(chart, { $valueLabels: { drawn, omitted } });
  },
};
Chart.register(valueLabels);

/** A white page behind the chart (a canvas is transparent), for exported images. */
export const whiteBackground: Plugin<'bar' | 'line'> = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};
