import { useTranslation } from 'react-i18next';
import { errorText, useMessageView } from '../messages';
import { useWorkspace, useWorkspaceState } from '../state/context';

/** API errors in plain words, with what to do about them. */
export function ErrorBanner() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const error = useWorkspaceState((state) => state.error);
  const view = useMessageView();
  if (!error) return null;
  const hint = error.code === 'offline' ? t('errors.offline') : t('errors.generic');
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
