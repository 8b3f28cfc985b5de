import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { CellContextMenuEvent, ColDef, GetRowIdParams, RowDragEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import type { EditCommand } from '../../../../shared/edits/commands';
import type { ModelResult } from '../../../../shared/engine';
import { unitLabel } from '../../../../shared/format/number';
import type { Model, Relevance } from '../../../../shared/model/schema';
import { CellErrorLine } from '../../components/grid/CellErrorLine';
import { ContextMenu, type MenuItem } from '../../components/grid/ContextMenu';
import { gridTheme } from '../../components/grid/setup';
import { choiceParser, clean, typedNumber, type SheetColumn } from '../../components/grid/sheet';
import { parentIds, visibleTreeRows } from '../../components/grid/tree';
import { TreeNameCell } from '../../components/grid/TreeNameCell';
import { useSheet } from '../../components/grid/useSheet';
import { useNumberView } from '../../format';
import { useWorkspace, useWorkspaceState } from '../../state/context';
import { CompositionCharts } from './CompositionCharts';
import { newId, structureRows, uniqueName, type StructureRow } from './rows';
import '../../components/grid/grid.css';
import './structure.css';
import { loose } from '../../i18n';

/** The cost structure: the tree of cost nodes as an editable grid, and its composition. */
export function StructureScreen() {
  const model = useWorkspaceState((state) => state.model);
  const results = useWorkspaceState((state) => state.results);
  const file = useWorkspaceState((state) => state.session?.file?.path ?? '');
  if (!model || !results) return null;
  // A new file starts with a fresh grid (no cut line, message or collapsed rows of the last one).
  return <StructureView key={file} model={model} results={results} />;
}

type DropPosition = 'above' | 'inside' | 'below';
/**
 * A message about the last action. One that offers an undo is bound to its edit by the
 * workspace's change serial right after it: once anything else changed the model (another
 * edit, an undo), it disappears rather than undo something else.
 */
type Notice =
  | { kind: 'deleted'; name: string; count: number; serial: number }
  | { kind: 'cut'; name: string; rowId: string }
  | { kind: 'moved'; name: string; serial: number };

const getRowId = (params: GetRowIdParams<StructureRow>) => params.data.id;

function StructureView({ model, results }: { model: Model; results: ModelResult }) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const view = useNumberView();
  const { unit, language } = view;
  const tree = results.tree;
  const readOnly = useWorkspaceState((state) => state.session?.readOnly != null);

  const previousRows = useRef<ReadonlyMap<string, StructureRow> | undefined>(undefined);
  const allRows = useMemo(() => structureRows(tree, previousRows.current), [tree]);
  const rowsById = useMemo(() => new Map(allRows.map((row) => [row.id, row])), [allRows]);
  previousRows.current = rowsById;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(
    () => visibleTreeRows(allRows, collapsed).map((row) => (row.hasChildren && collapsed.has(row.id) ? { ...row, expanded: false } : row)),
    [allRows, collapsed],
  );
  const [storedNotice, setNotice] = useState<Notice | null>(null);
  // A cut line that is gone (deleted, undone) is no longer waiting for a paste.
  const notice = storedNotice?.kind === 'cut' && !rowsById.has(storedNotice.rowId) ? null : storedNotice;
  const [menu, setMenu] = useState<{ x: number; y: number; rowId: string } | null>(null);
  const pendingFocus = useRef<string | null>(null);

  const toggle = useCallback((id: string) => {
    setCollapsed((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const expand = useCallback((id: string | null) => {
    if (id === null) return;
    setCollapsed((before) => {
      if (!before.has(id)) return before;
      const next = new Set(before);
      next.delete(id);
      return next;
    });
  }, []);

  // How each column reads and writes text (typing, paste, fill, copy).
  const columns = useMemo((): Record<string, SheetColumn<StructureRow>> => {
    const en = i18n.getFixedT('en');
    const zh = i18n.getFixedT('zh');
    const relevance = choiceParser<Relevance>(
      {
        strong: [en('structure.relevance.strong'), en('structure.relevanceLong.strong'), zh('structure.relevance.strong'), '强'],
        weak: [en('structure.relevance.weak'), en('structure.relevanceLong.weak'), zh('structure.relevance.weak'), '弱'],
      },
      (text) => t('grid.notAChoice', { text, choices: `${t('structure.relevance.strong')}, ${t('structure.relevance.weak')}` }),
    );
    const basis = choiceParser<'share' | 'amount'>(
      {
        share: [en('structure.basis.share'), zh('structure.basis.share'), 'share', '比例', '%'],
        amount: [en('structure.basis.amount'), zh('structure.basis.amount'), 'amount', '金额'],
      },
      (text) => t('grid.notAChoice', { text, choices: `${t('structure.basis.share')}, ${t('structure.basis.amount')}` }),
    );
    const notANumber = (text: string) => ({ ok: false as const, message: t('grid.notANumber', { text }) });
    return {
      name: {
        text: (row) => row.name,
        parse: (row, text) => ({ ok: true, command: { type: 'renameNode', nodeId: row.id, name: text.trim() } }),
      },
      relevance: {
        text: (row) => t(`structure.relevance.${row.relevance}`),
        parse: (row, text) => {
          const chosen = relevance(text);
          if (!chosen.ok) return chosen;
          return { ok: true, command: chosen.value === row.relevance ? null : { type: 'setRelevance', nodeId: row.id, relevance: chosen.value } };
        },
      },
      basis: {
        text: (row) => t(`structure.basis.${row.basis.kind}`),
        parse: (row, text) => {
          if (row.isRoot) return null;
          const chosen = basis(text);
          if (!chosen.ok) return chosen;
          if (chosen.value === row.basis.kind) return { ok: true, command: null };
          // Switching keeps the amount the line stands for.
          const command: EditCommand =
            chosen.value === 'amount'
              ? { type: 'setBasis', nodeId: row.id, basis: { kind: 'amount', amount: clean(row.resolved) } }
              : {
                  type: 'setBasis',
                  nodeId: row.id,
                  basis: { kind: 'share', share: row.parentResolved > 0 ? Math.min(1, clean(row.resolved / row.parentResolved)) : 0 },
                };
          return { ok: true, command };
        },
      },
      share: {
        text: (row) => (row.basis.kind === 'share' ? String(clean(row.basis.share * 100)) : ''),
        parse: (row, text) => {
          if (row.isRoot) return null;
          if (text.trim() === '') return row.basis.kind === 'share' ? { ok: false, message: t('grid.empty') } : { ok: true, command: null };
          const share = typedNumber(text, true);
          if (share === null) return notANumber(text);
          return { ok: true, command: { type: 'setBasis', nodeId: row.id, basis: { kind: 'share', share } } };
        },
      },
      amount: {
        text: (row) => (row.basis.kind === 'amount' ? String(clean(view.fromYuan(row.basis.amount))) : ''),
        parse: (row, text) => {
          if (text.trim() === '') return row.basis.kind === 'amount' ? { ok: false, message: t('grid.empty') } : { ok: true, command: null };
          const amount = typedNumber(text, false);
          if (amount === null) return notANumber(text);
          return { ok: true, command: { type: 'setBasis', nodeId: row.id, basis: { kind: 'amount', amount: view.toYuan(amount) } } };
        },
      },
      resolved: { text: (row) => String(clean(view.fromYuan(row.resolved))) },
      percentOfTotal: { text: (row) => `${clean(row.percentOfTotal * 100)}%` },
    };
  }, [t, i18n, view]);

  const sheet = useSheet<StructureRow>({
    columns,
    rowId: (row) => row.id,
    rowLabel: (row) => row.name,
    onKey: (event, focused) => {
      const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'x' && focused) {
        cut(focused.row);
        return true;
      }
      if (mod && key === 'v' && focused && sheet.context.cutRowId) {
        pasteMove(focused.row, 'inside');
        return true;
      }
      if (event.altKey && !mod && focused?.row.hasChildren && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
        if (event.key === 'ArrowRight') expand(focused.row.id);
        else if (focused.row.expanded) toggle(focused.row.id);
        return true;
      }
      return false;
    },
    afterRowDataUpdated: () => {
      const id = pendingFocus.current;
      const api = sheet.api();
      if (!id || !api) return;
      const node = api.getRowNode(id);
      if (node?.rowIndex == null) return;
      pendingFocus.current = null;
      api.ensureIndexVisible(node.rowIndex);
      api.setFocusedCell(node.rowIndex, 'name');
    },
  });

  // The grid forgets a cut line that is gone (its notice hides itself, above).
  const { context: sheetContext, setCutRow } = sheet;
  useEffect(() => {
    const cutId = sheetContext.cutRowId;
    if (cutId && !rowsById.has(cutId)) setCutRow(null);
  }, [rowsById, sheetContext, setCutRow]);

  const edit = (command: EditCommand, at: { rowId: string; colId: string }): boolean => {
    const result = workspace.edit(command);
    if (!result.ok) {
      sheet.showError(at.rowId, at.colId, result.error);
      return false;
    }
    sheet.clearError();
    return true;
  };

  const childrenOf = (parentId: string, except?: string) => allRows.filter((row) => row.parentId === parentId && row.id !== except);

  const addChild = (parent: StructureRow) => {
    const id = newId();
    const name = uniqueName(
      t('structure.newLine'),
      childrenOf(parent.id).map((row) => row.name),
    );
    expand(parent.id);
    pendingFocus.current = id;
    edit(
      { type: 'addNode', node: { id, parentId: parent.id, name, basis: { kind: 'share', share: 0 }, relevance: parent.relevance } },
      { rowId: parent.id, colId: 'name' },
    );
  };

  const addSibling = (row: StructureRow) => {
    if (row.parentId === null) return;
    const id = newId();
    const name = uniqueName(
      t('structure.newLine'),
      childrenOf(row.parentId).map((sibling) => sibling.name),
    );
    pendingFocus.current = id;
    const command: EditCommand = { type: 'addNode', node: { id, parentId: row.parentId, name, basis: { kind: 'share', share: 0 }, relevance: row.relevance } };
    if (row.nextSiblingId) command.beforeId = row.nextSiblingId;
    edit(command, { rowId: row.id, colId: 'name' });
  };

  const remove = (row: StructureRow) => {
    if (row.isRoot) return;
    const start = allRows.indexOf(row);
    let count = 0;
    for (let k = start + 1; k < allRows.length && allRows[k]!.depth > row.depth; k++) count++;
    if (edit({ type: 'deleteNode', nodeId: row.id }, { rowId: row.id, colId: 'name' }))
      setNotice({ kind: 'deleted', name: row.name, count, serial: workspace.getState().changeSerial });
  };

  const cut = (row: StructureRow) => {
    if (row.isRoot) return;
    sheet.setCutRow(row.id);
    setNotice({ kind: 'cut', name: row.name, rowId: row.id });
  };

  const move = (nodeId: string, parentId: string, beforeId: string | undefined): boolean => {
    const command: EditCommand = beforeId ? { type: 'moveNode', nodeId, parentId, beforeId } : { type: 'moveNode', nodeId, parentId };
    if (!edit(command, { rowId: nodeId, colId: 'name' })) return false;
    expand(parentId);
    pendingFocus.current = nodeId;
    const name = rowsById.get(nodeId)?.name ?? '';
    setNotice({ kind: 'moved', name, serial: workspace.getState().changeSerial });
    return true;
  };

  /** Moves `nodeId` next to or into `target`, as a drop or a paste does. */
  const moveTo = (nodeId: string, target: StructureRow, position: DropPosition): boolean => {
    if (nodeId === target.id) return false;
    if (position === 'inside' || target.parentId === null) return move(nodeId, target.id, undefined);
    if (position === 'above') return move(nodeId, target.parentId, target.id);
    if (target.hasChildren && target.expanded) return move(nodeId, target.id, childrenOf(target.id, nodeId)[0]?.id);
    const siblings = childrenOf(target.parentId, nodeId);
    return move(nodeId, target.parentId, siblings[siblings.findIndex((row) => row.id === target.id) + 1]?.id);
  };

  const pasteMove = (target: StructureRow, position: DropPosition) => {
    const cutId = sheet.context.cutRowId;
    if (!cutId) return;
    if (moveTo(cutId, target, position)) sheet.setCutRow(null);
  };

  // Drag and drop: upper quarter of a row drops above it, lower quarter below, the middle into it.
  const dropTarget = (event: RowDragEvent<StructureRow>): { target: StructureRow; position: DropPosition } | null => {
    const over = event.overNode;
    const dragged = event.node.data;
    if (!over?.data || !dragged || over.data.id === dragged.id) return null;
    const top = over.rowTop ?? 0;
    const height = over.rowHeight ?? 30;
    const fraction = (event.y - top) / height;
    const position: DropPosition = over.data.isRoot ? 'inside' : fraction < 0.25 ? 'above' : fraction > 0.75 ? 'below' : 'inside';
    return { target: over.data, position };
  };
  const onRowDragMove = (event: RowDragEvent<StructureRow>) => {
    const drop = dropTarget(event);
    event.api.setRowDropPositionIndicator(drop ? { row: event.overNode, dropIndicatorPosition: drop.position } : null);
  };
  const onRowDragEnd = (event: RowDragEvent<StructureRow>) => {
    const drop = dropTarget(event);
    event.api.setRowDropPositionIndicator(null);
    const dragged = event.node.data;
    if (drop && dragged) moveTo(dragged.id, drop.target, drop.position);
  };
  const onRowDragLeave = (event: RowDragEvent<StructureRow>) => event.api.setRowDropPositionIndicator(null);

  const onCellContextMenu = (event: CellContextMenuEvent<StructureRow>) => {
    const mouse = event.event as MouseEvent | null;
    if (!event.data || !mouse || event.rowIndex === null) return;
    event.api.setFocusedCell(event.rowIndex, event.column);
    setMenu({ x: mouse.clientX, y: mouse.clientY, rowId: event.data.id });
  };
  const closeMenu = useCallback(() => setMenu(null), []);

  const focusedRow = sheet.focused ? rowsById.get(sheet.focused.rowId) : undefined;
  const cutId = sheet.context.cutRowId;
  const canPasteInto = (row: StructureRow | undefined) => {
    if (!row || !cutId || cutId === row.id) return false;
    // Not into the cut node's own subtree.
    for (let id: string | null = row.id; id !== null; id = rowsById.get(id)?.parentId ?? null) if (id === cutId) return false;
    return true;
  };

  const menuItems = (row: StructureRow): (MenuItem | 'separator')[] => [
    { id: 'add-child', label: t('structure.actions.addChild'), disabled: readOnly, run: () => addChild(row) },
    { id: 'add-sibling', label: t('structure.actions.addSibling'), disabled: readOnly || row.isRoot, run: () => addSibling(row) },
    'separator',
    { id: 'cut', label: t('structure.actions.cut'), shortcut: 'Ctrl+X', disabled: readOnly || row.isRoot, run: () => cut(row) },
    {
      id: 'paste-into',
      label: t('structure.actions.pasteInto'),
      shortcut: 'Ctrl+V',
      disabled: readOnly || !canPasteInto(row),
      run: () => pasteMove(row, 'inside'),
    },
    {
      id: 'paste-before',
      label: t('structure.actions.pasteBefore'),
      disabled: readOnly || row.isRoot || !canPasteInto(row),
      run: () => pasteMove(row, 'above'),
    },
    'separator',
    { id: 'copy', label: t('grid.copy'), shortcut: 'Ctrl+C', run: () => void navigator.clipboard.writeText(sheet.copyText()).catch(() => undefined) },
    { id: 'fill-down', label: t('grid.fillDown'), shortcut: 'Ctrl+D', disabled: readOnly, run: () => sheet.fillDown() },
    'separator',
    ...(row.hasChildren
      ? [{ id: 'toggle', label: row.expanded ? t('grid.collapse') : t('grid.expand'), shortcut: row.expanded ? 'Alt+←' : 'Alt+→', run: () => toggle(row.id) }]
      : []),
    { id: 'delete', label: t('structure.actions.delete'), danger: true, disabled: readOnly || row.isRoot, run: () => remove(row) },
  ];

  const amountUnit = unitLabel(unit, language, model.currency);
  const editable = !readOnly;
  const columnDefs = useMemo(
    (): ColDef<StructureRow>[] => [
      {
        colId: 'name',
        headerName: t('structure.columns.name'),
        flex: 2,
        minWidth: 150,
        valueGetter: (p) => p.data?.name,
        cellRenderer: TreeNameCell,
        cellRendererParams: { toggle },
        rowDrag: (p) => editable && !!p.data && !p.data.isRoot,
        editable,
        cellEditor: 'agTextCellEditor',
      },
      {
        colId: 'relevance',
        headerName: t('structure.columns.relevance'),
        width: 92,
        valueGetter: (p) => p.data?.relevance,
        valueFormatter: (p) => (p.value ? loose(t)(`structure.relevance.${p.value as string}`) : ''),
        cellClass: (p) => (p.data?.relevance === 'strong' ? 'relevance-strong' : 'relevance-weak'),
        editable,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: ['strong', 'weak'] },
      },
      {
        colId: 'basis',
        headerName: t('structure.columns.basis'),
        width: 84,
        valueGetter: (p) => p.data?.basis.kind,
        valueFormatter: (p) => (p.value ? loose(t)(`structure.basis.${p.value as string}`) : ''),
        editable: (p) => editable && !p.data?.isRoot,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: ['share', 'amount'] },
      },
      {
        colId: 'share',
        headerName: t('structure.columns.share'),
        headerClass: 'num',
        width: 92,
        valueGetter: (p) => (p.data ? columns['share']!.text(p.data) : ''),
        valueFormatter: (p) => (p.data?.basis.kind === 'share' ? view.percent(p.data.basis.share, 1) : ''),
        cellClass: (p) => (p.data?.basis.kind === 'share' ? 'num input' : 'num'),
        editable: (p) => editable && !p.data?.isRoot,
        cellEditor: 'agTextCellEditor',
      },
      {
        colId: 'amount',
        headerName: t('structure.columns.amount', { unit: amountUnit }),
        headerClass: 'num',
        width: 108,
        valueGetter: (p) => (p.data ? columns['amount']!.text(p.data) : ''),
        valueFormatter: (p) => (p.data?.basis.kind === 'amount' ? view.amount(p.data.basis.amount) : ''),
        cellClass: (p) => (p.data?.basis.kind === 'amount' ? 'num input' : 'num'),
        editable,
        cellEditor: 'agTextCellEditor',
      },
      {
        colId: 'resolved',
        headerName: t('structure.columns.resolved', { unit: amountUnit }),
        headerClass: 'num',
        width: 120,
        valueGetter: (p) => p.data?.resolved,
        valueFormatter: (p) => (typeof p.value === 'number' ? view.amount(p.value) : ''),
        cellClass: 'num',
      },
      {
        colId: 'percentOfTotal',
        headerName: t('structure.columns.percentOfTotal'),
        headerClass: 'num',
        width: 76,
        valueGetter: (p) => p.data?.percentOfTotal,
        valueFormatter: (p) => (typeof p.value === 'number' ? view.percent(p.value, 1) : ''),
        cellClass: 'num derived',
      },
    ],
    [t, view, amountUnit, columns, toggle, editable],
  );

  const changeSerial = useWorkspaceState((state) => state.changeSerial);
  const noticeCurrent = notice !== null && (notice.kind === 'cut' || notice.serial === changeSerial);
  const undo = () => {
    // Only the edit this message is about: after any later change the message is gone.
    if (!notice || notice.kind === 'cut' || notice.serial !== workspace.getState().changeSerial) return;
    setNotice(null);
    void workspace.undo();
  };

  const stopMouse = (event: ReactMouseEvent) => event.preventDefault();
  const target = focusedRow;
  // With no line selected, a new line goes under the root.
  const childParent = target ?? allRows[0];

  return (
    <div className="planner-screen structure-screen" data-testid="structure-screen">
      <div className="toolbar" onMouseDown={stopMouse}>
        <button data-testid="structure-add-child" disabled={readOnly || !childParent} onClick={() => childParent && addChild(childParent)}>
          + {t('structure.actions.addChild')}
        </button>
        <button data-testid="structure-add-sibling" disabled={readOnly || !target || target.isRoot} onClick={() => target && addSibling(target)}>
          + {t('structure.actions.addSibling')}
        </button>
        <button data-testid="structure-cut" disabled={readOnly || !target || target.isRoot} onClick={() => target && cut(target)} title="Ctrl+X">
          {t('structure.actions.cut')}
        </button>
        <button
          data-testid="structure-paste-into"
          disabled={readOnly || !canPasteInto(target)}
          onClick={() => target && pasteMove(target, 'inside')}
          title="Ctrl+V"
        >
          {t('structure.actions.pasteInto')}
        </button>
        <button data-testid="structure-fill-down" disabled={readOnly || !target} onClick={() => sheet.fillDown()} title="Ctrl+D">
          {t('grid.fillDown')}
        </button>
        <button className="danger" data-testid="structure-delete" disabled={readOnly || !target || target.isRoot} onClick={() => target && remove(target)}>
          {t('structure.actions.delete')}
        </button>
        <span className="toolbar-spacer" />
        <button data-testid="structure-expand-all" onClick={() => setCollapsed(new Set())}>
          {t('grid.expandAll')}
        </button>
        <button data-testid="structure-collapse-all" onClick={() => setCollapsed(parentIds(allRows.filter((row) => !row.isRoot)))}>
          {t('grid.collapseAll')}
        </button>
      </div>
      {notice && noticeCurrent && (
        <div className="notice" data-testid="structure-notice" role="status">
          <span>
            {notice.kind === 'deleted'
              ? notice.count > 0
                ? t('structure.deletedWithChildren', { name: notice.name, count: notice.count })
                : t('structure.deleted', { name: notice.name })
              : notice.kind === 'cut'
                ? t('structure.cutPending', { name: notice.name })
                : t('structure.moved', { name: notice.name })}
          </span>
          {notice.kind !== 'cut' && (
            <button data-testid="structure-notice-undo" onClick={undo}>
              {t('grid.undo')}
            </button>
          )}
          {notice.kind === 'cut' && (
            <button
              onClick={() => {
                sheet.setCutRow(null);
                setNotice(null);
              }}
            >
              {t('grid.cancel')}
            </button>
          )}
          <button className="notice-close" aria-label={t('grid.dismiss')} onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      <div className="structure-body">
        <div className="sheet" {...sheet.containerProps}>
          <div className="sheet-grid" data-testid="structure-grid">
            <AgGridReact<StructureRow>
              ref={sheet.gridRef}
              theme={gridTheme}
              rowData={rows}
              columnDefs={columnDefs}
              defaultColDef={sheet.defaultColDef}
              getRowId={getRowId}
              {...sheet.gridProps}
              onRowDragMove={onRowDragMove}
              onRowDragEnd={onRowDragEnd}
              onRowDragLeave={onRowDragLeave}
              onRowDragCancel={onRowDragLeave}
              onCellContextMenu={onCellContextMenu}
              preventDefaultOnContextMenu
              suppressCellFocus={false}
            />
          </div>
          <CellErrorLine error={sheet.error} onDismiss={sheet.clearError} />
          <p className="sheet-hint">{t('structure.hint')}</p>
        </div>
        <CompositionCharts tree={tree} />
      </div>
      {menu && rowsById.get(menu.rowId) && <ContextMenu x={menu.x} y={menu.y} items={menuItems(rowsById.get(menu.rowId)!)} onClose={closeMenu} />}
    </div>
  );
}
