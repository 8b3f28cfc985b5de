import { useTranslation } from 'react-i18next';
import { OFFLINE } from '../api/offline';
import { errorText, useMessageView } from '../messages';
import { useWorkspace, useWorkspaceState } from '../state/context';

/** API errors in plain words, with what to do about them. */
export function ErrorBanner() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const error = useWorkspaceState((state) => state.error);
  const view = useMessageView();
  if (!error) return null;
  const hint = error.code === OFFLINE ? t('errors.offline') : error.code === 'save-failed' ? t('errors.unsaved') : t('errors.generic');
  return (
    <div className="error-banner" role="alert">
      <strong>{t('errors.title')}:</strong> <span className="error-message">{errorText(error, view)}</span>
      <span className="error-hint">
        {t('errors.whatToDo')}: {hint}
      </span>
      <button onClick={() => workspace.dismissError()}>{t('errors.dismiss')}</button>
    </div>
  );
}
