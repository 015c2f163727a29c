import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import { ROLES, type Role } from '@accord/shared';

/**
 * An invitation of an email address to a document, insert-only. The n-th invitation of one
 * address to one document has the unique `slot` `<documentId>:<email>:<n>`: two coordinators
 * inviting the same address at once both try the same slot, one wins (DESIGN.md §2). What became
 * of it (accepted, declined, withdrawn, replaced by a new role) is its InvitationOutcome; without
 * one, before `expiresAt`, it is pending.
 */
export interface InvitationRecord {
  _id: Types.ObjectId;
  slot: string;
  documentId: Types.ObjectId;
  /** lower case, as the account's email is stored */
  email: string;
  seq: number;
  role: Role;
  invitedBy: Types.ObjectId;
  createdAt: Date;
  expiresAt: Date;
  /**
   * SHA-256 (hex) of the token in the emailed link (`/invitation#<token>`); a role change carries
   * it to the replacing invitation (the link keeps working), a resend makes a new one. Null for
   * invitations made before links existed.
   */
  tokenHash: string | null;
}

export function invitationSlot(documentId: string, email: string, seq: number): string {
  return `${documentId}:${email}:${seq}`;
}

const schema = new Schema<InvitationRecord>(
  {
    slot: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    email: { type: String, required: true },
    seq: { type: Number, required: true },
    role: { type: String, enum: ROLES, required: true },
    invitedBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    tokenHash: { type: String, default: null },
  },
  { collection: 'invitations', versionKey: false, strict: 'throw' },
);

schema.index({ slot: 1 }, { unique: true });
// a document's invitations (its Members panel), and an address's (the invitee's My documents)
schema.index({ documentId: 1, email: 1 });
schema.index({ email: 1 });
schema.index({ tokenHash: 1 });

export const Invitation = mongoose.model<InvitationRecord>('Invitation', schema);
