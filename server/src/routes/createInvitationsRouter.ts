import { Router } from 'express';
import { invitationParams } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { acceptInvitation } from '../commands/acceptInvitation.js';
import { declineInvitation } from '../commands/declineInvitation.js';
import { receivedInvitations } from '../queries/receivedInvitations.js';
import { currentWorkflow } from '../queries/currentWorkflow.js';
import { presentReceivedInvitation } from '../presenters/presentReceivedInvitation.js';
import { presentDocument } from '../presenters/presentDocument.js';
import { validate } from './validate.js';

/**
 * /api/invitations: the signed-in user's pending invitations (addressed to their account's email),
 * accept (→ the document, now theirs with the invited role), decline.
 */
export function createInvitationsRouter({
  logger,
  collab,
}: {
  logger: Logger;
  collab: CollabControl;
}): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const user = requireUser(req);
    const rows = await receivedInvitations(user.email);
    res.json({ invitations: rows.map(presentReceivedInvitation) });
  });

  router.post('/:id/accept', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(invitationParams, req.params);
    const { documentId } = await acceptInvitation({ logger, collab, actor }, id);
    const { document, role } = await authorizeDocument(actor.id, documentId, 'read');
    res.json({ document: presentDocument(document, role, await currentWorkflow(documentId)) });
  });

  router.post('/:id/decline', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(invitationParams, req.params);
    await declineInvitation({ logger, collab, actor }, id);
    res.status(204).end();
  });

  return router;
}
