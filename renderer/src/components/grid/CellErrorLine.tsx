import { useTranslation } from 'react-i18next';
import type { SheetError } from './useSheet';

/** The message line under a grid: which cell was refused and the engine's reason. */
export function CellErrorLine({ error, onDismiss }: { error: SheetError | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="cell-error sheet-error" role="alert" data-testid="cell-error" data-row-id={error.rowId} data-col-id={error.colId}>
      <span className="sheet-error-where">{error.where}</span>
      <span className="sheet-error-message">{error.message}</span>
      <span className="muted">{t('grid.notChanged')}</span>
      <button type="button" onClick={onDismiss}>
        {t('grid.dismiss')}
      </button>
    </div>
  );
}
