import type { CanonicalClause } from '@accord/shared';

/**
 * One line for a clause's label and heading: "Article 3 — Obligations", "Capítulo II — …".
 * The import recognises this form (detectStructureLine), so the headings of an exported file
 * become clauses again when it is imported.
 */
export function clauseTitle(clause: CanonicalClause): string {
  return clause.heading?.trim() ? `${clause.label} — ${clause.heading.trim()}` : clause.label;
}
