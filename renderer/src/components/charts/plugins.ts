import { Chart, type ChartType, type Plugin } from 'chart.js';
import { CHART_FONT, COLORS } from './setup';

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameter is Chart.js's
  interface PluginOptionsByType<TType extends ChartType> {
    /** A drawn break (zig-zag) on the value axis of a chart whose value axis does not start at zero. */
    axisBreak?: { enabled?: boolean };
    /** A labelled line across the chart at a value of the value axis (the tornado's base). */
    baseLine?: { value?: number; label?: string };
  }
}

/** Where the plugins drew, kept on the chart for tests and inspection (Chart.js's `$` convention for plugin state). */
export interface DrawnMarks {
  $axisBreak?: { x: number; y: number; size: number };
  $baseLine?: { x: number; label: string };
}

/** The value axis: x on a horizontal chart (indexAxis 'y'), y otherwise. */
function valueScale(chart: Chart) {
  return chart.options.indexAxis === 'y' ? chart.scales['x'] : chart.scales['y'];
}

/**
 * A zig-zag across the value axis just past its start, and across every bar that starts
 * below it: the axis does not start at zero, and the bars that do are drawn shortened.
 */
export const axisBreak: Plugin<'bar' | 'line'> = {
  id: 'axisBreak',
  afterDatasetsDraw(chart, _args, options: { enabled?: boolean }) {
    const marks = chart as unknown as DrawnMarks;
    const scale = valueScale(chart);
    if (!options.enabled || !scale || !(scale.min > 0)) {
      delete marks.$axisBreak;
      return;
    }
    const { ctx, chartArea } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    const unit = Math.max(5, Math.min(24, Math.round(Math.min(chartArea.width, chartArea.height) / 30)));
    // Along the value axis: a little past its start; across it: on the axis line.
    const along = horizontal ? chartArea.left + unit * 2 : chartArea.bottom - unit * 2;
    const axisAt = horizontal ? chartArea.bottom : chartArea.left;
    const crossings: { from: number; to: number }[] = [{ from: axisAt - unit, to: axisAt + unit }];
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.type !== 'bar' || !chart.isDatasetVisible(datasetIndex)) return;
      meta.data.forEach((element, index) => {
        const value = dataset.data[index];
        const start = Array.isArray(value) ? Math.min(value[0], value[1]) : 0;
        if (!(start < scale.min)) return;
        const { x, y, width, height } = element.getProps(['x', 'y', 'width', 'height'], true) as { x: number; y: number; width: number; height: number };
        crossings.push(horizontal ? { from: y - height / 2 - 2, to: y + height / 2 + 2 } : { from: x - width / 2 - 2, to: x + width / 2 + 2 });
      });
    });
    const zigzag = (offset: number, from: number, to: number) => {
      const teeth = Math.max(2, Math.round((to - from) / unit));
      const step = (to - from) / teeth;
      for (let i = 0; i <= teeth; i++) {
        const across = from + i * step;
        const sway = (i % 2 === 0 ? -1 : 1) * (unit / 4) + offset;
        const [px, py] = horizontal ? [along + sway, across] : [across, along + sway];
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
    };
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.strokeStyle = COLORS.muted;
    ctx.lineWidth = Math.max(1, unit / 6);
    for (const { from, to } of crossings) {
      // A white band between two zig-zags: the cut.
      const band = (unit * 2) / 3;
      if (horizontal) ctx.fillRect(along - band / 2, from, band, to - from);
      else ctx.fillRect(from, along - band / 2, to - from, band);
      for (const offset of [-band / 2, band / 2]) {
        ctx.beginPath();
        zigzag(offset, from, to);
        ctx.stroke();
      }
    }
    ctx.restore();
    marks.$axisBreak = { x: horizontal ? along : axisAt, y: horizontal ? axisAt : along, size: unit };
  },
};

/** A dashed line at `baseLine.value` on the value axis, labelled above the chart area. */
export const baseLine: Plugin<'bar' | 'line'> = {
  id: 'baseLine',
  afterDatasetsDraw(chart, _args, options: { value?: number; label?: string }) {
    const marks = chart as unknown as DrawnMarks;
    const scale = valueScale(chart);
    if (options.value === undefined || !Number.isFinite(options.value) || !scale) {
      delete marks.$baseLine;
      return;
    }
    const { ctx, chartArea } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    const at = scale.getPixelForValue(options.value);
    const size = (scale.options as { ticks?: { font?: { size?: number } } }).ticks?.font?.size ?? 11;
    ctx.save();
    ctx.strokeStyle = COLORS.text;
    ctx.lineWidth = size > 15 ? 3 : 1.5;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    if (horizontal) {
      ctx.moveTo(at, chartArea.top);
      ctx.lineTo(at, chartArea.bottom);
    } else {
      ctx.moveTo(chartArea.left, at);
      ctx.lineTo(chartArea.right, at);
    }
    ctx.stroke();
    if (options.label) {
      ctx.fillStyle = COLORS.text;
      ctx.font = `bold ${size}px ${CHART_FONT}`;
      ctx.textBaseline = 'bottom';
      ctx.textAlign = horizontal ? 'center' : 'right';
      if (horizontal)
        ctx.fillText(
          options.label,
          Math.min(Math.max(at, chartArea.left + ctx.measureText(options.label).width / 2), chartArea.right - ctx.measureText(options.label).width / 2),
          chartArea.top - 3,
        );
      else ctx.fillText(options.label, chartArea.right, at - 3);
    }
    ctx.restore();
    marks.$baseLine = { x: at, label: options.label ?? '' };
  },
};

Chart.register(axisBreak, baseLine);
