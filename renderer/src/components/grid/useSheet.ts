import { useCallback, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type {
  CellClassParams,
  CellClickedEvent,
  CellEditRequestEvent,
  CellFocusedEvent,
  ColDef,
  GridApi,
  IRowNode,
  TooltipCallbackParams,
} from 'ag-grid-community';
import type { AgGridReact } from 'ag-grid-react';
import { useWorkspace } from '../../state/context';
import { useIssuesText } from '../../messages';
import type { ModelIssue } from '../../../../shared/model/validate';
import { batchOf } from '../../../../shared/edits/commands';
import { blamedCell, type CellEdit } from './batch';
import { boundsOf, fillDownTargets, isSingleCell, pasteTargets, type CellBounds, type CellPosition, type SheetColumn } from './sheet';
import { parseTsv, toTsv } from './tsv';

/** A refused edit, shown at its cell and on the message line below the grid. */
export interface SheetError {
  rowId: string;
  colId: string;
  /** "row · column" as the planner reads it. */
  where: string;
  message: string;
}

/** What the cell class rules read; one mutable object per grid, handed to AG Grid as `context`. */
export interface SheetContext {
  bounds: CellBounds | null;
  columnOrder: string[];
  error: SheetError | null;
  /** A row marked by cut (Ctrl+X), waiting for a paste. */
  cutRowId: string | null;
}

export interface SheetOptions<Row> {
  columns: Readonly<Record<string, SheetColumn<Row>>>;
  rowId: (row: Row) => string;
  rowLabel: (row: Row) => string;
  /** Keys of the screen itself (not while editing); return true when handled. */
  onKey?(event: KeyboardEvent<HTMLDivElement>, focused: { row: Row; colId: string } | null): boolean;
  /** Called after the grid took new row data (to focus a row just added or moved). */
  afterRowDataUpdated?(): void;
}

/** Every function here is a plain closure (no `this`): pass them on freely. */
export interface Sheet<Row> {
  gridRef: RefObject<AgGridReact<Row> | null>;
  context: SheetContext;
  /** Cell classes for the selection, the refused cell and the cut row; tooltips with the message. */
  defaultColDef: ColDef<Row>;
  /** Handlers to spread on <AgGridReact>. */
  gridProps: {
    readOnlyEdit: true;
    enterNavigatesVertically: true;
    enterNavigatesVerticallyAfterEdit: true;
    stopEditingWhenCellsLoseFocus: true;
    tooltipShowDelay: number;
    context: SheetContext;
    onCellEditRequest: (event: CellEditRequestEvent<Row>) => void;
    onCellFocused: (event: CellFocusedEvent<Row>) => void;
    onCellClicked: (event: CellClickedEvent<Row>) => void;
    onRowDataUpdated: () => void;
    rowClassRules: Record<string, (params: { node: IRowNode<Row>; context: SheetContext }) => boolean>;
  };
  /** Handlers to spread on the element around the grid (keys, paste, copy). */
  containerProps: {
    onKeyDownCapture: (event: KeyboardEvent<HTMLDivElement>) => void;
    onMouseDownCapture: (event: MouseEvent<HTMLDivElement>) => void;
    onPaste: (event: ClipboardEvent<HTMLDivElement>) => void;
    onCopy: (event: ClipboardEvent<HTMLDivElement>) => void;
  };
  error: SheetError | null;
  clearError: () => void;
  showError: (rowId: string, colId: string, issues: ModelIssue[] | string) => void;
  /** The focused data row and column (null on none or on a pinned total row). */
  focused: { rowId: string; colId: string } | null;
  /** Applies typed texts to cells through the workspace, all or nothing; false when refused. */
  commit: (cells: { row: Row; colId: string; text: string }[]) => boolean;
  pasteText: (text: string) => boolean;
  fillDown: () => boolean;
  copyText: () => string;
  setCutRow: (rowId: string | null) => void;
  api: () => GridApi<Row> | undefined;
}

const NAVIGATION_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Tab', 'Enter']);

function isTextField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT' || element.isContentEditable);
}

/**
 * Spreadsheet behaviour on an AG Grid Community grid whose data the workspace owns
 * (`readOnlyEdit`): every typed value, paste and fill becomes edit commands through
 * `workspace.edit`, a refused one leaves the cell as it was and shows the engine's message
 * there; Shift+click and Shift+arrows select a block; Ctrl/Cmd+C copies it as TSV, a paste
 * writes a TSV block from Excel, Ctrl/Cmd+D fills down. Ctrl/Cmd+Z and +Y are left to the
 * app's global undo (the grid's own cell undo stays off).
 */
export function useSheet<Row>(options: SheetOptions<Row>): Sheet<Row> {
  const workspace = useWorkspace();
  const wordIssues = useIssuesText();
  const gridRef = useRef<AgGridReact<Row> | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const context = useRef<SheetContext>({ bounds: null, columnOrder: [], error: null, cutRowId: null }).current;
  const anchor = useRef<CellPosition | null>(null);
  const extending = useRef(false);
  const lastFocus = useRef<CellPosition | null>(null);
  /** Row ids in display order at the last data update: tells a reorder from new values in place. */
  const rowOrder = useRef<string[]>([]);
  const [error, setError] = useState<SheetError | null>(null);
  const [focused, setFocused] = useState<{ rowId: string; colId: string } | null>(null);

  const api = useCallback(() => gridRef.current?.api ?? undefined, []);

  const refresh = useCallback(() => {
    const grid = api();
    if (grid && !grid.isDestroyed()) grid.refreshCells({ force: true, suppressFlash: true });
  }, [api]);

  const columnOrder = useCallback(
    (): string[] =>
      api()
        ?.getAllDisplayedColumns()
        .map((column) => column.getColId()) ?? [],
    [api],
  );

  const displayedRows = useCallback((): IRowNode<Row>[] => {
    const grid = api();
    if (!grid) return [];
    const rows: IRowNode<Row>[] = [];
    const count = grid.getDisplayedRowCount();
    for (let i = 0; i < count; i++) {
      const node = grid.getDisplayedRowAtIndex(i);
      if (node) rows.push(node);
    }
    return rows;
  }, [api]);

  const describe = useCallback(
    (rowId: string, colId: string): string => {
      const grid = api();
      const node = grid?.getRowNode(rowId);
      const header = grid?.getColumn(colId)?.getColDef().headerName ?? colId;
      const row = node?.data ? optionsRef.current.rowLabel(node.data) : rowId;
      return `${row} · ${header}`;
    },
    [api],
  );

  const showError = useCallback(
    (rowId: string, colId: string, issues: ModelIssue[] | string) => {
      const message = typeof issues === 'string' ? issues : wordIssues(issues);
      const next = { rowId, colId, where: describe(rowId, colId), message };
      context.error = next;
      setError(next);
      refresh();
    },
    [context, describe, refresh, wordIssues],
  );

  const clearError = useCallback(() => {
    if (!context.error) return;
    context.error = null;
    setError(null);
    refresh();
  }, [context, refresh]);

  const commit = useCallback(
    (cells: { row: Row; colId: string; text: string }[]): boolean => {
      const { columns, rowId } = optionsRef.current;
      const edits: CellEdit[] = [];
      for (const cell of cells) {
        const column = columns[cell.colId];
        if (!column?.parse) continue;
        const id = rowId(cell.row);
        if (cell.text.trim() === column.text(cell.row).trim()) continue;
        const parsed = column.parse(cell.row, cell.text);
        if (parsed === null) continue;
        if (!parsed.ok) {
          showError(id, cell.colId, parsed.message);
          return false;
        }
        if (parsed.command) edits.push({ rowId: id, colId: cell.colId, command: parsed.command });
      }
      if (edits.length === 0) {
        clearError();
        return true;
      }
      // One paste or fill is one edit: validated as a whole, one undo step.
      const model = workspace.getState().model;
      const result = workspace.edit(
        batchOf(
          edits.map((edit) => edit.command),
          edits.length > 1 ? 'paste' : undefined,
        ),
      );
      if (!result.ok) {
        const blamed = model ? blamedCell(model, edits, result.error) : edits[0]!;
        showError(blamed.rowId, blamed.colId, result.error);
        return false;
      }
      clearError();
      return true;
    },
    [workspace, showError, clearError],
  );

  const setBounds = useCallback(
    (bounds: CellBounds | null) => {
      const before = context.bounds;
      context.bounds = bounds;
      const wasBlock = before !== null && !isSingleCell(before);
      const isBlock = bounds !== null && !isSingleCell(bounds);
      if (wasBlock || isBlock) refresh();
    },
    [context, refresh],
  );

  /**
   * A move of the grid's focus, extending the block from its anchor while Shift is held.
   * AG Grid calls its option callbacks (onCellFocused, onCellClicked) in a setTimeout after
   * the focus moved: a key pressed right after a Shift+click may come first, so the keys read
   * the focus through `catchUpFocus` rather than wait for the callback.
   */
  const noteFocus = useCallback(
    (rowIndex: number, colId: string) => {
      const position = { rowIndex, colId };
      // A refresh can report the same focus again: only a move changes the selection.
      if (lastFocus.current && lastFocus.current.rowIndex === position.rowIndex && lastFocus.current.colId === position.colId) return;
      lastFocus.current = position;
      const grid = api();
      if (grid) context.columnOrder = grid.getAllDisplayedColumns().map((c) => c.getColId());
      if (extending.current && anchor.current) setBounds(boundsOf(anchor.current, position, context.columnOrder));
      else {
        anchor.current = position;
        setBounds(boundsOf(position, position, context.columnOrder));
      }
      extending.current = false;
    },
    [api, context, setBounds],
  );

  /** Takes in a focus move whose (asynchronous) onCellFocused has not arrived yet. */
  const catchUpFocus = useCallback(() => {
    const cell = api()?.getFocusedCell();
    if (cell && !cell.rowPinned) noteFocus(cell.rowIndex, cell.column.getColId());
  }, [api, noteFocus]);

  /** The selected block, or the focused cell: the grid's focus is the truth when the two disagree. */
  const currentBounds = useCallback((): CellBounds | null => {
    catchUpFocus();
    const cell = api()?.getFocusedCell();
    if (!cell || cell.rowPinned) return null;
    const order = columnOrder();
    const index = order.indexOf(cell.column.getColId());
    if (index < 0) return null;
    const bounds = context.bounds;
    if (bounds && cell.rowIndex >= bounds.top && cell.rowIndex <= bounds.bottom && index >= bounds.left && index <= bounds.right) return bounds;
    return { top: cell.rowIndex, bottom: cell.rowIndex, left: index, right: index };
  }, [api, catchUpFocus, columnOrder, context]);

  const pasteText = useCallback(
    (text: string): boolean => {
      const bounds = currentBounds();
      if (!bounds) return false;
      const block = parseTsv(text);
      const rows = displayedRows();
      const order = columnOrder();
      const targets = pasteTargets(block, bounds, rows.length, order.length);
      const cells = targets.flatMap((target) => {
        const node = rows[target.rowIndex];
        return node?.data && !node.rowPinned ? [{ row: node.data, colId: order[target.colIndex]!, text: target.text }] : [];
      });
      const done = commit(cells);
      if (done && targets.length > 0) {
        const last = targets[targets.length - 1]!;
        const first = targets[0]!;
        anchor.current = { rowIndex: first.rowIndex, colId: order[first.colIndex]! };
        setBounds({ top: first.rowIndex, bottom: last.rowIndex, left: first.colIndex, right: last.colIndex });
      }
      return done;
    },
    [columnOrder, commit, currentBounds, displayedRows, setBounds],
  );

  const fillDown = useCallback((): boolean => {
    const bounds = currentBounds();
    if (!bounds) return false;
    const plan = fillDownTargets(bounds);
    if (!plan) return false;
    const rows = displayedRows();
    const order = columnOrder();
    const source = rows[plan.source]?.data;
    if (!source) return false;
    const { columns } = optionsRef.current;
    const cells: { row: Row; colId: string; text: string }[] = [];
    for (let c = plan.left; c <= plan.right; c++) {
      const colId = order[c]!;
      const column = columns[colId];
      if (!column) continue;
      const text = column.text(source);
      for (const r of plan.rows) {
        const node = rows[r];
        if (node?.data && !node.rowPinned) cells.push({ row: node.data, colId, text });
      }
    }
    return commit(cells);
  }, [columnOrder, commit, currentBounds, displayedRows]);

  const copyText = useCallback((): string => {
    const grid = api();
    const bounds = currentBounds();
    if (!grid || !bounds) return '';
    const rows = displayedRows();
    const order = columnOrder();
    const { columns } = optionsRef.current;
    const block: string[][] = [];
    for (let r = bounds.top; r <= bounds.bottom; r++) {
      const node = rows[r];
      if (!node) continue;
      const line: string[] = [];
      for (let c = bounds.left; c <= bounds.right; c++) {
        const colId = order[c]!;
        const column = columns[colId];
        line.push(column && node.data ? column.text(node.data) : (grid.getCellValue({ rowNode: node, colKey: colId, useFormatter: true }) ?? ''));
      }
      block.push(line);
    }
    return toTsv(block);
  }, [api, columnOrder, currentBounds, displayedRows]);

  const setCutRow = useCallback(
    (rowId: string | null) => {
      if (context.cutRowId === rowId) return;
      const grid = api();
      const previous = context.cutRowId;
      context.cutRowId = rowId;
      const nodes = [previous, rowId].flatMap((id) => {
        const node = id ? grid?.getRowNode(id) : undefined;
        return node ? [node] : [];
      });
      if (grid && nodes.length > 0) grid.redrawRows({ rowNodes: nodes });
    },
    [api, context],
  );

  const isEditing = useCallback(() => (api()?.getEditingCells().length ?? 0) > 0, [api]);

  const gridProps = useMemo(
    () => ({
      readOnlyEdit: true as const,
      // Every sheet edits like a spreadsheet: Enter moves down, leaving a cell commits it.
      enterNavigatesVertically: true as const,
      enterNavigatesVerticallyAfterEdit: true as const,
      stopEditingWhenCellsLoseFocus: true as const,
      tooltipShowDelay: 150,
      context,
      onCellEditRequest(event: CellEditRequestEvent<Row>) {
        if (!event.data || event.node.rowPinned) return;
        const text = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue);
        commit([{ row: event.data, colId: event.column.getColId(), text }]);
      },
      onCellFocused(event: CellFocusedEvent<Row>) {
        const column = event.column;
        const colId = column === null ? null : typeof column === 'string' ? column : column.getColId();
        if (event.rowIndex === null || colId === null || event.rowPinned) {
          setFocused(null);
          anchor.current = null;
          lastFocus.current = null;
          setBounds(null);
          return;
        }
        // A late event about a cell the focus has already left (read through catchUpFocus) is old news.
        const now = event.api.getFocusedCell();
        if (now && (now.rowIndex !== event.rowIndex || now.column.getColId() !== colId)) return;
        const node = event.api.getDisplayedRowAtIndex(event.rowIndex);
        const rowId = node?.id ?? null;
        setFocused((before) => (before && before.rowId === rowId && before.colId === colId ? before : rowId ? { rowId, colId } : null));
        noteFocus(event.rowIndex, colId);
      },
      rowClassRules: {
        'sheet-cut': (params: { node: IRowNode<Row>; context: SheetContext }) => params.context.cutRowId !== null && params.context.cutRowId === params.node.id,
      },
      onCellClicked(event: CellClickedEvent<Row>) {
        // A plain click on the focused cell ends a block selection.
        const mouse = event.event as MouseEvent | null;
        if (mouse?.shiftKey || event.rowIndex === null || event.node.rowPinned) return;
        const position = { rowIndex: event.rowIndex, colId: event.column.getColId() };
        // A late click (the focus has moved on since, by a Shift+click) changes nothing.
        const focus = event.api.getFocusedCell();
        if (focus && (focus.rowIndex !== position.rowIndex || focus.column.getColId() !== position.colId)) return;
        anchor.current = position;
        setBounds(boundsOf(position, position, context.columnOrder));
      },
      onRowDataUpdated() {
        // Row positions may have moved: keep the focus, drop a block selection. New data in the
        // same rows (a recompute or a save landing between Shift+click and Ctrl+D) keeps it.
        const cell = api()?.getFocusedCell();
        lastFocus.current = cell && !cell.rowPinned ? { rowIndex: cell.rowIndex, colId: cell.column.getColId() } : null;
        const order = displayedRows().map((node) => node.id ?? '');
        const sameRows = order.length === rowOrder.current.length && order.every((id, k) => id === rowOrder.current[k]);
        rowOrder.current = order;
        if (context.bounds && !isSingleCell(context.bounds) && !sameRows) {
          anchor.current = cell && !cell.rowPinned ? { rowIndex: cell.rowIndex, colId: cell.column.getColId() } : null;
          setBounds(anchor.current ? boundsOf(anchor.current, anchor.current, context.columnOrder) : null);
        }
        optionsRef.current.afterRowDataUpdated?.();
      },
    }),
    [api, commit, context, displayedRows, noteFocus, setBounds],
  );

  const containerProps = useMemo(
    () => ({
      onKeyDownCapture(event: KeyboardEvent<HTMLDivElement>) {
        if (isEditing() || isTextField(event.target)) return;
        const grid = api();
        if (!grid) return;
        // A Chinese IME announces a composition with key "Process" (keyCode 229), which the
        // grid ignores: open the cell's editor now, so the composed text goes into it.
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- keyCode 229 is how some IMEs still announce a composition
        if (event.key === 'Process' || event.keyCode === 229 || event.nativeEvent.isComposing) {
          const cell = grid.getFocusedCell();
          const node = cell && !cell.rowPinned ? grid.getDisplayedRowAtIndex(cell.rowIndex) : undefined;
          if (cell && node && cell.column.isCellEditable(node)) grid.startEditingCell({ rowIndex: cell.rowIndex, colKey: cell.column });
          return;
        }
        if (NAVIGATION_KEYS.has(event.key)) extending.current = event.shiftKey && event.key !== 'Tab' && event.key !== 'Enter';
        const cell = grid.getFocusedCell();
        const node = cell && !cell.rowPinned ? grid.getDisplayedRowAtIndex(cell.rowIndex) : undefined;
        const focusedCell = node?.data && cell ? { row: node.data, colId: cell.column.getColId() } : null;
        if (optionsRef.current.onKey?.(event, focusedCell)) {
          event.preventDefault();
          event.stopPropagation();
          return;
        }
        const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
        if (mod && event.key.toLowerCase() === 'd') {
          event.preventDefault();
          event.stopPropagation();
          fillDown();
          return;
        }
        if (event.key === 'Escape') {
          clearError();
          setCutRow(null);
          if (anchor.current) setBounds(boundsOf(anchor.current, anchor.current, context.columnOrder));
        }
      },
      onMouseDownCapture(event: MouseEvent<HTMLDivElement>) {
        extending.current = event.shiftKey;
      },
      onPaste(event: ClipboardEvent<HTMLDivElement>) {
        if (isEditing() || isTextField(event.target)) return;
        const text = event.clipboardData.getData('text/plain');
        if (!text) return;
        event.preventDefault();
        pasteText(text);
      },
      onCopy(event: ClipboardEvent<HTMLDivElement>) {
        if (isEditing() || isTextField(event.target)) return;
        const text = copyText();
        if (!text) return;
        event.preventDefault();
        event.clipboardData.setData('text/plain', text);
      },
    }),
    [api, clearError, context, copyText, fillDown, isEditing, pasteText, setBounds, setCutRow],
  );

  const defaultColDef = useMemo<ColDef<Row>>(
    () => ({
      sortable: false,
      suppressMovable: true,
      resizable: true,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      cellClassRules: {
        'sheet-in-range': (params: CellClassParams<Row>) => inBlock(params),
        'sheet-invalid': (params: CellClassParams<Row>) => {
          const refused = (params.context as SheetContext).error;
          return !!refused && refused.rowId === params.node.id && refused.colId === params.column.getColId();
        },
      },
      tooltip: (params: TooltipCallbackParams<Row>) => {
        const refused = (params.context as SheetContext | undefined)?.error;
        const colId = params.column && 'getColId' in params.column ? params.column.getColId() : undefined;
        return refused && refused.rowId === params.node?.id && refused.colId === colId ? refused.message : undefined;
      },
    }),
    [],
  );

  return {
    gridRef,
    context,
    defaultColDef,
    gridProps,
    containerProps,
    error,
    clearError,
    showError,
    focused,
    commit,
    pasteText,
    fillDown,
    copyText,
    setCutRow,
    api,
  };
}

function inBlock<Row>(params: CellClassParams<Row>): boolean {
  const context = params.context as SheetContext;
  const bounds = context.bounds;
  if (!bounds || isSingleCell(bounds) || params.node.rowPinned) return false;
  const rowIndex = params.node.rowIndex;
  if (rowIndex === null || rowIndex < bounds.top || rowIndex > bounds.bottom) return false;
  const index = context.columnOrder.indexOf(params.column.getColId());
  return index >= bounds.left && index <= bounds.right;
}
