import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

export const INVITATION_OUTCOMES = ['accepted', 'declined', 'revoked', 'replaced'] as const;
export type InvitationOutcomeKind = (typeof INVITATION_OUTCOMES)[number];

/**
 * What became of an invitation, insert-only under the invitation's id as `_id`: an invitation has
 * one outcome, so of an acceptance and a withdrawal at the same moment exactly one is stored and
 * the other is refused (409 invitation_closed). `replaced`: a coordinator changed the role, and a
 * new invitation (the next slot) carries it.
 */
export interface InvitationOutcomeRecord {
  /** the invitation's id (hex) */
  _id: string;
  documentId: Types.ObjectId;
  kind: InvitationOutcomeKind;
  actorId: Types.ObjectId;
  at: Date;
}

const schema = new Schema<InvitationOutcomeRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: INVITATION_OUTCOMES, required: true },
    actorId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'invitation_outcomes', versionKey: false, strict: 'throw' },
);

export const InvitationOutcome = mongoose.model<InvitationOutcomeRecord>('InvitationOutcome', schema);
