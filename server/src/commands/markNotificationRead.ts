import { Types } from 'mongoose';
import { Notification } from '../models/Notification.js';
import { NotificationRead } from '../models/NotificationRead.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { NotFound } from '../errors/ApiError.js';

/** Marks one of the user's notifications read (insert-only; marking twice is harmless). */
export async function markNotificationRead(userId: string, notificationId: string): Promise<void> {
  const notification = await Notification.findById(notificationId, { userId: 1 }).lean();
  if (!notification || notification.userId.toHexString() !== userId)
    throw new NotFound('No such notification.');
  try {
    await NotificationRead.create({ notificationId: notification._id, userId: new Types.ObjectId(userId) });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/** Marks every unread notification the user has read (the ones listed: the latest 100). */
export async function markAllNotificationsRead(userId: string, notificationIds: string[]): Promise<void> {
  if (notificationIds.length === 0) return;
  const uid = new Types.ObjectId(userId);
  try {
    await NotificationRead.insertMany(
      notificationIds.map((id) => ({ notificationId: new Types.ObjectId(id), userId: uid })),
      { ordered: false },
    );
  } catch (error) {
    // some were marked already (another tab): the rest are stored
    if (!isDuplicateKeyError(error)) throw error;
  }
}
