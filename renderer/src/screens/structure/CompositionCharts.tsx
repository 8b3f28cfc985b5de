import { useCallback, useMemo } from 'react';
import type { ChartOptions } from 'chart.js';
import { Bar, Doughnut } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { PreparedTree } from '../../../../shared/engine';
import { unitLabel } from '../../../../shared/format/number';
import { useNumberView } from '../../format';
import { useWorkspaceState } from '../../state/context';
import { CHART_FONT, OKABE_ITO, RELEVANCE_COLOURS } from './chart';
import { compositionParts, relevanceSplit } from './rows';

/** Greys for the merged rest and for the unallocated part (not series colours). */
const OTHERS = '#8a96a3';
const UNALLOCATED = '#d3d9df';
const MAX_SLICES = 6;

/** What the service cost is made of (the root's parts) and how much of it is strongly or weakly related. */
export function CompositionCharts({ tree }: { tree: PreparedTree }) {
  const { t } = useTranslation();
  const view = useNumberView();
  const { unit, language } = view;
  const currency = useWorkspaceState((state) => state.model?.currency ?? 'CNY');
  const total = tree.totalAmount;
  const rootName = tree.rootIndex >= 0 ? tree.nodes[tree.rootIndex]!.name : '';

  const parts = useMemo(
    () => compositionParts(tree, MAX_SLICES, { others: t('structure.chart.others'), unallocated: t('structure.chart.unallocated') }),
    [tree, t],
  );
  const split = useMemo(() => relevanceSplit(tree), [tree]);
  const colours = useMemo(
    () => parts.map((part, i) => (part.kind === 'others' ? OTHERS : part.kind === 'unallocated' ? UNALLOCATED : OKABE_ITO[i % OKABE_ITO.length]!)),
    [parts],
  );
  const share = useCallback((amount: number) => (total > 0 ? amount / total : 0), [total]);
  const amountUnit = unitLabel(unit, language, currency);

  const doughnutData = useMemo(
    () => ({
      labels: parts.map((part) => part.name),
      datasets: [{ data: parts.map((part) => view.fromYuan(part.amount)), backgroundColor: colours, borderColor: '#fff', borderWidth: 2 }],
    }),
    [parts, view, colours],
  );
  const doughnutOptions = useMemo(
    (): ChartOptions<'doughnut'> => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      cutout: '58%',
      plugins: {
        legend: { display: false },
        tooltip: {
          bodyFont: { family: CHART_FONT },
          callbacks: {
            label: (item) => {
              const part = parts[item.dataIndex];
              return part ? ` ${view.amount(part.amount)} ${amountUnit} (${view.percent(share(part.amount))})` : '';
            },
          },
        },
      },
    }),
    [parts, view, amountUnit, share],
  );

  const relevanceData = useMemo(
    () => ({
      labels: [''],
      datasets: (['strong', 'weak'] as const).map((key) => ({
        label: t(`structure.relevanceLong.${key}`),
        data: [share(split[key]) * 100],
        backgroundColor: RELEVANCE_COLOURS[key],
        borderWidth: 0,
        barThickness: 22,
      })),
    }),
    [split, t, share],
  );
  const relevanceOptions = useMemo(
    (): ChartOptions<'bar'> => ({
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: true, min: 0, max: 100, ticks: { callback: (value) => `${value}%`, font: { family: CHART_FONT, size: 10 } }, grid: { color: '#eef1f4' } },
        y: { stacked: true, display: false },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          bodyFont: { family: CHART_FONT },
          callbacks: { label: (item) => ` ${item.dataset.label ?? ''}: ${view.percent(Number(item.raw) / 100)}` },
        },
      },
    }),
    [view],
  );

  return (
    <aside className="structure-charts" data-testid="composition">
      <section className="chart-panel">
        <header>
          <h3>{t('structure.chart.composition', { name: rootName })}</h3>
        </header>
        <div className="composition-doughnut">
          <Doughnut data={doughnutData} options={doughnutOptions} aria-label={t('structure.chart.composition', { name: rootName })} role="img" />
          <div className="doughnut-centre">
            <span className="doughnut-total">{view.amount(total, 0)}</span>
            <span className="muted">{amountUnit}</span>
          </div>
        </div>
        <ul className="chart-legend">
          {parts.map((part, i) => (
            <li key={`${part.id ?? part.name}-${i}`}>
              <span className="swatch" style={{ background: colours[i] }} />
              <span className="legend-name" title={part.name}>
                {part.name}
              </span>
              <span className="legend-value">{view.percent(share(part.amount))}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="chart-panel">
        <header>
          <h3>{t('structure.chart.relevance')}</h3>
        </header>
        <div className="relevance-bar">
          <Bar data={relevanceData} options={relevanceOptions} aria-label={t('structure.chart.relevance')} role="img" />
        </div>
        <ul className="chart-legend" data-testid="relevance-split">
          {(['strong', 'weak'] as const).map((key) => (
            <li key={key} data-relevance={key}>
              <span className="swatch" style={{ background: RELEVANCE_COLOURS[key] }} />
              <span className="legend-name">{t(`structure.relevanceLong.${key}`)}</span>
              <span className="legend-value">
                {view.amount(split[key])} · {view.percent(share(split[key]))}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
