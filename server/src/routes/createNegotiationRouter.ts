import { Router } from 'express';
import {
  documentIdParams,
  exportPositionsQuery,
  negotiationClauseParams,
  recordPositionBody,
  setClauseStatusBody,
  type PresentedOrganisation,
} from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import type { AuthenticatedUser } from '../auth/AuthenticatedUser.js';
import type { AuthorizedDocument } from '../permissions/index.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { CanonicalCache } from '../structure/CanonicalCache.js';
import { assertClauseExists } from '../negotiation/assertClauseExists.js';
import { setClauseStatus } from '../commands/setClauseStatus.js';
import { recordPosition } from '../commands/recordPosition.js';
import { listMembers } from '../queries/listMembers.js';
import { negotiationRecords } from '../queries/negotiationRecords.js';
import {
  presentClauseStatus,
  presentNegotiation,
  presentPosition,
  visiblePositions,
  type NegotiationViewer,
} from '../presenters/presentNegotiation.js';
import { presentOrganisation } from '../presenters/presentOrganisation.js';
import { NoOrganisation } from '../errors/NoOrganisation.js';
import { validate } from './validate.js';
import { sendExport } from './sendExport.js';
import { readCanonicalDocument } from '../queries/readCanonicalDocument.js';
import { latestBy } from '../queries/negotiationRecords.js';
import { leftOrganisations } from '../queries/leftOrganisations.js';
import { renderPositionsCsv } from '../exports/negotiation/renderPositionsCsv.js';

const viewerOf = (user: AuthenticatedUser, { abilities }: AuthorizedDocument): NegotiationViewer => ({
  organisationId: user.organisationId,
  manage: abilities.manage,
  comment: abilities.comment,
});

async function memberOrganisations(documentId: string): Promise<PresentedOrganisation[]> {
  const byId = new Map<string, PresentedOrganisation>();
  for (const { organisation } of await listMembers(documentId)) {
    const presented = presentOrganisation(organisation);
    if (presented) byId.set(presented.id, presented);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Clause negotiation (issue 16): /api/documents/:id/negotiation (current statuses and positions),
 * /clause-statuses (coordinators set a clause's status), /positions (a member records their
 * organisation's position) and /clauses/:clauseId/negotiation (the history).
 */
export function createNegotiationRouter({
  logger,
  collab,
}: {
  logger: Logger;
  collab: CollabControl;
}): Router {
  const router = Router();
  const cache = new CanonicalCache();

  router.get('/:id/negotiation', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const authorized = await authorizeDocument(user.id, id, 'read');
    const [records, organisations] = await Promise.all([negotiationRecords(id), memberOrganisations(id)]);
    const viewer = viewerOf(user, authorized);
    const left = viewer.manage ? await leftOrganisations(records.positions, organisations) : [];
    res.json({ negotiation: presentNegotiation(records, organisations, viewer, left) });
  });

  // coordinators: every clause's status and every organisation's position, for a spreadsheet
  router.get('/:id/negotiation/export', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    validate(exportPositionsQuery, { ...req.query });
    const { document } = await authorizeDocument(user.id, id, 'manage');
    const [rendering, records, members] = await Promise.all([
      readCanonicalDocument({ logger, collab, cache }, document),
      negotiationRecords(id),
      memberOrganisations(id),
    ]);
    const statuses = new Map(
      latestBy(records.statuses, (r) => r.clauseId).map((r) => [r.clauseId, r] as const),
    );
    const positions = new Map(
      latestBy(records.positions, (r) => `${r.clauseId}:${r.organisationId.toHexString()}`).map(
        (r) => [`${r.clauseId}:${r.organisationId.toHexString()}`, r] as const,
      ),
    );
    const left = await leftOrganisations(records.positions, members);
    const organisations = [...members, ...left.map((organisation) => ({ ...organisation, left: true }))];
    const csv = renderPositionsCsv(
      { clauses: rendering.clauses, organisations, statuses, positions },
      document.language,
    );
    sendExport(
      res,
      { body: Buffer.from(csv), contentType: 'text/csv; charset=utf-8', extension: 'csv' },
      document.title,
      'positions',
    );
  });

  router.get('/:id/clauses/:clauseId/negotiation', async (req, res) => {
    const user = requireUser(req);
    const { id, clauseId } = validate(negotiationClauseParams, req.params);
    const authorized = await authorizeDocument(user.id, id, 'read');
    const { statuses, positions, names } = await negotiationRecords(id, clauseId);
    res.json({
      history: {
        statuses: statuses.map((r) => presentClauseStatus(r, names)),
        positions: visiblePositions(positions, viewerOf(user, authorized)).map((r) =>
          presentPosition(r, names),
        ),
      },
    });
  });

  router.post('/:id/clause-statuses', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(setClauseStatusBody, req.body);
    const { document } = await authorizeDocument(actor.id, id, 'manage');
    await assertClauseExists({ logger, collab, cache }, document, body.clauseId);
    const record = await setClauseStatus({ logger, collab, actor }, id, body);
    res.status(201).json({ status: presentClauseStatus(record, new Map([[actor.id, actor.name]])) });
  });

  router.post('/:id/positions', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(recordPositionBody, req.body);
    const { document } = await authorizeDocument(actor.id, id, 'comment');
    if (!actor.organisationId) throw new NoOrganisation();
    await assertClauseExists({ logger, collab, cache }, document, body.clauseId);
    const record = await recordPosition({ logger, collab, actor }, id, actor.organisationId, body);
    res.status(201).json({ position: presentPosition(record, new Map([[actor.id, actor.name]])) });
  });

  return router;
}
