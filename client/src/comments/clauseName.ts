import { clauseLabel, type ClauseSnapshot } from '@accord/shared';

/** What naming a clause needs (a ClauseSnapshot of the clause index, or a live ClauseNumber). */
export type NamedClause = Pick<ClauseSnapshot, 'kind' | 'number' | 'label' | 'parentId'>;

export type ClauseLookup = (clauseId: string) => NamedClause | null | undefined;

type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * How the interface names a clause in its sentences: 'Article 3', 'Article 3, paragraph 2',
 * 'Article 3, paragraph 2, point b' (paragraph and point numbers alone say little in a list of
 * comments). The words are those of the interface `language`, not of the document: a Portuguese
 * interface on a Spanish text says 'Artigo 3, nº 1' where the text itself shows 'Artículo 3'.
 * `lookup` finds the enclosing clauses.
 */
export function clauseName(
  snapshot: NamedClause | null | undefined,
  lookup: ClauseLookup,
  t: Translate,
  language: string,
): string {
  if (!snapshot) return t('comments.thread.unnumberedClause');
  const own = ownName(snapshot, language) ?? t('comments.thread.unnumberedClause');
  if ((snapshot.kind !== 'paragraph' && snapshot.kind !== 'point') || !snapshot.number || !snapshot.parentId)
    return own;
  const parent = lookup(snapshot.parentId);
  if (!parent) return own;
  const key = snapshot.kind === 'paragraph' ? 'comments.clause.paragraph' : 'comments.clause.point';
  return t(key, { parent: clauseName(parent, lookup, t, language), number: snapshot.number });
}

/** A clause's own label in the interface language ('Artigo 3', '2.'); null when it has no number. */
export function ownName(
  clause: Pick<NamedClause, 'kind' | 'number' | 'label'>,
  language: string,
): string | null {
  if (clause.kind && clause.number) return clauseLabel(clause.kind, clause.number, language);
  return clause.label;
}
