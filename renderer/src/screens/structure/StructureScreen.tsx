import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { CellContextMenuEvent, ColDef, GetRowIdParams, RowClassParams, RowDragEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import { batchOf, type EditCommand, type SingleEditCommand } from '../../../../shared/edits/commands';
import type { ModelResult } from '../../../../shared/engine';
import { unitLabel } from '../../../../shared/format/number';
import type { Model, Relevance } from '../../../../shared/model/schema';
import { CellErrorLine } from '../../components/grid/CellErrorLine';
import { useDialogs } from '../../components/dialog';
import { ContextMenu, type MenuItem } from '../../components/grid/ContextMenu';
import { gridTheme } from '../../components/grid/setup';
import { choiceParser, clean, typedNumber, type SheetColumn } from '../../components/grid/sheet';
import { parentIds, visibleTreeRows } from '../../components/grid/tree';
import { TreeNameCell } from '../../components/grid/TreeNameCell';
import { useSheet } from '../../components/grid/useSheet';
import { useNumberView } from '../../format';
import { useWorkspace, useWorkspaceState } from '../../state/context';
import { matchesQuery } from '../../components/picker/match';
import { CompositionCharts } from './CompositionCharts';
import { FindBar } from './FindBar';
import { amountKeepingShare, shareKeepingAmount } from './move';
import { MoveShareDialog, type MoveChoice } from './MoveShareDialog';
import { filterTreeRows, newId, structureRows, uniqueName, withUnallocatedRows, type StructureRow } from './rows';
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
  // Find (Ctrl+F) and filter: the lines whose name holds every word typed, in tree order.
  const [find, setFind] = useState<{ query: string; filter: boolean; at: number } | null>(null);
  const query = find?.query.trim() ?? '';
  const matchIds = useMemo(() => (query === '' ? [] : allRows.filter((row) => matchesQuery(row.name, query)).map((row) => row.id)), [allRows, query]);
  const matchSet = useMemo(() => new Set(matchIds), [matchIds]);
  // `at` is -1 until Enter goes to the first match.
  const currentMatch = find && find.at >= 0 && matchIds.length > 0 ? matchIds[Math.min(find.at, matchIds.length - 1)]! : null;
  const filtering = find?.filter === true && query !== '';
  // Named with its parent: several remainders can end at the same place in the tree.
  const unallocatedName = useCallback((parent: StructureRow) => t('structure.unallocatedRow', { name: parent.name }), [t]);
  const rows = useMemo(() => {
    if (filtering) return filterTreeRows(allRows, (row) => matchSet.has(row.id));
    const shown = visibleTreeRows(allRows, collapsed).map((row) => (row.hasChildren && collapsed.has(row.id) ? { ...row, expanded: false } : row));
    return withUnallocatedRows(shown, tree, unallocatedName);
  }, [allRows, collapsed, filtering, matchSet, tree, unallocatedName]);
  const [storedNotice, setNotice] = useState<Notice | null>(null);
  // A cut line that is gone (deleted, undone) is no longer waiting for a paste.
  const notice = storedNotice?.kind === 'cut' && !rowsById.has(storedNotice.rowId) ? null : storedNotice;
  const [menu, setMenu] = useState<{ x: number; y: number; rowId: string } | null>(null);
  const pendingFocus = useRef<string | null>(null);
  /** A match to scroll to once the grid shows it (after its ancestors were expanded). */
  const pendingReveal = useRef<string | null>(null);
  const dialogs = useDialogs();

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
    const byColumn: Record<string, SheetColumn<StructureRow>> = {
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
    // The unallocated rows are read-only: a paste or fill over them writes nothing there.
    return Object.fromEntries(
      Object.entries(byColumn).map(([colId, column]) => {
        if (!column.parse) return [colId, column];
        const readOnlyAware: SheetColumn<StructureRow> = {
          ...column,
          parse: (row, text) => (row.unallocated ? null : (column.parse?.(row, text) ?? null)),
        };
        return [colId, readOnlyAware];
      }),
    );
  }, [t, i18n, view]);

  const sheet = useSheet<StructureRow>({
    columns,
    rowId: (row) => row.id,
    rowLabel: (row) => row.name,
    onKey: (event, focused) => {
      const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
      const key = event.key.toLowerCase();
      if (focused?.row.unallocated) return false;
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
      revealMatch();
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

  // ------------------------------------------------------------- find and filter
  const [findFocus, setFindFocus] = useState(0);
  const openFind = useCallback(() => {
    setFind((before) => before ?? { query: '', filter: false, at: -1 });
    setFindFocus((n) => n + 1);
  }, []);
  // Ctrl+F anywhere on this screen opens the app's find box (not the browser's).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'f') return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      event.stopPropagation();
      openFind();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [openFind]);

  /** Scrolls the grid to the match waiting to be shown, once the grid has its row. */
  function revealMatch() {
    const id = pendingReveal.current;
    const api = sheet.api();
    if (!id || !api) return;
    const node = api.getRowNode(id);
    if (node?.rowIndex == null) return;
    pendingReveal.current = null;
    api.ensureNodeVisible(node, 'middle');
  }
  const findAt = (at: number) => {
    if (!find || matchIds.length === 0) return;
    const index = ((at % matchIds.length) + matchIds.length) % matchIds.length;
    const id = matchIds[index]!;
    setFind({ ...find, at: index });
    // Expand every collapsed ancestor of the match, then scroll to it.
    setCollapsed((before) => {
      let next: Set<string> | null = null;
      for (let parent = rowsById.get(id)?.parentId ?? null; parent !== null; parent = rowsById.get(parent)?.parentId ?? null) {
        if (!before.has(parent)) continue;
        next ??= new Set(before);
        next.delete(parent);
      }
      return next ?? before;
    });
    pendingReveal.current = id;
  };
  const closeFind = () => {
    const id = currentMatch;
    setFind(null);
    if (!id) return;
    // Back in the grid on the line found (after the filter is gone, when it was on).
    const api = sheet.api();
    const node = api?.getRowNode(id);
    if (!filtering && api && node?.rowIndex != null) {
      api.ensureNodeVisible(node);
      api.setFocusedCell(node.rowIndex, 'name');
    } else pendingFocus.current = id;
  };
  // Rows marked as matches (and the current one) are drawn again when the matches change.
  useEffect(() => {
    const api = sheet.api();
    if (api && !api.isDestroyed()) api.redrawRows();
    revealMatch();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- redraw on a new match set or current match only
  }, [matchSet, currentMatch]);
  const rowClassRules = useMemo(
    () => ({
      ...sheet.gridProps.rowClassRules,
      'find-match': (params: RowClassParams<StructureRow>) => matchSet.has(params.node.id ?? ''),
      'find-current': (params: RowClassParams<StructureRow>) => params.node.id === currentMatch,
      'structure-unallocated': (params: RowClassParams<StructureRow>) => params.data?.unallocated === true,
    }),
    [sheet.gridProps.rowClassRules, matchSet, currentMatch],
  );

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
    if (row.isRoot || row.unallocated) return;
    sheet.setCutRow(row.id);
    setNotice({ kind: 'cut', name: row.name, rowId: row.id });
  };

  /**
   * A line entered as a share that changes parent: asks whether it keeps its share or its
   * amount. Null when the planner cancels; the edits to add to the move otherwise.
   */
  const askMoveShare = async (row: StructureRow, parentId: string): Promise<SingleEditCommand[] | null> => {
    if (row.basis.kind !== 'share' || row.parentId === parentId) return [];
    // A move under the line's own subtree is refused by the edit itself: no question first.
    for (let id: string | null = parentId; id !== null; id = rowsById.get(id)?.parentId ?? null) if (id === row.id) return [];
    const newParent = rowsById.get(parentId);
    const oldParent = row.parentId === null ? undefined : rowsById.get(row.parentId);
    if (!newParent) return [];
    const share = row.basis.share;
    const kept = shareKeepingAmount(row.resolved, newParent.resolved);
    const money = (yuan: number) => `${view.amount(yuan)} ${amountUnit}`;
    const choice = await dialogs.open<MoveChoice>((close) => (
      <MoveShareDialog
        close={close}
        question={{
          name: row.name,
          from: oldParent?.name ?? '',
          to: newParent.name,
          shareText: view.percent(share, 2),
          amountText: money(row.resolved),
          newAmountText: money(amountKeepingShare(share, newParent.resolved)),
          kept,
          keptShareText: kept.ok ? view.percent(kept.share, 2) : '',
        }}
      />
    ));
    if (choice === null) return null;
    if (choice === 'keepShare' || !kept.ok) return [];
    return [{ type: 'setBasis', nodeId: row.id, basis: { kind: 'share', share: kept.share } }];
  };

  const move = async (nodeId: string, parentId: string, beforeId: string | undefined): Promise<boolean> => {
    const row = rowsById.get(nodeId);
    const extra = row ? await askMoveShare(row, parentId) : [];
    if (extra === null) return false;
    const moveCommand: SingleEditCommand = beforeId ? { type: 'moveNode', nodeId, parentId, beforeId } : { type: 'moveNode', nodeId, parentId };
    // Move and new share are one edit: validated together, one undo step.
    if (!edit(batchOf([moveCommand, ...extra], 'move'), { rowId: nodeId, colId: 'name' })) return false;
    expand(parentId);
    pendingFocus.current = nodeId;
    const name = rowsById.get(nodeId)?.name ?? '';
    setNotice({ kind: 'moved', name, serial: workspace.getState().changeSerial });
    return true;
  };

  /** Moves `nodeId` next to or into `target`, as a drop or a paste does. */
  const moveTo = async (nodeId: string, target: StructureRow, position: DropPosition): Promise<boolean> => {
    if (nodeId === target.id || target.unallocated) return false;
    if (position === 'inside' || target.parentId === null) return move(nodeId, target.id, undefined);
    if (position === 'above') return move(nodeId, target.parentId, target.id);
    if (target.hasChildren && target.expanded) return move(nodeId, target.id, childrenOf(target.id, nodeId)[0]?.id);
    const siblings = childrenOf(target.parentId, nodeId);
    return move(nodeId, target.parentId, siblings[siblings.findIndex((row) => row.id === target.id) + 1]?.id);
  };

  const pasteMove = (target: StructureRow, position: DropPosition) => {
    const cutId = sheet.context.cutRowId;
    if (!cutId) return;
    void moveTo(cutId, target, position).then((moved) => moved && sheet.setCutRow(null));
  };

  // Drag and drop: upper quarter of a row drops above it, lower quarter below, the middle into it.
  const dropTarget = (event: RowDragEvent<StructureRow>): { target: StructureRow; position: DropPosition } | null => {
    const over = event.overNode;
    const dragged = event.node.data;
    if (!over?.data || !dragged || over.data.id === dragged.id || over.data.unallocated) return null;
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
    if (drop && dragged) void moveTo(dragged.id, drop.target, drop.position);
  };
  const onRowDragLeave = (event: RowDragEvent<StructureRow>) => event.api.setRowDropPositionIndicator(null);

  const onCellContextMenu = (event: CellContextMenuEvent<StructureRow>) => {
    const mouse = event.event as MouseEvent | null;
    if (!event.data || !mouse || event.rowIndex === null || event.data.unallocated) return;
    event.api.setFocusedCell(event.rowIndex, event.column);
    setMenu({ x: mouse.clientX, y: mouse.clientY, rowId: event.data.id });
  };
  const closeMenu = useCallback(() => setMenu(null), []);

  const focusedRow = sheet.focused ? rowsById.get(sheet.focused.rowId) : undefined;
  const cutId = sheet.context.cutRowId;
  const canPasteInto = (row: StructureRow | undefined) => {
    if (!row || !cutId || cutId === row.id || row.unallocated) return false;
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
        rowDrag: (p) => editable && !!p.data && !p.data.isRoot && !p.data.unallocated,
        editable: (p) => editable && !p.data?.unallocated,
        cellEditor: 'agTextCellEditor',
      },
      {
        colId: 'relevance',
        headerName: t('structure.columns.relevance'),
        width: 92,
        valueGetter: (p) => p.data?.relevance,
        valueFormatter: (p) => (p.value ? loose(t)(`structure.relevance.${p.value as string}`) : ''),
        cellClass: (p) => (p.data?.relevance === 'strong' ? 'relevance-strong' : 'relevance-weak'),
        editable: (p) => editable && !p.data?.unallocated,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: ['strong', 'weak'] },
      },
      {
        colId: 'basis',
        headerName: t('structure.columns.basis'),
        width: 84,
        valueGetter: (p) => p.data?.basis.kind,
        valueFormatter: (p) => (p.value && !p.data?.unallocated ? loose(t)(`structure.basis.${p.value as string}`) : ''),
        editable: (p) => editable && !p.data?.isRoot && !p.data?.unallocated,
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
        cellClass: (p) => (p.data?.basis.kind === 'share' && !p.data.unallocated ? 'num input' : 'num'),
        editable: (p) => editable && !p.data?.isRoot && !p.data?.unallocated,
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
        editable: (p) => editable && !p.data?.unallocated,
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
        <button data-testid="structure-find-open" onClick={openFind} title="Ctrl+F">
          {t('structure.find.open')}
        </button>
        <button data-testid="structure-expand-all" onClick={() => setCollapsed(new Set())}>
          {t('grid.expandAll')}
        </button>
        <button data-testid="structure-collapse-all" onClick={() => setCollapsed(parentIds(allRows.filter((row) => !row.isRoot)))}>
          {t('grid.collapseAll')}
        </button>
      </div>
      {find && (
        <FindBar
          query={find.query}
          filter={find.filter}
          at={currentMatch === null ? 0 : matchIds.indexOf(currentMatch) + 1}
          count={matchIds.length}
          focusRequest={findFocus}
          onQuery={(text) => setFind({ query: text, filter: find.filter, at: -1 })}
          onFilter={(on) => setFind({ ...find, filter: on })}
          onNext={() => findAt(currentMatch === null ? 0 : matchIds.indexOf(currentMatch) + 1)}
          onPrevious={() => findAt(currentMatch === null ? matchIds.length - 1 : matchIds.indexOf(currentMatch) - 1)}
          onClose={closeFind}
        />
      )}
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
              rowClassRules={rowClassRules}
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
