import { useCallback, useMemo, useRef, useState } from 'react';
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EditCommand } from '../../../../shared/edits/commands';
import type { ModelResult, ScenarioResult } from '../../../../shared/engine';
import { unitLabel } from '../../../../shared/format/number';
import { figureTexts, leverKindName } from '../../../../shared/i18n/figures';
import { LEVER_KINDS, type LeverKind, type Model, type Scenario } from '../../../../shared/model/schema';
import { CellErrorLine } from '../../components/grid/CellErrorLine';
import { gridTheme } from '../../components/grid/setup';
import { clean, typedNumber, type SheetColumn } from '../../components/grid/sheet';
import { visibleTreeRows } from '../../components/grid/tree';
import { TreeNameCell } from '../../components/grid/TreeNameCell';
import { useSheet } from '../../components/grid/useSheet';
import { useNumberView, type NumberView } from '../../format';
import { useSelectedScenario, useWorkspace, useWorkspaceState } from '../../state/context';
import { useIssuesText } from '../../messages';
import { LeverRanges } from './LeverRanges';
import { ParamInput } from './ParamInput';
import { leverRows, meaningParts, signedPercent, type LeverRow } from './rows';
import { LeverCaptions } from './LeverCaptions';
import '../../components/grid/grid.css';
import '../structure/structure.css';
import './levers.css';

/** Levers and targets of the selected scenario: the levers on each cost line, what they save and mean. */
export function LeversScreen() {
  const { t } = useTranslation();
  const { model, results, scenario, result, file } = useSelectedScenario();
  if (!model || !results) return null;
  if (!scenario || !result) return <p className="muted">{t('levers.noScenario')}</p>;
  return <LeversView key={file} model={model} results={results} scenario={scenario} result={result} />;
}

const getRowId = (params: GetRowIdParams<LeverRow>) => params.data.id;

/** The meaning of a line's levers in words ("+15% per-capita volume at the same wage lowers unit cost by 13.0%"). */
export function meaningText(row: LeverRow, t: TFunction, view: NumberView): string {
  const separator = view.language === 'zh' ? '；' : '; ';
  return meaningParts(row)
    .map((part) => {
      if (part.kind === 'inherited') return t('levers.meaning.inherited', { change: signedPercent(part.change) });
      if (part.kind === 'together') return t('levers.meaning.together', { change: signedPercent(part.change), factor: view.number(part.factor, 4) });
      const verb = part.factor < 1 ? t('levers.meaning.lowers') : part.factor > 1 ? t('levers.meaning.raises') : t('levers.meaning.keeps');
      const words = t(`levers.meaning.${part.kind}`, { change: signedPercent(part.change), verb, effect: view.percent(Math.abs(part.factor - 1), 1) });
      // The line's own name for the driver comes first; the arithmetic in words follows it.
      const caption = row.captions?.[part.kind]?.[view.language]?.trim();
      return caption ? `${caption} ${signedPercent(part.change)}${view.language === 'zh' ? '：' : ': '}${words}` : words;
    })
    .join(separator);
}

function LeversView({ model, results, scenario, result }: { model: Model; results: ModelResult; scenario: Scenario; result: ScenarioResult }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wordIssues = useIssuesText();
  const view = useNumberView();
  const { unit, language } = view;
  const readOnly = useWorkspaceState((state) => state.session?.readOnly != null);
  const tree = results.tree;
  const scenarioId = scenario.id;

  const previousRows = useRef<ReadonlyMap<string, LeverRow> | undefined>(undefined);
  const allRows = useMemo(() => leverRows(tree, scenario, result, previousRows.current), [tree, scenario, result]);
  const rowsById = useMemo(() => new Map(allRows.map((row) => [row.id, row])), [allRows]);
  previousRows.current = rowsById;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [onlyLevers, setOnlyLevers] = useState(false);
  const rows = useMemo(() => {
    const shown = onlyLevers ? allRows.filter((row) => row.leversBelow || row.isRoot) : allRows;
    return visibleTreeRows(shown, collapsed).map((row) => (row.hasChildren && collapsed.has(row.id) ? { ...row, expanded: false } : row));
  }, [allRows, collapsed, onlyLevers]);
  const [paramError, setParamError] = useState<string | null>(null);

  const toggle = useCallback((id: string) => {
    setCollapsed((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const columns = useMemo((): Record<string, SheetColumn<LeverRow>> => {
    const lever = (kind: LeverKind): SheetColumn<LeverRow> => ({
      text: (row) => {
        const change = row.lever?.[kind];
        return change === undefined ? '' : String(clean(change * 100));
      },
      parse: (row, text) => {
        if (text.trim() === '')
          return { ok: true, command: row.lever?.[kind] === undefined ? null : { type: 'setLever', scenarioId, nodeId: row.id, kind, value: null } };
        const value = typedNumber(text, true);
        if (value === null) return { ok: false, message: t('grid.notANumber', { text }) };
        return { ok: true, command: { type: 'setLever', scenarioId, nodeId: row.id, kind, value } };
      },
    });
    return {
      name: { text: (row) => row.name },
      amount: { text: (row) => String(clean(view.fromYuan(row.resolved))) },
      unitCostChange: lever('unitCostChange'),
      throughputChange: lever('throughputChange'),
      volumeChange: lever('volumeChange'),
      costChange: { text: (row) => signedPercent(row.costFactor - 1) },
      saving: { text: (row) => String(clean(view.fromYuan(row.saving))) },
      meaning: { text: (row) => meaningText(row, t, view) },
    };
  }, [t, view, scenarioId]);

  const sheet = useSheet<LeverRow>({ columns, rowId: (row) => row.id, rowLabel: (row) => row.name });

  const amountUnit = unitLabel(unit, language, model.currency);
  const editable = !readOnly;
  const columnDefs = useMemo((): ColDef<LeverRow>[] => {
    const leverColumn = (kind: LeverKind): ColDef<LeverRow> => ({
      colId: kind,
      headerName: t('levers.columns.lever', { lever: leverKindName(language, kind) }),
      headerClass: 'num',
      headerTooltip: t(`levers.factor.${kind}`),
      width: 92,
      // The line's caption of this lever kind, where it has one (库存周转率 on an inventory line).
      tooltip: (p) => p.data?.captions?.[kind]?.[language] ?? undefined,
      valueGetter: (p) => (p.data ? columns[kind]!.text(p.data) : ''),
      valueFormatter: (p) => {
        const change = p.data?.lever?.[kind];
        return change === undefined ? '' : signedPercent(change);
      },
      cellClass: 'num input',
      editable,
      cellEditor: 'agTextCellEditor',
    });
    return [
      {
        colId: 'name',
        headerName: t('levers.columns.name'),
        flex: 1,
        minWidth: 170,
        valueGetter: (p) => p.data?.name,
        cellRenderer: TreeNameCell,
        cellRendererParams: { toggle },
      },
      {
        colId: 'amount',
        headerName: t('levers.columns.amount', { unit: amountUnit }),
        headerClass: 'num',
        width: 100,
        valueGetter: (p) => p.data?.resolved,
        valueFormatter: (p) => (typeof p.value === 'number' ? view.amount(p.value) : ''),
        cellClass: 'num derived',
      },
      ...LEVER_KINDS.map(leverColumn),
      {
        colId: 'costChange',
        headerName: t('levers.columns.costChange'),
        headerClass: 'num',
        width: 82,
        valueGetter: (p) => p.data?.costFactor,
        valueFormatter: (p) => (typeof p.value === 'number' && Math.abs(p.value - 1) > 1e-12 ? view.percent(p.value - 1) : ''),
        cellClass: (p) => ((p.data?.costFactor ?? 1) < 1 ? 'num good' : (p.data?.costFactor ?? 1) > 1 ? 'num bad' : 'num'),
      },
      {
        colId: 'saving',
        headerName: t('levers.columns.saving', { unit: amountUnit }),
        headerClass: 'num',
        width: 120,
        valueGetter: (p) => p.data?.saving,
        valueFormatter: (p) => (typeof p.value === 'number' && p.value !== 0 ? view.amount(p.value) : ''),
        cellClass: 'num',
      },
      {
        colId: 'meaning',
        headerName: t('levers.columns.meaning'),
        flex: 2,
        minWidth: 180,
        valueGetter: (p) => (p.data ? columns['meaning']!.text(p.data) : ''),
        // The meaning is read, not scanned: it wraps (rows grow only where it is long).
        wrapText: true,
        autoHeight: true,
        cellClass: 'meaning',
      },
    ];
  }, [t, view, language, amountUnit, columns, toggle, editable]);

  // Scenario parameters: growth, discount rate, horizon and ramp.
  const setParameters = (patch: Omit<Extract<EditCommand, { type: 'setScenarioParameters' }>, 'type' | 'scenarioId'>): string | null => {
    const outcome = workspace.edit({ type: 'setScenarioParameters', scenarioId, ...patch });
    return outcome.ok ? null : wordIssues(outcome.error);
  };
  const percentParam = (text: string, apply: (value: number) => string | null): string | null => {
    const value = typedNumber(text, true);
    return value === null ? t('grid.notANumber', { text }) : apply(value);
  };
  const ramp = scenario.ramp;
  const rampYears = Array.from({ length: scenario.horizonYears }, (_, i) => ramp?.[i] ?? 1);
  const setRamp = (year: number, text: string) =>
    percentParam(text, (value) => setParameters({ ramp: rampYears.map((share, i) => (i === year ? value : share)) }));

  const figures = figureTexts(language);
  const yearOne = result.years[0]?.saving ?? 0;
  const focusedRow = sheet.focused ? rowsById.get(sheet.focused.rowId) : undefined;
  const percentText = (ratio: number) => String(clean(ratio * 100));

  return (
    <div className="planner-screen levers-screen" data-testid="levers-screen">
      <div className="levers-top">
        <div className="levers-params" role="group" aria-label={t('levers.parameters')}>
          <ParamInput
            id="param-growth"
            label={t('levers.growth')}
            value={percentText(scenario.volumeGrowth)}
            suffix="%"
            width={64}
            onCommit={(text) => percentParam(text, (volumeGrowth) => setParameters({ volumeGrowth }))}
            onError={setParamError}
          />
          <ParamInput
            id="param-discount"
            label={t('levers.discountRate')}
            value={percentText(scenario.discountRate)}
            suffix="%"
            width={64}
            onCommit={(text) => percentParam(text, (discountRate) => setParameters({ discountRate }))}
            onError={setParamError}
          />
          <ParamInput
            id="param-horizon"
            label={t('levers.horizon')}
            value={String(scenario.horizonYears)}
            width={52}
            onCommit={(text) => {
              const value = typedNumber(text, false);
              return value === null ? t('grid.notANumber', { text }) : setParameters({ horizonYears: value });
            }}
            onError={setParamError}
          />
          <div className="ramp" role="group" aria-label={t('levers.ramp')}>
            <span className="param-label">{t('levers.ramp')}</span>
            <div className="ramp-years">
              {rampYears.map((share, i) => (
                <ParamInput
                  key={i}
                  id={`param-ramp-${i + 1}`}
                  label={t('levers.rampYear', { year: i + 1 })}
                  value={percentText(share)}
                  suffix="%"
                  width={50}
                  onCommit={(text) => setRamp(i, text)}
                  onError={setParamError}
                />
              ))}
              {ramp && (
                <button className="ramp-reset" data-testid="ramp-reset" disabled={readOnly} onClick={() => setParamError(setParameters({ ramp: null }))}>
                  {t('levers.rampReset')}
                </button>
              )}
            </div>
          </div>
        </div>
        <div className="levers-figures">
          <Figure
            label={figures.yearOneSaving.label}
            title={figures.yearOneSaving.definition}
            value={view.amount(yearOne)}
            unit={amountUnit}
            testId="figure-year-one"
          />
          <Figure
            label={figures.affectedShare.label}
            title={figures.affectedShare.definition}
            value={view.percent(result.affectedShare)}
            testId="figure-share"
          />
          <Figure
            label={`${figures.saving.label} · ${t('levers.years', { n: scenario.horizonYears })}`}
            title={figures.saving.definition}
            value={view.amount(result.totals.saving)}
            unit={amountUnit}
            testId="figure-saving"
          />
        </div>
      </div>
      {paramError && (
        <div className="cell-error sheet-error" role="alert" data-testid="param-error">
          <span>{paramError}</span>
          <span className="muted">{t('grid.notChanged')}</span>
          <button onClick={() => setParamError(null)}>{t('grid.dismiss')}</button>
        </div>
      )}
      <div className="toolbar levers-toolbar">
        <label className="check">
          <input type="checkbox" data-testid="levers-only" checked={onlyLevers} onChange={(event) => setOnlyLevers(event.target.checked)} />
          {t('levers.onlyWithLevers')}
        </label>
        <button
          data-testid="levers-clear"
          disabled={readOnly || !focusedRow?.lever}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => focusedRow && workspace.edit({ type: 'clearLevers', scenarioId, nodeId: focusedRow.id })}
        >
          {t('levers.clear')}
        </button>
        <button
          data-testid="levers-fill-down"
          disabled={readOnly}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => sheet.fillDown()}
          title="Ctrl+D"
        >
          {t('grid.fillDown')}
        </button>
        <span className="toolbar-spacer" />
        <button onClick={() => setCollapsed(new Set())}>{t('grid.expandAll')}</button>
      </div>
      <div className="sheet" {...sheet.containerProps}>
        <div className="sheet-grid" data-testid="levers-grid">
          <AgGridReact<LeverRow>
            ref={sheet.gridRef}
            theme={gridTheme}
            rowData={rows}
            columnDefs={columnDefs}
            defaultColDef={sheet.defaultColDef}
            getRowId={getRowId}
            {...sheet.gridProps}
          />
        </div>
        <CellErrorLine error={sheet.error} onDismiss={sheet.clearError} />
        <FocusedLine row={focusedRow} view={view} unit={amountUnit} />
        <LeverCaptions key={`captions-${focusedRow?.id ?? ''}`} row={focusedRow} readOnly={readOnly} />
        <LeverRanges key={focusedRow?.id ?? ''} row={focusedRow} scenario={scenario} view={view} readOnly={readOnly} />
        <p className="sheet-hint">{t('levers.hint')}</p>
      </div>
    </div>
  );
}

function Figure({ label, title, value, unit, testId }: { label: string; title: string; value: string; unit?: string; testId: string }) {
  return (
    <div className="card figure" title={title}>
      <div className="label">{label}</div>
      <div className="value" data-testid={testId}>
        {value}
        {unit && <span className="unit">{unit}</span>}
      </div>
    </div>
  );
}

/** The selected line's levers in full, with the arithmetic of its saving. */
function FocusedLine({ row, view, unit }: { row: LeverRow | undefined; view: NumberView; unit: string }) {
  const { t } = useTranslation();
  if (!row) return null;
  const meaning = meaningText(row, t, view);
  return (
    <div className="focused-line" data-testid="lever-meaning">
      <strong>{row.name}</strong>
      {meaning && <span>{meaning}</span>}
      {row.isLeaf && row.costFactor !== 1 && (
        <span className="muted formula">
          {t('levers.meaning.formula', { amount: view.amount(row.resolved), factor: view.number(row.costFactor, 4), saving: view.amount(row.saving), unit })}
        </span>
      )}
    </div>
  );
}
