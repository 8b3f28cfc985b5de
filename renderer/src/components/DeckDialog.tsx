import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DECK_LOGO_MAX_BYTES, DECK_SLIDE_KEYS, type DeckSlideKey } from '../../../shared/api/contract';
import { DISPLAY_UNITS, LANGUAGES, type DisplayUnit, type Language } from '../../../shared/model/units';
import { errorText, useMessageView } from '../messages';
import { useWorkspace, useWorkspaceState } from '../state/context';
import { useLibrary } from '../state/library-context';
import { Dialog } from './dialog';
import { saveDownload } from './download';
import './deck-dialog.css';

const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/**
 * The client deck's export options, in the window (no browser prompt): the scenarios (the
 * headline one first), the slides, language and unit, the client's name, an accent colour and
 * a logo. Export builds the deck in the main process: the desktop asks where in a native save
 * dialog and writes it there, the browser downloads it. Escape or Cancel closes it; errors show inside it and nothing is saved.
 */
export function DeckDialog() {
  const workspace = useWorkspace();
  const open = useWorkspaceState((state) => state.deckDialogOpen);
  const model = useWorkspaceState((state) => state.model);
  if (!open || !model) return null;
  return <DeckDialogBody key={model.name} onClose={() => workspace.closeDeckDialog()} />;
}

function DeckDialogBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const messageView = useMessageView();
  const workspace = useWorkspace();
  const library = useLibrary();
  const model = useWorkspaceState((state) => state.model)!;
  const selected = useWorkspaceState((state) => state.selectedScenarioId);
  const baselineId = useWorkspaceState((state) => state.baselineScenarioId);
  const busy = useWorkspaceState((state) => state.busy === 'deck');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(model.scenarios.map((s) => s.id)));
  const [headline, setHeadline] = useState<string>(selected ?? model.scenarios[0]?.id ?? '');
  const [slides, setSlides] = useState<ReadonlySet<DeckSlideKey>>(() => new Set(DECK_SLIDE_KEYS));
  const [language, setLanguage] = useState<Language>(model.language);
  const [unit, setUnit] = useState<DisplayUnit>(model.displayUnit);
  const [client, setClient] = useState('');
  const [accent, setAccent] = useState('#1f6fb2');
  const [logo, setLogo] = useState<{
    type: 'png' | 'jpeg';
    base64: string;
    name: string;
  } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const baseline = model.scenarios.find((s) => s.id === baselineId) ?? model.scenarios[0];
  const toggle = <T,>(set: ReadonlySet<T>, item: T): Set<T> => {
    const next = new Set(set);
    if (next.has(item)) next.delete(item);
    else next.add(item);
    return next;
  };

  const chooseLogo = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > DECK_LOGO_MAX_BYTES) {
      setProblem(t('deck.logoTooLarge', { size: (file.size / 1024 / 1024).toFixed(1) }));
      return;
    }
    const type = file.type === 'image/png' ? 'png' : file.type === 'image/jpeg' ? 'jpeg' : null;
    if (!type) {
      setProblem(t('deck.logoType'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      setLogo({
        type,
        base64: url.slice(url.indexOf(',') + 1),
        name: file.name,
      });
      setProblem(null);
    };
    reader.readAsDataURL(file);
  };

  const exportDeck = async () => {
    const ids = [headline, ...model.scenarios.map((s) => s.id).filter((id) => id !== headline && chosen.has(id))].filter(
      (id) => chosen.has(id) || id === headline,
    );
    if (ids.length === 0 || !headline) {
      setProblem(t('deck.noScenario'));
      return;
    }
    if (slides.size === 0) {
      setProblem(t('deck.noSlide'));
      return;
    }
    setProblem(null);
    const result = await workspace.exportDeck(
      {
        scenarioIds: ids,
        slides: DECK_SLIDE_KEYS.filter((slide) => slides.has(slide)),
        language,
        unit,
        ...(baselineId ? { baselineScenarioId: baselineId } : {}),
        ...(client.trim() ? { client: client.trim() } : {}),
        accent: accent.replace('#', ''),
        ...(logo ? { logo: { type: logo.type, base64: logo.base64 } } : {}),
      },
      library.transport,
    );
    if (!result.ok) {
      setProblem(errorText(result.error, messageView));
      return;
    }
    if (result.value === null) return; // the save dialog was cancelled
    if (result.value.base64 !== undefined) saveDownload(result.value.fileName, result.value.base64, PPTX_TYPE);
    setDone(
      t('deck.done', {
        slides: result.value.slides,
        file: result.value.fileName,
      }),
    );
  };

  return (
    <Dialog
      title={t('deck.title')}
      onCancel={onClose}
      onSubmit={() => void exportDeck()}
      testId="deck-dialog"
      wide
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('deck.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="deck-export" disabled={busy}>
            {busy ? <span className="spinner" aria-label={t('deck.exporting')} /> : null}
            {busy ? t('deck.exporting') : t('deck.export')}
          </button>
        </>
      }
    >
      <p className="muted">{t('deck.intro')}</p>
      <div className="deck-columns">
        <fieldset>
          <legend>{t('deck.scenarios')}</legend>
          <ul className="deck-choices">
            {model.scenarios.map((scenario) => (
              <li key={scenario.id}>
                <label>
                  <input
                    type="checkbox"
                    data-scenario={scenario.id}
                    checked={chosen.has(scenario.id) || scenario.id === headline}
                    disabled={scenario.id === headline}
                    onChange={() => setChosen(toggle(chosen, scenario.id))}
                  />
                  {scenario.name}
                </label>
              </li>
            ))}
          </ul>
          <label className="deck-field">
            {t('deck.headline')}
            <select data-testid="deck-headline" value={headline} onChange={(event) => setHeadline(event.target.value)}>
              {model.scenarios.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.name}
                </option>
              ))}
            </select>
          </label>
          {baseline && <p className="muted">{t('deck.baselineNote', { name: baseline.name })}</p>}
        </fieldset>
        <fieldset>
          <legend>
            {t('deck.slides')}{' '}
            <button type="button" className="link" onClick={() => setSlides(new Set(DECK_SLIDE_KEYS))}>
              {t('deck.all')}
            </button>{' '}
            <button type="button" className="link" onClick={() => setSlides(new Set())}>
              {t('deck.none')}
            </button>
          </legend>
          <ol className="deck-choices">
            {DECK_SLIDE_KEYS.map((slide) => (
              <li key={slide}>
                <label>
                  <input type="checkbox" data-slide={slide} checked={slides.has(slide)} onChange={() => setSlides(toggle(slides, slide))} />
                  {t(`deck.slideNames.${slide}`)}
                </label>
              </li>
            ))}
          </ol>
        </fieldset>
        <fieldset>
          <label className="deck-field">
            {t('deck.language')}
            <select data-testid="deck-language" value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
              {LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {t(`languages.${code}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="deck-field">
            {t('deck.unit')}
            <select data-testid="deck-unit" value={unit} onChange={(event) => setUnit(event.target.value as DisplayUnit)}>
              {DISPLAY_UNITS.map((code) => (
                <option key={code} value={code}>
                  {t(`units.${code}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="deck-field">
            {t('deck.client')}
            <input
              data-testid="deck-client"
              type="text"
              maxLength={200}
              value={client}
              placeholder={t('deck.clientPlaceholder')}
              onChange={(event) => setClient(event.target.value)}
            />
          </label>
          <label className="deck-field">
            {t('deck.accent')}
            <input data-testid="deck-accent" type="color" value={accent} onChange={(event) => setAccent(event.target.value)} />
          </label>
          <label className="deck-field">
            {t('deck.logo')}
            <input data-testid="deck-logo" type="file" accept="image/png,image/jpeg" onChange={chooseLogo} />
          </label>
          {logo && (
            <p className="muted">
              {logo.name}{' '}
              <button type="button" className="link" onClick={() => setLogo(null)}>
                {t('deck.logoRemove')}
              </button>
            </p>
          )}
        </fieldset>
      </div>
      {problem && (
        <p className="deck-problem" role="alert" data-testid="deck-problem">
          {problem}
        </p>
      )}
      {done && !problem && (
        <p className="deck-done" role="status" data-testid="deck-done">
          {done}
        </p>
      )}
    </Dialog>
  );
}
