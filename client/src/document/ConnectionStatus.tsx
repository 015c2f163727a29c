import { useTranslation } from 'react-i18next';
import type { ConnectionStatus as Status } from '../collab/CollabSession';

/** Online / syncing / offline, announced politely when it changes. */
export function ConnectionStatus({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <div
      className={`status-pill status-pill--${status}`}
      role="status"
      aria-live="polite"
      data-testid="connection-status"
    >
      <span className="status-pill__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      {t(`connection.${status}`)}
    </div>
  );
}
