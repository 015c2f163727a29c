import type {
  PresentedClauseStatus,
  PresentedNegotiation,
  PresentedOrganisation,
  PresentedPosition,
} from '@accord/shared';
import type { ClauseStatusEventRecord } from '../models/ClauseStatusEvent.js';
import type { PositionRecord } from '../models/Position.js';
import { latestBy, type NegotiationRecords } from '../queries/negotiationRecords.js';

export interface NegotiationViewer {
  organisationId: string | null;
  /** coordinators set statuses and see every organisation's positions */
  manage: boolean;
  /** who may comment records their organisation's position */
  comment: boolean;
}

const actor = (names: Map<string, string>, id: string) => ({ id, name: names.get(id) ?? '' });

export function presentClauseStatus(
  record: ClauseStatusEventRecord,
  names: Map<string, string>,
): PresentedClauseStatus {
  return {
    clauseId: record.clauseId,
    seq: record.seq,
    status: record.status,
    note: record.note,
    by: actor(names, record.actorId.toHexString()),
    at: record.at.toISOString(),
  };
}

export function presentPosition(record: PositionRecord, names: Map<string, string>): PresentedPosition {
  return {
    clauseId: record.clauseId,
    organisationId: record.organisationId.toHexString(),
    seq: record.seq,
    stance: record.stance,
    note: record.note,
    by: actor(names, record.actorId.toHexString()),
    at: record.at.toISOString(),
  };
}

/** Positions a viewer may see: every organisation's for coordinators, else their own organisation's. */
export function visiblePositions(records: PositionRecord[], viewer: NegotiationViewer): PositionRecord[] {
  if (viewer.manage) return records;
  return records.filter((record) => record.organisationId.toHexString() === viewer.organisationId);
}

export function presentNegotiation(
  { statuses, positions, names }: NegotiationRecords,
  organisations: PresentedOrganisation[],
  viewer: NegotiationViewer,
  left: PresentedOrganisation[] = [],
): PresentedNegotiation {
  const current = latestBy(statuses, (r) => r.clauseId);
  const currentPositions = latestBy(
    visiblePositions(positions, viewer),
    (r) => `${r.clauseId}:${r.organisationId.toHexString()}`,
  );
  return {
    statuses: current.map((r) => presentClauseStatus(r, names)),
    positions: currentPositions.map((r) => presentPosition(r, names)),
    organisations: viewer.manage
      ? organisations
      : organisations.filter((organisation) => organisation.id === viewer.organisationId),
    leftOrganisations: viewer.manage ? left : [],
    myOrganisationId: viewer.organisationId,
    can: {
      setStatus: viewer.manage,
      recordPosition: viewer.comment && viewer.organisationId !== null,
      seeAllPositions: viewer.manage,
    },
  };
}
