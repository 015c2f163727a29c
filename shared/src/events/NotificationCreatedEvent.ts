import type { PresentedNotification } from '../schemas/presentedComments.js';

/** Sent to the connections of a member who was just @mentioned (never to the author). */
export interface NotificationCreatedEvent {
  type: 'notification.created';
  notification: PresentedNotification;
}
