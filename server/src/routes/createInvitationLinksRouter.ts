import { Router } from 'express';
import { invitationLinkBody, type PresentedInvitationLink } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { acceptInvitation } from '../commands/acceptInvitation.js';
import { isDocumentDeleted } from '../queries/isDocumentDeleted.js';
import { findInvitationByToken } from '../queries/findInvitationByToken.js';
import { currentWorkflow } from '../queries/currentWorkflow.js';
import { DocumentModel } from '../models/Document.js';
import { User } from '../models/User.js';
import { presentDocument } from '../presenters/presentDocument.js';
import { InvitationOtherAddress } from '../errors/ApiError.js';
import { validate } from './validate.js';

/**
 * /api/invitation-links: what the page of an emailed invitation link needs. The token is the
 * credential (POST bodies, never URLs, so it stays out of logs).
 * - POST /lookup {token}: the invitation (address, role, document title, inviter, state), signed
 *   in or not, so the page can offer to sign in or register with the invited address.
 * - POST /accept {token}: the signed-in account, if it has the invited address, becomes a member
 *   (403 invitation_other_address otherwise; 409 invitation_closed once closed or expired).
 */
export function createInvitationLinksRouter({
  logger,
  collab,
}: {
  logger: Logger;
  collab: CollabControl;
}): Router {
  const router = Router();

  router.post('/lookup', async (req, res) => {
    const { token } = validate(invitationLinkBody, req.body);
    const { invitation, outcome } = await findInvitationByToken(token);
    const [found, inviter, deleted] = await Promise.all([
      DocumentModel.findById(invitation.documentId, { title: 1 }).lean(),
      User.findById(invitation.invitedBy, { name: 1 }).lean(),
      isDocumentDeleted(invitation.documentId.toHexString()),
    ]);
    // a deleted document: the link is closed and its title not shown
    const document = deleted ? null : found;
    const state: PresentedInvitationLink['state'] =
      outcome?.kind === 'accepted'
        ? 'accepted'
        : outcome || invitation.expiresAt <= new Date() || !document
          ? 'closed'
          : 'pending';
    const presented: PresentedInvitationLink = {
      email: invitation.email,
      role: invitation.role,
      state,
      document: { id: invitation.documentId.toHexString(), title: document?.title ?? '' },
      invitedBy: { name: inviter?.name ?? '' },
      expiresAt: invitation.expiresAt.toISOString(),
    };
    res.json({ invitation: presented });
  });

  router.post('/accept', async (req, res) => {
    const actor = requireUser(req);
    const { token } = validate(invitationLinkBody, req.body);
    const { invitation } = await findInvitationByToken(token);
    if (invitation.email !== actor.email) throw new InvitationOtherAddress();
    const { documentId } = await acceptInvitation({ logger, collab, actor }, invitation._id.toHexString());
    const { document, role } = await authorizeDocument(actor.id, documentId, 'read');
    res.json({ document: presentDocument(document, role, await currentWorkflow(documentId)) });
  });

  return router;
}
