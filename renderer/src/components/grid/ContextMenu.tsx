import { useEffect, useRef } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  shortcut?: string;
  disabled?: boolean;
  danger?: boolean;
  run(): void;
}

/** A small context menu at the pointer (AG Grid's own is Enterprise-only). */
export function ContextMenu({ x, y, items, onClose }: { x: number; y: number; items: (MenuItem | 'separator')[]; onClose: () => void }) {
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event.type === 'mousedown' && ref.current?.contains(event.target as Node)) return;
      onClose();
    };
    window.addEventListener('mousedown', close, true);
    window.addEventListener('keydown', close, true);
    window.addEventListener('blur', close);
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    return () => {
      window.removeEventListener('mousedown', close, true);
      window.removeEventListener('keydown', close, true);
      window.removeEventListener('blur', close);
    };
  }, [onClose]);
  // Keep the menu inside the window.
  const left = Math.min(x, window.innerWidth - 230);
  const top = Math.min(y, window.innerHeight - items.length * 28 - 12);
  return (
    <ul className="context-menu" role="menu" ref={ref} style={{ left, top }}>
      {items.map((item, index) =>
        item === 'separator' ? (
          <li key={`separator-${index}`} className="context-menu-separator" role="separator" />
        ) : (
          <li key={item.id} role="none">
            <button
              type="button"
              role="menuitem"
              data-menu={item.id}
              className={item.danger ? 'danger' : undefined}
              disabled={item.disabled}
              onClick={() => {
                onClose();
                item.run();
              }}
            >
              <span>{item.label}</span>
              {item.shortcut && <span className="shortcut">{item.shortcut}</span>}
            </button>
          </li>
        ),
      )}
    </ul>
  );
}
