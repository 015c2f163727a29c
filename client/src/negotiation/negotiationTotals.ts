import { isAgreed, type ClauseKind, type ClauseStatus } from '@accord/shared';

export interface NegotiationTotals {
  /** the kind counted: articles in an agreement, actions in an action plan, … */
  kind: ClauseKind;
  count: number;
  agreed: number;
  adReferendum: number;
  bracketed: number;
}

/** Kinds in the order that makes one the document's unit of negotiation. */
const UNITS: readonly ClauseKind[] = ['article', 'action', 'objective', 'chapter', 'annex'];

/**
 * "34 of 41 articles agreed": counted over the document's main kind of clause (the first of
 * UNITS it has); `agreed` includes agreed ad referendum, which is also counted on its own.
 */
export function negotiationTotals(
  clauses: ReadonlyArray<{ clauseId: string; kind: ClauseKind }>,
  statusOf: (clauseId: string) => ClauseStatus,
): NegotiationTotals | null {
  const kind = UNITS.find((unit) => clauses.some((clause) => clause.kind === unit));
  if (!kind) return null;
  const totals: NegotiationTotals = { kind, count: 0, agreed: 0, adReferendum: 0, bracketed: 0 };
  for (const clause of clauses) {
    if (clause.kind !== kind) continue;
    const status = statusOf(clause.clauseId);
    totals.count++;
    if (isAgreed(status)) totals.agreed++;
    if (status === 'agreed_ad_referendum') totals.adReferendum++;
    if (status === 'bracketed') totals.bracketed++;
  }
  return totals;
}

/**
 * The outline entries to hide when only clauses not yet agreed are shown: an agreed entry is
 * hidden unless something inside it is still open (it stays, to hold that one in place).
 */
export function hiddenWhenAgreed(
  entries: ReadonlyArray<{ clauseId: string; parentId: string | null }>,
  statusOf: (clauseId: string) => ClauseStatus,
): Set<string> {
  const open = new Set<string>();
  const parents = new Map(entries.map((entry) => [entry.clauseId, entry.parentId]));
  for (const entry of entries) {
    if (isAgreed(statusOf(entry.clauseId))) continue;
    for (let id: string | null | undefined = entry.clauseId; id && !open.has(id); id = parents.get(id))
      open.add(id);
  }
  return new Set(entries.filter((entry) => !open.has(entry.clauseId)).map((entry) => entry.clauseId));
}
