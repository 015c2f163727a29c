import type { PresentedProposal } from '@accord/shared';
import type { VersionProposalRecord, VersionProposalResolutionRecord } from '../models/VersionProposal.js';
import { presentedName } from '../queries/formerMembers.js';

export function presentProposal(
  proposal: VersionProposalRecord,
  resolution: VersionProposalResolutionRecord | null,
): PresentedProposal {
  return {
    id: proposal._id.toHexString(),
    name: proposal.name,
    note: proposal.note,
    proposedBy: {
      id: proposal.proposedBy.toHexString(),
      name: presentedName(proposal.proposedBy, proposal.proposedByName),
    },
    createdAt: proposal.createdAt.toISOString(),
    status: resolution?.decision ?? 'pending',
    versionNumber: resolution?.versionNumber ?? null,
  };
}
