import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClauseDeletion } from './ClauseDeletion';
import './confirmDialog.css';

/**
 * "Delete Article 5 — Depositary?": asked before a clause with text or comments goes. A modal
 * dialog (focus stays inside, Escape cancels); Cancel has the focus first, so Enter does no harm.
 */
export function ConfirmClauseDeletion({ deletion }: { deletion: ClauseDeletion }) {
  const { t } = useTranslation();
  const id = useId();
  const { pending } = useSyncExternalStore(deletion.subscribe, deletion.getState);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (pending && !element.open) {
      element.showModal();
      cancelButton.current?.focus();
    } else if (!pending && element.open) {
      element.close();
    }
  }, [pending]);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        deletion.cancel();
      }}
    >
      {pending && (
        <>
          <h2 id={`${id}-title`} className="confirm-dialog__title">
            {t('structure.delete.title', { clause: pending.name })}
          </h2>
          <p id={`${id}-body`}>
            {pending.comments > 0
              ? t('structure.delete.withComments', { count: pending.comments })
              : t('structure.delete.withText')}
          </p>
          <div className="confirm-dialog__actions">
            <button ref={cancelButton} type="button" className="button" onClick={() => deletion.cancel()}>
              {t('structure.delete.cancel')}
            </button>
            <button type="button" className="button button--danger" onClick={() => deletion.confirm()}>
              {t('structure.delete.confirm')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
