import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leverKindName } from '../../../../shared/i18n/figures';
import { LEVER_KINDS, type CostNode, type LeverKind } from '../../../../shared/model/schema';
import { LANGUAGES } from '../../../../shared/model/units';
import type { Language } from '../../../../shared/model/units';
import { useIssuesText } from '../../messages';
import { useWorkspace } from '../../state/context';
import type { LeverRow } from './rows';

/**
 * What the selected line calls its lever kinds, in both languages (库存周转率 / inventory
 * turnover for the per-capita volume lever of an inventory line). A field is written when it
 * loses focus or on Enter, as one undoable edit; an empty field removes the caption.
 */
export function LeverCaptions({ row, readOnly }: { row: LeverRow | undefined; readOnly: boolean }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [message, setMessage] = useState('');
  const wordIssues = useIssuesText();
  if (!row) return null;

  const write = (kind: LeverKind, language: Language, text: string) => {
    const current = row.captions?.[kind]?.[language] ?? '';
    if (text.trim() === current) return;
    const captions: NonNullable<CostNode['captions']> = { ...row.captions };
    const entry = { ...captions[kind] };
    if (text.trim() === '') delete entry[language];
    else entry[language] = text.trim();
    if (Object.keys(entry).length > 0) captions[kind] = entry;
    else delete captions[kind];
    const outcome = workspace.edit({ type: 'setCaptions', nodeId: row.id, captions: Object.keys(captions).length > 0 ? captions : null });
    setMessage(outcome.ok ? '' : wordIssues(outcome.error));
  };

  return (
    <div className="lever-ranges" data-testid="lever-captions">
      <div className="lever-ranges-title">
        <strong>{t('revenue.captionsTitle')}</strong>
        <span className="muted">{t('revenue.help.caption')}</span>
      </div>
      {LEVER_KINDS.map((kind) => (
        <div className="lever-range" key={kind}>
          <span className="lever-range-name">{leverKindName(workspace.getState().model?.language ?? 'zh', kind)}</span>
          {LANGUAGES.map((language) => (
            <label className="param" key={language}>
              <span className="param-label">{language === 'zh' ? '中文' : 'English'}</span>
              <input
                data-testid={`caption-${kind}-${language}`}
                defaultValue={row.captions?.[kind]?.[language] ?? ''}
                maxLength={60}
                disabled={readOnly}
                onBlur={(event) => write(kind, language, event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') write(kind, language, event.currentTarget.value);
                }}
              />
            </label>
          ))}
        </div>
      ))}
      {message && <div className="lever-range-error bad">{message}</div>}
    </div>
  );
}
