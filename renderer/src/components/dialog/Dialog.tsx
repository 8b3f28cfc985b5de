import { useEffect, useId, useRef, type SyntheticEvent, type KeyboardEvent, type ReactNode } from 'react';
import './dialog.css';

export interface DialogProps {
  title: string;
  /** Esc, the Cancel button, or a click on the backdrop. */
  onCancel: () => void;
  /** Enter in a field, or the submit button. */
  onSubmit: () => void;
  children?: ReactNode;
  /** The buttons, in order; one of them should be `type="submit"`. */
  actions: ReactNode;
  /** `alertdialog` for confirmations and errors (screen readers read the message at once). */
  role?: 'dialog' | 'alertdialog';
  testId?: string;
  wide?: boolean;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * The app's own modal dialog, in place of the browser's prompt, alert and confirm (Electron
 * implements no prompt). A native <dialog> shown modally: the page behind is inert; Tab and
 * Shift+Tab cycle inside; Enter submits the form; Esc cancels; focus starts on the element
 * marked `autoFocus` (else the first field or button) and goes back where it was on close.
 */
export function Dialog({ title, onCancel, onSubmit, children, actions, role = 'dialog', testId, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
    return () => {
      if (dialog.open) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onSubmit();
  };

  const keepFocusInside = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusable = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={wide ? 'app-dialog wide' : 'app-dialog'}
      role={role}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid={testId}
      onCancel={(event) => {
        // Esc: the dialog closes when the caller unmounts it, not by itself.
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={keepFocusInside}
      onMouseDown={(event) => {
        if (event.target === ref.current) onCancel();
      }}
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId} className="dialog-body">
          {children}
        </div>
        <div className="dialog-actions">{actions}</div>
      </form>
    </dialog>
  );
}
