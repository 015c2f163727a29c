import { useTranslation } from 'react-i18next';
import type { PositionStance } from '@accord/shared';
import { STANCE_SYMBOL } from './statusSymbols';
import './negotiation.css';

/** An organisation's position as a symbol and words. */
export function StanceBadge({ stance }: { stance: PositionStance }) {
  const { t } = useTranslation();
  return (
    <span className={`stance stance--${stance}`} data-testid="stance" data-stance={stance}>
      <span aria-hidden="true" className="stance__symbol">
        {STANCE_SYMBOL[stance]}
      </span>{' '}
      {t(`negotiation.stance.${stance}`)}
    </span>
  );
}
