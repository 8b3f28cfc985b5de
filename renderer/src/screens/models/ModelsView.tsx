import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ModelEntry } from '../../../../shared/api/contract';
import { MODEL_EXTENSION, MODEL_TEMPLATES, modelNameIssue, UPLOAD_EXTENSIONS, type ModelNameIssue, type ModelTemplate } from '../../../../shared/api/files';
import type { Language } from '../../../../shared/model/units';
import { useDialogs } from '../../components/dialog';
import { renderProblem } from '../../../../shared/messages/render';
import { errorText, useMessageView } from '../../messages';
import { useWorkspaceState } from '../../state/context';
import { useLibrary, useLibraryState } from '../../state/library-context';
import { useImport } from './ImportDialog';
import './models.css';
import { loose } from '../../i18n';

const stem = (fileName: string) => (fileName.toLowerCase().endsWith(MODEL_EXTENSION) ? fileName.slice(0, -MODEL_EXTENSION.length) : fileName);

/**
 * The start view: the model files in the data folder (name, file, scenarios, modified) with
 * open, duplicate, rename, delete and download; new models from each template; upload and
 * drag-and-drop of a .costplan, .xlsx or .csv (browser) or native Open and Import (desktop);
 * recent files, and recently deleted models to restore.
 */
export function ModelsView() {
  const { t, i18n } = useTranslation();
  const library = useLibrary();
  const dialogs = useDialogs();
  const startImport = useImport();
  const models = useLibraryState((state) => state.models);
  const recent = useLibraryState((state) => state.recent);
  const deleted = useLibraryState((state) => state.deleted);
  const busy = useLibraryState((state) => state.busy);
  const openFile = useWorkspaceState((state) => state.session?.file ?? null);
  const language: Language = i18n.language === 'en' ? 'en' : 'zh';
  const messageView = useMessageView();
  const desktop = library.transport === 'desktop';
  const uploadInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    void library.refresh();
  }, [library]);

  const when = (iso: string) =>
    new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  // The name's own rules are checked here, in the UI's language; the rest (a name taken) by the main process.
  const nameCheck = (action: (name: string) => Promise<ApiError | undefined>) => async (name: string) => {
    const issue = modelNameIssue(stem(name));
    if (issue) return describeNameIssue(issue, stem(name), loose(t));
    const error = await action(name.trim());
    if (!error) return undefined;
    return error.code === 'exists' ? t('models.exists', { file: `${stem(name.trim())}${MODEL_EXTENSION}` }) : errorText(error, messageView);
  };

  const create = (template: ModelTemplate) =>
    dialogs.askText({
      title: t('models.newTitle', { template: t(`models.templates.${template}`) }),
      label: t('models.nameLabel'),
      initial: uniqueName(t('models.defaultName'), models ?? []),
      confirmLabel: t('models.create'),
      check: nameCheck((name) => library.create(template, name, language)),
    });
  const duplicate = (entry: ModelEntry) =>
    dialogs.askText({
      title: t('models.duplicateTitle', { name: entry.fileName }),
      label: t('models.nameLabel'),
      initial: uniqueName(t('models.duplicateName', { name: stem(entry.fileName) }), models ?? []),
      confirmLabel: t('models.duplicate'),
      check: nameCheck((name) => library.duplicate(entry.file, name)),
    });
  const rename = (entry: ModelEntry) =>
    dialogs.askText({
      title: t('models.renameTitle', { name: entry.fileName }),
      label: t('models.nameLabel'),
      initial: stem(entry.fileName),
      confirmLabel: t('models.renameConfirm'),
      check: nameCheck((name) => (stem(name) === stem(entry.fileName) ? Promise.resolve(undefined) : library.rename(entry.file, name))),
    });
  const remove = async (entry: ModelEntry) => {
    const confirmed = await dialogs.askConfirm({
      title: t('models.deleteTitle', { name: entry.fileName }),
      message: t('models.deleteMessage'),
      confirmLabel: t('models.deleteConfirm'),
      danger: true,
    });
    if (confirmed) await library.remove(entry.file);
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const source = await library.upload(file);
    if (source) await startImport(source);
  };
  const importFromDisk = async () => {
    const source = await library.pick('import');
    if (source) await startImport(source);
  };
  const openFromDisk = async () => {
    const source = await library.pick('open');
    if (source) await library.open(source.file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!desktop) void upload(event.dataTransfer.files[0]);
  };

  return (
    <section
      className={dragging ? 'models-view dragging' : 'models-view'}
      data-view="models"
      onDragOver={(event) => {
        if (desktop || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="models-head">
        <div>
          <h2>{t('models.heading')}</h2>
          <p className="muted">{t('models.subtitle')}</p>
        </div>
        {openFile && (
          <button className="primary" data-testid="models-continue" onClick={() => library.showWorkspace()}>
            {t('models.continue', { name: openFile.name })} →
          </button>
        )}
      </div>

      <div className="models-new">
        <h3>{t('models.newHeading')}</h3>
        <div className="template-list">
          {MODEL_TEMPLATES.map((template) => (
            <button key={template} className="template" data-template={template} onClick={() => void create(template)}>
              <strong>{t(`models.templates.${template}`)}</strong>
              <span className="muted">{t(`models.templates.${template}Hint`)}</span>
            </button>
          ))}
          {desktop ? (
            <>
              <button className="template" data-testid="open-other" onClick={() => void openFromDisk()}>
                <strong>{t('models.openOther')}</strong>
                <span className="muted">.costplan</span>
              </button>
              <button className="template" data-testid="import-other" onClick={() => void importFromDisk()}>
                <strong>{t('models.importOther')}</strong>
                <span className="muted">.xlsx, .csv, .costplan</span>
              </button>
            </>
          ) : (
            <button className="template upload" data-testid="upload" disabled={busy !== null} onClick={() => uploadInput.current?.click()}>
              <strong>
                {busy === 'upload' || busy === 'import' ? <span className="spinner" /> : null}
                {t('models.upload')}
              </strong>
              <span className="muted">{t('models.uploadHint')}</span>
            </button>
          )}
        </div>
        <input
          ref={uploadInput}
          type="file"
          hidden
          data-testid="upload-input"
          accept={UPLOAD_EXTENSIONS.join(',')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            void upload(file);
          }}
        />
      </div>

      <table className="models-table" data-testid="models-table">
        <thead>
          <tr>
            <th>{t('models.name')}</th>
            <th className="number">{t('models.scenarios')}</th>
            <th className="number">{t('models.costLines')}</th>
            <th>{t('models.modified')}</th>
            <th>{t('models.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(models ?? []).map((entry) => (
            <tr key={entry.file} data-model-file={entry.fileName} className={entry.open ? 'open' : undefined}>
              <td>
                <button
                  className="model-name"
                  disabled={entry.problem !== undefined}
                  onClick={() => void library.open(entry.file)}
                  title={entry.problem ? renderProblem(entry.problem, messageView) : undefined}
                >
                  <strong>{stem(entry.fileName)}</strong>
                  {entry.open && <span className="badge saved">{t('models.isOpen')}</span>}
                  <span className="muted model-title">{entry.problem ? t('models.cannotOpen') : entry.name}</span>
                </button>
                {entry.problem && <div className="model-problem">{renderProblem(entry.problem, messageView)}</div>}
              </td>
              <td className="number">{entry.scenarios ?? '–'}</td>
              <td className="number">{entry.costLines ?? '–'}</td>
              <td className="when">{when(entry.modifiedAt)}</td>
              <td className="row-actions">
                <button data-action="open" disabled={entry.problem !== undefined} onClick={() => void library.open(entry.file)}>
                  {t('models.open')}
                </button>
                <button data-action="duplicate" disabled={entry.problem !== undefined} onClick={() => void duplicate(entry)}>
                  {t('models.duplicate')}
                </button>
                <button data-action="rename" onClick={() => void rename(entry)}>
                  {t('models.rename')}
                </button>
                <button data-action="delete" className="danger" onClick={() => void remove(entry)}>
                  {t('models.delete')}
                </button>
                {entry.open && (
                  <button
                    data-action="download"
                    title={t(desktop ? 'models.saveCopyHint' : 'models.downloadHint')}
                    disabled={busy !== null}
                    onClick={() => void library.exportFile('model')}
                  >
                    {t(desktop ? 'models.saveCopy' : 'models.download')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {models !== null && models.length === 0 && <p className="muted">{t('models.none')}</p>}

      <div className="models-columns">
        {recent.length > 0 && (
          <div>
            <h3>{t('models.recent')}</h3>
            <ul className="plain-list" data-testid="recent-files">
              {recent.map((entry) => (
                <li key={entry.path}>
                  <button className="link" disabled={entry.file === null} title={entry.path} onClick={() => entry.file && void library.open(entry.file)}>
                    {entry.name}
                  </button>
                  <span className="muted"> {entry.file === null ? t('models.missing') : when(entry.openedAt)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {deleted.length > 0 && (
          <div>
            <h3>{t('models.deleted')}</h3>
            <ul className="plain-list" data-testid="deleted-models">
              {deleted.map((entry) => (
                <li key={entry.id} data-deleted-file={entry.fileName}>
                  <span>{entry.fileName}</span>
                  <span className="muted"> {t('models.deletedOn', { when: when(entry.deletedAt) })} </span>
                  <button data-action="restore" onClick={() => void library.restore(entry.id)}>
                    {t('models.restore')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {dragging && <div className="drop-overlay">{t('models.dropHere')}</div>}
    </section>
  );
}

function describeNameIssue(issue: ModelNameIssue, name: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (issue.kind) {
    case 'too-long':
      return t('models.nameIssues.tooLong', { length: issue.length, max: issue.max });
    case 'character':
      return t('models.nameIssues.character', { character: issue.character });
    case 'leading-dot':
      return t('models.nameIssues.leadingDot');
    default:
      return t(`models.nameIssues.${issue.kind}`, { name });
  }
}

/** "客户A" or, when taken, "客户A 2", "客户A 3"... */
function uniqueName(wanted: string, models: readonly ModelEntry[]): string {
  const taken = new Set(models.map((entry) => stem(entry.fileName).toLowerCase()));
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted} ${n}`;
  return name;
}
