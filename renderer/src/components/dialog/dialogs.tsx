import { createContext, Fragment, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

interface Dialogs {
  /** Shows any dialog (a component rendering <Dialog>); resolves with what it closes with. */
  open<T>(render: (close: (value: T) => void) => ReactNode): Promise<T>;
}

const DialogContext = createContext<Dialogs | null>(null);
let nextId = 0;

/** Hosts the open dialogs (one on top of another if a dialog opens one) for everything below it. */
export function DialogProvider({ children }: { children: ReactNode }) {
  const [stack, setStack] = useState<{ id: number; node: ReactNode }[]>([]);
  const open = useCallback(<T,>(render: (close: (value: T) => void) => ReactNode) => {
    return new Promise<T>((resolve) => {
      const id = (nextId += 1);
      const close = (value: T) => {
        setStack((current) => current.filter((entry) => entry.id !== id));
        resolve(value);
      };
      setStack((current) => [...current, { id, node: render(close) }]);
    });
  }, []);
  const value = useMemo(() => ({ open }), [open]);
  return (
    <DialogContext.Provider value={value}>
      {children}
      {stack.map((entry) => (
        <Fragment key={entry.id}>{entry.node}</Fragment>
      ))}
    </DialogContext.Provider>
  );
}

export interface TextRequest {
  title: string;
  label: string;
  initial?: string;
  confirmLabel?: string;
  /**
   * Runs on Enter or OK: a message keeps the dialog open and shows it under the field (a name
   * taken, a rule broken); undefined closes it with the text.
   */
  check?: (value: string) => string | undefined | Promise<string | undefined>;
}

export interface ConfirmRequest {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
}

export interface MessageRequest {
  title: string;
  message: ReactNode;
}

/** The app's replacements for prompt, confirm and alert: same questions, in-app, keyboard-friendly, in the UI language. */
export function useDialogs() {
  const dialogs = useContext(DialogContext);
  if (!dialogs) throw new Error('useDialogs outside <DialogProvider>');
  return useMemo(
    () => ({
      open: dialogs.open, // eslint-disable-line @typescript-eslint/unbound-method -- the provider's open is a closure, not a method using this
      /** The text typed, or null when cancelled. */
      askText: (request: TextRequest) => dialogs.open<string | null>((close) => <TextDialog request={request} close={close} />),
      /** True when confirmed. */
      askConfirm: (request: ConfirmRequest) => dialogs.open<boolean>((close) => <ConfirmDialog request={request} close={close} />),
      showMessage: (request: MessageRequest) => dialogs.open<undefined>((close) => <MessageDialog request={request} close={() => close(undefined)} />),
    }),
    [dialogs],
  );
}

function TextDialog({ request, close }: { request: TextRequest; close: (value: string | null) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(request.initial ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const [checking, setChecking] = useState(false);
  const submit = async () => {
    if (checking) return;
    setChecking(true);
    const found = await request.check?.(value);
    setChecking(false);
    if (found) setProblem(found);
    else close(value);
  };
  return (
    <Dialog
      title={request.title}
      testId="text-dialog"
      onCancel={() => close(null)}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" data-testid="dialog-cancel" onClick={() => close(null)}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="dialog-ok" disabled={checking}>
            {request.confirmLabel ?? t('dialog.ok')}
          </button>
        </>
      }
    >
      <label className="field">
        {request.label}
        <input
          data-autofocus
          data-testid="dialog-input"
          value={value}
          aria-invalid={problem !== undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(undefined);
          }}
        />
      </label>
      <div className="dialog-error" role="alert" data-testid="dialog-error">
        {problem}
      </div>
    </Dialog>
  );
}

function ConfirmDialog({ request, close }: { request: ConfirmRequest; close: (value: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={request.title}
      role="alertdialog"
      testId="confirm-dialog"
      onCancel={() => close(false)}
      onSubmit={() => close(true)}
      actions={
        <>
          <button type="button" data-testid="dialog-cancel" onClick={() => close(false)}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" data-autofocus className={request.danger ? 'primary danger' : 'primary'} data-testid="dialog-ok">
            {request.confirmLabel}
          </button>
        </>
      }
    >
      <p>{request.message}</p>
    </Dialog>
  );
}

function MessageDialog({ request, close }: { request: MessageRequest; close: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={request.title}
      role="alertdialog"
      testId="message-dialog"
      onCancel={close}
      onSubmit={close}
      actions={
        <button type="submit" data-autofocus className="primary" data-testid="dialog-ok">
          {t('dialog.ok')}
        </button>
      }
    >
      <p>{request.message}</p>
    </Dialog>
  );
}
