import type { VersionProposalRecord, VersionProposalResolutionRecord } from '../models/VersionProposal.js';

export interface PresentedProposal {
  id: string;
  name: string;
  note: string | null;
  proposedBy: { id: string; name: string };
  createdAt: string;
  status: 'pending' | 'confirmed' | 'dismissed';
  /** the version a confirmation froze */
  versionNumber: number | null;
}

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
