import type { ClauseContent, DecideAmendmentBody } from '@accord/shared';
import type { AmendmentRecord } from '../models/Amendment.js';
import { AmendmentClosed } from '../errors/AmendmentClosed.js';
import { assertTextUnlocked } from '../queries/assertTextUnlocked.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';
import { appendAmendmentEvent } from '../amendments/appendAmendmentEvent.js';
import { closedState, foldAmendment, type OpenAmendment } from '../amendments/foldAmendment.js';
import { amendmentCache } from '../amendments/AmendmentCache.js';
import { prepareAcceptance } from '../amendments/prepareAcceptance.js';
import type { Actor } from '../amendments/actorOf.js';
import type { CommandContext } from './CommandContext.js';
import { notifyMembers } from './notifyMembers.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { Types } from 'mongoose';

/**
 * A coordinator's decision. Reject records the reason. Accept (optionally with the coordinator's
 * changes to the wording) checks that the amendment still applies to the live clause, records the
 * decision — the unique (amendmentId, seq) insert lets one of two concurrent decisions win; the
 * other answers 409 — and then makes the change in the live document through the room, as one
 * Yjs transaction that every open editor receives at once. Decisions of one document run one
 * after another in this process, so the check and the change see the same text.
 */
export async function decideAmendment(
  ctx: CommandContext,
  record: AmendmentRecord,
  actor: Actor,
  body: DecideAmendmentBody,
): Promise<OpenAmendment> {
  const documentId = record.documentId.toHexString();
  const changed = body.decision === 'accept' && body.proposal ? (body.proposal as ClauseContent) : null;
  const result = await serializePerDocument(documentId, async () => {
    if (body.decision === 'reject') {
      return appendAmendmentEvent(record, actor, (state) => {
        assertOpenForDecision(state);
        return { type: 'reject', note: body.reason };
      });
    }
    await assertTextUnlocked(documentId);
    // fails before anything is recorded when the amendment no longer applies to the live clause
    const cached = await amendmentCache.readOne(documentId, record._id.toHexString());
    const seen = foldAmendment(record, cached.events);
    assertOpenForDecision(seen);
    const base = await ctx.collab.withDocument(
      documentId,
      (doc) => prepareAcceptance(doc, seen, changed ?? seen.proposal).base,
    );
    const appended = await appendAmendmentEvent(record, actor, (state) => {
      assertOpenForDecision(state);
      return { type: 'accept', base, proposal: changed, note: body.note ?? null };
    });
    try {
      await ctx.collab.changeDocument(documentId, (doc) => {
        prepareAcceptance(doc, appended.before, changed ?? appended.before.proposal).apply();
      });
    } catch (error) {
      // the decision is recorded but the document could not take it: open the amendment again
      await appendAmendmentEvent(record, actor, () => ({
        type: 'apply_failed',
        note: (error as Error).message,
      }));
      throw error;
    }
    return appended;
  });
  ctx.collab.broadcastEvent(documentId, {
    type: 'amendments.changed',
    documentId,
    amendmentId: record._id.toHexString(),
    clauseId: record.clauseId,
    change: body.decision === 'accept' ? 'accepted' : 'rejected',
    actorId: actor.id,
    at: result.event.at.toISOString(),
  });
  await recordAuditEvent(ctx.logger, {
    actorId: actor.id,
    action: body.decision === 'accept' ? 'amendment.accepted' : 'amendment.rejected',
    documentId,
    data: {
      amendmentId: record._id.toHexString(),
      clauseId: record.clauseId,
      changed: changed !== null,
      note: body.decision === 'accept' ? (body.note ?? null) : body.reason,
    },
  });
  await notifyMembers(ctx, {
    kind: 'amendment_decided',
    documentId,
    recipients: [record.authorId.toHexString(), ...result.after.cosponsors.map((c) => c.userId)],
    commentId: new Types.ObjectId().toHexString(),
    revision: 0,
  });
  return result.after;
}

function assertOpenForDecision(state: OpenAmendment): void {
  const closed = closedState(state);
  if (closed) throw new AmendmentClosed(closed);
}
