import { Router } from 'express';
import { documentIdParams, documentInvitationParams, inviteBody, updateInvitationBody } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { inviteMember } from '../commands/inviteMember.js';
import { changeInvitationRole } from '../commands/changeInvitationRole.js';
import { revokeInvitation } from '../commands/revokeInvitation.js';
import { presentInvitation } from '../presenters/presentInvitation.js';
import { validate } from './validate.js';
import type { Env } from '../env.js';
import type { Mailer } from '../mail/Mailer.js';
import { linkBase } from '../mail/linkBase.js';
import { sendInvitationMail } from '../mail/sendInvitationMail.js';
import { resendInvitation } from '../commands/resendInvitation.js';
import { notifyInvitee } from '../commands/notifyInvitee.js';

/**
 * /api/documents/:id/invitations (coordinators): invite an email address with a role, change the
 * role of a pending invitation, send it again (a new link and expiry), withdraw it. The invitee gets
 * an email with a link (/invitation#<token>). Inviting answers 201 with the pending invitation
 * whether or not the address has an account.
 */
export function createDocumentInvitationsRouter({
  env,
  logger,
  collab,
  mailer,
}: {
  env: Pick<Env, 'publicUrl'>;
  logger: Logger;
  collab: CollabControl;
  mailer: Mailer;
}): Router {
  const router = Router({ mergeParams: true });

  router.post('/:id/invitations', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(inviteBody, req.body);
    await authorizeDocument(actor.id, id, 'manage');
    const { invitation, token } = await inviteMember({ logger, collab, actor }, id, body);
    // the message is stored before the answer; delivery happens afterwards
    await sendInvitationMail({ logger, mailer, linkBase: linkBase(env, req) }, actor, invitation, token);
    res.status(201).json({ invitation: presentInvitation(invitation) });
    // after the answer: it must not tell whether the address has an account
    void notifyInvitee({ logger, collab, actor }, invitation);
  });

  router.patch('/:id/invitations/:invitationId', async (req, res) => {
    const actor = requireUser(req);
    const params = validate(documentInvitationParams, req.params);
    const body = validate(updateInvitationBody, req.body);
    await authorizeDocument(actor.id, params.id, 'manage');
    const invitation = await changeInvitationRole(
      { logger, collab, actor },
      params.id,
      params.invitationId,
      body.role,
    );
    res.json({ invitation: presentInvitation(invitation) });
  });

  router.post('/:id/invitations/:invitationId/resend', async (req, res) => {
    const actor = requireUser(req);
    const params = validate(documentInvitationParams, req.params);
    await authorizeDocument(actor.id, params.id, 'manage');
    const { invitation, token } = await resendInvitation(
      { logger, collab, actor },
      params.id,
      params.invitationId,
    );
    await sendInvitationMail({ logger, mailer, linkBase: linkBase(env, req) }, actor, invitation, token);
    res.json({ invitation: presentInvitation(invitation) });
    void notifyInvitee({ logger, collab, actor }, invitation);
  });

  router.delete('/:id/invitations/:invitationId', async (req, res) => {
    const actor = requireUser(req);
    const params = validate(documentInvitationParams, req.params);
    await authorizeDocument(actor.id, params.id, 'manage');
    await revokeInvitation({ logger, collab, actor }, params.id, params.invitationId);
    res.status(204).end();
  });

  return router;
}
