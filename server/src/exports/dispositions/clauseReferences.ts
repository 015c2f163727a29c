import type { CanonicalDocument } from '@accord/shared';

/** Clauses that are numbered only within their parent ("2.", "b)"). */
const NESTED = new Set(['paragraph', 'point']);

/**
 * How a reader cites each clause of a rendering, by clause id: "Article 3" for an article,
 * "Article 3, 2. b)" for a point of its second paragraph (a bare "b)" says nothing on its own),
 * "Annex I, 1.", "Action 1.2".
 */
export function clauseReferences(canonical: CanonicalDocument): Map<string, string> {
  const byId = new Map(canonical.clauses.filter((c) => c.clauseId).map((c) => [c.clauseId!, c]));
  const references = new Map<string, string>();
  for (const clause of byId.values()) {
    const nested: string[] = [];
    let current: typeof clause | undefined = clause;
    while (current && NESTED.has(current.kind)) {
      nested.unshift(current.label);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    const head = current?.label;
    const tail = nested.join(' ');
    references.set(clause.clauseId!, head && tail ? `${head}, ${tail}` : (head ?? tail));
  }
  return references;
}
