import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVER_INPUT_NAMES } from '../../../../shared/analysis/inputs';
import { leverKindName } from '../../../../shared/i18n/figures';
import { DISTRIBUTIONS, LEVER_KINDS, type Distribution, type InputRange, type LeverKind, type Scenario } from '../../../../shared/model/schema';
import { clean } from '../../components/grid/sheet';
import { parseTypedNumber, type NumberView } from '../../format';
import { useWorkspace } from '../../state/context';
import { useIssuesText } from '../../messages';
import type { LeverRow } from './rows';

/** The address of a line's lever as uncertainty ranges hold it (lever:<nodeId>:unitCost). */
export function leverInput(nodeId: string, kind: LeverKind): string {
  return `lever:${nodeId}:${LEVER_INPUT_NAMES[kind]}`;
}

const percentText = (ratio: number | undefined) => (ratio === undefined ? '' : String(clean(ratio * 100)));

/** Uncertainty ranges (low, most likely, high) of the focused line's levers, for the Monte Carlo simulation. */
export function LeverRanges({ row, scenario, view, readOnly }: { row: LeverRow | undefined; scenario: Scenario; view: NumberView; readOnly: boolean }) {
  const { t } = useTranslation();
  if (!row) return null;
  const kinds = LEVER_KINDS.filter((kind) => row.lever?.[kind] !== undefined);
  if (kinds.length === 0) return null;
  const ranges = scenario.uncertainty ?? [];
  return (
    <div className="lever-ranges" role="group" aria-label={t('levers.ranges.title')} data-testid="lever-ranges">
      <div className="lever-ranges-title">
        <strong>{t('levers.ranges.title')}</strong>
        <span className="muted">{t('levers.ranges.hint')}</span>
      </div>
      {kinds.map((kind) => {
        const input = leverInput(row.id, kind);
        const range = ranges.find((candidate) => candidate.input === input);
        const current = row.lever?.[kind];
        // A stored range that changes (set, removed, undone) starts the row's drafts over.
        const key = `${input}|${JSON.stringify(range ?? null)}|${current ?? ''}`;
        return <RangeRow key={key} scenarioId={scenario.id} input={input} kind={kind} range={range} current={current} view={view} readOnly={readOnly} />;
      })}
    </div>
  );
}

function RangeRow(props: {
  scenarioId: string;
  input: string;
  kind: LeverKind;
  range: InputRange | undefined;
  current: number | undefined;
  view: NumberView;
  readOnly: boolean;
}) {
  const { scenarioId, input, kind, range, current, view, readOnly } = props;
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wordIssues = useIssuesText();
  const [low, setLow] = useState(() => percentText(range?.low));
  const [mostLikely, setMostLikely] = useState(() => percentText(range?.mostLikely ?? current));
  const [high, setHigh] = useState(() => percentText(range?.high));
  const [distribution, setDistribution] = useState<Distribution>(() => range?.distribution ?? 'triangular');
  const [error, setError] = useState<string | null>(null);

  const setRange = () => {
    const values: number[] = [];
    for (const [text, label] of [
      [low, t('levers.ranges.low')],
      [mostLikely, t('levers.ranges.mostLikely')],
      [high, t('levers.ranges.high')],
    ] as const) {
      const value = text.trim() === '' ? null : parseTypedNumber(text, true);
      if (value === null) {
        setError(text.trim() === '' ? `${label}: ${t('grid.empty')}` : `${label}: ${t('grid.notANumber', { text })}`);
        return;
      }
      values.push(value);
    }
    const outcome = workspace.edit({
      type: 'setInputRange',
      scenarioId,
      input,
      range: { low: values[0]!, mostLikely: values[1]!, high: values[2]!, distribution },
    });
    setError(outcome.ok ? null : wordIssues(outcome.error));
  };
  const remove = () => {
    const outcome = workspace.edit({ type: 'setInputRange', scenarioId, input, range: null });
    setError(outcome.ok ? null : wordIssues(outcome.error));
  };

  const field = (id: string, label: string, value: string, onChange: (text: string) => void) => (
    <label className="param">
      <span className="param-label">{label}</span>
      <span className="param-field">
        <input
          data-testid={`range-${id}-${kind}`}
          value={value}
          size={6}
          disabled={readOnly}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') setRange();
          }}
        />
        <span className="param-suffix">%</span>
      </span>
    </label>
  );

  return (
    <div className="lever-range" data-testid={`range-row-${kind}`}>
      <span className="lever-range-name">{leverKindName(view.language, kind)}</span>
      {field('low', t('levers.ranges.low'), low, setLow)}
      {field('likely', t('levers.ranges.mostLikely'), mostLikely, setMostLikely)}
      {field('high', t('levers.ranges.high'), high, setHigh)}
      <label className="param">
        <span className="param-label">{t('levers.ranges.distribution')}</span>
        <select
          data-testid={`range-distribution-${kind}`}
          value={distribution}
          disabled={readOnly}
          onChange={(event) => setDistribution(event.target.value as Distribution)}
        >
          {DISTRIBUTIONS.map((choice) => (
            <option key={choice} value={choice}>
              {t(`levers.ranges.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <button data-testid={`range-set-${kind}`} disabled={readOnly} onClick={setRange}>
        {t('levers.ranges.set')}
      </button>
      <button data-testid={`range-remove-${kind}`} disabled={readOnly || !range} onClick={remove}>
        {t('levers.ranges.remove')}
      </button>
      <span className={range ? 'lever-range-status has-range' : 'lever-range-status muted'} data-testid={`range-status-${kind}`}>
        {range
          ? t('levers.ranges.has', {
              low: view.percent(range.low, 1),
              mostLikely: view.percent(range.mostLikely, 1),
              high: view.percent(range.high, 1),
              distribution: t(`levers.ranges.${range.distribution}`),
            })
          : t('levers.ranges.none')}
      </span>
      {error && (
        <div className="cell-error lever-range-error" role="alert" data-testid="range-error">
          <span>{error}</span>
          <span className="muted">{t('levers.ranges.notChanged')}</span>
          <button onClick={() => setError(null)}>{t('grid.dismiss')}</button>
        </div>
      )}
    </div>
  );
}
