import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES, ROLES, WORKFLOW_STATES } from '@accord/shared';
import { NO_QUERY, type DocumentQuery, type DocumentSort } from './filterDocuments';
import './manageDocuments.css';

const SORTS: readonly DocumentSort[] = ['updated', 'title', 'created'];

interface DocumentFiltersProps {
  query: DocumentQuery;
  onChange(query: DocumentQuery): void;
}

/** Search by title, sort, and filters (role, kind, language, state, archived) for My documents. */
export function DocumentFilters({ query, onChange }: DocumentFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof DocumentQuery>(key: K, value: DocumentQuery[K]) =>
    onChange({ ...query, [key]: value });
  const select = <K extends 'role' | 'kind' | 'language' | 'state'>(
    key: K,
    title: string,
    values: readonly string[],
    label: (value: string) => string,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{title}</label>
      <select
        id={`${id}-${key}`}
        value={query[key]}
        onChange={(event) => set(key, event.target.value as DocumentQuery[K])}
      >
        <option value="">{t('manage.list.any')}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {label(value)}
          </option>
        ))}
      </select>
    </div>
  );
  const filtered = JSON.stringify({ ...query, sort: 'updated' }) !== JSON.stringify(NO_QUERY);
  return (
    <div role="search" className="document-filters" aria-label={t('manage.list.label')}>
      <div className="field document-filters__search">
        <label htmlFor={`${id}-search`}>{t('manage.list.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query.search}
          onChange={(event) => set('search', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>{t('manage.list.sort')}</label>
        <select
          id={`${id}-sort`}
          value={query.sort}
          onChange={(event) => set('sort', event.target.value as DocumentSort)}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`manage.list.sort_${sort}`)}
            </option>
          ))}
        </select>
      </div>
      {select('role', t('manage.list.role'), ROLES, (role) => t(`roles.${role}`))}
      {select('kind', t('manage.list.kind'), DOCUMENT_KINDS, (kind) => t(`documentKinds.${kind}`))}
      {select('language', t('manage.list.language'), DOCUMENT_LANGUAGES, (language) =>
        t(`documentLanguages.${language}`),
      )}
      {select('state', t('manage.list.state'), WORKFLOW_STATES, (state) =>
        t(`versions.workflow.state.${state}`),
      )}
      <div className="document-filters__check">
        <input
          id={`${id}-archived`}
          type="checkbox"
          checked={query.showArchived}
          onChange={(event) => set('showArchived', event.target.checked)}
        />
        <label htmlFor={`${id}-archived`}>{t('manage.list.showArchived')}</label>
      </div>
      {filtered && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => onChange({ ...NO_QUERY, sort: query.sort })}
        >
          {t('manage.list.clear')}
        </button>
      )}
    </div>
  );
}
