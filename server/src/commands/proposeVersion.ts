import { Types } from 'mongoose';
import type { CreateVersionBody } from '@accord/shared';
import { VersionProposal, type VersionProposalRecord } from '../models/VersionProposal.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/** A drafter's or reviewer's proposal to freeze the current text; a coordinator answers it. */
export async function proposeVersion(
  ctx: CommandContext,
  documentId: string,
  input: CreateVersionBody,
): Promise<VersionProposalRecord> {
  const created = await VersionProposal.create({
    documentId: new Types.ObjectId(documentId),
    name: input.name,
    note: input.note ?? null,
    proposedBy: new Types.ObjectId(ctx.actor.id),
    proposedByName: ctx.actor.name,
    createdAt: new Date(),
  });
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'version.proposed',
    documentId,
    data: { proposalId: created._id.toHexString(), name: input.name },
  });
  return created.toObject();
}
