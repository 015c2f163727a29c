import { Router } from 'express';
import {
  archiveBody,
  deleteDocumentBody,
  documentIdParams,
  documentSettingsBody,
  duplicateDocumentBody,
  handOverBody,
  type PresentedDeletedDocument,
} from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { leaveDocument } from '../commands/leaveDocument.js';
import { handOverCoordinator } from '../commands/handOverCoordinator.js';
import { archiveDocument } from '../commands/archiveDocument.js';
import { deleteDocument } from '../commands/deleteDocument.js';
import { restoreDocument } from '../commands/restoreDocument.js';
import { duplicateDocument } from '../commands/duplicateDocument.js';
import { changeDocumentSettings } from '../commands/changeDocumentSettings.js';
import { listDeletedDocuments } from '../queries/listDeletedDocuments.js';
import { currentWorkflow } from '../queries/currentWorkflow.js';
import { presentDocument } from '../presenters/presentDocument.js';
import { validate } from './validate.js';

export interface DocumentManagementDeps {
  logger: Logger;
  collab: CollabControl;
  /** how long a deleted document stays restorable (DELETED_DOCUMENT_RETENTION_SECONDS) */
  retentionMs: number;
}

/**
 * Managing a document as a whole (issue 17): leave it, hand over the coordinator role, archive,
 * delete (to the bin) and restore, duplicate, change kind and language. Mounted at /api: the bin is /api/deleted-documents, the rest
 * under /api/documents/:id. Each route validates, then authorizes (404 to non-members), then
 * writes: a refusal writes nothing.
 */
export function createDocumentManagementRouter({
  logger,
  collab,
  retentionMs,
}: DocumentManagementDeps): Router {
  const router = Router();

  router.post('/documents/:id/leave', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    await authorizeDocument(actor.id, id, 'read');
    await leaveDocument({ logger, collab, actor }, id);
    res.status(204).end();
  });

  router.post('/documents/:id/hand-over', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(handOverBody, req.body);
    await authorizeDocument(actor.id, id, 'manage');
    await handOverCoordinator({ logger, collab, actor }, id, body.userId, body.myRole);
    res.status(204).end();
  });

  router.patch('/documents/:id/archived', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(archiveBody, req.body);
    const { role } = await authorizeDocument(actor.id, id, 'manage');
    const document = await archiveDocument({ logger, collab, actor }, id, body.archived);
    res.json({ document: presentDocument(document, role, await currentWorkflow(id)) });
  });

  router.patch('/documents/:id/settings', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(documentSettingsBody, req.body);
    const { role } = await authorizeDocument(actor.id, id, 'manage');
    const document = await changeDocumentSettings({ logger, collab, actor }, id, body);
    res.json({ document: presentDocument(document, role, await currentWorkflow(id)) });
  });

  router.delete('/documents/:id', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(deleteDocumentBody, req.body ?? {});
    await authorizeDocument(actor.id, id, 'manage');
    await deleteDocument({ logger, collab, actor }, id, body.title);
    res.status(204).end();
  });

  // any member may start a document of their own from what they can read
  router.post('/documents/:id/duplicate', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(duplicateDocumentBody, req.body);
    const { document: source } = await authorizeDocument(actor.id, id, 'read');
    const document = await duplicateDocument({ logger, collab, actor }, source, body.title);
    res.status(201).json({ document: presentDocument(document, 'coordinator') });
  });

  router.get('/deleted-documents', async (req, res) => {
    const user = requireUser(req);
    const documents: PresentedDeletedDocument[] = await listDeletedDocuments(user.id, retentionMs);
    res.json({ documents });
  });

  router.post('/deleted-documents/:id/restore', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    await restoreDocument({ logger, collab, actor }, id, retentionMs);
    res.status(204).end();
  });

  return router;
}
