import { Fragment, useCallback, useMemo } from 'react';
import type { ScenarioResult } from '../../../../shared/engine';
import { figureTexts } from '../../../../shared/i18n/figures';
import { unitLabel } from '../../../../shared/format/number';
import { ChartPanel } from '../../components/charts/ChartPanel';
import type { ChartLook } from '../../components/charts/setup';
import { useModelText } from '../../components/charts/text';
import { fastNumberView } from '../results/numbers';
import { useViewUnit, useWorkspace, useWorkspaceState } from '../../state/context';
import type { ChartText } from '../results/charts';
import { cardFigures, figureUnit, figureValue, showDifference, showFigure } from '../results/figures';
import { buildCompareChart } from './chart';
import '../results/results.css';

/**
 * Every scenario side by side: one column per scenario and, next to each one but the
 * baseline, its difference to the baseline (the first scenario unless one is marked); then
 * saving, investment and net as a grouped chart.
 */
export function CompareScreen() {
  const workspace = useWorkspace();
  const model = useWorkspaceState((state) => state.model);
  const results = useWorkspaceState((state) => state.results);
  const markedBaseline = useWorkspaceState((state) => state.baselineScenarioId);
  const { t, language } = useModelText();
  const unit = useViewUnit();
  const view = useMemo(() => fastNumberView(unit, language), [unit, language]);
  const unitText = unitLabel(unit, language, model?.currency);
  const text = useMemo<ChartText>(() => ({ t, language, unit, unitText }), [t, language, unit, unitText]);
  const scenarioResults = useMemo((): readonly ScenarioResult[] => results?.scenarios ?? [], [results]);
  const baseline = scenarioResults.find((r) => r.scenarioId === markedBaseline) ?? scenarioResults[0];
  const baselineId = baseline?.scenarioId ?? null;
  const buildChart = useCallback((look: ChartLook) => buildCompareChart(scenarioResults, baselineId, text, look), [scenarioResults, baselineId, text]);

  if (!model || !baseline) return <div className="muted">{t('compare.none')}</div>;
  const figureText = figureTexts(language);
  const scenarios = model.scenarios;
  const horizonOf = (r: ScenarioResult) => {
    const first = r.years[0]?.calendarYear;
    const last = r.years[r.years.length - 1]?.calendarYear;
    return first === undefined ? '—' : first === last ? String(first) : `${first}–${last}`;
  };

  return (
    <div className="compare">
      <div className="toolbar">
        <label>
          {t('compare.baseline')}{' '}
          <select data-testid="compare-baseline" value={baseline.scenarioId} onChange={(event) => void workspace.setBaseline(event.target.value)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{t('compare.hint', { unit: unitText })}</span>
      </div>
      <div className="compare-table-wrap">
        <table className="plain compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th rowSpan={2}>{t('compare.figure')}</th>
              {scenarioResults.map((r) => {
                const isBaseline = r.scenarioId === baselineId;
                return (
                  <th
                    key={r.scenarioId}
                    colSpan={isBaseline ? 1 : 2}
                    className={`scenario-head${isBaseline ? ' baseline-col' : ''}`}
                    data-scenario-id={r.scenarioId}
                  >
                    {r.name}
                    {isBaseline && <span className="badge baseline">{t('compare.baselineTag')}</span>}
                  </th>
                );
              })}
            </tr>
            <tr>
              {scenarioResults.map((r) =>
                r.scenarioId === baselineId ? (
                  <th key={r.scenarioId} className="baseline-col">
                    {t('compare.value')}
                  </th>
                ) : (
                  <Fragment key={r.scenarioId}>
                    <th>{t('compare.value')}</th>
                    <th className="diff">{t('compare.vsBaseline')}</th>
                  </Fragment>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            <tr data-figure="horizon">
              <td className="figure-name">{t('compare.horizon')}</td>
              {scenarioResults.map((r) => (
                <Fragment key={r.scenarioId}>
                  <td className={`value-cell${r.scenarioId === baselineId ? ' baseline-col' : ''}`}>{horizonOf(r)}</td>
                  {r.scenarioId !== baselineId && <td className="diff" />}
                </Fragment>
              ))}
            </tr>
            {cardFigures(scenarioResults).map((figure) => {
              const baseValue = figureValue(baseline, figure);
              const rowUnit = figureUnit(figure, view, t, model.currency);
              return (
                <tr key={figure} data-figure={figure}>
                  <td className="figure-name" title={figureText[figure].definition}>
                    {figureText[figure].label}
                    {rowUnit && <span className="unit">{rowUnit}</span>}
                  </td>
                  {scenarioResults.map((r) => {
                    const value = figureValue(r, figure);
                    const shown = showFigure(figure, value, view, t, model.currency);
                    const isBaseline = r.scenarioId === baselineId;
                    const diff = isBaseline ? null : showDifference(figure, value, baseValue, view, t);
                    return (
                      <Fragment key={r.scenarioId}>
                        <td className={`value-cell${isBaseline ? ' baseline-col' : ''}`} data-scenario-id={r.scenarioId} data-kind="value">
                          {shown.number}
                        </td>
                        {diff && (
                          <td className={`diff ${diff.tone}`} data-scenario-id={r.scenarioId} data-kind="diff">
                            {diff.text}
                          </td>
                        )}
                      </Fragment>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="charts">
        <ChartPanel
          id="compare"
          className="wide"
          title={t('compare.chartTitle')}
          subtitle={`${model.name} · ${t('charts.unit', { unit: unitText })} · ${t('compare.chartSubtitle')}`}
          fileName={`${model.name} - ${t('compare.chartTitle')}`}
          build={buildChart}
          description={t('compare.chartDescription', { count: scenarioResults.length })}
          height={320}
        />
      </div>
    </div>
  );
}
