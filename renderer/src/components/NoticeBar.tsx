import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../state/context';
import type { Notice } from '../state/library';
import { useLibrary, useLibraryState } from '../state/library-context';
import { loose } from '../i18n';

/** Says what the last file action did ("Imported 38 cost lines and 2 scenarios into 客户A.costplan"), with Undo where there is one. */
export function NoticeBar() {
  const { t } = useTranslation();
  const library = useLibrary();
  const workspace = useWorkspace();
  const notice = useLibraryState((state) => state.notice);
  if (!notice) return null;
  const undo =
    notice.kind === 'deleted'
      ? () => void library.restore(notice.deleted.id)
      : notice.kind === 'imported' && notice.outcome.mode === 'replace'
        ? () => {
            library.dismissNotice();
            void workspace.undo();
          }
        : undefined;
  return (
    <div className="notice-bar" role="status" data-testid="notice">
      <span className="notice-text">
        {noticeText(notice, loose(t))}
        {/* Formulas typed over in an exported workbook: their values are not kept, and the user is told where. */}
        {notice.kind === 'imported' &&
          notice.outcome.warnings.map((warning) => (
            <span key={warning.sheet} className="notice-warning" data-testid="notice-warning">
              {t('notices.formulasReplaced', { count: warning.count, sheet: warning.sheet, cell: warning.cell })}
            </span>
          ))}
      </span>
      {undo && (
        <button data-testid="notice-undo" onClick={undo}>
          {t('notices.undo')}
        </button>
      )}
      <button onClick={() => library.dismissNotice()}>{t('notices.dismiss')}</button>
    </div>
  );
}

export function noticeText(notice: Notice, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (notice.kind) {
    case 'imported': {
      const { outcome } = notice;
      const parts = {
        lines: t('notices.lines', { count: outcome.costLines }),
        scenarios: t('notices.scenarioCount', { count: outcome.scenarios }),
        file: outcome.fileName,
      };
      return t(outcome.mode === 'new' ? 'notices.importedNew' : 'notices.importedReplace', parts);
    }
    case 'deleted':
      return t('notices.deleted', { file: notice.deleted.fileName });
    default:
      return t(`notices.${notice.kind}`, { file: notice.fileName });
  }
}
