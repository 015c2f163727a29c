import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedComment, ResolvedAnchor } from '@accord/shared';
import type { LiveThread } from './orderThreads';
import { useCountryName } from '../components/countryNames';
import { personName } from '../components/personName';

export interface Filters {
  status: 'all' | 'open' | 'resolved';
  clause: string;
  organisation: string;
  country: string;
  author: string;
}

export const EMPTY_FILTERS: Filters = {
  status: 'all',
  clause: '',
  organisation: '',
  country: '',
  author: '',
};

const commentsOf = (item: LiveThread): PresentedComment[] => [item.thread.comment, ...item.thread.replies];

/** Status and clause apply to the thread; organisation, country and author to any of its comments. */
export function matchesFilters(item: LiveThread, filters: Filters): boolean {
  if (filters.status !== 'all' && item.thread.status !== filters.status) return false;
  if (filters.clause && (item.anchor.currentClauseId ?? item.anchor.clauseId) !== filters.clause)
    return false;
  if (!filters.organisation && !filters.country && !filters.author) return true;
  return commentsOf(item).some(
    (comment) =>
      (!filters.organisation || comment.author.organisation?.id === filters.organisation) &&
      (!filters.country || comment.author.organisation?.country === filters.country) &&
      (!filters.author || comment.author.id === filters.author),
  );
}

/** Filters over the threads (instant: in the browser), with the values that occur in them. */
export function CommentFilters({
  threads,
  filters,
  onChange,
  clauseName,
}: {
  threads: LiveThread[];
  filters: Filters;
  onChange: (filters: Filters) => void;
  clauseName: (anchor: ResolvedAnchor) => string;
}) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const id = useId();
  const facets = useMemo(() => {
    const clauses = new Map<string, string>();
    const organisations = new Map<string, string>();
    const countries = new Set<string>();
    const authors = new Map<string, string>();
    for (const item of threads) {
      const clauseId = item.anchor.currentClauseId ?? item.anchor.clauseId;
      if (!clauses.has(clauseId)) {
        const label = clauseName(item.anchor);
        clauses.set(
          clauseId,
          item.anchor.state === 'orphaned' ? t('comments.filters.deletedClause', { clause: label }) : label,
        );
      }
      for (const comment of commentsOf(item)) {
        const org = comment.author.organisation;
        if (org) {
          organisations.set(org.id, org.name);
          countries.add(org.country);
        }
        authors.set(comment.author.id, personName(t, comment.author.name));
      }
    }
    const byName = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1]);
    return {
      clauses: [...clauses],
      organisations: [...organisations].sort(byName),
      countries: [...countries].sort(),
      authors: [...authors].sort(byName),
    };
  }, [threads, t, clauseName]);

  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const active = Object.entries(filters).some(([key, value]) =>
    key === 'status' ? value !== 'all' : value !== '',
  );
  const select = (
    key: 'clause' | 'organisation' | 'country' | 'author',
    label: string,
    options: Array<[string, string]>,
  ) => (
    <div className="comment-filters__field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={filters[key]}
        onChange={(event) => set({ [key]: event.target.value })}
      >
        <option value="">{t('comments.filters.any')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <details className="comment-filters">
      <summary>
        {t('comments.filters.title')}
        {active && <span className="comment-filters__on"> · {t('comments.filters.active')}</span>}
      </summary>
      <div className="comment-filters__grid" role="group" aria-label={t('comments.filters.title')}>
        <div className="comment-filters__field">
          <label htmlFor={`${id}-status`}>{t('comments.filters.status')}</label>
          <select
            id={`${id}-status`}
            value={filters.status}
            onChange={(event) => set({ status: event.target.value as Filters['status'] })}
          >
            <option value="all">{t('comments.filters.statusAll')}</option>
            <option value="open">{t('comments.filters.statusOpen')}</option>
            <option value="resolved">{t('comments.filters.statusResolved')}</option>
          </select>
        </div>
        {select('clause', t('comments.filters.clause'), facets.clauses)}
        {select('organisation', t('comments.filters.organisation'), facets.organisations)}
        {select(
          'country',
          t('comments.filters.country'),
          facets.countries
            .map((c): [string, string] => [c, countryName(c)])
            .sort((a, b) => a[1].localeCompare(b[1])),
        )}
        {select('author', t('comments.filters.author'), facets.authors)}
        {active && (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => onChange(EMPTY_FILTERS)}
          >
            {t('comments.filters.clear')}
          </button>
        )}
      </div>
    </details>
  );
}
