import { Types } from 'mongoose';
import type { JoinLinkCreateBody } from '@accord/shared';
import { JoinLink, type JoinLinkRecord } from '../models/JoinLink.js';
import { newSecretToken } from '../auth/secretToken.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A coordinator makes a join link for the document (the route checked `manage`): a new random
 * token, of which only the SHA-256 is stored. Answers the record and the token (shown once).
 */
export async function createJoinLink(
  ctx: CommandContext,
  documentId: string,
  input: JoinLinkCreateBody,
  now = new Date(),
): Promise<{ link: JoinLinkRecord; token: string }> {
  const { token, hash } = newSecretToken();
  const created = await JoinLink.create({
    documentId: new Types.ObjectId(documentId),
    tokenHash: hash,
    role: input.role,
    createdBy: new Types.ObjectId(ctx.actor.id),
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
  });
  const link = created.toObject();
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'join_link.created',
    documentId,
    data: { linkId: link._id.toHexString(), role: link.role, expiresAt: link.expiresAt.toISOString() },
  });
  return { link, token };
}
