import type { Abilities, CanonicalDocument, PresentedContent } from '@accord/shared';

/** The canonical rendering of a document; schema problems for those who manage it only. */
export function presentContent(rendering: CanonicalDocument, abilities: Abilities): PresentedContent {
  const { schemaVersion, language, title, clauses, freeText, tree, problems } = rendering;
  return {
    schemaVersion,
    language,
    title,
    clauses,
    freeText,
    tree,
    ...(abilities.manage ? { problems } : {}),
  };
}
