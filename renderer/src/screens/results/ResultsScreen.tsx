import { useCallback, useMemo } from 'react';
import type { ScenarioResult, PreparedTree } from '../../../../shared/engine';
import { figureTexts } from '../../../../shared/i18n/figures';
import { unitLabel } from '../../../../shared/format/number';
import type { Model, Scenario } from '../../../../shared/model/schema';
import { ChartPanel } from '../../components/charts/ChartPanel';
import type { ChartLook } from '../../components/charts/setup';
import { useModelText } from '../../components/charts/text';
import type { NumberView } from '../../format';
import { fastNumberView } from './numbers';
import { useViewUnit, useWorkspaceState } from '../../state/context';
import { bridgeAxisMin, bridgeIsHorizontal, bridgeSteps, buildBridge, buildComposition, buildYears, compositionRows, type ChartText } from './charts';
import { FigureCard } from './FigureCard';
import { cardFigures, figureValue, showFigure, type CardFigure } from './figures';
import './results.css';

/**
 * The selected scenario's figures (each with its definition on hover), how they are timed,
 * and three charts: the savings bridge, saving and investment by year with the cumulative
 * net, and the service cost by part with the saving. Every chart saves as a slide-sized PNG.
 */
export function ResultsScreen() {
  const model = useWorkspaceState((state) => state.model);
  const results = useWorkspaceState((state) => state.results);
  const selectedId = useWorkspaceState((state) => state.selectedScenarioId);
  const { t } = useModelText();
  const scenario = model?.scenarios.find((s) => s.id === selectedId) ?? model?.scenarios[0];
  const result = results?.scenarios.find((r) => r.scenarioId === scenario?.id);

  if (!model || !results || !scenario || !result) return <div className="muted">{t('results.noScenario')}</div>;
  return <ScenarioResults model={model} tree={results.tree} scenario={scenario} result={result} />;
}

function horizonText(t: ChartText['t'], result: ScenarioResult): string {
  const first = result.years[0]?.calendarYear;
  const last = result.years[result.years.length - 1]?.calendarYear;
  return first === last
    ? t('results.horizonOneYear', { from: first ?? '' })
    : t('results.horizon', { years: result.years.length, from: first ?? '', to: last ?? '' });
}

function ScenarioResults({ model, tree, scenario, result }: { model: Model; tree: PreparedTree; scenario: Scenario; result: ScenarioResult }) {
  const { t, language } = useModelText();
  const unit = useViewUnit();
  const view = useMemo(() => fastNumberView(unit, language), [unit, language]);
  const unitText = unitLabel(unit, language, model.currency);
  const text = useMemo<ChartText>(() => ({ t, language, unit, unitText }), [t, language, unit, unitText]);
  const horizon = horizonText(t, result);
  const figureText = figureTexts(language);

  const notes: Partial<Record<CardFigure, string>> = {
    yearOneSaving: String(result.years[0]?.calendarYear ?? ''),
    saving: horizon,
    marginGain: horizon,
    oneOff: horizon,
    investment: horizon,
    net: horizon,
    returnOnInvestment: result.totals.marginGain !== 0 ? t('results.roiNoteBenefit') : t('results.roiNote'),
    npv: t('results.npvNote', { rate: view.percent(scenario.discountRate, 1) }),
    affectedShare: t('results.shareNote', { total: view.amount(tree.totalAmount, 1), unit: unitText }),
  };

  const revenue = useWorkspaceState((state) => state.results?.revenue);
  const steps = useMemo(
    () => bridgeSteps(tree, result, text, undefined, revenue ? { prepared: revenue, scenario } : undefined),
    [tree, result, text, revenue, scenario],
  );
  const bridgeMin = bridgeAxisMin(steps);
  const horizontalBridge = bridgeIsHorizontal(steps);
  const buildBridgeChart = useCallback((look: ChartLook) => buildBridge(steps, text, look), [steps, text]);
  const buildYearsChart = useCallback((look: ChartLook) => buildYears(result, text, look), [result, text]);
  const rows = useMemo(() => compositionRows(tree, result, (count) => t('results.otherParts', { count }), t('results.unsplit')), [tree, result, t]);
  const buildCompositionChart = useCallback((look: ChartLook) => buildComposition(rows, text, look), [rows, text]);

  const subtitle = `${scenario.name} · ${t('charts.unit', { unit: unitText })}`;
  const exportSubtitle = `${model.name} · ${subtitle}`;
  // The cost bridge opens and closes on totals; the benefit bridge only closes on one.
  const leverSteps = result.baseMarginGain !== 0 && revenue ? steps.length - 1 : steps.length - 2;
  const bridgeNotes = [
    leverSteps === 0 ? t('results.noLevers') : t('results.bridgeNote'),
    bridgeMin > 0 ? t('results.axisFrom', { value: view.amount(bridgeMin, 0), unit: unitText }) : '',
  ].filter(Boolean);
  const fileBase = `${model.name} - ${scenario.name}`;

  return (
    <div className="results" data-scenario-id={scenario.id}>
      <div className="results-head">
        <h2 data-testid="results-scenario">{scenario.name}</h2>
        <span className="muted">
          {horizon} · {t('charts.unit', { unit: unitText })}
        </span>
      </div>
      <div className="cards">
        {cardFigures([result]).map((figure) => (
          <FigureCard
            key={figure}
            figure={figure}
            label={figureText[figure].label}
            definition={figureText[figure].definition}
            shown={showFigure(figure, figureValue(result, figure), view, t, model.currency)}
            note={notes[figure]}
          />
        ))}
      </div>
      <p className="conventions">{t('results.conventions', { rate: view.percent(scenario.discountRate, 1) })}</p>
      <div className="charts results-charts">
        <ChartPanel
          id="bridge"
          className={horizontalBridge ? 'wide' : undefined}
          title={result.baseMarginGain !== 0 ? t('results.bridgeBenefitTitle') : t('results.bridgeTitle')}
          subtitle={subtitle}
          exportSubtitle={[exportSubtitle, ...bridgeNotes.slice(1)].join(' · ')}
          fileName={`${fileBase} - ${t('results.bridgeTitle')}`}
          build={buildBridgeChart}
          description={t('results.bridgeDescription', {
            from: view.amount(tree.totalAmount, 1),
            to: view.amount(tree.totalAmount - result.baseSaving, 1),
            unit: unitText,
            count: leverSteps,
          })}
          note={bridgeNotes.join(' ')}
          height={horizontalBridge ? 28 * steps.length + 70 : 300}
        />
        <ChartPanel
          id="years"
          title={t('results.yearsTitle')}
          subtitle={`${subtitle} · ${horizon}`}
          exportSubtitle={`${exportSubtitle} · ${horizon}`}
          fileName={`${fileBase} - ${t('results.yearsTitle')}`}
          build={buildYearsChart}
          description={t('results.yearsDescription', {
            saving: view.amount(result.totals.saving, 1),
            investment: view.amount(result.totals.investment, 1),
            unit: unitText,
          })}
          note={t('results.yearsNote')}
          height={300}
        />
        <ChartPanel
          id="composition"
          title={t('results.compositionTitle')}
          subtitle={subtitle}
          exportSubtitle={exportSubtitle}
          fileName={`${fileBase} - ${t('results.compositionTitle')}`}
          build={buildCompositionChart}
          description={t('results.compositionDescription', { count: rows.length })}
          note={t('results.compositionNote')}
          height={Math.max(250, 32 * rows.length + 90)}
        />
        <YearTable result={result} unitText={unitText} view={view} t={t} growth={view.percent(scenario.volumeGrowth, 1)} />
      </div>
    </div>
  );
}

function YearTable({ result, unitText, view, t, growth }: { result: ScenarioResult; unitText: string; view: NumberView; t: ChartText['t']; growth: string }) {
  const amount = (yuan: number) => view.amount(yuan, 1);
  // Margin gain and one-off cash are their own columns, when the scenario has any.
  const figures = figureTexts(view.language);
  const gain = result.totals.marginGain !== 0;
  const oneOff = result.years.some((year) => year.oneOff !== 0);
  return (
    <section className="chart-panel" data-testid="year-table">
      <header>
        <div className="chart-heading">
          <h3>{t('results.tableTitle')}</h3>
          <div className="chart-subtitle">{t('charts.unit', { unit: unitText })}</div>
        </div>
      </header>
      <table className="plain year-table">
        <thead>
          <tr>
            <th>{t('results.year')}</th>
            <th>{t('results.savingSeries')}</th>
            {gain && <th>{figures.marginGain.label}</th>}
            {oneOff && <th>{figures.oneOff.label}</th>}
            <th>{t('results.investmentSeries')}</th>
            <th>{t('results.netSeries')}</th>
            <th>{t('results.cumulativeNetSeries')}</th>
          </tr>
        </thead>
        <tbody>
          {result.years.map((year) => (
            <tr key={year.year}>
              <td>{year.calendarYear}</td>
              <td>{amount(year.saving)}</td>
              {gain && <td>{amount(year.marginGain)}</td>}
              {oneOff && <td className={year.oneOff < 0 ? 'negative' : undefined}>{amount(year.oneOff)}</td>}
              <td>{amount(year.investment)}</td>
              <td className={year.net < 0 ? 'negative' : undefined}>{amount(year.net)}</td>
              <td className={year.cumulativeNet < 0 ? 'negative' : undefined}>{amount(year.cumulativeNet)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>{t('results.total')}</td>
            <td>{amount(result.totals.saving)}</td>
            {gain && <td>{amount(result.totals.marginGain)}</td>}
            {oneOff && <td>{amount(result.totals.oneOff)}</td>}
            <td>{amount(result.totals.investment)}</td>
            <td>{amount(result.totals.net)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <div className="chart-note">{t('results.tableNote', { growth })}</div>
    </section>
  );
}
