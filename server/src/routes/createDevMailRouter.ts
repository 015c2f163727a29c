import { Router } from 'express';
import { requireUser } from '../auth/requireUser.js';
import type { Mailer } from '../mail/Mailer.js';
import { NotFound } from '../errors/ApiError.js';

/**
 * /api/dev/mail: without SMTP_URL, the messages sent to the signed-in user's address (newest
 * first), so every emailed flow works on a laptop. With SMTP configured it does not exist (404).
 */
export function createDevMailRouter(mailer: Mailer): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    if (!mailer.logsOnly) throw new NotFound('No such API endpoint.');
    const user = requireUser(req);
    const messages = await mailer.messagesTo(user.email);
    res.json({
      messages: messages.map((m) => ({
        id: m.id,
        kind: m.kind,
        subject: m.subject,
        text: m.text,
        html: m.html,
        sentAt: m.createdAt.toISOString(),
      })),
    });
  });
  return router;
}
