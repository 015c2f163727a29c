import { Types } from 'mongoose';
import {
  VersionProposal,
  VersionProposalResolution,
  type VersionProposalRecord,
  type VersionProposalResolutionRecord,
} from '../models/VersionProposal.js';

/** The document's freeze proposals, newest first, each with its answer (null: pending). */
export async function listProposals(
  documentId: string,
): Promise<{ proposal: VersionProposalRecord; resolution: VersionProposalResolutionRecord | null }[]> {
  const proposals = await VersionProposal.find({ documentId: new Types.ObjectId(documentId) })
    .sort({ createdAt: -1 })
    .lean();
  const resolutions = await Promise.all(
    proposals.map((p) => VersionProposalResolution.findById(p._id).lean()),
  );
  return proposals.map((proposal, i) => ({ proposal, resolution: resolutions[i] ?? null }));
}
