import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

export const AUDIT_ACTIONS = [
  'user.registered',
  'user.password_reset',
  'user.updated',
  'user.password_changed',
  'user.email_changed',
  'document.created',
  'document.renamed',
  'member.added',
  'member.role_changed',
  'member.removed',
  'invitation.created',
  'invitation.role_changed',
  'invitation.revoked',
  'invitation.declined',
  'invitation.resent',
  'comment.created',
  'comment.replied',
  'comment.edited',
  'comment.deleted',
  'comment.restored',
  'comment.resolved',
  'comment.reopened',
  'comment.visibility_changed',
  'version.frozen',
  'version.proposed',
  'version.proposal_dismissed',
  'version.restored',
  'workflow.changed',
  'document.visibility_changed',
  'publication.published',
  'comment.disposition_recorded',
  'clause.status_set',
  'clause.position_recorded',
  'amendment.tabled',
  'amendment.cosponsored',
  'amendment.revised',
  'amendment.withdrawn',
  'amendment.accepted',
  'amendment.rejected',
  'signoff.opened',
  'signoff.decided',
  'signoff.overridden',
  'member.left',
  'member.handed_over',
  'document.archived',
  'document.unarchived',
  'document.deleted',
  'document.restored',
  'document.purged',
  'document.settings_changed',
  'user.deleted',
  'join_link.created',
  'join_link.revoked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did what to which document, when. Insert only. */
export interface AuditEventRecord {
  _id: Types.ObjectId;
  actorId: Types.ObjectId;
  action: AuditAction;
  documentId: Types.ObjectId | null;
  /** the user the action was about (a member added, changed, removed) */
  subjectUserId: Types.ObjectId | null;
  data: Record<string, unknown>;
  at: Date;
}

const schema = new Schema<AuditEventRecord>(
  {
    actorId: { type: Schema.Types.ObjectId, required: true },
    action: { type: String, enum: AUDIT_ACTIONS, required: true },
    documentId: { type: Schema.Types.ObjectId, default: null },
    subjectUserId: { type: Schema.Types.ObjectId, default: null },
    data: { type: Schema.Types.Mixed, default: {} },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { strict: 'throw', minimize: false },
);

schema.index({ documentId: 1, at: -1 });

export const AuditEvent = mongoose.model<AuditEventRecord>('AuditEvent', schema, 'audit_events');
