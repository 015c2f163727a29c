import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * An in-app notification (insert-only): `userId` was @mentioned by `actorId` in a comment.
 * Whether it was read is a separate insert-only record (notification_reads).
 */
export interface NotificationRecord {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  kind: 'mention';
  documentId: Types.ObjectId;
  threadId: Types.ObjectId;
  commentId: Types.ObjectId;
  /** the revision that mentioned the user (one notification per comment revision and person) */
  revision: number;
  actorId: Types.ObjectId;
  actorName: string;
  createdAt: Date;
}

const schema = new Schema<NotificationRecord>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ['mention'], required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    threadId: { type: Schema.Types.ObjectId, required: true },
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
