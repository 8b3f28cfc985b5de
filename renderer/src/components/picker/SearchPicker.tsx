import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesQuery } from './match';
import './picker.css';

export interface PickerOption {
  value: string;
  label: string;
  /** What a search reads, when more than the label (an input's whole path); shown as its tooltip. */
  search?: string;
}

/**
 * A searchable drop-down (ARIA combobox): the field shows the chosen option; typing filters
 * the list (every word typed must appear, case and full-width forms ignored, Chinese as is);
 * ↑ ↓ move, Enter picks, Esc closes and keeps the choice. A composed IME text is filtered
 * as it is composed, and the Enter that ends a composition does not pick.
 */
export function SearchPicker({
  options,
  value,
  onChange,
  testId,
  noneText,
}: {
  options: readonly PickerOption[];
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** Offers "none" (the value '') first. */
  noneText?: string;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement | null>(null);
  const all = useMemo(() => (noneText === undefined ? options : [{ value: '', label: noneText }, ...options]), [options, noneText]);
  const shown = useMemo(() => (query.trim() === '' ? all : all.filter((option) => matchesQuery(option.search ?? option.label, query))), [all, query]);
  const chosen = all.find((option) => option.value === value);

  const openList = () => {
    if (open) return;
    setOpen(true);
    setQuery('');
    setActive(
      Math.max(
        0,
        all.findIndex((option) => option.value === value),
      ),
    );
  };
  const close = () => {
    setOpen(false);
    setQuery('');
  };
  const pick = (option: PickerOption | undefined) => {
    if (!option) return;
    close();
    if (option.value !== value) onChange(option.value);
  };

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, shown]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    const by = steps[event.key];
    if (by !== undefined) {
      event.preventDefault();
      if (!open) openList();
      else setActive((at) => Math.min(Math.max(at + by, 0), Math.max(shown.length - 1, 0)));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      pick(shown[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') close();
  };

  return (
    <span className="search-picker">
      <input
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && shown[active] ? `${listId}-${active}` : undefined}
        data-testid={testId}
        data-value={value}
        placeholder={open ? t('picker.placeholder') : undefined}
        title={chosen?.label}
        value={open ? query : (chosen?.label ?? '')}
        onFocus={(event) => {
          openList();
          event.target.select();
        }}
        onClick={openList}
        onBlur={close}
        onChange={(event) => {
          if (!open) setOpen(true);
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul className="search-picker-list" role="listbox" id={listId} ref={list} data-testid={`${testId}-list`}>
          {shown.map((option, k) => (
            <li
              key={option.value}
              id={`${listId}-${k}`}
              role="option"
              data-index={k}
              data-value={option.value}
              aria-selected={k === active}
              className={option.value === value ? 'chosen' : undefined}
              title={option.search}
              // Picking with the mouse must not blur the field first (blur closes the list).
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(k)}
              onClick={() => pick(option)}
            >
              {option.label}
            </li>
          ))}
          {shown.length === 0 && <li className="search-picker-empty">{t('picker.noMatch', { text: query })}</li>}
          <li className="search-picker-count" aria-hidden="true">
            {t('picker.count', { shown: shown.length, total: all.length })}
          </li>
        </ul>
      )}
    </span>
  );
}
