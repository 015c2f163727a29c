import type { Abilities, CanonicalDocument, PresentedOutline } from '@accord/shared';

/**
 * The outline (numbers and headings, in reading order) of a canonical rendering. Schema problems
 * go to those who manage the document only: they are the ones who can act on them.
 */
export function presentOutline(rendering: CanonicalDocument, abilities: Abilities): PresentedOutline {
  return {
    language: rendering.language,
    title: rendering.title,
    clauses: rendering.clauses.map(({ clauseId, kind, number, label, path, heading, depth, parentId }) => ({
      clauseId,
      kind,
      number,
      label,
      path,
      heading,
      depth,
      parentId,
    })),
    ...(abilities.manage ? { problems: rendering.problems } : {}),
  };
}
