import { Types } from 'mongoose';
import { JoinLink } from '../models/JoinLink.js';
import { JoinLinkRevocation } from '../models/JoinLinkRevocation.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { NotFound } from '../errors/ApiError.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * A coordinator revokes one of the document's join links (the route checked `manage`): a
 * revocation record under the link's id. Revoking it again changes nothing; a link of another
 * document is 404.
 */
export async function revokeJoinLink(ctx: CommandContext, documentId: string, linkId: string): Promise<void> {
  const link = await JoinLink.findById(linkId).lean();
  if (!link || !link._id.equals(linkId) || !link.documentId.equals(documentId)) {
    throw new NotFound('No such join link.');
  }
  try {
    await JoinLinkRevocation.create({
      _id: linkId,
      documentId: new Types.ObjectId(documentId),
      actorId: new Types.ObjectId(ctx.actor.id),
      at: new Date(),
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) return;
    throw error;
  }
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'join_link.revoked',
    documentId,
    data: { linkId },
  });
}
