import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';
import { useDialogs } from '../../components/dialog';
import type { ImportSource } from '../../state/library';
import { useLibrary } from '../../state/library-context';
import { useWorkspace } from '../../state/context';

/**
 * Asks how to import a file: as a new model (the default) or over the open one (chosen
 * explicitly, with a red Replace button and the word that it can be undone).
 */
function ImportDialog({
  source,
  openFile,
  readOnly,
  close,
}: {
  source: ImportSource;
  openFile: string | null;
  readOnly: boolean;
  close: (mode: 'new' | 'replace' | null) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'new' | 'replace'>('new');
  const canReplace = openFile !== null && !readOnly;
  return (
    <Dialog
      title={t('import.title', { name: source.name })}
      testId="import-dialog"
      wide
      onCancel={() => close(null)}
      onSubmit={() => close(mode)}
      actions={
        <>
          <button type="button" data-testid="dialog-cancel" onClick={() => close(null)}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" data-testid="dialog-ok" className={mode === 'replace' ? 'primary danger' : 'primary'}>
            {mode === 'replace' ? t('import.confirmReplace') : t('import.confirmNew')}
          </button>
        </>
      }
    >
      <label className="choice">
        <input type="radio" name="import-mode" value="new" data-autofocus checked={mode === 'new'} onChange={() => setMode('new')} />
        <span>
          {t('import.asNew')}
          <small>{t('import.asNewHint')}</small>
        </span>
      </label>
      <label className="choice">
        <input type="radio" name="import-mode" value="replace" disabled={!canReplace} checked={mode === 'replace'} onChange={() => setMode('replace')} />
        <span>
          {openFile ? t('import.replace', { file: openFile }) : t('import.noOpenModel')}
          <small className={mode === 'replace' ? 'warning' : undefined}>{readOnly ? t('import.readOnly') : t('import.replaceHint')}</small>
        </span>
      </label>
    </Dialog>
  );
}

/** The import flow: the choice, then the import, then the status line says what it did. */
export function useImport(): (source: ImportSource) => Promise<void> {
  const dialogs = useDialogs();
  const library = useLibrary();
  const workspace = useWorkspace();
  return async (source) => {
    const state = workspace.getState();
    const mode = await dialogs.open<'new' | 'replace' | null>((close) => (
      <ImportDialog source={source} openFile={state.session?.file?.name ?? null} readOnly={state.session?.readOnly != null} close={close} />
    ));
    if (mode) await library.importFrom(source, mode);
  };
}
