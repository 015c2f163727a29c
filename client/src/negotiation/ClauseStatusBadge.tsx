import { useTranslation } from 'react-i18next';
import type { ClauseStatus } from '@accord/shared';
import { STATUS_SYMBOL } from './statusSymbols';
import './negotiation.css';

/** A clause's negotiation status as a symbol and words (the colour only repeats them). */
export function ClauseStatusBadge({
  status,
  compact = false,
  id,
}: {
  status: ClauseStatus;
  compact?: boolean;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <span
      id={id}
      className={`clause-status clause-status--${status}${compact ? ' clause-status--compact' : ''}`}
      data-testid="clause-status"
      data-status={status}
    >
      <span aria-hidden="true" className="clause-status__symbol">
        {STATUS_SYMBOL[status]}
      </span>{' '}
      {t(`negotiation.status.${status}`)}
    </span>
  );
}
