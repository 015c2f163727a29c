import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * A drafter's or reviewer's proposal to freeze the text as a version. Insert-only; a coordinator's
 * answer is a VersionProposalResolution under the proposal's id (the first answer wins).
 */
export interface VersionProposalRecord {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  name: string;
  note: string | null;
  proposedBy: Types.ObjectId;
  proposedByName: string;
  createdAt: Date;
}

const schema = new Schema<VersionProposalRecord>(
  {
    documentId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    note: { type: String, default: null },
    proposedBy: { type: Schema.Types.ObjectId, required: true },
    proposedByName: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'version_proposals', versionKey: false, strict: 'throw' },
);
schema.index({ documentId: 1, createdAt: -1 });

export const VersionProposal = mongoose.model<VersionProposalRecord>('VersionProposal', schema);

/** A coordinator's answer to a proposal: `_id` is the proposal's id, so it is answered once. */
export interface VersionProposalResolutionRecord {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  decision: 'confirmed' | 'dismissed';
  /** the version the confirmation froze */
  versionNumber: number | null;
  by: Types.ObjectId;
  at: Date;
}

const resolutionSchema = new Schema<VersionProposalResolutionRecord>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    decision: { type: String, enum: ['confirmed', 'dismissed'], required: true },
    versionNumber: { type: Number, default: null },
    by: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'version_proposal_resolutions', versionKey: false, strict: 'throw' },
);

export const VersionProposalResolution = mongoose.model<VersionProposalResolutionRecord>(
  'VersionProposalResolution',
  resolutionSchema,
);
