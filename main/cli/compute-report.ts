import type { ScenarioResult } from '../../shared/engine/compute';
import { formatAmount, formatNumber, formatPercent, unitLabel } from '../../shared/format/number';
import { figureTexts, leverName, revenueLeverName } from '../../shared/i18n/figures';
import { namespaceText } from '../../shared/i18n/vocabulary';
import { LEVER_KINDS, REVENUE_LEVER_KINDS, type Model, type Scenario } from '../../shared/model/schema';
import type { Language } from '../../shared/model/units';
import { renderTable } from './table';

/** The readable report of `compute`: one block per scenario, in the model's unit and language. */
export function renderComputeReport(model: Model, results: readonly ScenarioResult[], language: Language): string {
  const words = namespaceText(language, 'cli');
  const figures = figureTexts(language);
  const unit = unitLabel(model.displayUnit, language, model.currency);
  const amount = (value: number) => formatAmount(value, model.displayUnit, language);
  const ratio = (value: number | null) => (value === null ? words('report.none') : formatPercent(value, language, 1));
  const blocks = [`${words('report.model')}: ${model.name}  (${words('report.unit')} ${unit})`];
  for (const result of results) {
    const scenario = model.scenarios.find((s) => s.id === result.scenarioId)!;
    // Margin gain and one-off cash get their own columns when the scenario has any.
    const showGain = (scenario.revenueLevers?.length ?? 0) > 0;
    const showOneOff = (scenario.oneOffs?.length ?? 0) > 0;
    const optional = (gain: number, oneOff: number) => [...(showGain ? [amount(gain)] : []), ...(showOneOff ? [amount(oneOff)] : [])];
    const rows = result.years.map((year) => [
      String(year.calendarYear),
      amount(year.saving),
      ...optional(year.marginGain, year.oneOff),
      amount(year.investment),
      amount(year.net),
      amount(year.cumulativeNet),
    ]);
    rows.push([
      words('report.total'),
      amount(result.totals.saving),
      ...optional(result.totals.marginGain, result.totals.oneOff),
      amount(result.totals.investment),
      amount(result.totals.net),
      '',
    ]);
    const table = renderTable(
      [
        words('report.year'),
        words('report.yearSaving'),
        ...(showGain ? [figures.marginGain.label] : []),
        ...(showOneOff ? [figures.oneOff.label] : []),
        figures.investment.label,
        figures.net.label,
        figures.cumulativeNet.label,
      ],
      rows,
    );
    const payback =
      result.totals.paybackYears === null
        ? words('report.never')
        : words('report.paybackValue', {
            years: formatNumber(result.totals.paybackYears, language, 2),
            months: formatNumber(result.totals.paybackYears * 12, language, 1),
          });
    const lines = [
      `${words('report.scenario')}: ${result.name}`,
      `  ${words('report.horizon', { years: scenario.horizonYears, growth: formatPercent(scenario.volumeGrowth, language, 1), discount: formatPercent(scenario.discountRate, language, 1) })}`,
      `  ${words('report.levers')}: ${describeLevers(model, scenario, language) || words('report.noLevers')}`,
      ...(showGain ? [`  ${words('report.revenueLevers')}: ${describeRevenueLevers(model, scenario, language) || words('report.noLevers')}`] : []),
      `  ${figures.affectedShare.label}: ${formatPercent(result.affectedShare, language)}`,
      '',
      indent(table),
      '',
      `  ${figures.returnOnInvestment.label}: ${ratio(result.totals.returnOnInvestment)}`,
      `  ${figures.netRoi.label}: ${ratio(result.totals.netRoi)}`,
      `  ${figures.npv.label} (${formatPercent(scenario.discountRate, language, 1)}): ${amount(result.totals.npv)}`,
      `  ${figures.paybackYears.label}: ${payback}`,
    ];
    blocks.push(lines.join('\n'));
  }
  const anyRevenue = results.some((result) => result.totals.marginGain !== 0 || result.totals.oneOff !== 0);
  const defined = ['returnOnInvestment', 'netRoi', 'npv', 'paybackYears', ...(anyRevenue ? (['marginGain', 'oneOff'] as const) : [])] as const;
  const definitions = defined.map((figure) => `  ${figures[figure].label}: ${figures[figure].definition}`);
  blocks.push([`${words('report.definitions')}:`, ...definitions].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function describeLevers(model: Model, scenario: Scenario, language: Language): string {
  const parts: string[] = [];
  for (const lever of scenario.levers) {
    const node = model.costTree.find((candidate) => candidate.id === lever.nodeId);
    const changes = LEVER_KINDS.filter((kind) => lever[kind] !== undefined).map(
      (kind) => `${leverName(node, kind, language)} ${signedPercent(lever[kind]!, language)}`,
    );
    if (changes.length > 0) parts.push(`${node?.name ?? lever.nodeId} (${changes.join(', ')})`);
  }
  return parts.join('; ');
}

function describeRevenueLevers(model: Model, scenario: Scenario, language: Language): string {
  const parts: string[] = [];
  for (const lever of scenario.revenueLevers ?? []) {
    const line = model.revenueLines?.find((candidate) => candidate.id === lever.lineId);
    const changes = REVENUE_LEVER_KINDS.filter((kind) => lever[kind] !== undefined).map(
      (kind) => `${revenueLeverName(line, kind, language)} ${signedPercent(lever[kind]!, language)}`,
    );
    if (changes.length > 0) parts.push(`${line?.name ?? lever.lineId} (${changes.join(', ')})`);
  }
  return parts.join('; ');
}

function signedPercent(ratio: number, language: Language): string {
  const text = formatPercent(ratio, language, 1);
  return ratio > 0 ? `+${text}` : text;
}
