import type { DocumentKind, DocumentLanguage, PresentedDocument, Role, WorkflowState } from '@accord/shared';

export type DocumentSort = 'updated' | 'title' | 'created';

export interface DocumentQuery {
  search: string;
  sort: DocumentSort;
  role: Role | '';
  kind: DocumentKind | '';
  language: DocumentLanguage | '';
  state: WorkflowState | '';
  showArchived: boolean;
}

export const NO_QUERY: DocumentQuery = {
  search: '',
  sort: 'updated',
  role: '',
  kind: '',
  language: '',
  state: '',
  showArchived: false,
};

/** Lower case without accents: "Acción" and "accion" are the same search. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * My documents as asked: filtered (archived ones only with showArchived), searched by title
 * (case- and accent-insensitive), sorted. The whole list comes from the API in one page (at most
 * 500), so this runs in the client.
 */
export function filterDocuments(
  documents: readonly PresentedDocument[],
  query: DocumentQuery,
  locale: string,
): PresentedDocument[] {
  const needle = foldForSearch(query.search.trim());
  const kept = documents.filter(
    (d) =>
      (query.showArchived || !d.archived) &&
      (!query.role || d.role === query.role) &&
      (!query.kind || d.kind === query.kind) &&
      (!query.language || d.language === query.language) &&
      (!query.state || d.state === query.state) &&
      (!needle || foldForSearch(d.title).includes(needle)),
  );
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const compare: Record<DocumentSort, (a: PresentedDocument, b: PresentedDocument) => number> = {
    updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
    created: (a, b) => b.createdAt.localeCompare(a.createdAt),
    title: (a, b) => collator.compare(a.title, b.title),
  };
  return kept.sort(compare[query.sort]);
}
