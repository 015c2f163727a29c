import { useTranslation } from 'react-i18next';
import type { CollabSession } from '../collab/CollabSession';
import { useCollabState } from '../collab/useCollabSession';
import { useOfflineChangesSent } from '../document/useOfflineChangesSent';

/**
 * The connection and save status again, in the editor's sticky toolbar, so that they stay in
 * view while typing anywhere in a long text. Hidden from screen readers: the page's header has
 * the same status with its live regions, and one announcement per change is enough.
 */
export function EditorStatus({ session }: { session: CollabSession }) {
  const { t } = useTranslation();
  const connection = useCollabState(session, (state) => state.connection);
  const save = useCollabState(session, (state) => state.save);
  const offlineSent = useOfflineChangesSent(save);
  return (
    <div className="editor-status" aria-hidden="true" data-testid="editor-status">
      <span className={`editor-status__connection status-pill--${connection}`}>
        <span className="status-pill__dot" />
        {t(`connection.${connection}`)}
      </span>
      <span className={`editor-status__save save-indicator--${save}`} title={t(`save.${save}Hint`)}>
        {offlineSent ? t('editing.offlineSent') : t(`save.${save}`)}
      </span>
    </div>
  );
}
