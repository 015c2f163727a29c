import { useTranslation } from 'react-i18next';
import type { DiffPart } from '@accord/shared';

/**
 * A word diff: removed words struck through, added ones underlined, words whose formatting
 * changes dotted-underlined (each named for screen readers).
 */
export function AmendmentDiff({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation();
  if (parts.length === 0)
    return <p className="amendment__diff amendment__diff--empty">{t('amendments.diff.empty')}</p>;
  return (
    <p className="amendment__diff" data-testid="amendment-diff">
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} aria-label={t('amendments.diff.added', { text: part.value })}>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} aria-label={t('amendments.diff.removed', { text: part.value })}>
            {part.value}
          </del>
        ) : part.formatted ? (
          <span
            key={i}
            className="amendment__formatted"
            aria-label={t('amendments.diff.formatted', { text: part.value })}
          >
            {part.value}
          </span>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}
