import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/** "The user has read this notification": insert-only, unique per notification. */
export interface NotificationReadRecord {
  _id: Types.ObjectId;
  notificationId: Types.ObjectId;
  userId: Types.ObjectId;
  at: Date;
}

const schema = new Schema<NotificationReadRecord>(
  {
    notificationId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'notification_reads', strict: 'throw', versionKey: false },
);

schema.index({ notificationId: 1 }, { unique: true });
schema.index({ userId: 1 });

export const NotificationRead = mongoose.model<NotificationReadRecord>('NotificationRead', schema);
