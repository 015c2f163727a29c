import { Types } from 'mongoose';
import type { ClauseContent } from '@accord/shared';
import {
  AmendmentEvent,
  toStoredAmendmentEvent,
  type AmendmentEventRecord,
  type AmendmentEventType,
} from '../models/AmendmentEvent.js';
import type { AmendmentRecord } from '../models/Amendment.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { sequenceKey } from '../database/sequenceKey.js';
import { Conflict } from '../errors/ApiError.js';
import { amendmentCache } from './AmendmentCache.js';
import { foldAmendment, type OpenAmendment } from './foldAmendment.js';
import type { Actor } from './actorOf.js';

export interface AmendmentChange {
  type: AmendmentEventType;
  base?: ClauseContent | null;
  proposal?: ClauseContent | null;
  note?: string | null;
}

const ATTEMPTS = 10;

/**
 * Appends an amendment's next event, compare-and-swap style (DESIGN.md §2): fold the events,
 * let `decide` look at the state and name the change (it throws to refuse, e.g. 409 when the
 * amendment is closed), insert it under (amendmentId, lastSeq + 1). Of two concurrent inserts of
 * one seq the unique `_id` keeps one; the loser reads the events again and decides again — so
 * of two concurrent decisions, the second finds the amendment decided and answers 409.
 */
export async function appendAmendmentEvent(
  record: AmendmentRecord,
  actor: Actor,
  decide: (state: OpenAmendment) => AmendmentChange,
): Promise<{ before: OpenAmendment; event: AmendmentEventRecord; after: OpenAmendment }> {
  const documentId = record.documentId.toHexString();
  const amendmentId = record._id.toHexString();
  let events = (await amendmentCache.readOne(documentId, amendmentId)).events;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) events = await amendmentCache.reloadEvents(documentId, amendmentId);
    const before = foldAmendment(record, events);
    const change = decide(before);
    const seq = before.lastSeq + 1;
    const event: AmendmentEventRecord = {
      _id: sequenceKey(amendmentId, seq),
      amendmentId: record._id,
      documentId: record.documentId,
      seq,
      type: change.type,
      base: change.base ?? null,
      proposal: change.proposal ?? null,
      note: change.note ?? null,
      actorId: new Types.ObjectId(actor.id),
      actorName: actor.name,
      organisationId: actor.organisationId ? new Types.ObjectId(actor.organisationId) : null,
      organisationName: actor.organisationName,
      country: actor.country,
      at: new Date(),
    };
    try {
      await AmendmentEvent.create(toStoredAmendmentEvent(event));
    } catch (error) {
      if (isDuplicateKeyError(error)) continue;
      throw error;
    }
    amendmentCache.addEvents(documentId, [event]);
    return { before, event, after: foldAmendment(record, [...events, event]) };
  }
  throw new Conflict('This amendment is changing too quickly; try again.');
}
