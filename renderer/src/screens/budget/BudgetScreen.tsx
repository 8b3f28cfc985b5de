import { useCallback, useMemo, useState } from 'react';
import type { ColDef, GetRowIdParams, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import type { EditCommand } from '../../../../shared/edits/commands';
import type { ScenarioResult } from '../../../../shared/engine';
import { formatShown, unitLabel } from '../../../../shared/format/number';
import { UNIT_FACTOR } from '../../../../shared/model/units';
import { figureTexts } from '../../../../shared/i18n/figures';
import {
  INVESTMENT_CATEGORIES,
  INVESTMENT_TIMINGS,
  type InvestmentAmount,
  type InvestmentCategory,
  type InvestmentLine,
  type Model,
  type Scenario,
} from '../../../../shared/model/schema';
import { CellErrorLine } from '../../components/grid/CellErrorLine';
import { gridTheme } from '../../components/grid/setup';
import { choiceParser, clean, splitList, typedNumber, type ParsedCell, type SheetColumn } from '../../components/grid/sheet';
import { useSheet } from '../../components/grid/useSheet';
import { useNumberView } from '../../format';
import { useSelectedScenario, useViewUnit, useWorkspace, useWorkspaceState } from '../../state/context';
import { ChartPanel } from '../../components/charts/ChartPanel';
import type { ChartLook } from '../../components/charts/setup';
import { useModelText } from '../../components/charts/text';
import { buildYears, type ChartText } from '../results/charts';
import { lineRows, shortYears, totalRows, type BudgetRow } from './rows';
import { OneOffItems } from './OneOffItems';
import '../../components/grid/grid.css';
import '../structure/structure.css';
import './budget.css';
import { loose } from '../../i18n';

const AMOUNT_KINDS = ['perYear', 'yearly', 'shareOfSaving'] as const;

/** The incentive budget of the selected scenario: its investment lines, totals per year and whether the savings fund them. */
export function BudgetScreen() {
  const { t } = useTranslation();
  const { model, scenario, result, file } = useSelectedScenario();
  if (!model) return null;
  if (!scenario || !result) return <p className="muted">{t('levers.noScenario')}</p>;
  return <BudgetView key={file} model={model} scenario={scenario} result={result} />;
}

const getRowId = (params: GetRowIdParams<BudgetRow>) => params.data.id;
/** A few lines need little room; an empty list keeps space for its message. */
const budgetTheme = gridTheme.withParams({ autoHeightMinBodyHeight: 60, pinnedRowBackgroundColor: '#f7f8fa' });

function DeleteCell(props: ICellRendererParams<BudgetRow> & { onDelete(row: BudgetRow): void; label: string; disabled: boolean }) {
  const row = props.data;
  if (!row || row.kind !== 'line') return null;
  return (
    <button
      type="button"
      className="row-delete"
      data-testid={`delete-line-${row.id}`}
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      onClick={() => props.onDelete(row)}
    >
      ×
    </button>
  );
}

function BudgetView({ model, scenario, result }: { model: Model; scenario: Scenario; result: ScenarioResult }) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const view = useNumberView();
  const { unit, language } = view;
  const readOnly = useWorkspaceState((state) => state.session?.readOnly != null);
  const scenarioId = scenario.id;
  const years = result.years;
  const amountUnit = unitLabel(unit, language, model.currency);
  const [newCategory, setNewCategory] = useState<InvestmentCategory>('bonus');

  const lines = useMemo(() => lineRows(scenario, result), [scenario, result]);
  const showGain = (scenario.revenueLevers?.length ?? 0) > 0;
  const showOneOff = (scenario.oneOffs?.length ?? 0) > 0;
  const totals = useMemo(
    () =>
      totalRows(
        years,
        {
          investment: t('budget.rows.investment'),
          saving: t('budget.rows.saving'),
          marginGain: figureTexts(language).marginGain.label,
          oneOff: figureTexts(language).oneOff.label,
          // With margin gain or one-off cash above it, the net is more than saving - investment.
          net: showGain || showOneOff ? figureTexts(language).net.label : t('budget.rows.net'),
          cumulative: t('budget.rows.cumulative'),
        },
        { marginGain: showGain, oneOff: showOneOff },
      ),
    [years, t, language, showGain, showOneOff],
  );

  const columns = useMemo((): Record<string, SheetColumn<BudgetRow>> => {
    const change = (row: BudgetRow, patch: Partial<Pick<InvestmentLine, 'name' | 'category' | 'amount' | 'timing'>>): ParsedCell => ({
      ok: true,
      command: { type: 'changeInvestment', scenarioId, lineId: row.id, ...patch },
    });
    const en = i18n.getFixedT('en');
    const zh = i18n.getFixedT('zh');
    const aliases = <K extends string>(keys: readonly K[], prefix: string) =>
      Object.fromEntries(keys.map((key) => [key, [loose(en)(`${prefix}.${key}`), loose(zh)(`${prefix}.${key}`)]])) as unknown as Record<K, string[]>;
    const choices = (keys: readonly string[], prefix: string) => keys.map((key) => loose(t)(`${prefix}.${key}`)).join(', ');
    const category = choiceParser(aliases(INVESTMENT_CATEGORIES, 'budget.categories'), (text) =>
      t('grid.notAChoice', { text, choices: choices(INVESTMENT_CATEGORIES, 'budget.categories') }),
    );
    const timing = choiceParser(aliases(INVESTMENT_TIMINGS, 'budget.timings'), (text) =>
      t('grid.notAChoice', { text, choices: choices(INVESTMENT_TIMINGS, 'budget.timings') }),
    );
    const kind = choiceParser(aliases(AMOUNT_KINDS, 'budget.kinds'), (text) => t('grid.notAChoice', { text, choices: choices(AMOUNT_KINDS, 'budget.kinds') }));
    const notANumber = (text: string) => ({ ok: false as const, message: t('grid.notANumber', { text }) });
    const amountText = (amount: InvestmentAmount) =>
      amount.kind === 'perYear'
        ? String(clean(view.fromYuan(amount.amount)))
        : amount.kind === 'yearly'
          ? amount.amounts.map((value) => String(clean(view.fromYuan(value)))).join(' / ')
          : `${clean(amount.share * 100)}%`;

    /** Reads an amount: "12%" is a share of the saving, "20 / 30 / 20" a list by year, one number a yearly amount. */
    const parseAmount = (row: BudgetRow, text: string): ParsedCell | null => {
      const line = row.line;
      if (!line) return null;
      const trimmed = text.trim();
      if (trimmed === '') return { ok: false, message: t('grid.empty') };
      const parts = splitList(trimmed);
      if (/[%％]$/.test(trimmed) || (line.amount.kind === 'shareOfSaving' && parts.length === 1)) {
        const share = typedNumber(trimmed, true);
        return share === null ? notANumber(text) : change(row, { amount: { kind: 'shareOfSaving', share } });
      }
      const values = parts.map((part) => typedNumber(part, false));
      if (values.some((value) => value === null)) return notANumber(text);
      const amounts = (values as number[]).map((value) => view.toYuan(value));
      return change(row, { amount: amounts.length > 1 ? { kind: 'yearly', amounts } : { kind: 'perYear', amount: amounts[0]! } });
    };

    const yearColumn = (index: number): SheetColumn<BudgetRow> => ({
      text: (row) => String(clean(view.fromYuan(row.perYear[index] ?? 0))),
      parse: (row, text) => {
        if (!row.line || row.line.amount.kind === 'shareOfSaving') return null;
        const value = typedNumber(text, false);
        if (value === null) return notANumber(text);
        const amounts = row.perYear.map((amount, i) => (i === index ? view.toYuan(value) : amount));
        return change(row, { amount: { kind: 'yearly', amounts } });
      },
    });

    const result: Record<string, SheetColumn<BudgetRow>> = {
      name: { text: (row) => row.name, parse: (row, text) => (row.line ? change(row, { name: text.trim() }) : null) },
      category: {
        text: (row) => (row.line ? t(`budget.categories.${row.line.category}`) : ''),
        parse: (row, text) => {
          if (!row.line) return null;
          const chosen = category(text);
          return chosen.ok ? change(row, { category: chosen.value }) : chosen;
        },
      },
      amountKind: {
        text: (row) => (row.line ? t(`budget.kinds.${row.line.amount.kind}`) : ''),
        parse: (row, text) => {
          if (!row.line) return null;
          const chosen = kind(text);
          if (!chosen.ok) return chosen;
          if (chosen.value === row.line.amount.kind) return { ok: true, command: null };
          // Switching keeps what the line costs now, as far as the new form can say it.
          const first = row.perYear[0] ?? 0;
          const saving = years[0]?.benefit ?? 0;
          const amount: InvestmentAmount =
            chosen.value === 'perYear'
              ? { kind: 'perYear', amount: first }
              : chosen.value === 'yearly'
                ? { kind: 'yearly', amounts: row.perYear.length > 0 ? row.perYear.slice() : [0] }
                : { kind: 'shareOfSaving', share: saving > 0 ? Math.min(1, Math.max(0, first / saving)) : 0 };
          return change(row, { amount });
        },
      },
      amount: { text: (row) => (row.line ? amountText(row.line.amount) : ''), parse: parseAmount },
      timing: {
        text: (row) => (row.line ? t(`budget.timings.${row.line.timing}`) : ''),
        parse: (row, text) => {
          if (!row.line) return null;
          const chosen = timing(text);
          return chosen.ok ? change(row, { timing: chosen.value }) : chosen;
        },
      },
      total: { text: (row) => String(clean(view.fromYuan(row.total))) },
    };
    years.forEach((_, i) => {
      result[`y${i + 1}`] = yearColumn(i);
    });
    return result;
  }, [t, i18n, view, scenarioId, years]);

  const sheet = useSheet<BudgetRow>({ columns, rowId: (row) => row.id, rowLabel: (row) => row.name });

  const { showError, clearError } = sheet;
  const remove = useCallback(
    (row: BudgetRow) => {
      const outcome = workspace.edit({ type: 'deleteInvestment', scenarioId, lineId: row.id });
      if (!outcome.ok) showError(row.id, 'name', outcome.error);
      else clearError();
    },
    [workspace, scenarioId, showError, clearError],
  );

  const add = () => {
    const taken = new Set(scenario.investments.map((line) => line.name.trim()));
    const base = t(`budget.categories.${newCategory}`);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
    const command: EditCommand = {
      type: 'addInvestment',
      scenarioId,
      line: {
        id: `inv-${crypto.randomUUID().slice(0, 8)}`,
        name,
        category: newCategory,
        amount: { kind: 'perYear', amount: 0 },
        timing: newCategory === 'digitalTools' ? 'upfront' : 'spread',
      },
    };
    const outcome = workspace.edit(command);
    if (!outcome.ok) sheet.showError(scenario.investments[0]?.id ?? '', 'name', outcome.error);
  };

  const editable = !readOnly;
  const columnDefs = useMemo((): ColDef<BudgetRow>[] => {
    const lineEditable = (p: { node: { rowPinned?: unknown } | null }) => editable && !p.node?.rowPinned;
    const select = (colId: 'category' | 'amountKind' | 'timing', values: readonly string[], prefix: string, width: number): ColDef<BudgetRow> => ({
      colId,
      headerName: t(`budget.columns.${colId}`),
      headerTooltip: colId === 'timing' ? t('budget.timingHelp') : undefined,
      width,
      valueGetter: (p) =>
        p.data?.line ? (colId === 'category' ? p.data.line.category : colId === 'timing' ? p.data.line.timing : p.data.line.amount.kind) : '',
      valueFormatter: (p) => (p.value ? loose(t)(`${prefix}.${p.value as string}`) : ''),
      editable: lineEditable,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...values] },
    });
    return [
      {
        colId: 'name',
        headerName: t('budget.columns.name'),
        flex: 1,
        minWidth: 140,
        valueGetter: (p) => p.data?.name,
        editable: lineEditable,
        cellClass: (p) => (p.node.rowPinned ? 'total-label' : ''),
      },
      select('category', INVESTMENT_CATEGORIES, 'budget.categories', 104),
      select('amountKind', AMOUNT_KINDS, 'budget.kinds', 100),
      {
        colId: 'amount',
        headerName: `${t('budget.columns.amount')} (${amountUnit})`,
        headerClass: 'num',
        width: 112,
        valueGetter: (p) => (p.data ? columns['amount']!.text(p.data) : ''),
        valueFormatter: (p) => {
          const amount = p.data?.line?.amount;
          if (!amount) return '';
          if (amount.kind === 'perYear') return view.amount(amount.amount);
          // A list by year, compactly (the year columns show every value in full).
          if (amount.kind === 'yearly') {
            // Years past the horizon are not part of the plan: said in the cell, never silently dropped.
            const shown = amount.amounts.map((value) => view.amount(value).replace(/\.00$/, ''));
            const inPlan = shown.slice(0, years.length).join(' / ');
            const outside = shown.slice(years.length);
            return outside.length === 0 ? inPlan : `${inPlan} ${t('budget.outsidePlan', { values: outside.join(' / '), years: years.length })}`;
          }
          return view.percent(amount.share, 1);
        },
        editable: lineEditable,
        cellClass: (p) => {
          const amount = p.data?.line?.amount;
          const outside = amount?.kind === 'yearly' && amount.amounts.length > years.length;
          return p.node.rowPinned ? 'num' : outside ? 'num input outside-plan' : 'num input';
        },
        tooltip: (p) => {
          const amount = p.data?.line?.amount;
          return amount?.kind === 'yearly' && amount.amounts.length > years.length ? t('budget.outsidePlanTip', { years: years.length }) : undefined;
        },
        cellEditor: 'agTextCellEditor',
      },
      select('timing', INVESTMENT_TIMINGS, 'budget.timings', 92),
      ...years.map((year, i): ColDef<BudgetRow> => ({
        colId: `y${i + 1}`,
        headerName: String(year.calendarYear),
        headerClass: 'num',
        width: 92,
        valueGetter: (p) => (p.data ? columns[`y${i + 1}`]!.text(p.data) : ''),
        valueFormatter: (p) => (p.data ? view.amount(p.data.perYear[i] ?? 0) : ''),
        editable: (p) => lineEditable(p) && p.data?.line?.amount.kind !== 'shareOfSaving',
        cellClass: (p) => {
          const value = p.data?.perYear[i] ?? 0;
          const sign = (p.data?.kind === 'net' || p.data?.kind === 'cumulative') && value < 0 ? ' bad' : '';
          return `num${sign}`;
        },
        cellEditor: 'agTextCellEditor',
      })),
      {
        colId: 'total',
        headerName: t('budget.columns.total'),
        headerClass: 'num',
        width: 100,
        valueGetter: (p) => p.data?.total,
        valueFormatter: (p) => (typeof p.value === 'number' ? view.amount(p.value) : ''),
        cellClass: (p) => `num strong${(p.data?.kind === 'net' || p.data?.kind === 'cumulative') && p.data.total < 0 ? ' bad' : ''}`,
      },
      {
        colId: 'actions',
        headerName: '',
        width: 44,
        cellClass: 'actions-cell',
        cellRenderer: DeleteCell,
        cellRendererParams: { onDelete: remove, label: t('budget.delete'), disabled: readOnly },
        suppressNavigable: true,
        resizable: false,
      },
    ];
  }, [t, view, amountUnit, columns, years, editable, readOnly, remove]);

  return (
    <div className="planner-screen budget-screen" data-testid="budget-screen">
      <div className="toolbar">
        <label>
          <span className="visually-hidden">{t('budget.newCategory')}</span>
          <select
            data-testid="budget-new-category"
            value={newCategory}
            onChange={(event) => setNewCategory(event.target.value as InvestmentCategory)}
            title={t('budget.newCategory')}
          >
            {INVESTMENT_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`budget.categories.${category}`)}
              </option>
            ))}
          </select>
        </label>
        <button data-testid="budget-add" disabled={readOnly} onClick={add}>
          + {t('budget.add')}
        </button>
        <button
          data-testid="budget-fill-down"
          disabled={readOnly}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => sheet.fillDown()}
          title="Ctrl+D"
        >
          {t('grid.fillDown')}
        </button>
        <span className="muted budget-note">{t('budget.unitNote', { unit: amountUnit })}</span>
      </div>
      <div className="sheet budget-sheet" {...sheet.containerProps}>
        <div className="sheet-grid" data-testid="budget-grid">
          <AgGridReact<BudgetRow>
            ref={sheet.gridRef}
            theme={budgetTheme}
            rowData={lines}
            pinnedBottomRowData={totals}
            columnDefs={columnDefs}
            defaultColDef={sheet.defaultColDef}
            getRowId={getRowId}
            {...sheet.gridProps}
            domLayout="autoHeight"
            overlayNoRowsTemplate={`<span class="muted">${escapeHtml(t('budget.noLines'))}</span>`}
          />
        </div>
        <CellErrorLine error={sheet.error} onDismiss={sheet.clearError} />
      </div>
      <OneOffItems model={model} scenario={scenario} result={result} />
      <div className="budget-bottom">
        <Verdict scenario={scenario} result={result} amountUnit={amountUnit} />
        <YearChart model={model} scenario={scenario} result={result} amountUnit={amountUnit} />
      </div>
    </div>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Whether the savings pay for the budget, year by year and over the horizon. */
function Verdict({ scenario, result, amountUnit }: { scenario: Scenario; result: ScenarioResult; amountUnit: string }) {
  const { t } = useTranslation();
  const view = useNumberView();
  const short = shortYears(result.years);
  const totals = result.totals;
  const figures = figureTexts(view.language);
  const noBudget = scenario.investments.length === 0 || totals.investment === 0;
  const funded = short.length === 0;
  const headline = noBudget
    ? t('budget.verdict.fundedNoBudget')
    : funded
      ? t('budget.verdict.funded')
      : t('budget.verdict.short', {
          years: short
            .map((year) => t('budget.verdict.shortYear', { year: year.calendarYear, amount: `${view.amount(year.gap)} ${amountUnit}` }))
            .join(view.language === 'zh' ? '，' : ', '),
        });
  const payback = totals.paybackYears;
  return (
    <section className={`verdict ${funded ? 'verdict-funded' : 'verdict-short'}`} data-testid="funding-verdict" data-funded={String(funded)} aria-live="polite">
      <h3>{t('budget.verdict.title')}</h3>
      <p className="verdict-headline">
        <span className="verdict-mark" aria-hidden="true">
          {funded ? '✓' : '!'}
        </span>
        {headline}
      </p>
      <p>
        {totals.marginGain !== 0 || totals.oneOff !== 0
          ? t('revenue.verdictHorizon', {
              years: scenario.horizonYears,
              saving: view.amount(totals.saving),
              gain: view.amount(totals.marginGain),
              investment: view.amount(totals.investment),
              oneOff: view.amount(totals.oneOff),
              net: view.amount(totals.net),
              unit: amountUnit,
            })
          : t('budget.verdict.horizon', {
              years: scenario.horizonYears,
              saving: view.amount(totals.saving),
              investment: view.amount(totals.investment),
              net: view.amount(totals.net),
              unit: amountUnit,
            })}
      </p>
      {totals.returnOnInvestment !== null && (
        <p title={figures.returnOnInvestment.definition} data-testid="budget-ratio">
          {t('budget.verdict.ratio', { ratio: `${view.number(totals.returnOnInvestment, 2)} (${view.percent(totals.returnOnInvestment, 1)})` })}
        </p>
      )}
      {!noBudget && (
        <p title={figures.paybackYears.definition}>
          {payback === null
            ? t('budget.verdict.paybackNever')
            : t('budget.verdict.payback', { payback: t('budget.verdict.months', { months: view.number(payback * 12, 1) }) })}
        </p>
      )}
    </section>
  );
}

/**
 * Saving and investment per year: the Results screen's yearly chart (the same series, colours
 * and display rule) without the cumulative net line, with Save PNG like every chart.
 */
function YearChart({ model, scenario, result, amountUnit }: { model: Model; scenario: Scenario; result: ScenarioResult; amountUnit: string }) {
  const { t, language } = useModelText();
  const unit = useViewUnit();
  const text = useMemo<ChartText>(() => ({ t, language, unit, unitText: amountUnit }), [t, language, unit, amountUnit]);
  const build = useCallback((look: ChartLook) => buildYears(result, text, look, { cumulativeLine: false }), [result, text]);
  const title = t('budget.chart.title');
  const subtitle = `${scenario.name} · ${t('charts.unit', { unit: amountUnit })}`;
  return (
    <ChartPanel
      id="budget-years"
      className="budget-chart"
      title={title}
      subtitle={subtitle}
      exportSubtitle={`${model.name} · ${subtitle}`}
      fileName={`${model.name} - ${scenario.name} - ${title}`}
      build={build}
      description={t('results.yearsDescription', {
        saving: formatShown(result.totals.saving / UNIT_FACTOR[unit], language, 1),
        investment: formatShown(result.totals.investment / UNIT_FACTOR[unit], language, 1),
        unit: amountUnit,
      })}
      height={220}
    />
  );
}
