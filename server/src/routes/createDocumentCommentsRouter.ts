import { Router } from 'express';
import { createThreadBody, documentIdParams, listCommentsQuery } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeDocument, authorizeNewThread } from '../permissions/index.js';
import { createThread } from '../commands/createThread.js';
import type { CommentFloodLimiter } from '../comments/CommentFloodLimiter.js';
import { listThreadsForViewer } from '../queries/listThreadsForViewer.js';
import { presentThreadList } from '../presenters/presentThreadList.js';
import { validate } from './validate.js';
import { threadResponse } from './threadResponse.js';

/** /api/documents/:id/comments: list a document's threads (any member), open one (commenters). */
export function createDocumentCommentsRouter({
  logger,
  collab,
  floods,
}: {
  logger: Logger;
  collab: CollabControl;
  floods: CommentFloodLimiter;
}): Router {
  const router = Router();

  router.get('/:id/comments', async (req, res) => {
    const user = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const filters = validate(listCommentsQuery, { ...req.query });
    const { document, role } = await authorizeDocument(user.id, id, 'read');
    const viewer = { userId: user.id, role };
    const listing = await listThreadsForViewer(collab, document, viewer, filters);
    res.type('application/json').send(presentThreadList(listing, viewer, filters.replies === 'none'));
  });

  router.post('/:id/comments', async (req, res) => {
    const actor = requireUser(req);
    const { id } = validate(documentIdParams, req.params);
    const body = validate(createThreadBody, req.body);
    const { document, role } = await authorizeDocument(actor.id, id, 'comment');
    authorizeNewThread(role, body.visibility ?? 'all');
    await floods.admit({ actorId: actor.id, documentId: id, isNew: true, body: body.body });
    const commentId = await createThread({ logger, collab, actor }, document, body);
    res
      .status(201)
      .json(await threadResponse(collab, document, { userId: actor.id, role }, commentId, commentId));
  });

  return router;
}
