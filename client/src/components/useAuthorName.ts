import { useTranslation } from 'react-i18next';
import type { PresentedAuthor } from '@accord/shared';

/** How an author of text is named: "Name · Organisation", or what wrote it when not a member. */
export function useAuthorName(): (author: PresentedAuthor) => string {
  const { t } = useTranslation();
  return (author) =>
    author.kind === 'server'
      ? t('structure.authors.server')
      : author.kind === 'unknown'
        ? t('structure.authors.unknown')
        : author.organisation
          ? `${author.name || t('people.formerMember')} · ${author.organisation.name}`
          : author.name || t('people.formerMember');
}
