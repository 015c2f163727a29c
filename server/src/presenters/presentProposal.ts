import type { PresentedProposal } from '@accord/shared';
import type { VersionProposalRecord, VersionProposalResolutionRecord } from '../models/VersionProposal.js';

export function presentProposal(
  proposal: VersionProposalRecord,
  resolution: VersionProposalResolutionRecord | null,
): PresentedProposal {
  return {
    id: proposal._id.toHexString(),
    name: proposal.name,
    note: proposal.note,
    proposedBy: { id: proposal.proposedBy.toHexString(), name: proposal.proposedByName },
    createdAt: proposal.createdAt.toISOString(),
    status: resolution?.decision ?? 'pending',
    versionNumber: resolution?.versionNumber ?? null,
  };
}
