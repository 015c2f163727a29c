import { Router } from 'express';
import { requireUser } from '../auth/requireUser.js';
import type { UserStreams } from '../events/UserStreams.js';

/**
 * GET /api/events: the signed-in user's live channel (Server-Sent Events, `event: accord`, data an
 * AccordEvent as JSON): notifications, including invitations, wherever the user is in the app.
 */
export function createUserEventsRouter(streams: UserStreams): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const user = requireUser(req);
    streams.open(user.id, res);
  });
  return router;
}
