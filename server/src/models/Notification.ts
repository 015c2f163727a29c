import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import { NOTIFICATION_KINDS, type NotificationKind, type Role } from '@accord/shared';

/**
 * An in-app notification (insert-only) for `userId`, caused by `actorId`: a mention in a comment,
 * a reply in a thread they took part in, the thread resolved or reopened, their role changed.
 * Whether it was read is a separate insert-only record (notification_reads).
 */
export interface NotificationRecord {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  kind: NotificationKind;
  documentId: Types.ObjectId;
  /** null for a role change */
  threadId: Types.ObjectId | null;
  /**
   * with `revision`, what caused it, once per person (the unique key: a retried request notifies
   * once): a mention or a reply, the comment; a resolution or reopening, the thread's first
   * comment; a role change, the membership change's own id
   */
  commentId: Types.ObjectId;
  /**
   * a mention: the comment revision that mentioned (1, 2, …); a reply: 0; a resolution or
   * reopening: minus the comment event's sequence number; a role change: 0
   */
  revision: number;
  /** role_changed: the new role */
  role?: Role;
  actorId: Types.ObjectId;
  actorName: string;
  createdAt: Date;
}

const schema = new Schema<NotificationRecord>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    kind: {
      type: String,
      enum: NOTIFICATION_KINDS,
      required: true,
    },
    documentId: { type: Schema.Types.ObjectId, required: true },
    threadId: { type: Schema.Types.ObjectId, default: null },
    role: { type: String },
    commentId: { type: Schema.Types.ObjectId, required: true },
    revision: { type: Number, required: true },
    actorId: { type: Schema.Types.ObjectId, required: true },
    actorName: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { strict: 'throw', versionKey: false },
);

schema.index({ userId: 1, createdAt: -1 });
// a retried request notifies once
schema.index({ commentId: 1, revision: 1, userId: 1 }, { unique: true });

export const Notification = mongoose.model<NotificationRecord>('Notification', schema, 'notifications');
