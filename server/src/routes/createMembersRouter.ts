import { Router } from 'express';
import {
  abilitiesFor,
  documentIdParams,
  memberParams,
  updateMemberBody,
  type MembersResponse,
} from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { changeMemberRole } from '../commands/changeMemberRole.js';
import { removeMember } from '../commands/removeMember.js';
import { countCoordinators } from '../queries/countCoordinators.js';
import { listMembers } from '../queries/listMembers.js';
import { openInvitations } from '../queries/openInvitations.js';
import { presentInvitation } from '../presenters/presentInvitation.js';
import { findOrganisation } from '../queries/findOrganisation.js';
import { presentMember } from '../presenters/presentMember.js';
import { User } from '../models/User.js';
import { NotFound } from '../errors/ApiError.js';
import { validate } from './validate.js';

/**
 * /api/documents/:id/members: list (any member; coordinators also get the pending invitations and
 * the members' emails), change role, remove (coordinators). People join by accepting an
 * invitation (createDocumentInvitationsRouter).
 */
export function createMembersRouter({ logger, collab }: { logger: Logger; collab: CollabControl }): Router {
  const router = Router({ mergeParams: true });

  router.get('/:id/members', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const { role } = await authorizeDocument(user.id, id, 'read');
    const manages = abilitiesFor(role).manage;
    const [rows, invitations] = await Promise.all([
      listMembers(id),
      manages ? openInvitations({ documentId: id }) : Promise.resolve(null),
    ]);
    const coordinatorCount = rows.filter((r) => r.membership.role === 'coordinator').length;
    const body: MembersResponse = {
      members: rows.map((r) =>
        presentMember(r.membership, r.user, r.organisation, { role, coordinatorCount }),
      ),
      ...(invitations ? { invitations: invitations.map(presentInvitation) } : {}),
    };
    res.json(body);
  });

  router.patch('/:id/members/:userId', async (req, res) => {
    const actor = requireUser(req);
    const params = validate(memberParams, req.params);
    const body = validate(updateMemberBody, req.body);
    const { role } = await authorizeDocument(actor.id, params.id, 'manage');
    const membership = await changeMemberRole({ logger, collab, actor }, params.id, params.userId, body.role);
    const user = await User.findById(params.userId, { passwordHash: 0 }).lean();
    if (!user) throw new NotFound('This person is not a member of the document.');
    const [organisation, coordinatorCount] = await Promise.all([
      findOrganisation(user.organisationId?.toHexString() ?? null),
      countCoordinators(params.id),
    ]);
    // the actor may just have demoted themselves: present with their role as it is now
    const viewerRole = params.userId === actor.id ? membership.role : role;
    res.json({
      member: presentMember(membership, user, organisation, { role: viewerRole, coordinatorCount }),
    });
  });

  router.delete('/:id/members/:userId', async (req, res) => {
    const actor = requireUser(req);
    const params = validate(memberParams, req.params);
    await authorizeDocument(actor.id, params.id, 'manage');
    await removeMember({ logger, collab, actor }, params.id, params.userId);
    res.status(204).end();
  });

  return router;
}
