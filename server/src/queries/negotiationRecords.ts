import mongoose from 'mongoose';
import { ClauseStatusEvent, type ClauseStatusEventRecord } from '../models/ClauseStatusEvent.js';
import { Position, type PositionRecord } from '../models/Position.js';
import { User } from '../models/User.js';

export interface NegotiationRecords {
  statuses: ClauseStatusEventRecord[];
  positions: PositionRecord[];
  /** display names of everyone who recorded one of them */
  names: Map<string, string>;
}

/**
 * Every status and position record of a document (or of one clause), oldest first within each
 * clause. Insert-only records: the latest per key is current; the others are the history.
 */
export async function negotiationRecords(documentId: string, clauseId?: string): Promise<NegotiationRecords> {
  const filter = clauseId ? { documentId, clauseId } : { documentId };
  const [statuses, positions] = await Promise.all([
    ClauseStatusEvent.find(filter).sort({ seq: 1, _id: 1 }).lean(),
    Position.find(filter).sort({ seq: 1, _id: 1 }).lean(),
  ]);
  const actorIds = [...new Set([...statuses, ...positions].map((record) => record.actorId.toHexString()))];
  const users = actorIds.length
    ? await User.find({ _id: mongoose.trusted({ $in: actorIds }) }, { name: 1 }).lean()
    : [];
  return { statuses, positions, names: new Map(users.map((u) => [u._id.toHexString(), u.name])) };
}

/** The record with the highest seq per key. */
export function latestBy<T extends { seq: number }>(records: T[], keyOf: (record: T) => string): T[] {
  const latest = new Map<string, T>();
  for (const record of records) {
    const key = keyOf(record);
    const current = latest.get(key);
    if (!current || current.seq < record.seq) latest.set(key, record);
  }
  return [...latest.values()];
}
