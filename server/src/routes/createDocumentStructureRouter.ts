import { Router } from 'express';
import { clauseAuthorsParams, documentContentQuery, documentIdParams } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument } from '../permissions/index.js';
import { readCanonicalDocument } from '../queries/readCanonicalDocument.js';
import { CanonicalCache } from '../structure/CanonicalCache.js';
import { presentOutline } from '../presenters/presentOutline.js';
import { presentContent } from '../presenters/presentContent.js';
import { validate } from './validate.js';
import { clauseAuthors } from '../queries/clauseAuthors.js';
import { NotFound } from '../errors/ApiError.js';

/**
 * /api/documents/:id/outline and /content: the document's structure as the server renders it
 * (shared renderCanonical on the current Yjs state), for every member; and
 * /clauses/:clauseId/authors: who wrote and who deleted each passage of a clause.
 */
export function createDocumentStructureRouter({
  logger,
  collab,
}: {
  logger: Logger;
  collab: CollabControl;
}): Router {
  const router = Router();
  const cache = new CanonicalCache();

  router.get('/:id/outline', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const { document, abilities } = await authorizeDocument(user.id, id, 'read');
    const rendering = await readCanonicalDocument({ logger, collab, cache }, document);
    res.json(presentOutline(rendering, abilities));
  });

  router.get('/:id/content', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    validate(documentContentQuery, req.query);
    const { document, abilities } = await authorizeDocument(user.id, id, 'read');
    const rendering = await readCanonicalDocument({ logger, collab, cache }, document);
    res.json(presentContent(rendering, abilities));
  });

  router.get('/:id/clauses/:clauseId/authors', async (req, res) => {
    const user = requireUser(req);
    const { id, clauseId } = validate(clauseAuthorsParams, req.params);
    await authorizeDocument(user.id, id, 'read');
    const authors = await clauseAuthors(collab, id, clauseId);
    if (!authors) throw new NotFound('clause not found');
    res.json(authors);
  });

  return router;
}
