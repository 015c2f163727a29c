import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../collab/CollabSession';
import './offline.css';

/**
 * "Showing your saved copy — connecting…": the text on screen is this device's copy until the
 * server has sent what changed (or, offline, until the connection returns).
 */
export function SavedCopyNotice({
  connection,
  localCopy,
}: {
  connection: ConnectionStatus;
  localCopy: boolean;
}) {
  const { t } = useTranslation();
  const shown = localCopy && connection !== 'online';
  return (
    <div
      role="status"
      aria-live="polite"
      className={shown ? 'saved-copy-notice' : 'visually-hidden'}
      data-testid="saved-copy"
    >
      {shown ? t(connection === 'offline' ? 'offline.savedCopyOffline' : 'offline.savedCopyConnecting') : ''}
    </div>
  );
}
