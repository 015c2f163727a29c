import { useTranslation } from 'react-i18next';
import { CLAUSE_CHANGES, type ComparisonSummary as Summary } from '@accord/shared';

/** How many clauses carry each change, all seven kinds, those with none muted. */
export function ComparisonSummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <ul className="compare-summary" aria-label={t('versions.compare.summary')} data-testid="compare-summary">
      {CLAUSE_CHANGES.map((change) => (
        <li
          key={change}
          className={
            summary[change] > 0
              ? `compare-summary__item change--${change}`
              : 'compare-summary__item compare-summary__item--none'
          }
        >
          {t(`versions.compare.counts.${change}`, { count: summary[change] })}
        </li>
      ))}
    </ul>
  );
}
