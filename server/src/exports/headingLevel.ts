import type { CanonicalClause, ClauseKind } from '@accord/shared';

const HEADED: ReadonlySet<ClauseKind> = new Set(['chapter', 'article', 'objective', 'action', 'annex']);

/**
 * Outline level (1–3) of a clause that opens with a heading line, or null for paragraphs,
 * points and recitals, which are body text. The level follows nesting rather than kind, so an
 * article outside any chapter is level 1 and an outline never skips a level.
 */
export function headingLevel(clause: CanonicalClause): 1 | 2 | 3 | null {
  if (!HEADED.has(clause.kind)) return null;
  return Math.min(clause.depth + 1, 3) as 1 | 2 | 3;
}
