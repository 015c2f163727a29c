import { describe, expect, it } from 'vitest';
import type { PresentedDocument } from '@accord/shared';
import { filterDocuments, foldForSearch, NO_QUERY } from './filterDocuments';

function doc(id: string, over: Partial<PresentedDocument>): PresentedDocument {
  return {
    id,
    title: id,
    kind: 'other',
    language: 'en',
    state: 'drafting',
    textLocked: false,
    public: false,
    archived: false,
    schemaVersion: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    role: 'coordinator',
    abilities: { read: true, comment: true, edit: true, manage: true },
    ...over,
  };
}

const docs = [
  doc('a', {
    title: 'Plan de Acción Regional',
    kind: 'action_plan',
    language: 'es',
    updatedAt: '2026-03-01T00:00:00.000Z',
  }),
  doc('b', {
    title: 'agreement on access',
    kind: 'agreement',
    role: 'drafter',
    createdAt: '2026-02-01T00:00:00.000Z',
  }),
  doc('c', { title: 'Old plan', archived: true, state: 'final', updatedAt: '2026-04-01T00:00:00.000Z' }),
];
const ids = (list: PresentedDocument[]) => list.map((d) => d.id);

describe('filterDocuments', () => {
  it('hides archived documents unless asked, sorting by last change by default', () => {
    expect(ids(filterDocuments(docs, NO_QUERY, 'en'))).toEqual(['a', 'b']);
    expect(ids(filterDocuments(docs, { ...NO_QUERY, showArchived: true }, 'en'))).toEqual(['c', 'a', 'b']);
  });

  it('searches titles without regard to case or accents', () => {
    expect(foldForSearch('ACCIÓN')).toBe('accion');
    expect(ids(filterDocuments(docs, { ...NO_QUERY, search: ' accion ' }, 'en'))).toEqual(['a']);
    expect(ids(filterDocuments(docs, { ...NO_QUERY, search: 'PLAN' }, 'en'))).toEqual(['a']);
    expect(ids(filterDocuments(docs, { ...NO_QUERY, search: 'PLAN', showArchived: true }, 'en'))).toEqual([
      'c',
      'a',
    ]);
  });

  it('filters by role, kind, language and state and sorts by title or creation', () => {
    expect(ids(filterDocuments(docs, { ...NO_QUERY, role: 'drafter' }, 'en'))).toEqual(['b']);
    expect(ids(filterDocuments(docs, { ...NO_QUERY, kind: 'action_plan' }, 'en'))).toEqual(['a']);
    expect(ids(filterDocuments(docs, { ...NO_QUERY, language: 'es' }, 'en'))).toEqual(['a']);
    expect(ids(filterDocuments(docs, { ...NO_QUERY, state: 'final', showArchived: true }, 'en'))).toEqual([
      'c',
    ]);
    expect(ids(filterDocuments(docs, { ...NO_QUERY, sort: 'title', showArchived: true }, 'en'))).toEqual([
      'b',
      'c',
      'a',
    ]);
    expect(ids(filterDocuments(docs, { ...NO_QUERY, sort: 'created' }, 'en'))).toEqual(['b', 'a']);
  });
});
