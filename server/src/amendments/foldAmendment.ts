import type { AmendmentKind, AmendmentPosition, ClauseContent } from '@accord/shared';
import type { AmendmentRecord } from '../models/Amendment.js';
import type { AmendmentEventRecord } from '../models/AmendmentEvent.js';

export interface Cosponsor {
  userId: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
  country: string | null;
  at: Date;
}

/** An amendment with its events folded: its latest revision and, when closed, how. */
export interface OpenAmendment {
  id: string;
  documentId: string;
  clauseId: string;
  kind: AmendmentKind;
  position: AmendmentPosition | null;
  clauseType: string | null;
  base: ClauseContent | null;
  proposal: ClauseContent | null;
  justification: string;
  revision: number;
  record: AmendmentRecord;
  cosponsors: Cosponsor[];
  /** decided or withdrawn: the event that closed it */
  closedBy: AmendmentEventRecord | null;
  lastSeq: number;
  updatedAt: Date;
}

/** Folds an amendment's events (any order, duplicates allowed) into its current state. */
export function foldAmendment(
  record: AmendmentRecord,
  events: readonly AmendmentEventRecord[],
): OpenAmendment {
  const state: OpenAmendment = {
    id: record._id.toHexString(),
    documentId: record.documentId.toHexString(),
    clauseId: record.clauseId,
    kind: record.kind,
    position: record.position,
    clauseType: record.clauseType,
    base: record.base,
    proposal: record.proposal,
    justification: record.justification,
    revision: 1,
    record,
    cosponsors: [],
    closedBy: null,
    lastSeq: 0,
    updatedAt: record.at,
  };
  const sorted = [...new Map(events.map((e) => [e.seq, e])).values()].sort((a, b) => a.seq - b.seq);
  for (const event of sorted) {
    state.lastSeq = event.seq;
    state.updatedAt = event.at;
    switch (event.type) {
      case 'cosponsor':
        if (!state.cosponsors.some((c) => c.userId === event.actorId.toHexString())) {
          state.cosponsors.push({
            userId: event.actorId.toHexString(),
            name: event.actorName,
            organisationId: event.organisationId?.toHexString() ?? null,
            organisationName: event.organisationName,
            country: event.country,
            at: event.at,
          });
        }
        break;
      case 'revise':
        state.revision += 1;
        if (event.base) state.base = event.base;
        if (event.proposal) state.proposal = event.proposal;
        if (event.note) state.justification = event.note;
        break;
      case 'withdraw':
      case 'accept':
      case 'reject':
        state.closedBy = event;
        break;
      case 'apply_failed':
        // the acceptance before it could not be applied to the document: open again
        state.closedBy = null;
        break;
    }
  }
  return state;
}

export function closedState(amendment: OpenAmendment): 'accepted' | 'rejected' | 'withdrawn' | null {
  const type = amendment.closedBy?.type;
  return type === 'accept'
    ? 'accepted'
    : type === 'reject'
      ? 'rejected'
      : type === 'withdraw'
        ? 'withdrawn'
        : null;
}
