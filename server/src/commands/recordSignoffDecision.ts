import { Types } from 'mongoose';
import type { SignoffDecision } from '@accord/shared';
import { Endorsement } from '../models/Endorsement.js';
import type { SignoffRoundRecord } from '../models/SignoffRound.js';
import { appendInSequence } from '../database/appendInSequence.js';
import { endorsementKey } from '../signoff/signoffKeys.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * Records an organisation's decision in a round as its next insert-only decision (the latest
 * counts; concurrent decisions are all kept, in some order).
 */
export async function recordSignoffDecision(
  ctx: CommandContext,
  round: SignoffRoundRecord,
  organisationId: string,
  answer: { decision: SignoffDecision; note?: string | undefined },
): Promise<void> {
  const documentId = round.documentId.toHexString();
  const at = new Date();
  await appendInSequence(
    async (n) => (await Endorsement.exists({ _id: endorsementKey(round._id, organisationId, n) })) !== null,
    (n) =>
      Endorsement.create({
        _id: endorsementKey(round._id, organisationId, n),
        roundId: round._id,
        documentId: round.documentId,
        versionNumber: round.versionNumber,
        organisationId: new Types.ObjectId(organisationId),
        seq: n,
        decision: answer.decision,
        note: answer.note ? answer.note : null,
        actorId: new Types.ObjectId(ctx.actor.id),
        at,
      }),
  );
  ctx.collab.broadcastEvent(documentId, {
    type: 'signoff.changed',
    documentId,
    version: round.versionNumber,
  });
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'signoff.decided',
    documentId,
    data: {
      version: round.versionNumber,
      organisationId,
      decision: answer.decision,
      note: answer.note ?? null,
    },
  });
}
