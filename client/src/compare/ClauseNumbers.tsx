import { useTranslation } from 'react-i18next';

/** "Article 4 → Article 3" when the number changed, else the one number. */
export function ClauseNumbers({ oldName, newName }: { oldName: string | null; newName: string | null }) {
  const { t } = useTranslation();
  if (oldName && newName && oldName !== newName) {
    return (
      <span className="clause-numbers">
        <span className="clause-numbers__old">{oldName}</span>
        <span aria-hidden="true"> → </span>
        <span className="visually-hidden"> {t('versions.compare.becomes')} </span>
        <span className="clause-numbers__new">{newName}</span>
      </span>
    );
  }
  return (
    <span className="clause-numbers">{newName ?? oldName ?? t('comments.thread.unnumberedClause')}</span>
  );
}
