import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { bridge } from '../../../../shared/analysis/bridge';
import { dataTable, type DataTableResult } from '../../../../shared/analysis/data-table';
import { goalSeek, type GoalSeekResult } from '../../../../shared/analysis/goal-seek';
import { inputUnit, inputValue, scenarioInputs, withInvestmentValue, type Input, type InputContext } from '../../../../shared/analysis/inputs';
import { MAX_TRIALS, type SimulationResult } from '../../../../shared/analysis/monte-carlo';
import { OUTPUT_UNIT, OUTPUTS, type OutputName } from '../../../../shared/analysis/outputs';
import { inputSearchTexts, uniqueInputLabels } from '../../../../shared/analysis/labels';
import { startAnalysis } from '../../../../shared/analysis/setup';
import { tornado } from '../../../../shared/analysis/tornado';
import { batchOf, type EditCommand, type SingleEditCommand } from '../../../../shared/edits/commands';
import type { PreparedTree, ScenarioResult } from '../../../../shared/engine';
import { unitLabel } from '../../../../shared/format/number';
import { figureTexts, leverKindName } from '../../../../shared/i18n/figures';
import { text as vocabularyText } from '../../../../shared/i18n/vocabulary';
import type { Model, Scenario } from '../../../../shared/model/schema';
import { ChartPanel } from '../../components/charts/ChartPanel';
import { SearchPicker } from '../../components/picker/SearchPicker';
import { COLORS, type ChartLook } from '../../components/charts/setup';
import { useModelText } from '../../components/charts/text';
import { numberView, parseTypedNumber, type NumberView } from '../../format';
import { useViewUnit, useWorkspace, useWorkspaceState } from '../../state/context';
import { buildHistogram, buildTornado, buildWaterfall, formatOutput, type AnalysisText, type WaterfallStep } from './charts';
import type { SimulationJob, SimulationMessage } from './simulation';
import { problem } from '../../../../shared/messages/problems';
import { useIssuesText } from '../../messages';
import './analysis.css';

/**
 * What-if analyses of the selected scenario: goal seek (with Apply, undoable), a Monte Carlo
 * simulation in a Web Worker (progress, Cancel), a tornado chart and the saving bridge, and
 * a data table over one or two inputs as a heat map. The figures come from shared/analysis.
 */
export function AnalysisScreen() {
  const model = useWorkspaceState((state) => state.model);
  const results = useWorkspaceState((state) => state.results);
  const selectedId = useWorkspaceState((state) => state.selectedScenarioId);
  const { t } = useModelText();
  const scenario = model?.scenarios.find((s) => s.id === selectedId) ?? model?.scenarios[0];
  const result = results?.scenarios.find((r) => r.scenarioId === scenario?.id);
  if (!model || !results || !scenario || !result) return <div className="muted">{t('analysis.noScenario')}</div>;
  return <ScenarioAnalysis key={scenario.id} model={model} tree={results.tree} scenario={scenario} result={result} />;
}

interface Props {
  model: Model;
  tree: PreparedTree;
  scenario: Scenario;
  result: ScenarioResult;
  context: InputContext;
  inputs: Input[];
  text: AnalysisText;
  view: NumberView;
  label: (input: Input) => string;
  /** Per input address: its whole path and label, what a picker search reads. */
  searchTexts: ReadonlyMap<string, string>;
}

function ScenarioAnalysis({ model, tree, scenario, result }: { model: Model; tree: PreparedTree; scenario: Scenario; result: ScenarioResult }) {
  const { t, language } = useModelText();
  const unit = useViewUnit();
  const unitText = unitLabel(unit, language, model.currency);
  const text = useMemo<AnalysisText>(() => ({ t, language, unit, unitText }), [t, language, unit, unitText]);
  const view = useMemo(() => numberView(unit, language), [unit, language]);
  const context = useMemo(() => {
    const started = startAnalysis(model, scenario.id, { tree, result });
    return started.ok ? started.value.context : null;
  }, [model, scenario.id, tree, result]);
  const inputs = useMemo(() => (context ? scenarioInputs(context) : []), [context]);
  // Unique labels: a large tree repeats names, so a repeated label is qualified by its path.
  const labels = useMemo(() => (context ? uniqueInputLabels(context, inputs, language) : new Map<string, string>()), [context, inputs, language]);
  const label = useCallback((input: Input) => labels.get(input.address) ?? input.address, [labels]);
  const searchTexts = useMemo(() => (context ? inputSearchTexts(context, inputs, labels) : new Map<string, string>()), [context, inputs, labels]);
  if (!context) return <div className="muted">{t('analysis.noScenario')}</div>;
  const props: Props = { model, tree, scenario, result, context, inputs, text, view, label, searchTexts };
  return (
    <div className="analysis" data-scenario-id={scenario.id}>
      <div className="results-head">
        <h2 data-testid="analysis-scenario">{scenario.name}</h2>
        <span className="muted">{t('charts.unit', { unit: unitText })}</span>
      </div>
      <GoalSeekPanel {...props} />
      <SimulationPanel {...props} />
      <div className="charts analysis-charts">
        <TornadoPanel {...props} />
        <BridgePanel {...props} />
      </div>
      <DataTablePanel {...props} />
    </div>
  );
}

// ---------------------------------------------------------------- helpers

function OutputSelect({
  value,
  onChange,
  language,
  testId,
}: {
  value: OutputName;
  onChange: (o: OutputName) => void;
  language: Model['language'];
  testId: string;
}) {
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as OutputName)}>
      {OUTPUTS.map((o) => (
        <option key={o} value={o}>
          {figureTexts(language)[o].label}
        </option>
      ))}
    </select>
  );
}

/** A searchable picker of the scenario's inputs, each under its unique label. */
function InputSelect({
  inputs,
  value,
  onChange,
  label,
  searchTexts,
  testId,
  allowNone,
  noneText,
}: {
  inputs: Input[];
  value: string;
  onChange: (a: string) => void;
  label: (i: Input) => string;
  searchTexts: ReadonlyMap<string, string>;
  testId: string;
  allowNone?: boolean;
  noneText?: string;
}) {
  const options = useMemo(
    () => inputs.map((input) => ({ value: input.address, label: label(input), search: searchTexts.get(input.address) })),
    [inputs, label, searchTexts],
  );
  return <SearchPicker options={options} value={value} onChange={onChange} testId={testId} noneText={allowNone ? (noneText ?? '') : undefined} />;
}

/** An input's value as the planner reads it: a ratio in %, money in the display unit. */
function formatInput(context: InputContext, input: Input, value: number, view: NumberView, unitText: string): string {
  return inputUnit(context, input) === 'ratio' ? view.percent(value, 2) : `${view.amount(value, 2)} ${unitText}`;
}

/** A typed value of an input (or an output) back in model units. */
function parseIn(kind: 'ratio' | 'money' | 'years', typed: string, view: NumberView): number | null {
  const number = parseTypedNumber(typed, kind === 'ratio');
  if (number === null) return null;
  return kind === 'money' ? view.toYuan(number) : number;
}

/** A model value as typed: % for ratios, the display unit for money. */
function typedText(kind: 'ratio' | 'money' | 'years', value: number, view: NumberView): string {
  const shown = kind === 'ratio' ? value * 100 : kind === 'money' ? view.fromYuan(value) : value;
  return String(Number(shown.toFixed(4)));
}

/** The edit that gives an input a value in the scenario, or null where the screen has none. */
function applyCommand(scenario: Scenario, input: Input, value: number): EditCommand | null {
  const target = input.target;
  switch (target.kind) {
    case 'lever':
      return { type: 'setLever', scenarioId: scenario.id, nodeId: target.nodeId, kind: target.lever, value };
    case 'growth':
      return { type: 'setScenarioParameters', scenarioId: scenario.id, volumeGrowth: value };
    case 'discount':
      return { type: 'setScenarioParameters', scenarioId: scenario.id, discountRate: value };
    case 'investment': {
      const line = scenario.investments.find((l) => l.id === target.lineId);
      return line ? { type: 'changeInvestment', scenarioId: scenario.id, lineId: line.id, amount: withInvestmentValue(line.amount, value) } : null;
    }
    case 'revenueLever':
      return { type: 'setRevenueLever', scenarioId: scenario.id, lineId: target.lineId, kind: target.lever, value };
    case 'margin':
      return { type: 'changeRevenueLine', lineId: target.lineId, margin: value };
    case 'revenue':
      return { type: 'changeRevenueLine', lineId: target.lineId, basis: { kind: 'amount', amount: value } };
    case 'oneOff':
      return { type: 'changeOneOff', scenarioId: scenario.id, itemId: target.itemId, amount: value };
    default:
      return null;
  }
}

// ---------------------------------------------------------------- 1. goal seek

function GoalSeekPanel({ model, tree, scenario, result, context, inputs, text, view, label, searchTexts }: Props) {
  const { t, language } = text;
  const workspace = useWorkspace();
  const [address, setAddress] = useState(inputs[0]?.address ?? '');
  const [output, setOutput] = useState<OutputName>('affectedShare');
  const [targetText, setTargetText] = useState('');
  // The model an answer was computed on: after any other change it is marked as out of date.
  const [answer, setAnswer] = useState<{ result: GoalSeekResult; input: Input; model: Model } | null>(null);
  const [message, setMessage] = useState('');
  // "Applied" describes the model the answer was applied to; an undo or another edit ends it.
  const [appliedModel, setAppliedModel] = useState<Model | null>(null);
  const wordIssues = useIssuesText();
  const input = inputs.find((i) => i.address === address) ?? inputs[0];
  const outputKind = OUTPUT_UNIT[output];
  const unitHint = outputKind === 'ratio' ? '%' : outputKind === 'money' ? text.unitText : t('analysis.years');

  const run = () => {
    setMessage('');
    setAnswer(null);
    if (!input) return;
    const target = parseIn(outputKind, targetText, view);
    if (target === null) {
      setMessage(t('analysis.badNumber'));
      return;
    }
    const found = goalSeek(model, { scenario: scenario.id, input: input.address, output, target }, { tree, result });
    if (!found.ok) {
      setMessage(wordIssues([found.error]));
      return;
    }
    setAnswer({ result: found.value, input, model });
  };
  const answerStale = answer !== null && answer.model !== model && model !== appliedModel;
  // An unreachable target ends at the edge of the input's range (a cost line cut by 100%):
  // shown as the closest value, never applied with one click.
  const canApply = answer !== null && answer.result.reachable && !answerStale && applyCommand(scenario, answer.input, answer.result.value) !== null;
  const apply = () => {
    if (!answer || !canApply) return;
    const command = applyCommand(scenario, answer.input, answer.result.value);
    if (!command) {
      setMessage(t('analysis.cannotApply'));
      return;
    }
    const applied = workspace.edit(command);
    if (applied.ok) setAppliedModel(workspace.getState().model);
    setMessage(applied.ok ? t('analysis.applied') : wordIssues(applied.error));
  };

  return (
    <section className="chart-panel analysis-panel" data-testid="goal-seek">
      <header>
        <div className="chart-heading">
          <h3>{t('analysis.goalTitle')}</h3>
          <div className="chart-subtitle">{t('analysis.goalHint')}</div>
        </div>
      </header>
      <div className="analysis-form">
        <label>
          {t('analysis.input')}
          <InputSelect
            inputs={inputs}
            value={input?.address ?? ''}
            onChange={(a) => {
              setAddress(a);
              setAnswer(null);
            }}
            label={label}
            searchTexts={searchTexts}
            testId="goal-input"
          />
        </label>
        <label>
          {t('analysis.output')}
          <OutputSelect
            value={output}
            onChange={(o) => {
              setOutput(o);
              setAnswer(null);
            }}
            language={language}
            testId="goal-output"
          />
        </label>
        <label>
          {t('analysis.target')} ({unitHint})
          <input
            data-testid="goal-target"
            value={targetText}
            size={10}
            onChange={(e) => setTargetText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && run()}
          />
        </label>
        <button data-action="goal-run" onClick={run}>
          {t('analysis.run')}
        </button>
      </div>
      {input && (
        <div className="muted analysis-current">
          {t('analysis.goalCurrent', {
            value: formatInput(context, input, inputValue(context, input), view, text.unitText),
            output: formatOutput(outputOf(result, output), output, text),
          })}
        </div>
      )}
      {answer && (
        <div
          className={`goal-answer ${answer.result.reachable ? 'reachable' : 'unreachable'}${answerStale ? ' stale' : ''}`}
          data-testid="goal-answer"
          data-reachable={answer.result.reachable}
          data-stale={answerStale}
        >
          <div className="card">
            <div className="label">{answer.result.reachable ? t('analysis.goalFound') : t('analysis.goalClosest')}</div>
            <div className="value" data-testid="goal-value">
              {formatInput(context, answer.input, answer.result.value, view, text.unitText)}
            </div>
          </div>
          <div className="card">
            <div className="label">{t('analysis.goalReached')}</div>
            <div className="value" data-testid="goal-reached">
              {formatOutput(answer.result.reached, output, text)}
            </div>
          </div>
          <div className="goal-status">
            <div>{answer.result.reachable ? `✓ ${t('analysis.goalReachable')}` : `⚠ ${t('analysis.goalUnreachable')}`}</div>
            {answer.result.reachable && (
              <button data-action="goal-apply" className="primary" onClick={apply} disabled={!canApply}>
                {t('analysis.apply')}
              </button>
            )}
          </div>
        </div>
      )}
      {answerStale && <StaleNote text={text} onRun={run} testId="goal-stale" />}
      {message && !(message === t('analysis.applied') && model !== appliedModel) && (
        <div className="analysis-message" role="status" data-testid="goal-message">
          {message}
        </div>
      )}
    </section>
  );
}

/** Says that a result was computed for an earlier state of the model, with a button to run it again. */
function StaleNote({ text, onRun, testId }: { text: AnalysisText; onRun: () => void; testId: string }) {
  return (
    <div className="analysis-message stale-note" role="status" data-testid={testId}>
      <span>{text.t('analysis.stale')}</span>
      <button data-action={`${testId}-rerun`} onClick={onRun}>
        {text.t('analysis.rerun')}
      </button>
    </div>
  );
}

function rangesKeyOf(model: Model, scenarioId: string): string {
  return JSON.stringify(model.scenarios.find((s) => s.id === scenarioId)?.uncertainty ?? []);
}

function outputOf(result: ScenarioResult, output: OutputName): number | null {
  return output === 'affectedShare' ? result.affectedShare : result.totals[output];
}

// ---------------------------------------------------------------- 2. Monte Carlo

type SimState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'cancelled' }
  | { status: 'error'; message: string }
  /** With the model and the ranges it was computed for: an edit marks it out of date, an undo that removes the ranges clears it. */
  | { status: 'done'; result: SimulationResult; model: Model; rangesKey: string };

function SimulationPanel({ model, scenario, context, inputs, text, view, label }: Props) {
  const { t, language } = text;
  const workspace = useWorkspace();
  const [trialsText, setTrialsText] = useState('10000');
  const [seedText, setSeedText] = useState('42');
  const wordIssues = useIssuesText();
  const [output, setOutput] = useState<OutputName>('npv');
  const [state, setState] = useState<SimState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);
  const ranges = scenario.uncertainty ?? [];

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stop, []);

  const run = () => {
    stop();
    const trials = Number(trialsText.replace(/[,\s]/g, ''));
    const seed = Number(seedText.trim());
    if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS) {
      setState({ status: 'error', message: `${t('analysis.trials')}: 1–${MAX_TRIALS}` });
      return;
    }
    if (!Number.isSafeInteger(seed) || seed < 0) {
      setState({ status: 'error', message: `${t('analysis.seed')}: ≥ 0` });
      return;
    }
    const job: SimulationJob = { model, scenarioId: scenario.id, output, trials, seed };
    const started = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' });
    worker.current = started;
    setState({ status: 'running', done: 0, total: trials });
    started.onmessage = (event: MessageEvent<SimulationMessage>) => {
      if (worker.current !== started) return;
      const message = event.data;
      if (message.type === 'progress') setState({ status: 'running', done: message.done, total: message.total });
      else {
        stop();
        setState(
          message.type === 'done'
            ? { status: 'done', result: message.result, model: job.model, rangesKey: rangesKeyOf(job.model, job.scenarioId) }
            : { status: 'error', message: wordIssues([{ path: '', message: message.message, problem: message.problem }]) },
        );
      }
    };
    started.onerror = (event) => {
      if (worker.current !== started) return;
      stop();
      // The browser's text (if any) is only a detail: the problem says the simulation stopped unforeseen.
      const detail = event.message || 'the simulation worker stopped';
      setState({ status: 'error', message: wordIssues([{ path: '', message: detail, problem: problem('internal-error', { detail }) }]) });
    };
    started.postMessage(job);
  };
  const cancel = () => {
    stop();
    setState({ status: 'cancelled' });
  };
  const addRanges = () => {
    // One click, one undo step: every lever's range in one batch.
    const edits: SingleEditCommand[] = [];
    for (const input of inputs) {
      if (input.target.kind !== 'lever') continue;
      const value = inputValue(context, input);
      if (value === 0) continue;
      const spread = Math.abs(value) * 0.2;
      edits.push({
        type: 'setInputRange',
        scenarioId: scenario.id,
        input: input.address,
        range: { low: value - spread, mostLikely: value, high: value + spread, distribution: 'triangular' },
      });
    }
    if (edits.length > 0) workspace.edit(batchOf(edits, 'ranges'));
  };
  const byAddress = new Map(inputs.map((i) => [i.address, i]));
  const nameOf = (address: string) => {
    const input = byAddress.get(address);
    return input ? label(input) : address;
  };
  const rangeText = (address: string, value: number) => {
    const input = byAddress.get(address);
    return input ? formatInput(context, input, value, view, text.unitText) : String(value);
  };

  const currentRangesKey = JSON.stringify(ranges);
  // Results of ranges that are gone (an undo removed them) are cleared; of an earlier model, marked.
  const sim = state.status === 'done' && ranges.length > 0 ? state.result : null;
  const simStale = state.status === 'done' && sim !== null && (state.model !== model || state.rangesKey !== currentRangesKey);
  const markers = useMemo(
    () => (sim ? (['p10', 'p50', 'p90'] as const).flatMap((k) => (sim[k] === null ? [] : [{ value: sim[k], label: k.toUpperCase() }])) : []),
    [sim],
  );
  const buildChart = useCallback(
    (look: ChartLook) => buildHistogram(sim?.histogram ?? [], markers, sim?.output ?? output, text, look),
    [sim, markers, output, text],
  );
  const fmt = (v: number | null) => formatOutput(v, sim?.output ?? output, text);

  return (
    <section className="chart-panel analysis-panel" data-testid="simulation">
      <header>
        <div className="chart-heading">
          <h3>{t('analysis.simTitle')}</h3>
          <div className="chart-subtitle">{t('analysis.simHint')}</div>
        </div>
      </header>
      {ranges.length === 0 ? (
        <div className="analysis-noranges" data-testid="no-ranges">
          <p className="muted">{t('analysis.noRanges')}</p>
          <button data-action="add-ranges" onClick={addRanges} disabled={!inputs.some((i) => i.target.kind === 'lever' && inputValue(context, i) !== 0)}>
            {t('analysis.addRanges')}
          </button>
        </div>
      ) : (
        <>
          <div className="analysis-ranges-wrap" data-testid="ranges-wrap">
            <table className="plain analysis-ranges" data-testid="ranges">
              <thead>
                <tr>
                  <th>{t('analysis.input')}</th>
                  <th>{t('analysis.low')}</th>
                  <th>{t('analysis.likely')}</th>
                  <th>{t('analysis.high')}</th>
                  <th>{t('analysis.distribution')}</th>
                </tr>
              </thead>
              <tbody>
                {ranges.map((range) => (
                  <tr key={range.input}>
                    <td>{nameOf(range.input)}</td>
                    <td>{rangeText(range.input, range.low)}</td>
                    <td>{rangeText(range.input, range.mostLikely)}</td>
                    <td>{rangeText(range.input, range.high)}</td>
                    <td>{vocabularyText(language, 'analysis', `distribution.${range.distribution}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {ranges.length > 8 && <div className="muted analysis-ranges-count">{t('analysis.rangesCount', { count: ranges.length })}</div>}
          <div className="analysis-form">
            <label>
              {t('analysis.output')}
              <OutputSelect value={output} onChange={setOutput} language={language} testId="sim-output" />
            </label>
            <label>
              {t('analysis.trials')}
              <input data-testid="sim-trials" value={trialsText} size={8} onChange={(e) => setTrialsText(e.target.value)} />
            </label>
            <label>
              {t('analysis.seed')}
              <input data-testid="sim-seed" value={seedText} size={6} onChange={(e) => setSeedText(e.target.value)} />
            </label>
            <button data-action="sim-run" className="primary" onClick={run} disabled={state.status === 'running'}>
              {t('analysis.simulate')}
            </button>
            {state.status === 'running' && (
              <button data-action="sim-cancel" onClick={cancel}>
                {t('analysis.cancel')}
              </button>
            )}
          </div>
        </>
      )}
      {state.status === 'running' && (
        <div className="sim-progress" data-testid="sim-progress">
          <progress max={state.total} value={state.done} />
          <span className="muted">{t('analysis.progress', { done: view.number(state.done, 0), total: view.number(state.total, 0) })}</span>
        </div>
      )}
      {state.status === 'cancelled' && (
        <div className="analysis-message" data-testid="sim-cancelled" role="status">
          {t('analysis.cancelled')}
        </div>
      )}
      {state.status === 'error' && (
        <div className="analysis-message error" role="alert">
          {state.message}
        </div>
      )}
      {simStale && <StaleNote text={text} onRun={run} testId="sim-stale" />}
      {sim && (
        <div data-testid="sim-result" data-stale={simStale} className={simStale ? 'stale' : undefined}>
          <div className="cards sim-cards">
            {(
              [
                ['p10', fmt(sim.p10)],
                ['p50', fmt(sim.p50)],
                ['p90', fmt(sim.p90)],
                ['mean', fmt(sim.mean)],
                ['roiAboveOne', view.percent(sim.probabilityRoiAboveOne, 1)],
                ['paybackWithin', view.percent(sim.probabilityPaybackWithinHorizon, 1)],
              ] as const
            ).map(([key, value]) => (
              <div className="card" key={key} data-testid={`sim-${key}`}>
                <div className="label">{t(`analysis.${key}`)}</div>
                <div className="value" data-part="number">
                  {value}
                </div>
              </div>
            ))}
          </div>
          {sim.undefinedTrials > 0 && <p className="muted">{t('analysis.undefinedTrials', { count: sim.undefinedTrials })}</p>}
          <div className="charts sim-charts">
            <ChartPanel
              id="histogram"
              title={`${t('analysis.histogramTitle')}: ${figureTexts(language)[sim.output].label}`}
              subtitle={`${scenario.name} · ${view.number(sim.trials, 0)} × · seed ${sim.seed}`}
              exportSubtitle={`${model.name} · ${scenario.name} · ${view.number(sim.trials, 0)} × · seed ${sim.seed}`}
              fileName={`${model.name} - ${scenario.name} - ${t('analysis.histogramTitle')}`}
              build={buildChart}
              description={t('analysis.histogramDescription', { trials: sim.trials, p10: fmt(sim.p10), p50: fmt(sim.p50), p90: fmt(sim.p90) })}
              height={280}
            />
            <section className="chart-panel" data-testid="sensitivity">
              <header>
                <div className="chart-heading">
                  <h3>{t('analysis.sensitivityTitle')}</h3>
                </div>
              </header>
              <table className="plain sensitivity-table">
                <tbody>
                  {sim.sensitivity.map((s) => (
                    <tr key={s.input}>
                      <td>{nameOf(s.input)}</td>
                      <td className="num">{s.rankCorrelation === null ? '—' : view.number(s.rankCorrelation, 3)}</td>
                      <td className="bar-cell">
                        <span
                          className="corr-bar"
                          style={{
                            width: `${Math.abs(s.rankCorrelation ?? 0) * 100}%`,
                            background: (s.rankCorrelation ?? 0) >= 0 ? COLORS.saving : COLORS.increase,
                          }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </div>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- 3. tornado and bridge

function TornadoPanel({ model, tree, scenario, result, text, label, inputs }: Props) {
  const { t, language } = text;
  const [output, setOutput] = useState<OutputName>('npv');
  const [swingText, setSwingText] = useState('10');
  const wordIssues = useIssuesText();
  const swing = (parseTypedNumber(swingText) ?? 10) / 100;
  const answer = useMemo(
    () => tornado(model, { scenario: scenario.id, output, swing: swing > 0 && swing <= 10 ? swing : 0.1 }, { tree, result }),
    [model, scenario.id, output, swing, tree, result],
  );
  const byAddress = useMemo(() => new Map(inputs.map((i) => [i.address, i])), [inputs]);
  const rows = useMemo(
    () =>
      answer.ok
        ? answer.value.bars.map((bar) => {
            const input = byAddress.get(bar.input);
            return { label: input ? label(input) : bar.input, lowOutput: bar.lowOutput, highOutput: bar.highOutput };
          })
        : [],
    [answer, byAddress, label],
  );
  const base = answer.ok ? (answer.value.base ?? 0) : 0;
  const build = useCallback((look: ChartLook) => buildTornado(rows, base, output, text, look), [rows, base, output, text]);
  const title = `${t('analysis.tornadoTitle')}: ${figureTexts(language)[output].label}`;
  return (
    <div className="analysis-chart-wrap wide" data-testid="tornado">
      <div className="analysis-form">
        <label>
          {t('analysis.output')}
          <OutputSelect value={output} onChange={setOutput} language={language} testId="tornado-output" />
        </label>
        <label>
          {t('analysis.swing')}
          <input data-testid="tornado-swing" value={swingText} size={5} onChange={(e) => setSwingText(e.target.value)} />
        </label>
        <span className="muted">{t('analysis.tornadoHint')}</span>
      </div>
      {answer.ok ? (
        <ChartPanel
          id="tornado"
          title={title}
          subtitle={scenario.name}
          exportSubtitle={`${model.name} · ${scenario.name}`}
          fileName={`${model.name} - ${scenario.name} - ${t('analysis.tornadoTitle')}`}
          build={build}
          description={t('analysis.tornadoDescription', { count: rows.length })}
          note={t('analysis.tornadoNote', { base: formatOutput(answer.value.base, output, text) })}
          height={Math.max(200, 34 * rows.length + 90)}
        />
      ) : (
        <div className="analysis-message error">{wordIssues([answer.error])}</div>
      )}
    </div>
  );
}

function BridgePanel({ model, tree, scenario, result, text, view }: Props) {
  const { t, language } = text;
  const steps = useMemo(() => {
    const b = bridge(scenario, result);
    const out: WaterfallStep[] = [];
    let at = 0;
    for (const step of b.steps) {
      const name =
        step.kind === 'lever'
          ? `${tree.nodes[tree.indexById.get(step.nodeId) ?? -1]?.name ?? step.nodeId}: ${leverKindName(language, step.lever)}`
          : t('analysis.growthStep');
      out.push({ label: name, from: at, to: at + step.saving, total: false });
      at += step.saving;
    }
    out.push({ label: t('analysis.totalStep'), from: 0, to: b.saving, total: true });
    return out;
  }, [scenario, result, tree, language, t]);
  const build = useCallback((look: ChartLook) => buildWaterfall(steps, text, look), [steps, text]);
  return (
    <ChartPanel
      id="analysis-bridge"
      className="wide"
      title={t('analysis.bridgeTitle')}
      subtitle={`${scenario.name} · ${t('charts.unit', { unit: text.unitText })}`}
      exportSubtitle={`${model.name} · ${scenario.name} · ${t('charts.unit', { unit: text.unitText })}`}
      fileName={`${model.name} - ${scenario.name} - ${t('analysis.bridgeTitle')}`}
      build={build}
      description={t('analysis.bridgeDescription', { saving: `${view.amount(result.totals.saving, 1)} ${text.unitText}` })}
      note={t('analysis.bridgeNote')}
      height={300}
    />
  );
}

// ---------------------------------------------------------------- 4. data table

function defaultValues(context: InputContext, input: Input | undefined, view: NumberView): string {
  if (!input) return '';
  const kind = inputUnit(context, input);
  const current = inputValue(context, input);
  const values = current !== 0 ? [0.5, 0.75, 1, 1.25, 1.5].map((k) => current * k) : kind === 'ratio' ? [-0.1, -0.05, 0, 0.05, 0.1] : [0];
  return values.map((v) => typedText(kind, v, view)).join(', ');
}

function DataTablePanel({ model, tree, scenario, result, context, inputs, text, view, label, searchTexts }: Props) {
  const { t, language } = text;
  const [output, setOutput] = useState<OutputName>('npv');
  const [rowAddress, setRowAddress] = useState(inputs[0]?.address ?? '');
  const [columnAddress, setColumnAddress] = useState('');
  const rowInput = inputs.find((i) => i.address === rowAddress);
  const columnInput = inputs.find((i) => i.address === columnAddress);
  const [rowValues, setRowValues] = useState(() => defaultValues(context, rowInput, view));
  const [columnValues, setColumnValues] = useState('');
  const [computed, setTable] = useState<{ table: DataTableResult; model: Model } | null>(null);
  const [message, setMessage] = useState('');
  const wordIssues = useIssuesText();
  const table = computed?.table ?? null;
  const tableStale = computed !== null && computed.model !== model;

  const parseList = (input: Input, typed: string): number[] | null => {
    const kind = inputUnit(context, input);
    const parts = typed.split(/[,，;；\s]+/).filter(Boolean);
    const values = parts.map((p) => parseIn(kind, p, view));
    return values.length > 0 && values.every((v) => v !== null) ? values : null;
  };
  const compute = () => {
    setMessage('');
    setTable(null);
    if (!rowInput) return;
    const rows = parseList(rowInput, rowValues);
    if (!rows) {
      setMessage(t('analysis.badNumber'));
      return;
    }
    const request: { input: string; values: number[] }[] = [{ input: rowInput.address, values: rows }];
    if (columnInput && columnInput.address !== rowInput.address) {
      const columns = parseList(columnInput, columnValues);
      if (!columns) {
        setMessage(t('analysis.badNumber'));
        return;
      }
      request.push({ input: columnInput.address, values: columns });
    }
    const answer = dataTable(model, { scenario: scenario.id, output, inputs: request }, { tree, result });
    if (!answer.ok) {
      setMessage(wordIssues([answer.error]));
      return;
    }
    setTable({ table: answer.value, model });
  };

  const cells = table?.cells.flat().filter((v): v is number => v !== null && Number.isFinite(v)) ?? [];
  const min = Math.min(...cells);
  const max = Math.max(...cells);
  const heat = (value: number | null): string | undefined => {
    if (value === null || !Number.isFinite(value) || !(max > min)) return undefined;
    const k = (value - min) / (max - min);
    // Vermillion (low) to white to blue (high): Okabe-Ito ends, readable text in between.
    const mix = (a: number[], b: number[], f: number) => a.map((x, i) => Math.round(x + (b[i]! - x) * f));
    const rgb = k < 0.5 ? mix([0xf4, 0xb4, 0x8f], [0xff, 0xff, 0xff], k * 2) : mix([0xff, 0xff, 0xff], [0x8c, 0xbf, 0xe6], (k - 0.5) * 2);
    return `rgb(${rgb.join(',')})`;
  };
  const tableRow = table?.inputs[0];
  const tableColumn = table?.inputs[1];
  const inputOf = (address: string | undefined) => inputs.find((i) => i.address === address);
  const valueText = (address: string | undefined, value: number) => {
    const input = inputOf(address);
    return input ? formatInput(context, input, value, view, text.unitText) : String(value);
  };

  return (
    <section className="chart-panel analysis-panel" data-testid="data-table">
      <header>
        <div className="chart-heading">
          <h3>{t('analysis.tableTitle')}</h3>
          <div className="chart-subtitle">{t('analysis.tableHint')}</div>
        </div>
      </header>
      <div className="analysis-form">
        <label>
          {t('analysis.output')}
          <OutputSelect value={output} onChange={setOutput} language={language} testId="table-output" />
        </label>
        <label>
          {t('analysis.rowInput')}
          <InputSelect
            inputs={inputs}
            value={rowAddress}
            onChange={(a) => {
              setRowAddress(a);
              setRowValues(
                defaultValues(
                  context,
                  inputs.find((i) => i.address === a),
                  view,
                ),
              );
            }}
            label={label}
            searchTexts={searchTexts}
            testId="table-row-input"
          />
        </label>
        <label>
          {t('analysis.values')}
          <input data-testid="table-row-values" value={rowValues} size={28} onChange={(e) => setRowValues(e.target.value)} />
        </label>
      </div>
      <div className="analysis-form">
        <label>
          {t('analysis.columnInput')}
          <InputSelect
            inputs={inputs}
            value={columnAddress}
            allowNone
            noneText={t('analysis.none')}
            onChange={(a) => {
              setColumnAddress(a);
              setColumnValues(
                defaultValues(
                  context,
                  inputs.find((i) => i.address === a),
                  view,
                ),
              );
            }}
            label={label}
            searchTexts={searchTexts}
            testId="table-column-input"
          />
        </label>
        <label>
          {t('analysis.values')}
          <input data-testid="table-column-values" value={columnValues} size={28} disabled={!columnAddress} onChange={(e) => setColumnValues(e.target.value)} />
        </label>
        <button data-action="table-compute" className="primary" onClick={compute}>
          {t('analysis.compute')}
        </button>
      </div>
      {message && <div className="analysis-message error">{message}</div>}
      {tableStale && <StaleNote text={text} onRun={compute} testId="table-stale" />}
      {table && tableRow && (
        <div className={tableStale ? 'heat-wrap stale' : 'heat-wrap'} data-stale={tableStale}>
          <table className="plain heat-table" data-testid="heat-table">
            <thead>
              <tr>
                <th>
                  {label(inputOf(tableRow.input) ?? { address: tableRow.input, target: { kind: 'growth' } })}
                  {tableColumn ? ` \\ ${label(inputOf(tableColumn.input) ?? { address: tableColumn.input, target: { kind: 'growth' } })}` : ''}
                </th>
                {tableColumn ? (
                  tableColumn.values.map((v, k) => <th key={k}>{valueText(tableColumn.input, v)}</th>)
                ) : (
                  <th>{figureTexts(language)[output].label}</th>
                )}
              </tr>
            </thead>
            <tbody>
              {table.cells.map((row, r) => (
                <tr key={r}>
                  <th>{valueText(tableRow.input, tableRow.values[r]!)}</th>
                  {row.map((cell, c) => (
                    <td key={c} className="num" style={{ background: heat(cell) }}>
                      {formatOutput(cell, output, text)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="chart-note">
            {t('analysis.base')}: {formatOutput(table.base, output, text)}
          </div>
        </div>
      )}
    </section>
  );
}
