import { Router } from 'express';
import {
  amendmentParams,
  decideAmendmentBody,
  documentIdParams,
  emptyAmendmentBody,
  exportAmendmentsQuery,
  listAmendmentsQuery,
  reviseAmendmentBody,
  tableAmendmentBody,
  type ClauseContent,
} from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import type { AuthenticatedUser } from '../auth/AuthenticatedUser.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument, type AuthorizedDocument } from '../permissions/index.js';
import { NotFound } from '../errors/ApiError.js';
import { tableAmendment } from '../commands/tableAmendment.js';
import { changeAmendment, type AmendmentAction } from '../commands/changeAmendment.js';
import { decideAmendment } from '../commands/decideAmendment.js';
import { amendmentCache } from '../amendments/AmendmentCache.js';
import { actorOf } from '../amendments/actorOf.js';
import { amendmentViews } from '../amendments/amendmentViews.js';
import { listAmendments } from '../amendments/listAmendments.js';
import { presentAmendment } from '../presenters/presentAmendment.js';
import type { AmendmentRecord } from '../models/Amendment.js';
import { validate } from './validate.js';
import { sendExport } from './sendExport.js';
import { amendmentExportRows } from '../exports/amendments/amendmentExportRows.js';
import { exportAmendments } from '../exports/amendments/exportAmendments.js';
import { filterViews } from '../amendments/listAmendments.js';
import { latestBy, negotiationRecords } from '../queries/negotiationRecords.js';

/**
 * /api/documents/:id/amendments: list (members), table (reviewers, drafters, coordinators),
 * co-sponsor, revise, withdraw, decide (coordinators). See README "Amendments".
 */
export function createAmendmentsRouter({
  logger,
  collab,
}: {
  logger: Logger;
  collab: CollabControl;
}): Router {
  const router = Router();

  async function presentOne(user: AuthenticatedUser, auth: AuthorizedDocument, amendmentId: string) {
    const documentId = auth.document._id.toHexString();
    const { amendment } = await amendmentCache.readOne(documentId, amendmentId);
    if (!amendment) throw new NotFound('No such amendment.');
    const views = await amendmentViews(collab, documentId, auth.document.language, amendment.clauseId);
    const view = views.find((v) => v.amendment.id === amendmentId);
    if (!view) throw new NotFound('No such amendment.');
    return presentAmendment(view, {
      id: user.id,
      organisationId: user.organisationId,
      abilities: auth.abilities,
    });
  }

  async function loadAmendment(documentId: string, amendmentId: string): Promise<AmendmentRecord> {
    const { amendment } = await amendmentCache.readOne(documentId, amendmentId);
    if (!amendment) throw new NotFound('No such amendment.');
    return amendment;
  }

  router.get('/:id/amendments', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const filters = validate(listAmendmentsQuery, { ...req.query });
    const auth = await authorizeDocument(user.id, id, 'read');
    const views = await amendmentViews(collab, id, auth.document.language);
    res.json(
      listAmendments(views, filters, {
        id: user.id,
        organisationId: user.organisationId,
        abilities: auth.abilities,
      }),
    );
  });

  // before /:amendmentId, which would take "export" for an id
  router.get('/:id/amendments/export', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const { format, ...filters } = validate(exportAmendmentsQuery, { ...req.query });
    const auth = await authorizeDocument(user.id, id, 'read');
    const language = auth.document.language;
    const [all, negotiation] = await Promise.all([
      amendmentViews(collab, id, language),
      negotiationRecords(id),
    ]);
    const views = filterViews(all, filters);
    const statuses = new Map(
      latestBy(negotiation.statuses, (r) => r.clauseId).map((r) => [r.clauseId, r.status] as const),
    );
    const file = await exportAmendments(
      format,
      auth.document.title,
      amendmentExportRows(views, language, statuses),
      language,
    );
    sendExport(res, file, auth.document.title, 'amendments');
  });

  router.get('/:id/amendments/:amendmentId', async (req, res) => {
    const user = requireUser(req);
    const { id, amendmentId } = validate(amendmentParams, req.params);
    const auth = await authorizeDocument(user.id, id, 'read');
    res.json({ amendment: await presentOne(user, auth, amendmentId) });
  });

  router.post('/:id/amendments', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(tableAmendmentBody, req.body);
    const auth = await authorizeDocument(user.id, id, 'comment');
    const record = await tableAmendment({ logger, collab, actor: user }, id, await actorOf(user), body);
    res.status(201).json({ amendment: await presentOne(user, auth, record._id.toHexString()) });
  });

  const change = (path: string, action: (body: unknown) => AmendmentAction) =>
    router.post(`/:id/amendments/:amendmentId/${path}`, async (req, res) => {
      const user = requireUser(req);
      const { id, amendmentId } = validate(amendmentParams, req.params);
      const parsed = action(req.body ?? {});
      const auth = await authorizeDocument(user.id, id, 'comment');
      const record = await loadAmendment(id, amendmentId);
      await changeAmendment({ logger, collab, actor: user }, record, await actorOf(user), parsed);
      res.json({ amendment: await presentOne(user, auth, amendmentId) });
    });
  change('cosponsor', (body) => {
    validate(emptyAmendmentBody, body);
    return { type: 'cosponsor' };
  });
  change('withdraw', (body) => {
    validate(emptyAmendmentBody, body);
    return { type: 'withdraw' };
  });
  change('revise', (body) => {
    const revise = validate(reviseAmendmentBody, body);
    return {
      type: 'revise',
      proposal: revise.proposal as ClauseContent | undefined,
      justification: revise.justification,
    };
  });

  router.post('/:id/amendments/:amendmentId/decision', async (req, res) => {
    const user = requireUser(req);
    const { id, amendmentId } = validate(amendmentParams, req.params);
    const body = validate(decideAmendmentBody, req.body);
    const auth = await authorizeDocument(user.id, id, 'manage');
    const record = await loadAmendment(id, amendmentId);
    await decideAmendment({ logger, collab, actor: user }, record, await actorOf(user), body);
    res.json({ amendment: await presentOne(user, auth, amendmentId) });
  });

  return router;
}
