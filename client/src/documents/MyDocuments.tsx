import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedDocument } from '@accord/shared';
import { DocumentFilters } from './DocumentFilters';
import { DocumentList } from './DocumentList';
import { filterDocuments, NO_QUERY, type DocumentQuery } from './filterDocuments';

/** My documents with search, sort and filters; archived ones only when asked for. */
export function MyDocuments({ documents }: { documents: PresentedDocument[] }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState<DocumentQuery>(NO_QUERY);
  const shown = useMemo(
    () => filterDocuments(documents, query, i18n.resolvedLanguage ?? 'en'),
    [documents, query, i18n.resolvedLanguage],
  );
  const archived = documents.filter((d) => d.archived).length;
  return (
    <>
      <DocumentFilters query={query} onChange={setQuery} />
      <p className="hint" role="status">
        {t('manage.list.count', { count: shown.length })}
        {!query.showArchived && archived > 0 && ` ${t('manage.list.archivedHidden', { count: archived })}`}
      </p>
      {shown.length > 0 ? (
        <DocumentList documents={shown} />
      ) : (
        <div className="empty-state">
          <p>{t('manage.list.noMatch')}</p>
        </div>
      )}
    </>
  );
}
