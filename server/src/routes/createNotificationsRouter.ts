import { Router } from 'express';
import { emptyBody, listNotificationsQuery, notificationIdParams } from '@accord/shared';
import { requireUser } from '../auth/requireUser.js';
import { listNotifications } from '../queries/listNotifications.js';
import { markAllNotificationsRead, markNotificationRead } from '../commands/markNotificationRead.js';
import { presentNotification } from '../presenters/presentNotification.js';
import { validate } from './validate.js';

/**
 * /api/notifications: the signed-in user's in-app notifications (mentions, replies, resolutions,
 * role changes) and read marks; POST /read-all marks every listed one read.
 */
export function createNotificationsRouter(): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const user = requireUser(req);
    const query = validate(listNotificationsQuery, { ...req.query });
    const rows = await listNotifications(user.id, query.unread === 'true');
    const notifications = rows.map((row) => presentNotification(row.record, row.documentTitle, row.read));
    res.json({ notifications, unread: notifications.filter((n) => !n.read).length });
  });

  router.post('/read-all', async (req, res) => {
    const user = requireUser(req);
    validate(emptyBody, req.body);
    const unread = await listNotifications(user.id, true);
    await markAllNotificationsRead(
      user.id,
      unread.map((row) => row.record._id.toHexString()),
    );
    res.status(204).end();
  });

  router.post('/:id/read', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(notificationIdParams, req.params);
    validate(emptyBody, req.body);
    await markNotificationRead(user.id, id);
    res.status(204).end();
  });

  return router;
}
