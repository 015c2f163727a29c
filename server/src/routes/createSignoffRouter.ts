import { Router } from 'express';
import { documentIdParams, openSignoffBody, signoffDecisionBody, signoffParams } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { Forbidden, NotFound } from '../errors/ApiError.js';
import { AlreadyPublished } from '../errors/AlreadyPublished.js';
import { NoOrganisation } from '../errors/NoOrganisation.js';
import { UnknownOrganisation } from '../errors/UnknownOrganisation.js';
import { Publication } from '../models/Publication.js';
import { findVersion } from '../queries/versions.js';
import { listMembers } from '../queries/listMembers.js';
import { signoffState, signoffStates } from '../queries/signoffState.js';
import { openSignoffRound } from '../commands/openSignoffRound.js';
import { recordSignoffDecision } from '../commands/recordSignoffDecision.js';
import { presentSignoffRound } from '../presenters/presentSignoff.js';
import { validate } from './validate.js';

/**
 * Sign-off rounds (issue 16): a coordinator opens one on a frozen version with the organisations
 * that must endorse it; a member (reviewer or above) of each answers for their organisation.
 * /api/documents/:id/signoffs and /api/documents/:id/versions/:number/signoff[/decisions].
 */
export function createSignoffRouter({ logger, collab }: { logger: Logger; collab: CollabControl }): Router {
  const router = Router();

  router.get('/:id/signoffs', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const { abilities } = await authorizeDocument(user.id, id, 'read');
    const viewer = { organisationId: user.organisationId, comment: abilities.comment };
    res.json({ rounds: (await signoffStates(id)).map((state) => presentSignoffRound(state, viewer)) });
  });

  router.get('/:id/versions/:number/signoff', async (req, res) => {
    const user = requireUser(req);
    const { id, number } = validate(signoffParams, req.params);
    const { abilities } = await authorizeDocument(user.id, id, 'read');
    const state = await signoffState(id, number);
    if (!state) throw new NotFound(`Version ${number} has no sign-off round.`);
    res.json({
      round: presentSignoffRound(state, { organisationId: user.organisationId, comment: abilities.comment }),
    });
  });

  router.post('/:id/versions/:number/signoff', async (req, res) => {
    const actor = requireUser(req);
    const { id, number } = validate(signoffParams, req.params);
    const body = validate(openSignoffBody, req.body);
    const { abilities } = await authorizeDocument(actor.id, id, 'manage');
    if (!(await findVersion(id, number))) throw new NotFound(`This document has no version ${number}.`);
    if (await Publication.exists({ documentId: id, versionNumber: number })) throw new AlreadyPublished();
    const memberOrganisations = new Set(
      (await listMembers(id)).flatMap(({ organisation }) =>
        organisation ? [organisation._id.toHexString()] : [],
      ),
    );
    const unknown = body.organisationIds.find((orgId) => !memberOrganisations.has(orgId));
    if (unknown) throw new UnknownOrganisation(unknown);
    await openSignoffRound({ logger, collab, actor }, id, number, body);
    const state = await signoffState(id, number);
    res.status(201).json({
      round: presentSignoffRound(state!, {
        organisationId: actor.organisationId,
        comment: abilities.comment,
      }),
    });
  });

  router.post('/:id/versions/:number/signoff/decisions', async (req, res) => {
    const actor = requireUser(req);
    const { id, number } = validate(signoffParams, req.params);
    const body = validate(signoffDecisionBody, req.body);
    const { abilities } = await authorizeDocument(actor.id, id, 'comment');
    const state = await signoffState(id, number);
    if (!state) throw new NotFound(`Version ${number} has no sign-off round.`);
    if (!actor.organisationId) throw new NoOrganisation();
    if (!state.round.organisationIds.some((orgId) => orgId.toHexString() === actor.organisationId))
      throw new Forbidden('Your organisation is not asked to endorse this version.');
    if (await Publication.exists({ documentId: id, versionNumber: number })) throw new AlreadyPublished();
    await recordSignoffDecision({ logger, collab, actor }, state.round, actor.organisationId, body);
    const after = await signoffState(id, number);
    res.status(201).json({
      round: presentSignoffRound(after!, {
        organisationId: actor.organisationId,
        comment: abilities.comment,
      }),
    });
  });

  return router;
}
