import { useMemo } from 'react';
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EditCommand } from '../../../../shared/edits/commands';
import type { ModelResult, ScenarioResult } from '../../../../shared/engine';
import { unitLabel } from '../../../../shared/format/number';
import { type Model, type RevenueLeverKind, type RevenueLine, type Scenario } from '../../../../shared/model/schema';
import { CellErrorLine } from '../../components/grid/CellErrorLine';
import { gridTheme } from '../../components/grid/setup';
import { clean, typedNumber, type ParsedCell, type SheetColumn } from '../../components/grid/sheet';
import { TreeNameCell } from '../../components/grid/TreeNameCell';
import { useSheet } from '../../components/grid/useSheet';
import { useNumberView, type NumberView } from '../../format';
import { useSelectedScenario, useWorkspace, useWorkspaceState } from '../../state/context';
import { signedPercent } from '../levers/rows';
import { revenueRows, type RevenueRow } from './rows';
import '../../components/grid/grid.css';
import '../structure/structure.css';
import '../levers/levers.css';

/** Service revenue lines with the selected scenario's volume and price levers and the margin they add. */
export function RevenueScreen() {
  const { t } = useTranslation();
  const { model, results, scenario, result, file } = useSelectedScenario();
  if (!model || !results) return null;
  if (!scenario || !result) return <p className="muted">{t('levers.noScenario')}</p>;
  return <RevenueView key={file} model={model} results={results} scenario={scenario} result={result} />;
}

const getRowId = (params: GetRowIdParams<RevenueRow>) => params.data.id;
const revenueTheme = gridTheme.withParams({ autoHeightMinBodyHeight: 60 });

const CAPTION_COLUMN = { volumeChange: 'volumeCaption', priceChange: 'priceCaption' } as const;
const LEVER_COLUMN = { volumeChange: 'volume', priceChange: 'price' } as const;

/** The levers of a line in words, caption first: "repeat-purchase rate +10% at a 35% margin adds 52.5 万元 a year". */
export function revenueMeaning(row: RevenueRow, t: TFunction, view: NumberView, unit: string): string {
  const parts: string[] = [];
  const language = view.language;
  const v = row.lever?.volumeChange;
  const p = row.lever?.priceChange;
  const totalVolume = row.inheritedVolume * (1 + (v ?? 0));
  const caption = (kind: RevenueLeverKind) => row.line.captions?.[kind]?.[language]?.trim() || t(`revenue.columns.${LEVER_COLUMN[kind]}`);
  if (v !== undefined)
    parts.push(
      t('revenue.meaning.volume', {
        caption: caption('volumeChange'),
        change: signedPercent(v),
        margin: view.percent(row.line.margin, 1),
        amount: view.amount(row.unallocated * row.line.margin * v * row.inheritedVolume),
        unit,
      }),
    );
  if (p !== undefined)
    parts.push(
      t('revenue.meaning.price', {
        caption: caption('priceChange'),
        change: signedPercent(p),
        amount: view.amount(row.unallocated * totalVolume * row.inheritedPrice * p),
        unit,
      }),
    );
  if (Math.abs(row.inheritedVolume - 1) > 1e-12 || Math.abs(row.inheritedPrice - 1) > 1e-12)
    parts.push(t('revenue.meaning.inherited', { volume: signedPercent(row.inheritedVolume - 1), price: signedPercent(row.inheritedPrice - 1) }));
  return parts.join(language === 'zh' ? '；' : '; ');
}

function RevenueView({ model, results, scenario, result }: { model: Model; results: ModelResult; scenario: Scenario; result: ScenarioResult }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const view = useNumberView();
  const { unit, language } = view;
  const readOnly = useWorkspaceState((state) => state.session?.readOnly != null);
  const scenarioId = scenario.id;
  const amountUnit = unitLabel(unit, language, model.currency);
  const rows = useMemo(() => revenueRows(results.revenue, scenario, result), [results.revenue, scenario, result]);

  const columns = useMemo((): Record<string, SheetColumn<RevenueRow>> => {
    const notANumber = (text: string): ParsedCell => ({ ok: false, message: t('grid.notANumber', { text }) });
    const changeLine = (row: RevenueRow, patch: Omit<Extract<EditCommand, { type: 'changeRevenueLine' }>, 'type' | 'lineId'>): ParsedCell => ({
      ok: true,
      command: { type: 'changeRevenueLine', lineId: row.id, ...patch },
    });
    const lever = (kind: RevenueLeverKind): SheetColumn<RevenueRow> => ({
      text: (row) => {
        const change = row.lever?.[kind];
        return change === undefined ? '' : `${clean(change * 100)}%`;
      },
      parse: (row, text) => {
        if (text.trim() === '') return { ok: true, command: { type: 'setRevenueLever', scenarioId, lineId: row.id, kind, value: null } };
        const value = typedNumber(text, true);
        return value === null ? notANumber(text) : { ok: true, command: { type: 'setRevenueLever', scenarioId, lineId: row.id, kind, value } };
      },
    });
    const caption = (kind: RevenueLeverKind): SheetColumn<RevenueRow> => ({
      text: (row) => row.line.captions?.[kind]?.[language] ?? '',
      parse: (row, text) => {
        const captions: NonNullable<RevenueLine['captions']> = { ...row.line.captions };
        const entry = { ...captions[kind] };
        if (text.trim() === '') delete entry[language];
        else entry[language] = text.trim();
        if (Object.keys(entry).length > 0) captions[kind] = entry;
        else delete captions[kind];
        return changeLine(row, { captions: Object.keys(captions).length > 0 ? captions : null });
      },
    });
    return {
      name: { text: (row) => row.name, parse: (row, text) => changeLine(row, { name: text.trim() }) },
      basis: {
        text: (row) => (row.line.basis.kind === 'share' ? `${clean(row.line.basis.share * 100)}%` : String(clean(view.fromYuan(row.line.basis.amount)))),
        parse: (row, text) => {
          const trimmed = text.trim();
          if (/[%％]$/.test(trimmed)) {
            const share = typedNumber(trimmed, true);
            return share === null ? notANumber(text) : changeLine(row, { basis: { kind: 'share', share } });
          }
          const amount = typedNumber(trimmed, false);
          return amount === null ? notANumber(text) : changeLine(row, { basis: { kind: 'amount', amount: view.toYuan(amount) } });
        },
      },
      revenue: { text: (row) => String(clean(view.fromYuan(row.revenue))) },
      margin: {
        text: (row) => `${clean(row.line.margin * 100)}%`,
        parse: (row, text) => {
          const margin = typedNumber(text, true);
          return margin === null ? notANumber(text) : changeLine(row, { margin });
        },
      },
      volume: lever('volumeChange'),
      price: lever('priceChange'),
      volumeCaption: caption('volumeChange'),
      priceCaption: caption('priceChange'),
      gain: { text: (row) => String(clean(view.fromYuan(row.gain))) },
      meaning: { text: (row) => revenueMeaning(row, t, view, amountUnit) },
      notes: { text: (row) => row.line.notes ?? '', parse: (row, text) => changeLine(row, { notes: text.trim() === '' ? null : text }) },
    };
  }, [t, language, view, scenarioId, amountUnit]);

  const sheet = useSheet<RevenueRow>({ columns, rowId: (row) => row.id, rowLabel: (row) => row.name });
  const editable = !readOnly;

  const columnDefs = useMemo((): ColDef<RevenueRow>[] => {
    const text = (colId: string) => (p: { data?: RevenueRow }) => (p.data ? columns[colId]!.text(p.data) : '');
    const leverColumn = (kind: RevenueLeverKind): ColDef<RevenueRow> => ({
      colId: LEVER_COLUMN[kind],
      headerName: t(`revenue.columns.${LEVER_COLUMN[kind]}`),
      headerClass: 'num',
      headerTooltip: t(`revenue.help.${LEVER_COLUMN[kind]}`),
      width: 84,
      valueGetter: text(LEVER_COLUMN[kind]),
      valueFormatter: (p) => {
        const change = p.data?.lever?.[kind];
        return change === undefined ? '' : signedPercent(change);
      },
      tooltip: (p) => p.data?.line.captions?.[kind]?.[language] ?? undefined,
      cellClass: 'num input',
      editable,
      cellEditor: 'agTextCellEditor',
    });
    const captionColumn = (kind: RevenueLeverKind): ColDef<RevenueRow> => ({
      colId: CAPTION_COLUMN[kind],
      headerName: t(`revenue.columns.${CAPTION_COLUMN[kind]}`),
      headerTooltip: t('revenue.help.caption'),
      width: 120,
      valueGetter: text(CAPTION_COLUMN[kind]),
      cellClass: 'input',
      editable,
      cellEditor: 'agTextCellEditor',
    });
    return [
      {
        colId: 'name',
        headerName: t('revenue.columns.name'),
        width: 200,
        valueGetter: text('name'),
        cellRenderer: TreeNameCell,
        cellRendererParams: { toggle: () => undefined },
        editable,
        cellEditor: 'agTextCellEditor',
      },
      {
        colId: 'basis',
        headerName: t('revenue.columns.basis', { unit: amountUnit }),
        headerClass: 'num',
        width: 120,
        valueGetter: text('basis'),
        valueFormatter: (p) => {
          const basis = p.data?.line.basis;
          return !basis ? '' : basis.kind === 'share' ? view.percent(basis.share, 1) : view.amount(basis.amount);
        },
        cellClass: 'num input',
        editable,
        cellEditor: 'agTextCellEditor',
      },
      {
        colId: 'revenue',
        headerName: t('revenue.columns.revenue', { unit: amountUnit }),
        headerClass: 'num',
        width: 110,
        valueGetter: (p) => p.data?.revenue,
        valueFormatter: (p) => (typeof p.value === 'number' ? view.amount(p.value) : ''),
        cellClass: 'num',
      },
      {
        colId: 'margin',
        headerName: t('revenue.columns.margin'),
        headerClass: 'num',
        headerTooltip: t('revenue.help.margin'),
        width: 96,
        valueGetter: text('margin'),
        valueFormatter: (p) => (p.data ? view.percent(p.data.line.margin, 1) : ''),
        cellClass: 'num input',
        editable,
        cellEditor: 'agTextCellEditor',
      },
      leverColumn('volumeChange'),
      leverColumn('priceChange'),
      {
        colId: 'gain',
        headerName: t('revenue.columns.gain', { unit: amountUnit }),
        headerClass: 'num',
        width: 130,
        valueGetter: (p) => p.data?.gain,
        valueFormatter: (p) => (typeof p.value === 'number' ? view.amount(p.value) : ''),
        cellClass: 'num strong',
      },
      {
        colId: 'meaning',
        headerName: t('revenue.columns.meaning'),
        minWidth: 240,
        flex: 1,
        valueGetter: text('meaning'),
        wrapText: true,
        autoHeight: true,
        cellClass: 'meaning',
      },
      captionColumn('volumeChange'),
      captionColumn('priceChange'),
      {
        colId: 'notes',
        headerName: t('revenue.columns.notes'),
        width: 200,
        valueGetter: text('notes'),
        tooltip: (p) => p.data?.line.notes,
        cellClass: 'input',
        editable,
        cellEditor: 'agLargeTextCellEditor',
        cellEditorPopup: true,
      },
    ];
  }, [t, language, view, amountUnit, columns, editable]);

  const focusedRow = sheet.focused ? rows.find((row) => row.id === sheet.focused!.rowId) : undefined;

  const add = (parent: RevenueRow | undefined) => {
    const siblings = (model.revenueLines ?? []).filter((line) => line.parentId === (parent?.id ?? null));
    const taken = new Set(siblings.map((line) => line.name.trim()));
    const base = t('revenue.newName');
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
    const command: EditCommand = {
      type: 'addRevenueLine',
      line: {
        parentId: parent?.id ?? null,
        name,
        // A new top-level line starts at 0; one below another takes no share until it is set.
        basis: parent ? { kind: 'share', share: 0 } : { kind: 'amount', amount: 0 },
        margin: parent?.line.margin ?? 0.3,
      },
    };
    const outcome = workspace.edit(command);
    if (!outcome.ok) sheet.showError(parent?.id ?? rows[0]?.id ?? '', 'name', outcome.error);
    else sheet.clearError();
  };

  const remove = (row: RevenueRow) => {
    const outcome = workspace.edit({ type: 'deleteRevenueLine', lineId: row.id });
    if (!outcome.ok) sheet.showError(row.id, 'name', outcome.error);
    else sheet.clearError();
  };

  const totalRevenue = results.revenue.totalRevenue;
  return (
    <div className="planner-screen revenue-screen" data-testid="revenue-screen">
      <div className="toolbar">
        <button data-testid="revenue-add" disabled={readOnly} onClick={() => add(undefined)}>
          + {t('revenue.add')}
        </button>
        <button
          data-testid="revenue-add-child"
          disabled={readOnly || !focusedRow}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => add(focusedRow)}
        >
          + {t('revenue.addChild')}
        </button>
        <button
          data-testid="revenue-delete"
          disabled={readOnly || !focusedRow}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => focusedRow && remove(focusedRow)}
        >
          {t('revenue.delete')}
        </button>
        <span className="muted" data-testid="revenue-totals">
          {t('revenue.totals', { revenue: view.amount(totalRevenue), gain: view.amount(result.baseMarginGain), unit: amountUnit })}
        </span>
      </div>
      <p className="muted hint">{t('revenue.hint')}</p>
      <div className="sheet" {...sheet.containerProps}>
        <div className="sheet-grid" data-testid="revenue-grid">
          <AgGridReact<RevenueRow>
            ref={sheet.gridRef}
            theme={revenueTheme}
            rowData={rows}
            columnDefs={columnDefs}
            defaultColDef={sheet.defaultColDef}
            getRowId={getRowId}
            {...sheet.gridProps}
            domLayout="autoHeight"
            tooltipShowDelay={300}
            overlayNoRowsTemplate={`<span class="muted">${t('revenue.noLines').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)}</span>`}
          />
        </div>
        <CellErrorLine error={sheet.error} onDismiss={sheet.clearError} />
      </div>
    </div>
  );
}
