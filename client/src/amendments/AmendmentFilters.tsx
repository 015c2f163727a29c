import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmendmentListResponse, AmendmentState, PresentedAmendment } from '@accord/shared';

export interface Filters {
  status: string;
  organisation: string;
  country: string;
  author: string;
}

export const NO_FILTERS: Filters = { status: '', organisation: '', country: '', author: '' };

/** Whether an amendment passes the filters (organisation and country: the author's or a co-sponsor's). */
export function matches(a: PresentedAmendment, f: Filters): boolean {
  const people = [a.author, ...a.cosponsors];
  if (f.status && a.state !== f.status) return false;
  if (f.author && a.author.id !== f.author) return false;
  if (f.organisation && !people.some((p) => p.organisation?.id === f.organisation)) return false;
  if (f.country && !people.some((p) => p.organisation?.country === f.country)) return false;
  return true;
}

interface AmendmentFiltersProps {
  list: AmendmentListResponse;
  filters: Filters;
  statuses: readonly AmendmentState[];
  onChange(filters: Filters): void;
  /** the clauses with amendments, named, and the one shown (null: all) */
  clauses: { id: string; name: string }[];
  clauseId: string | null;
  onClause(clauseId: string | null): void;
}

/** Filters of the amendments list: clause (also set from the markers), status, organisation, country, author. */
export function AmendmentFilters({
  list,
  filters,
  statuses,
  onChange,
  clauses,
  clauseId,
  onClause,
}: AmendmentFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const select = (key: keyof Filters, label: string, options: { value: string; label: string }[]) => (
    <div className="amendment-filters__field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={filters[key]}
        onChange={(e) => onChange({ ...filters, [key]: e.target.value })}
      >
        <option value="">{t('amendments.filters.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="amendment-filters" role="group" aria-label={t('amendments.filters.label')}>
      <div className="amendment-filters__field">
        <label htmlFor={`${id}-clause`}>{t('amendments.filters.clause')}</label>
        <select id={`${id}-clause`} value={clauseId ?? ''} onChange={(e) => onClause(e.target.value || null)}>
          <option value="">{t('amendments.filters.any')}</option>
          {clauses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {select(
        'status',
        t('amendments.filters.status'),
        statuses.map((s) => ({ value: s, label: t(`amendments.state.${s}`) })),
      )}
      {select(
        'organisation',
        t('amendments.filters.organisation'),
        list.facets.organisations.map((o) => ({ value: o.id, label: o.name })),
      )}
      {select(
        'country',
        t('amendments.filters.country'),
        list.facets.countries.map((c) => ({ value: c, label: c })),
      )}
      {select(
        'author',
        t('amendments.filters.author'),
        list.facets.authors.map((a) => ({ value: a.id, label: a.name })),
      )}
    </div>
  );
}
