import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabSession, SaveStatus } from '../collab/CollabSession';
import { useCollabState } from '../collab/useCollabSession';
import { useOfflineChangesSent } from './useOfflineChangesSent';

/**
 * Whether the server has stored this user's edits: "Saving…" from the first unsaved keystroke
 * (shown after the frame that paints it), "Saved" once everything typed is stored and has stayed
 * so for a moment (SaveStatusGate: no flicker, and no re-render, per keystroke). Screen readers
 * hear only the changes that matter (work at risk, then safe again), not a "saving… saved" after
 * every word.
 */
export function SaveIndicator({ session }: { session: CollabSession | null }) {
  const { t } = useTranslation();
  const status: SaveStatus = useCollabState(session, (state) => state.save);
  const [announcement, setAnnouncement] = useState('');
  const offlineSent = useOfflineChangesSent(status);
  // whether the last announcement said work was at risk: a reconnect goes offline → saving → saved,
  // and the live region must then say that the offline changes were sent, not keep saying "offline"
  const atRisk = useRef(false);
  useEffect(() => {
    if (status === 'offline' && !atRisk.current) {
      atRisk.current = true;
      setAnnouncement(t('save.offline'));
    } else if (status === 'saved' && atRisk.current) {
      atRisk.current = false;
      setAnnouncement(t('editing.offlineSent'));
    }
  }, [status, t]);
  return (
    <>
      <div
        className={`save-indicator save-indicator--${status}`}
        title={t(`save.${status}Hint`)}
        data-testid="save-indicator"
      >
        <span className="save-indicator__icon" aria-hidden="true">
          {status === 'saved' ? '✓' : status === 'saving' ? '…' : '!'}
        </span>
        {offlineSent ? t('editing.offlineSent') : t(`save.${status}`)}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}
