import { useCallback, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keyNames } from './keyNames';

/** Why the text cannot be changed here: the person's role, or the workflow's text lock. */
export type ReadOnlyReason = 'observer' | 'reviewer' | 'locked';

/** A key that would type, delete or break a line (Space would scroll the page instead). */
function typesText(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return event.key.length === 1 || ['Enter', 'Backspace', 'Delete'].includes(event.key);
}

/**
 * Someone who may not change the text types into it: the key does nothing (Space no longer
 * scrolls the page), and a note says once, politely, why, and what they can do instead.
 */
export function useReadOnlyTyping(reason: ReadOnlyReason | null) {
  const [noticed, setNoticed] = useState<'no' | 'shown' | 'dismissed'>('no');
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (!reason || !typesText(event)) return;
      if (!(event.target as HTMLElement).closest('.ProseMirror')) return;
      event.preventDefault();
      setNoticed((now) => (now === 'no' ? 'shown' : now));
    },
    [reason],
  );
  return { onKeyDown, shown: reason !== null && noticed === 'shown', dismiss: () => setNoticed('dismissed') };
}

/** The note itself, at the top of the read-only text (sticky, so it is in view where they typed). */
export function ReadOnlyTypingNote({
  reason,
  shown,
  onDismiss,
}: {
  reason: ReadOnlyReason | null;
  shown: boolean;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  // the live region is there from the start, so that its text is announced when it appears
  return (
    <div className="editor-readonly-note" role="status" aria-live="polite" data-testid="readonly-typing">
      {shown && reason && (
        <>
          <span>{t(`editing.readOnly.${reason}`, { shortcut: `${keyNames.mod}+${keyNames.alt}+M` })}</span>
          <button type="button" className="editor-readonly-note__close" onClick={onDismiss}>
            {t('editing.readOnly.dismiss')}
          </button>
        </>
      )}
    </div>
  );
}
