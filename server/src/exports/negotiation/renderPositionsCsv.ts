import type { CanonicalClause, ClauseStatus, DocumentLanguage, PositionStance } from '@accord/shared';
import { csvText } from '../csvText.js';
import { NEGOTIATION_EXPORT_LABELS } from './negotiationExportLabels.js';

export interface PositionsMatrix {
  /** the document's clauses in order (those without an id are left out) */
  clauses: readonly Pick<CanonicalClause, 'clauseId' | 'label' | 'heading'>[];
  /** members' organisations, then those with positions on record that have left (`left`) */
  organisations: readonly { id: string; name: string; country: string; left?: boolean }[];
  /** current status per clause id (absent: pending) */
  statuses: ReadonlyMap<string, { status: ClauseStatus; note: string | null }>;
  /** current position per `${clauseId}:${organisationId}` */
  positions: ReadonlyMap<string, { stance: PositionStance; note: string | null }>;
}

/**
 * The positions matrix for coordinators as CSV: a row per clause (label, heading, negotiation
 * status and its note), a column per organisation with its stance and note ("Reservation: …"),
 * organisations that have left the document and whose positions remain marked as such,
 * and the clause's tallies of each stance.
 */
export function renderPositionsCsv(matrix: PositionsMatrix, language: DocumentLanguage): string {
  const l = NEGOTIATION_EXPORT_LABELS[language];
  const stances = Object.keys(l.stances) as PositionStance[];
  const header = [
    l.clause,
    l.heading,
    l.status,
    l.statusNote,
    ...matrix.organisations.map((o) => {
      const name = o.country ? `${o.name} (${o.country})` : o.name;
      return o.left ? `${name} (${l.left})` : name;
    }),
    ...stances.map((s) => l.stances[s]),
  ];
  const rows = matrix.clauses.flatMap((clause) => {
    if (!clause.clauseId) return [];
    const status = matrix.statuses.get(clause.clauseId);
    const tally = new Map<PositionStance, number>();
    const cells = matrix.organisations.map((organisation) => {
      const position = matrix.positions.get(`${clause.clauseId}:${organisation.id}`);
      if (!position) return '';
      tally.set(position.stance, (tally.get(position.stance) ?? 0) + 1);
      const word = l.stances[position.stance];
      return position.note ? `${word}: ${position.note}` : word;
    });
    return [
      [
        clause.label,
        clause.heading ?? '',
        l.statuses[status?.status ?? 'pending'],
        status?.note ?? '',
        ...cells,
        ...stances.map((s) => String(tally.get(s) ?? 0)),
      ],
    ];
  });
  return csvText([header, ...rows]);
}
