import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../editor/deletion/confirmDialog.css';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** the confirm button is enabled only once this text is typed (compared by `matches`) */
  typeToConfirm?: { label: string; matches: (typed: string) => boolean; initial?: string };
  danger?: boolean;
  busy?: boolean;
  /** with `typeToConfirm`: the text typed */
  onConfirm(typed: string): void;
  onCancel(): void;
}

/**
 * A modal question (focus stays inside, Escape cancels). Cancel has the focus first, so Enter does
 * no harm; with `typeToConfirm`, the text field has it and Confirm waits for the right text.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, typeToConfirm, danger, busy, onConfirm, onCancel } = props;
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setTyped(typeToConfirm?.initial ?? '');
      element.showModal();
      (typeToConfirm ? input.current : cancelButton.current)?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open, typeToConfirm]);

  const ready = !busy && (!typeToConfirm || typeToConfirm.matches(typed));
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {open && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) onConfirm(typed);
          }}
        >
          <h2 id={`${id}-title`} className="confirm-dialog__title">
            {title}
          </h2>
          <div id={`${id}-body`}>{children}</div>
          {typeToConfirm && (
            <div className="field">
              <label htmlFor={`${id}-typed`}>{typeToConfirm.label}</label>
              <input
                ref={input}
                id={`${id}-typed`}
                autoComplete="off"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
            </div>
          )}
          <div className="confirm-dialog__actions">
            <button ref={cancelButton} type="button" className="button" onClick={onCancel}>
              {t('manage.cancel')}
            </button>
            <button
              type="submit"
              className={danger ? 'button button--danger' : 'button button--primary'}
              disabled={!ready}
            >
              {confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
