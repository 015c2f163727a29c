import { Types } from 'mongoose';
import { SignoffRound, type SignoffRoundRecord } from '../models/SignoffRound.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { Conflict } from '../errors/ApiError.js';
import { signoffRoundKey } from '../signoff/signoffKeys.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { membersOfOrganisations, notifyMembers } from './notifyMembers.js';

/** Opens the sign-off round of a frozen version (one per version: a second one gets 409). */
export async function openSignoffRound(
  ctx: CommandContext,
  documentId: string,
  versionNumber: number,
  round: { organisationIds: string[]; note?: string | undefined },
): Promise<SignoffRoundRecord> {
  const record: SignoffRoundRecord = {
    _id: signoffRoundKey(documentId, versionNumber),
    documentId: new Types.ObjectId(documentId),
    versionNumber,
    organisationIds: round.organisationIds.map((id) => new Types.ObjectId(id)),
    note: round.note ? round.note : null,
    actorId: new Types.ObjectId(ctx.actor.id),
    at: new Date(),
  };
  try {
    await SignoffRound.create(record);
  } catch (error) {
    if (isDuplicateKeyError(error))
      throw new Conflict(`Version ${versionNumber} has a sign-off round already.`);
    throw error;
  }
  ctx.collab.broadcastEvent(documentId, { type: 'signoff.changed', documentId, version: versionNumber });
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'signoff.opened',
    documentId,
    data: { version: versionNumber, organisationIds: round.organisationIds, note: record.note },
  });
  await notifyMembers(ctx, {
    kind: 'signoff_requested',
    documentId,
    recipients: await membersOfOrganisations(documentId, round.organisationIds),
    commentId: new Types.ObjectId().toHexString(),
    revision: 0,
  });
  return record;
}
