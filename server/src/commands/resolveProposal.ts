import { Types } from 'mongoose';
import type { DocumentRecord } from '../models/Document.js';
import type { VersionRecord } from '../models/Version.js';
import {
  VersionProposal,
  VersionProposalResolution,
  type VersionProposalRecord,
} from '../models/VersionProposal.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { Conflict, NotFound } from '../errors/ApiError.js';
import type { CommandContext } from './CommandContext.js';
import { freezeVersion } from './freezeVersion.js';
import { recordAuditEvent } from './recordAuditEvent.js';

async function pendingProposal(documentId: string, proposalId: string): Promise<VersionProposalRecord> {
  const proposal = await VersionProposal.findById(proposalId).lean();
  if (!proposal || !proposal.documentId.equals(documentId)) throw new NotFound('No such proposal.');
  if (await VersionProposalResolution.exists({ _id: proposal._id })) {
    throw new Conflict('This proposal has been answered already.');
  }
  return proposal;
}

/** Claims the proposal's one answer (the unique `_id`): the first coordinator to answer wins. */
async function answer(
  ctx: CommandContext,
  proposal: VersionProposalRecord,
  decision: 'confirmed' | 'dismissed',
  versionNumber: number | null,
): Promise<void> {
  try {
    await VersionProposalResolution.create({
      _id: proposal._id,
      documentId: proposal.documentId,
      decision,
      versionNumber,
      by: new Types.ObjectId(ctx.actor.id),
      at: new Date(),
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new Conflict('This proposal has been answered already.');
    throw error;
  }
}

/** Freezes the proposed version (under the coordinator's name and note, if given). */
export async function confirmProposal(
  ctx: CommandContext,
  document: DocumentRecord,
  proposalId: string,
  override: { name?: string | undefined; note?: string | undefined },
): Promise<VersionRecord> {
  const proposal = await pendingProposal(document._id.toHexString(), proposalId);
  const version = await freezeVersion(ctx, document, {
    name: override.name ?? proposal.name,
    note: override.note ?? proposal.note ?? undefined,
    proposalId: proposal._id,
  });
  // a concurrent confirmation froze too: both versions stand (they are immutable), one answer counts
  await answer(ctx, proposal, 'confirmed', version.number);
  return version;
}

export async function dismissProposal(
  ctx: CommandContext,
  documentId: string,
  proposalId: string,
): Promise<void> {
  const proposal = await pendingProposal(documentId, proposalId);
  await answer(ctx, proposal, 'dismissed', null);
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'version.proposal_dismissed',
    documentId,
    data: { proposalId },
  });
}
