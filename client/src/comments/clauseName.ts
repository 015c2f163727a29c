import type { ClauseSnapshot } from '@accord/shared';

/** What naming a clause needs (a ClauseSnapshot of the clause index, or a live ClauseNumber). */
export type NamedClause = Pick<ClauseSnapshot, 'kind' | 'number' | 'label' | 'parentId'>;

export type ClauseLookup = (clauseId: string) => NamedClause | null | undefined;

type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * How readers name a clause: 'Article 3', 'Article 3, paragraph 2', 'Article 3, paragraph 2,
 * point b' (paragraph and point numbers alone say little in a list of comments). `lookup` finds
 * the enclosing clauses.
 */
export function clauseName(
  snapshot: NamedClause | null | undefined,
  lookup: ClauseLookup,
  t: Translate,
): string {
  if (!snapshot) return t('comments.thread.unnumberedClause');
  const own = snapshot.label ?? t('comments.thread.unnumberedClause');
  if ((snapshot.kind !== 'paragraph' && snapshot.kind !== 'point') || !snapshot.number || !snapshot.parentId)
    return own;
  const parent = lookup(snapshot.parentId);
  if (!parent) return own;
  const key = snapshot.kind === 'paragraph' ? 'comments.clause.paragraph' : 'comments.clause.point';
  return t(key, { parent: clauseName(parent, lookup, t), number: snapshot.number });
}
