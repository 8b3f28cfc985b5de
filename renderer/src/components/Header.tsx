import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { UPLOAD_EXTENSIONS } from '../../../shared/api/files';
import { DISPLAY_UNITS, LANGUAGES, type DisplayUnit, type Language } from '../../../shared/model/units';
import { useViewLanguage, useViewUnit, useWorkspace, useWorkspaceState } from '../state/context';
import { useLibrary, useLibraryState } from '../state/library-context';
import { useImport } from '../screens/models/ImportDialog';
import { renderProblem } from '../../../shared/messages/render';
import { useMessageView } from '../messages';

/** The Models button, model name, file, saved state, unit and language, undo and redo, export and import. */
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
  const library = useLibrary();
  const busy = useLibraryState((state) => state.busy);
  const view = useLibraryState((state) => state.view);
  const startImport = useImport();
  const uploadInput = useRef<HTMLInputElement>(null);
  const language = useViewLanguage();
  const unit = useViewUnit();
  const messageView = useMessageView();

  // The browser uploads a file from the planner's disk; the desktop asks in a native dialog.
  const importFile = async () => {
    if (library.transport === 'browser') return uploadInput.current?.click();
    const source = await library.pick('import');
    if (source) await startImport(source);
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const source = await library.upload(file);
    if (source) await startImport(source);
  };

  return (
    <header className="header">
      <div className="header-title">
        <button
          data-testid="show-models"
          className={view === 'models' ? 'models-button active' : 'models-button'}
          title={t('models.buttonHint')}
          onClick={() => library.showModels()}
        >
          {t('models.button')}
        </button>
        <h1 data-testid="model-name">{model?.name ?? t('app.title')}</h1>
        {file && (
          <span className="file" title={file.path}>
            {file.name}
          </span>
        )}
        {readOnly ? (
          <span className="badge warning" data-testid="read-only" title={renderProblem(readOnly.problem, messageView)}>
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
          <select data-testid="display-unit" value={unit} onChange={(event) => workspace.setDisplayUnit(event.target.value as DisplayUnit)}>
            {DISPLAY_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {t(`units.${unit}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('header.language')}{' '}
          <select data-testid="language" value={language} onChange={(event) => workspace.setLanguage(event.target.value as Language)}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </select>
        </label>
        <button data-testid="export" disabled={busy !== null || model === null} onClick={() => void library.exportFile('workbook', language)}>
          {busy === 'export' ? <span className="spinner" aria-label={t('header.exporting')} /> : null}
          {busy === 'export' ? t('header.exporting') : t('header.export')}
        </button>
        <button data-testid="export-deck" disabled={busy !== null || !model || model.scenarios.length === 0} onClick={() => workspace.openDeckDialog()}>
          {t('deck.button')}
        </button>
        <button data-testid="import" disabled={busy !== null} onClick={() => void importFile()}>
          {busy === 'import' || busy === 'upload' ? t('header.importing') : t('header.import')}
        </button>
        <input
          ref={uploadInput}
          type="file"
          hidden
          data-testid="import-input"
          accept={UPLOAD_EXTENSIONS.join(',')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            void upload(file);
          }}
        />
      </div>
    </header>
  );
}
