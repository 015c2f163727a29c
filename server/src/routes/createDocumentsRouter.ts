import { Router } from 'express';
import { createDocumentBody, documentIdParams, updateDocumentBody } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { createDocument } from '../commands/createDocument.js';
import { renameDocument } from '../commands/renameDocument.js';
import { setDocumentPublic } from '../commands/setDocumentPublic.js';
import { listMyDocuments } from '../queries/listMyDocuments.js';
import { currentWorkflow } from '../queries/currentWorkflow.js';
import { assertTextUnlocked } from '../queries/assertTextUnlocked.js';
import { presentDocument } from '../presenters/presentDocument.js';
import { validate } from './validate.js';

/** /api/documents: my documents, create, read, rename, make publications public. */
export function createDocumentsRouter({ logger, collab }: { logger: Logger; collab: CollabControl }): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const user = requireUser(req);
    const rows = await listMyDocuments(user.id);
    res.json({ documents: rows.map(({ document, role }) => presentDocument(document, role)) });
  });

  router.post('/', async (req, res) => {
    const actor = requireUser(req);
    const body = validate(createDocumentBody, req.body);
    const document = await createDocument({ logger, collab, actor }, body);
    res.status(201).json({ document: presentDocument(document, 'coordinator') });
  });

  router.get('/:id', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const { document, role } = await authorizeDocument(user.id, id, 'read');
    res.json({ document: presentDocument(document, role, await currentWorkflow(id)) });
  });

  router.patch('/:id', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(updateDocumentBody, req.body);
    const { document, role } = await authorizeDocument(actor.id, id, 'manage');
    const ctx = { logger, collab, actor };
    // the title is written in the text too: not while the workflow locks it
    if (body.title !== undefined) await assertTextUnlocked(id);
    let updated = body.title === undefined ? document : await renameDocument(ctx, id, body.title);
    if (body.public !== undefined) updated = await setDocumentPublic(ctx, id, body.public);
    res.json({ document: presentDocument(updated, role, await currentWorkflow(id)) });
  });

  return router;
}
