import type {
  AmendmentListResponse,
  ListAmendmentsQuery,
  PresentedAmendmentOrganisation,
} from '@accord/shared';
import { presentAmendment, type AmendmentViewer } from '../presenters/presentAmendment.js';
import type { AmendmentView } from './amendmentViews.js';

const OPEN = new Set(['pending', 'rebased', 'conflict']);

function organisationsOf(view: AmendmentView): { id: string; country: string | null }[] {
  const record = view.amendment.record;
  const all = [{ id: record.organisationId?.toHexString() ?? '', country: record.country }];
  for (const c of view.amendment.cosponsors) all.push({ id: c.organisationId ?? '', country: c.country });
  return all;
}

/** The amendments that pass the filters (AND; organisation and country: the tabling organisation's or a co-sponsor's). */
export function filterViews(views: readonly AmendmentView[], filters: ListAmendmentsQuery): AmendmentView[] {
  return views.filter((view) => {
    const record = view.amendment.record;
    if (filters.status && view.state !== filters.status) return false;
    if (filters.clauseId && record.clauseId !== filters.clauseId) return false;
    if (filters.author && record.authorId.toHexString() !== filters.author) return false;
    if (filters.organisation && !organisationsOf(view).some((o) => o.id === filters.organisation))
      return false;
    if (filters.country && !organisationsOf(view).some((o) => o.country === filters.country)) return false;
    return true;
  });
}

/**
 * The list answer: the amendments that pass the filters (AND; organisation and country match the
 * tabling organisation or a co-sponsor's), newest first, with counts of open amendments per clause
 * and the facets for the filters, both over every amendment.
 */
export function listAmendments(
  views: readonly AmendmentView[],
  filters: ListAmendmentsQuery,
  viewer: AmendmentViewer,
): AmendmentListResponse {
  const clauseCounts: Record<string, number> = {};
  const organisations = new Map<string, PresentedAmendmentOrganisation>();
  const authors = new Map<string, { id: string; name: string }>();
  const countries = new Set<string>();
  for (const view of views) {
    const record = view.amendment.record;
    if (OPEN.has(view.state)) clauseCounts[record.clauseId] = (clauseCounts[record.clauseId] ?? 0) + 1;
    authors.set(record.authorId.toHexString(), {
      id: record.authorId.toHexString(),
      name: record.authorName,
    });
    const people = [
      {
        id: record.organisationId?.toHexString() ?? null,
        name: record.organisationName,
        country: record.country,
      },
      ...view.amendment.cosponsors.map((c) => ({
        id: c.organisationId,
        name: c.organisationName,
        country: c.country,
      })),
    ];
    for (const org of people) {
      if (org.id && org.name)
        organisations.set(org.id, { id: org.id, name: org.name, country: org.country ?? '' });
      if (org.country) countries.add(org.country);
    }
  }
  const shown = filterViews(views, filters).sort(
    (a, b) => b.amendment.record.at.getTime() - a.amendment.record.at.getTime(),
  );
  return {
    amendments: shown.map((view) => presentAmendment(view, viewer)),
    clauseCounts,
    facets: {
      organisations: [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name)),
      authors: [...authors.values()].sort((a, b) => a.name.localeCompare(b.name)),
      countries: [...countries].sort(),
    },
  };
}
