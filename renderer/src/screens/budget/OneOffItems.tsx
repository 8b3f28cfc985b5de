import { useCallback, useMemo } from 'react';
import type { ColDef, GetRowIdParams, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import type { EditCommand } from '../../../../shared/edits/commands';
import type { ScenarioResult } from '../../../../shared/engine';
import { unitLabel } from '../../../../shared/format/number';
import { INVESTMENT_TIMINGS, type Model, type OneOffItem, type Scenario } from '../../../../shared/model/schema';
import { CellErrorLine } from '../../components/grid/CellErrorLine';
import { gridTheme } from '../../components/grid/setup';
import { choiceParser, clean, typedNumber, type ParsedCell, type SheetColumn } from '../../components/grid/sheet';
import { useSheet } from '../../components/grid/useSheet';
import { useNumberView } from '../../format';
import { useWorkspace, useWorkspaceState } from '../../state/context';

interface OneOffRow {
  id: string;
  item: OneOffItem;
  /** Whether the item's year falls within the horizon (outside it, it counts nothing). */
  counted: boolean;
}

const getRowId = (params: GetRowIdParams<OneOffRow>) => params.data.id;
const oneOffTheme = gridTheme.withParams({ autoHeightMinBodyHeight: 40 });

function DeleteCell(props: ICellRendererParams<OneOffRow> & { onDelete(row: OneOffRow): void; label: string; disabled: boolean }) {
  const row = props.data;
  if (!row) return null;
  return (
    <button
      type="button"
      className="row-delete"
      data-testid={`delete-one-off-${row.id}`}
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      onClick={() => props.onDelete(row)}
    >
      ×
    </button>
  );
}

/** The scenario's one-off cash items (stock released, an asset sold, a one-off cost): their own grid on the budget screen. */
export function OneOffItems({ model, scenario, result }: { model: Model; scenario: Scenario; result: ScenarioResult }) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const view = useNumberView();
  const { unit, language } = view;
  const readOnly = useWorkspaceState((state) => state.session?.readOnly != null);
  const scenarioId = scenario.id;
  const amountUnit = unitLabel(unit, language, model.currency);
  const rows = useMemo(
    (): OneOffRow[] => (scenario.oneOffs ?? []).map((item) => ({ id: item.id, item, counted: item.year <= scenario.horizonYears })),
    [scenario.oneOffs, scenario.horizonYears],
  );

  const columns = useMemo((): Record<string, SheetColumn<OneOffRow>> => {
    const en = i18n.getFixedT('en');
    const zh = i18n.getFixedT('zh');
    const timingAliases = Object.fromEntries(
      INVESTMENT_TIMINGS.map((key) => [key, [en(`budget.timings.${key}`), zh(`budget.timings.${key}`)]]),
    ) as unknown as Record<(typeof INVESTMENT_TIMINGS)[number], string[]>;
    const timing = choiceParser(timingAliases, (text) =>
      t('grid.notAChoice', { text, choices: INVESTMENT_TIMINGS.map((key) => t(`budget.timings.${key}`)).join(', ') }),
    );
    const change = (row: OneOffRow, patch: Omit<Extract<EditCommand, { type: 'changeOneOff' }>, 'type' | 'scenarioId' | 'itemId'>): ParsedCell => ({
      ok: true,
      command: { type: 'changeOneOff', scenarioId, itemId: row.id, ...patch },
    });
    const notANumber = (text: string): ParsedCell => ({ ok: false, message: t('grid.notANumber', { text }) });
    return {
      name: { text: (row) => row.item.name, parse: (row, text) => change(row, { name: text.trim() }) },
      amount: {
        text: (row) => String(clean(view.fromYuan(row.item.amount))),
        parse: (row, text) => {
          const value = typedNumber(text, false);
          return value === null ? notANumber(text) : change(row, { amount: view.toYuan(value) });
        },
      },
      year: {
        // Shown and typed as a calendar year (2027) or a plan year (1).
        text: (row) => String(model.firstPlanYear + row.item.year - 1),
        parse: (row, text) => {
          const value = typedNumber(text, false);
          if (value === null) return notANumber(text);
          return change(row, { year: value >= 1900 ? value - model.firstPlanYear + 1 : value });
        },
      },
      timing: {
        text: (row) => t(`budget.timings.${row.item.timing}`),
        parse: (row, text) => {
          const chosen = timing(text);
          return chosen.ok ? change(row, { timing: chosen.value }) : chosen;
        },
      },
      notes: { text: (row) => row.item.notes ?? '', parse: (row, text) => change(row, { notes: text.trim() === '' ? null : text }) },
    };
  }, [t, i18n, view, scenarioId, model.firstPlanYear]);

  const sheet = useSheet<OneOffRow>({ columns, rowId: (row) => row.id, rowLabel: (row) => row.item.name });
  const editable = !readOnly;

  const remove = useCallback(
    (row: OneOffRow) => {
      const outcome = workspace.edit({ type: 'deleteOneOff', scenarioId, itemId: row.id });
      if (!outcome.ok) sheet.showError(row.id, 'name', outcome.error);
      else sheet.clearError();
    },
    [workspace, scenarioId, sheet],
  );

  const add = () => {
    const taken = new Set((scenario.oneOffs ?? []).map((item) => item.name.trim()));
    const base = t('oneOff.newName');
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
    const outcome = workspace.edit({ type: 'addOneOff', scenarioId, item: { name, amount: 0, year: 1, timing: 'spread' } });
    if (!outcome.ok) sheet.showError(rows[0]?.id ?? '', 'name', outcome.error);
  };

  const columnDefs = useMemo((): ColDef<OneOffRow>[] => {
    const text = (colId: string) => (p: { data?: OneOffRow }) => (p.data ? columns[colId]!.text(p.data) : '');
    return [
      {
        colId: 'name',
        headerName: t('oneOff.columns.name'),
        flex: 1,
        minWidth: 160,
        valueGetter: text('name'),
        cellClass: 'input',
        editable,
        cellEditor: 'agTextCellEditor',
      },
      {
        colId: 'amount',
        headerName: t('oneOff.columns.amount', { unit: amountUnit }),
        headerClass: 'num',
        width: 130,
        valueGetter: text('amount'),
        valueFormatter: (p) => (p.data ? view.amount(p.data.item.amount) : ''),
        cellClass: (p) => `num input${(p.data?.item.amount ?? 0) < 0 ? ' bad' : ''}`,
        editable,
        cellEditor: 'agTextCellEditor',
      },
      {
        colId: 'year',
        headerName: t('oneOff.columns.year'),
        headerClass: 'num',
        width: 100,
        valueGetter: text('year'),
        cellClass: (p) => `num input${p.data && !p.data.counted ? ' muted' : ''}`,
        editable,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: result.years.map((year) => String(year.calendarYear)) },
      },
      {
        colId: 'timing',
        headerName: t('oneOff.columns.timing'),
        headerTooltip: t('budget.timingHelp'),
        width: 100,
        valueGetter: text('timing'),
        cellClass: 'input',
        editable,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: INVESTMENT_TIMINGS.map((key) => t(`budget.timings.${key}`)) },
      },
      {
        colId: 'notes',
        headerName: t('oneOff.columns.notes'),
        flex: 1,
        minWidth: 160,
        valueGetter: text('notes'),
        tooltip: (p) => p.data?.item.notes,
        cellClass: 'input',
        editable,
        cellEditor: 'agTextCellEditor',
      },
      {
        colId: 'actions',
        headerName: '',
        width: 44,
        cellClass: 'actions-cell',
        cellRenderer: DeleteCell,
        cellRendererParams: { onDelete: remove, label: t('oneOff.delete'), disabled: readOnly },
        suppressNavigable: true,
        resizable: false,
      },
    ];
  }, [t, view, amountUnit, columns, editable, readOnly, remove, result.years]);

  return (
    <section className="one-off-items" data-testid="one-off-items">
      <div className="toolbar">
        <h3 title={t('oneOff.help')}>{t('oneOff.title')}</h3>
        <button data-testid="one-off-add" disabled={readOnly} onClick={add}>
          + {t('oneOff.add')}
        </button>
        <span className="muted budget-note">{t('oneOff.help')}</span>
      </div>
      <div className="sheet" {...sheet.containerProps}>
        <div className="sheet-grid" data-testid="one-off-grid">
          <AgGridReact<OneOffRow>
            ref={sheet.gridRef}
            theme={oneOffTheme}
            rowData={rows}
            columnDefs={columnDefs}
            defaultColDef={sheet.defaultColDef}
            getRowId={getRowId}
            {...sheet.gridProps}
            domLayout="autoHeight"
            tooltipShowDelay={300}
            overlayNoRowsTemplate={`<span class="muted">${t('oneOff.none')}</span>`}
          />
        </div>
        <CellErrorLine error={sheet.error} onDismiss={sheet.clearError} />
      </div>
    </section>
  );
}
