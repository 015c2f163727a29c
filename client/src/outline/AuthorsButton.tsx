import { useTranslation } from 'react-i18next';

/** "Authors" on the selected entry of the outline: opens who wrote the clause (ClauseAuthorsDialog). */
export function AuthorsButton({ description, onClick }: { description: string; onClick(): void }) {
  const { t } = useTranslation();
  const label = t('structure.authors.open', { clause: description });
  return (
    <button
      type="button"
      className="button button--quiet outline__authors"
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      {t('structure.authors.button')}
    </button>
  );
}
