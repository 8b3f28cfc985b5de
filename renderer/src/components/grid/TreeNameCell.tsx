import type { ICellRendererParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';

/** The fields a tree row needs for its name cell. */
export interface TreeRowShape {
  id: string;
  name: string;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
}

export interface TreeNameCellParams {
  toggle(id: string): void;
}

/** Name cell of a tree grid: indentation by depth and an expand / collapse button. */
export function TreeNameCell<Row extends TreeRowShape>(props: ICellRendererParams<Row> & TreeNameCellParams) {
  const { t } = useTranslation();
  const row = props.data;
  if (!row) return null;
  return (
    <span className="tree-cell" style={{ paddingLeft: row.depth * 14 }}>
      {row.hasChildren ? (
        <button
          type="button"
          className="tree-toggle"
          tabIndex={-1}
          aria-expanded={row.expanded}
          aria-label={row.expanded ? t('grid.collapse') : t('grid.expand')}
          data-testid={`toggle-${row.id}`}
          onClick={(event) => {
            event.stopPropagation();
            props.toggle(row.id);
          }}
        />
      ) : (
        <span className="tree-leaf" aria-hidden="true" />
      )}
      <span className={row.depth === 0 ? 'tree-name tree-root' : 'tree-name'}>{row.name}</span>
    </span>
  );
}
