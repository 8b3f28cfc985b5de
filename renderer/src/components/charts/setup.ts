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

/**
 * Okabe-Ito colours (safe for the common colour-vision deficiencies), one meaning each, the
 * same on every chart: saving blue, investment orange, net green, cost sky blue, a cost
 * increase vermillion.
 */
export const COLORS = {
  saving: '#0072B2',
  investment: '#E69F00',
  net: '#009E73',
  cost: '#56B4E9',
  increase: '#D55E00',
  other: '#CC79A7',
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

/**
 * Writes each bar's text from its dataset's `valueLabels` (above the bar, below a bar that goes
 * down, beside it on a horizontal chart). Registered once; it reads the texts from the data, so
 * react-chartjs-2's in-place data updates carry new texts (its `plugins` prop is read only at
 * creation).
 */
export const valueLabels: Plugin<'bar' | 'line'> = {
  id: 'valueLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = COLORS.text;
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
        const { x, y, base, horizontal } = element.getProps(['x', 'y', 'base', 'horizontal'], true) as {
          x: number;
          y: number;
          base: number;
          horizontal: boolean;
        };
        if (horizontal) {
          const towardsEnd = x >= base;
          ctx.textAlign = towardsEnd ? 'left' : 'right';
          ctx.textBaseline = 'middle';
          ctx.fillText(label, towardsEnd ? Math.max(x, base) + gap : Math.min(x, base) - gap, y);
        } else {
          const upwards = y <= base;
          ctx.textAlign = 'center';
          ctx.textBaseline = upwards ? 'bottom' : 'top';
          ctx.fillText(label, x, upwards ? Math.min(y, base) - gap : Math.max(y, base) + gap);
        }
      });
    });
    ctx.restore();
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
