import type { TFunction } from 'i18next';
import type { ChartDataset, Plugin } from 'chart.js';
import type { HistogramBin } from '../../../../shared/analysis/statistics';
import { OUTPUT_UNIT, type OutputName } from '../../../../shared/analysis/outputs';
import { formatShown as formatNumber } from '../../../../shared/format/number';
import { UNIT_FACTOR, type DisplayUnit, type Language } from '../../../../shared/model/units';
import {
  axisStyle,
  baseOptions,
  CHART_FONT,
  COLORS,
  type BarValue,
  type ChartLook,
  type PanelConfig,
  type ValueLabelFields,
} from '../../components/charts/setup';
import { fittedCategoryTicks, valueTicks } from '../../components/charts/axes';
import '../../components/charts/plugins';

type Dataset = ChartDataset<'bar' | 'line', BarValue[]> &
  ValueLabelFields & { markers?: { value: number; label: string }[]; binFrom?: number; binWidth?: number };

export interface AnalysisText {
  t: TFunction;
  language: Language;
  unit: DisplayUnit;
  /** The display unit, e.g. 万元. */
  unitText: string;
}

/** An output in the unit charts show it: money in the display unit, ratios in %, years. */
export function toDisplay(value: number, output: OutputName, unit: DisplayUnit): number {
  const kind = OUTPUT_UNIT[output];
  return kind === 'money' ? value / UNIT_FACTOR[unit] : kind === 'ratio' ? value * 100 : value;
}

/** The axis title of an output. */
export function outputAxis(output: OutputName, text: AnalysisText): string {
  const kind = OUTPUT_UNIT[output];
  return kind === 'money' ? text.unitText : kind === 'ratio' ? '%' : text.t('analysis.years');
}

/** An output as text with its unit: "222.4 万元", "1.83%", "0.33 年"; "—" when not defined. */
export function formatOutput(value: number | null, output: OutputName, text: AnalysisText): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const kind = OUTPUT_UNIT[output];
  const shown = toDisplay(value, output, text.unit);
  if (kind === 'ratio') return `${formatNumber(shown, text.language, 2)}%`;
  if (kind === 'money') return `${formatNumber(shown, text.language, text.unit === 'yuan' ? 0 : 1)} ${text.unitText}`;
  return `${formatNumber(shown, text.language, 2)} ${text.t('analysis.years')}`;
}

/** Vertical lines at values on a histogram's category axis (P10, P50, P90), read from the dataset. */
const markerLines: Plugin<'bar' | 'line'> = {
  id: 'analysisMarkers',
  afterDatasetsDraw(chart) {
    const dataset = chart.data.datasets[0] as Dataset | undefined;
    const markers = dataset?.markers;
    const scale = chart.scales['x'];
    if (!markers || !scale || dataset.binFrom === undefined || !dataset.binWidth) return;
    const count = chart.data.labels?.length ?? 0;
    if (count === 0) return;
    // The category axis places bar k at index k (ticks may be skipped, indices are not).
    const first = scale.getPixelForValue(0);
    const step = count > 1 ? scale.getPixelForValue(1) - first : scale.width;
    const left = first - step / 2;
    const { ctx, chartArea } = chart;
    const size = Math.max(11, chart.options.font?.size ?? 11);
    ctx.save();
    ctx.strokeStyle = COLORS.increase;
    ctx.fillStyle = COLORS.text;
    ctx.lineWidth = size > 15 ? 3 : 1.5;
    ctx.setLineDash([5, 4]);
    ctx.font = `${size}px ${CHART_FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    for (const marker of markers) {
      const x = left + ((marker.value - dataset.binFrom) / dataset.binWidth) * step;
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top + size + 4);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.fillText(marker.label, x, chartArea.top + size + 2);
    }
    ctx.restore();
  },
};

/** A histogram of the trials, with P10 / P50 / P90 as dashed lines. */
export function buildHistogram(
  bins: readonly HistogramBin[],
  markers: { value: number; label: string }[],
  output: OutputName,
  text: AnalysisText,
  look: ChartLook,
): PanelConfig {
  const shown = (v: number) => toDisplay(v, output, text.unit);
  const digits = OUTPUT_UNIT[output] === 'years' ? 2 : OUTPUT_UNIT[output] === 'ratio' ? 2 : 1;
  const labels = bins.map((bin) => formatNumber(shown((bin.from + bin.to) / 2), text.language, digits));
  const first = bins[0];
  const width = first ? first.to - first.from : 0;
  const dataset: Dataset = {
    type: 'bar',
    label: text.t('analysis.trialsSeries'),
    data: bins.map((bin) => bin.count),
    backgroundColor: COLORS.saving,
    borderWidth: 0,
    categoryPercentage: 1,
    barPercentage: 0.94,
    markers: width > 0 ? markers.map((m) => ({ value: shown(m.value), label: m.label })) : [],
    binFrom: first ? shown(first.from) : 0,
    binWidth: shown(first?.from ?? 0) === 0 && width === 0 ? 0 : shown((first?.from ?? 0) + width) - shown(first?.from ?? 0),
  };
  const options = baseOptions(look, text.language);
  return {
    type: 'bar',
    data: { labels, datasets: [dataset] },
    options: {
      ...options,
      font: { size: look.font },
      layout: { padding: { top: look.padding + look.font + 6, left: look.padding, right: look.padding, bottom: look.padding } },
      plugins: { ...options.plugins, legend: { display: false } },
      scales: {
        x: {
          ...axisStyle(look),
          grid: { display: false },
          ticks: { ...axisStyle(look).ticks, autoSkip: true, maxRotation: 0 },
          title: { display: true, text: outputAxis(output, text), font: { size: look.axisTitle } },
        },
        y: { ...axisStyle(look), beginAtZero: true, title: { display: true, text: text.t('analysis.trialsSeries'), font: { size: look.axisTitle } } },
      },
    },
    plugins: [markerLines],
  };
}

export interface TornadoRow {
  label: string;
  lowOutput: number | null;
  highOutput: number | null;
}

/** Horizontal bars from the base output to the output at each input's low and high. */
export function buildTornado(rows: readonly TornadoRow[], base: number, output: OutputName, text: AnalysisText, look: ChartLook): PanelConfig {
  const shown = (v: number | null) => (v === null || !Number.isFinite(v) ? null : toDisplay(v, output, text.unit));
  const b = toDisplay(base, output, text.unit);
  const bar = (label: string, values: (number | null)[], color: string): Dataset => ({
    type: 'bar',
    label,
    data: values.map((v) => (v === null ? null : ([b, v] as [number, number]))),
    backgroundColor: color,
    borderWidth: 0,
    grouped: false,
    maxBarThickness: look.barMaxThickness / 2,
    categoryPercentage: 0.8,
    barPercentage: 0.9,
  });
  const options = baseOptions(look, text.language);
  const padding = typeof options.layout?.padding === 'number' ? options.layout.padding : look.padding;
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        bar(
          text.t('analysis.lowSeries'),
          rows.map((r) => shown(r.lowOutput)),
          COLORS.increase,
        ),
        bar(
          text.t('analysis.highSeries'),
          rows.map((r) => shown(r.highOutput)),
          COLORS.saving,
        ),
      ],
    },
    options: {
      ...options,
      indexAxis: 'y',
      // Room above the bars for the base line's label.
      layout: { padding: { top: padding + look.font + 8, left: padding, right: padding, bottom: padding } },
      plugins: {
        ...options.plugins,
        baseLine: { value: b, label: text.t('analysis.tornadoBase', { base: formatOutput(base, output, text) }) },
        tooltip: {
          ...options.plugins?.tooltip,
          callbacks: { title: (items) => rows[items[0]?.dataIndex ?? 0]?.label ?? '', label: (item) => tornadoTip(item.raw, output, text) },
        },
      },
      scales: {
        x: {
          ...axisStyle(look),
          beginAtZero: false,
          grace: '5%',
          ticks: { ...axisStyle(look).ticks, callback: valueTicks(text.language) },
          title: { display: true, text: outputAxis(output, text), font: { size: look.axisTitle } },
        },
        y: { ...axisStyle(look), grid: { display: false }, ticks: { ...axisStyle(look).ticks, autoSkip: false, callback: fittedCategoryTicks(1, 0.4) } },
      },
    },
  };
}

/** A tornado bar's tooltip: the output at that end, with its unit. */
function tornadoTip(raw: unknown, output: OutputName, text: AnalysisText): string {
  const end = Array.isArray(raw) ? Number(raw[1]) : Number(raw);
  const kind = OUTPUT_UNIT[output];
  if (!Number.isFinite(end)) return '—';
  if (kind === 'ratio') return `${formatNumber(end, text.language, 2)}%`;
  if (kind === 'money') return `${formatNumber(end, text.language, text.unit === 'yuan' ? 0 : 1)} ${text.unitText}`;
  return `${formatNumber(end, text.language, 2)} ${text.t('analysis.years')}`;
}

export interface WaterfallStep {
  label: string;
  from: number;
  to: number;
  total: boolean;
}

/** The horizon saving bridge: one floating bar per lever and growth, then the total. */
export function buildWaterfall(steps: readonly WaterfallStep[], text: AnalysisText, look: ChartLook): PanelConfig {
  const factor = UNIT_FACTOR[text.unit];
  const digits = text.unit === 'yuan' ? 0 : 1;
  const colors = steps.map((s) => (s.total ? COLORS.net : s.to >= s.from ? COLORS.saving : COLORS.increase));
  const dataset: Dataset = {
    type: 'bar',
    label: text.t('analysis.bridgeTitle'),
    data: steps.map((s) => [s.from / factor, s.to / factor] as [number, number]),
    backgroundColor: colors,
    borderWidth: 0,
    maxBarThickness: look.barMaxThickness,
    valueLabels: steps.map(
      (s) => `${!s.total && s.to < s.from ? '−' : s.total ? '' : '+'}${formatNumber(Math.abs(s.to - s.from) / factor, text.language, digits)}`,
    ),
    valueLabelSize: look.valueLabel,
  };
  const options = baseOptions(look, text.language);
  return {
    type: 'bar',
    data: { labels: steps.map((s) => s.label), datasets: [dataset] },
    options: {
      ...options,
      plugins: {
        ...options.plugins,
        legend: { display: false },
        // The full name of a lever whose axis label is shortened.
        tooltip: { ...options.plugins?.tooltip, callbacks: { title: (items) => steps[items[0]?.dataIndex ?? 0]?.label ?? '' } },
      },
      scales: {
        x: { ...axisStyle(look), grid: { display: false }, ticks: { ...axisStyle(look).ticks, autoSkip: false, callback: fittedCategoryTicks(2) } },
        y: {
          ...axisStyle(look),
          beginAtZero: true,
          grace: '10%',
          ticks: { ...axisStyle(look).ticks, callback: valueTicks(text.language) },
          title: { display: true, text: text.unitText, font: { size: look.axisTitle } },
        },
      },
    },
  };
}
