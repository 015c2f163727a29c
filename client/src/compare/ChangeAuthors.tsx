import { useTranslation } from 'react-i18next';
import type { PresentedChangeAuthors } from '@accord/shared';
import { useAuthorName } from '../components/useAuthorName';

/** Who made a clause's changes in a comparison: who wrote what is new, who deleted what went. */
export function ChangeAuthors({
  authors,
  clauseId,
}: {
  authors: PresentedChangeAuthors | null;
  clauseId: string | null;
}) {
  const { t, i18n } = useTranslation();
  const who = useAuthorName();
  const entry = authors && clauseId ? authors.clauses[clauseId] : undefined;
  if (!authors || !entry || (entry.wrote.length === 0 && entry.deleted.length === 0)) return null;
  const list = (indexes: number[]) =>
    new Intl.ListFormat(i18n.resolvedLanguage ?? 'en', { type: 'conjunction' }).format(
      indexes.map((i) => who(authors.authors[i]!)),
    );
  return (
    <p className="compare-row__authors" data-testid="change-authors">
      {entry.wrote.length > 0 && (
        <span>{t('versions.compare.authors.wrote', { names: list(entry.wrote) })}</span>
      )}
      {entry.deleted.length > 0 && (
        <span>{t('versions.compare.authors.deleted', { names: list(entry.deleted) })}</span>
      )}
    </p>
  );
}
