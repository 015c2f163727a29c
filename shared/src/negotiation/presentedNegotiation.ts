import type { PresentedOrganisation } from '../schemas/presented.js';
import type { ClauseStatus, PositionStance } from './negotiationValues.js';

export interface NegotiationActor {
  id: string;
  name: string;
}

/** One setting of a clause's status (the latest one is the clause's status). */
export interface PresentedClauseStatus {
  clauseId: string;
  seq: number;
  status: ClauseStatus;
  note: string | null;
  by: NegotiationActor;
  at: string;
}

/** One position of an organisation on a clause (the latest per organisation counts). */
export interface PresentedPosition {
  clauseId: string;
  organisationId: string;
  seq: number;
  stance: PositionStance;
  note: string | null;
  by: NegotiationActor;
  at: string;
}

/** GET /api/documents/:id/negotiation */
export interface PresentedNegotiation {
  /** the latest status of every clause that has one (the others are pending) */
  statuses: PresentedClauseStatus[];
  /** the latest position per clause and organisation: all for coordinators, else the reader's organisation's */
  positions: PresentedPosition[];
  /** organisations with a member on the document (coordinators: all; others: their own) */
  organisations: PresentedOrganisation[];
  /** coordinators: organisations with positions on record but no member any more (others: none) */
  leftOrganisations: PresentedOrganisation[];
  /** the reader's organisation, if any */
  myOrganisationId: string | null;
  can: { setStatus: boolean; recordPosition: boolean; seeAllPositions: boolean };
}

/** GET /api/documents/:id/clauses/:clauseId/negotiation: everything recorded, oldest first. */
export interface PresentedClauseNegotiationHistory {
  statuses: PresentedClauseStatus[];
  positions: PresentedPosition[];
}
