import { useTranslation } from 'react-i18next';
import { DISPLAY_UNITS, LANGUAGES, type DisplayUnit, type Language } from '../../../shared/model/units';
import { useWorkspace, useWorkspaceState } from '../state/context';

/** Model name, file, saved state, unit and language, undo and redo, export and import. */
export function Header() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const model = useWorkspaceState((state) => state.model);
  const file = useWorkspaceState((state) => state.session?.file ?? null);
  const readOnly = useWorkspaceState((state) => state.session?.readOnly ?? null);
  const saveState = useWorkspaceState((state) => state.saveState);
  const unsavedEdits = useWorkspaceState((state) => state.unsavedEdits);
  const canUndo = useWorkspaceState((state) => state.canUndo);
  const canRedo = useWorkspaceState((state) => state.canRedo);
  const busy = useWorkspaceState((state) => state.busy);

  const exportWorkbook = async () => {
    const file = await workspace.exportWorkbook();
    if (!file) return;
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const importFile = () => {
    const path = window.prompt(t('header.importPrompt'));
    if (path) void workspace.importFile(path);
  };

  return (
    <header className="header">
      <div className="header-title">
        <h1 data-testid="model-name">{model?.name ?? t('app.title')}</h1>
        {file && (
          <span className="file" title={file.path}>
            {file.name}
          </span>
        )}
        {readOnly ? (
          <span className="badge warning" title={readOnly.message}>
            {t('header.readOnly')}
          </span>
        ) : (
          <span className={`badge ${saveState}`} data-testid="save-state">
            {t(saveState === 'saved' ? 'header.saved' : saveState === 'saving' ? 'header.saving' : 'header.saveFailed')}
          </span>
        )}
        {unsavedEdits > 0 && (
          <button data-testid="retry-save" onClick={() => void workspace.retrySaving()}>
            {t('header.retrySave', { count: unsavedEdits })}
          </button>
        )}
      </div>
      <div className="header-tools">
        <button data-testid="undo" disabled={!canUndo} onClick={() => void workspace.undo()} title="Ctrl/Cmd+Z">
          {t('header.undo')}
        </button>
        <button data-testid="redo" disabled={!canRedo} onClick={() => void workspace.redo()} title="Ctrl/Cmd+Y">
          {t('header.redo')}
        </button>
        <label>
          {t('header.unit')}{' '}
          <select data-testid="display-unit" value={model?.displayUnit} onChange={(event) => workspace.setDisplayUnit(event.target.value as DisplayUnit)}>
            {DISPLAY_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {t(`units.${unit}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('header.language')}{' '}
          <select data-testid="language" value={model?.language} onChange={(event) => workspace.setLanguage(event.target.value as Language)}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </select>
        </label>
        <button data-testid="export" disabled={busy !== null} onClick={() => void exportWorkbook()}>
          {busy === 'export' ? <span className="spinner" aria-label={t('header.exporting')} /> : null}
          {busy === 'export' ? t('header.exporting') : t('header.export')}
        </button>
        <button data-testid="import" disabled={busy !== null || readOnly !== null} onClick={importFile}>
          {busy === 'import' ? t('header.importing') : t('header.import')}
        </button>
      </div>
    </header>
  );
}
