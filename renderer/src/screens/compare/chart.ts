import type { ChartDataset } from 'chart.js';
import type { ScenarioResult } from '../../../../shared/engine';
import { formatShown as formatNumber } from '../results/numbers';
import { UNIT_FACTOR } from '../../../../shared/model/units';
import { axisStyle, baseOptions, COLORS, type BarValue, type ChartLook, type PanelConfig, type ValueLabelFields } from '../../components/charts/setup';
import { fittedCategoryTicks, valueTicks } from '../../components/charts/axes';
import { chartDigits, GAIN_COLOUR, ONE_OFF_COLOUR, type ChartText } from '../results/charts';
import { figureTexts } from '../../../../shared/i18n/figures';

type Dataset = ChartDataset<'bar', BarValue[]> & ValueLabelFields;

/** Value labels only while they fit: up to this many scenarios. */
const LABELS_UP_TO = 4;

/** Saving, investment and net over each scenario's horizon, grouped by scenario. */
export function buildCompareChart(results: readonly ScenarioResult[], baselineId: string | null, text: ChartText, look: ChartLook): PanelConfig {
  const { language, unit, unitText, t } = text;
  const factor = UNIT_FACTOR[unit];
  const amount = (yuan: number) => formatNumber(yuan / factor, language, chartDigits(unit));
  const withLabels = results.length <= LABELS_UP_TO;
  const dataset = (label: string, values: number[], color: string): Dataset => ({
    type: 'bar',
    label,
    data: values.map((v) => v / factor),
    backgroundColor: color,
    borderWidth: 0,
    maxBarThickness: look.barMaxThickness,
    valueLabels: withLabels ? values.map(amount) : undefined,
    valueLabelSize: look.valueLabel,
  });
  const shorten = (name: string) => (name.length > 22 ? `${name.slice(0, 21)}…` : name);
  const options = baseOptions(look, language);
  return {
    type: 'bar',
    data: {
      labels: results.map((r) => (r.scenarioId === baselineId ? [shorten(r.name), t('compare.baselineTag')] : shorten(r.name))),
      datasets: [
        dataset(
          t('results.savingSeries'),
          results.map((r) => r.totals.saving),
          COLORS.saving,
        ),
        ...(results.some((r) => r.totals.marginGain !== 0)
          ? [
              dataset(
                figureTexts(language).marginGain.label,
                results.map((r) => r.totals.marginGain),
                GAIN_COLOUR,
              ),
            ]
          : []),
        ...(results.some((r) => r.years.some((y) => y.oneOff !== 0))
          ? [
              dataset(
                figureTexts(language).oneOff.label,
                results.map((r) => r.totals.oneOff),
                ONE_OFF_COLOUR,
              ),
            ]
          : []),
        dataset(
          t('results.investmentSeries'),
          results.map((r) => r.totals.investment),
          COLORS.investment,
        ),
        dataset(
          t('results.netSeries'),
          results.map((r) => r.totals.net),
          COLORS.net,
        ),
      ],
    },
    options: {
      ...options,
      plugins: {
        ...options.plugins,
        tooltip: {
          ...options.plugins?.tooltip,
          mode: 'index',
          intersect: false,
          callbacks: {
            title: (items) => results[items[0]?.dataIndex ?? 0]?.name ?? '',
            label: (item) => `${item.dataset.label}: ${formatNumber(Number(item.raw), language, chartDigits(unit))} ${unitText}`,
          },
        },
      },
      scales: {
        // Scenario names wrap within their group; the tooltip has the full name.
        x: { ...axisStyle(look), grid: { display: false }, ticks: { ...axisStyle(look).ticks, autoSkip: false, callback: fittedCategoryTicks(2) } },
        y: {
          ...axisStyle(look),
          beginAtZero: true,
          grace: '8%',
          ticks: { ...axisStyle(look).ticks, callback: valueTicks(language) },
          title: { display: true, text: unitText, font: { size: look.axisTitle } },
        },
      },
    },
  };
}
