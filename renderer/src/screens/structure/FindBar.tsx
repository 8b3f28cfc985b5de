import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The cost structure's find box (Ctrl+F): Enter goes to the next matching line, Shift+Enter
 * to the previous one, Esc closes; "only matching lines" filters the grid to the matches and
 * the lines above them. The Enter that ends an IME composition does not move.
 */
export function FindBar({
  query,
  filter,
  at,
  count,
  focusRequest,
  onQuery,
  onFilter,
  onNext,
  onPrevious,
  onClose,
}: {
  query: string;
  filter: boolean;
  /** 1-based position of the current match; 0 when none is chosen yet. */
  at: number;
  count: number;
  /** Changes whenever Ctrl+F asks for the field again. */
  focusRequest: number;
  onQuery: (text: string) => void;
  onFilter: (on: boolean) => void;
  onNext: () => void;
  onPrevious: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [focusRequest]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && event.target === field.current) {
      event.preventDefault();
      if (event.shiftKey) onPrevious();
      else onNext();
    }
  };
  const status = query.trim() === '' ? '' : count === 0 ? t('structure.find.none') : t('structure.find.count', { at: at > 0 ? at : '–', count });
  return (
    <div className="find-bar" role="search" data-testid="structure-find" onKeyDown={onKeyDown}>
      <input
        ref={field}
        type="search"
        data-testid="structure-find-input"
        value={query}
        placeholder={t('structure.find.placeholder')}
        aria-label={t('structure.find.open')}
        aria-invalid={query.trim() !== '' && count === 0}
        onChange={(event) => onQuery(event.target.value)}
      />
      <span className="find-count" data-testid="structure-find-count" aria-live="polite">
        {status}
      </span>
      <button
        type="button"
        data-testid="structure-find-previous"
        disabled={count === 0}
        onClick={onPrevious}
        title="Shift+Enter"
        aria-label={t('structure.find.previous')}
      >
        ↑
      </button>
      <button type="button" data-testid="structure-find-next" disabled={count === 0} onClick={onNext} title="Enter" aria-label={t('structure.find.next')}>
        ↓
      </button>
      <label className="find-filter">
        <input type="checkbox" data-testid="structure-filter" checked={filter} onChange={(event) => onFilter(event.target.checked)} />
        {t('structure.find.filter')}
      </label>
      <button type="button" className="notice-close" data-testid="structure-find-close" onClick={onClose} title="Esc" aria-label={t('structure.find.close')}>
        ×
      </button>
    </div>
  );
}
