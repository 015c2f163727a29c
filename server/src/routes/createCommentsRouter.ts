import { Router, type Request } from 'express';
import {
  commentIdParams,
  commentVisibilityBody,
  editCommentBody,
  emptyBody,
  replyBody,
} from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeComment } from '../permissions/index.js';
import { findCommentForViewer, type CommentForViewer } from '../queries/findCommentForViewer.js';
import { replyToThread } from '../commands/replyToThread.js';
import { editComment } from '../commands/editComment.js';
import { deleteComment } from '../commands/deleteComment.js';
import { restoreComment } from '../commands/restoreComment.js';
import { resolveThread } from '../commands/resolveThread.js';
import { reopenThread } from '../commands/reopenThread.js';
import { setThreadVisibility } from '../commands/setThreadVisibility.js';
import { presentRevisions } from '../presenters/presentRevisions.js';
import { validate } from './validate.js';
import { threadResponse } from './threadResponse.js';

/**
 * /api/comments/:id — a comment or its thread: read, reply, edit, delete/restore, resolve/reopen,
 * visibility, revisions. A comment the user may not see (not a member, team-only thread) is 404.
 */
export function createCommentsRouter({ logger, collab }: { logger: Logger; collab: CollabControl }): Router {
  const router = Router();

  const load = async (req: Request): Promise<CommentForViewer> => {
    const user = requireUser(req);
    const { id } = validate(commentIdParams, req.params);
    return findCommentForViewer(user.id, id);
  };
  const answer = (found: CommentForViewer, commentId = found.comment.record._id.toHexString()) =>
    threadResponse(collab, found.document, found.viewer, found.thread.id, commentId);

  router.get('/:id', async (req, res) => {
    res.json(await answer(await load(req)));
  });

  router.post('/:id/replies', async (req, res) => {
    const actor = requireUser(req);
    const body = validate(replyBody, req.body);
    const found = await load(req);
    authorizeComment(found, 'reply');
    const replyId = await replyToThread({ logger, collab, actor }, found.thread, body.body);
    res.status(201).json(await answer(found, replyId));
  });

  router.patch('/:id', async (req, res) => {
    const actor = requireUser(req);
    const body = validate(editCommentBody, req.body);
    const found = await load(req);
    authorizeComment(found, 'edit');
    await editComment({ logger, collab, actor }, found.thread, found.comment, body.body, body.baseRevision);
    res.json(await answer(found));
  });

  router.delete('/:id', async (req, res) => {
    const actor = requireUser(req);
    validate(emptyBody, req.body);
    const found = await load(req);
    authorizeComment(found, 'delete');
    await deleteComment({ logger, collab, actor }, found.thread, found.comment);
    res.json(await answer(found));
  });

  router.post('/:id/restore', async (req, res) => {
    const actor = requireUser(req);
    validate(emptyBody, req.body);
    const found = await load(req);
    authorizeComment(found, 'restore');
    await restoreComment({ logger, collab, actor }, found.thread, found.comment);
    res.json(await answer(found));
  });

  router.post('/:id/resolve', async (req, res) => {
    const actor = requireUser(req);
    validate(emptyBody, req.body);
    const found = await load(req);
    authorizeComment(found, 'resolve');
    await resolveThread({ logger, collab, actor }, found.thread);
    res.json(await answer(found));
  });

  router.post('/:id/reopen', async (req, res) => {
    const actor = requireUser(req);
    validate(emptyBody, req.body);
    const found = await load(req);
    authorizeComment(found, 'reopen');
    await reopenThread({ logger, collab, actor }, found.thread);
    res.json(await answer(found));
  });

  router.patch('/:id/visibility', async (req, res) => {
    const actor = requireUser(req);
    const body = validate(commentVisibilityBody, req.body);
    const found = await load(req);
    authorizeComment(found, 'setVisibility');
    await setThreadVisibility({ logger, collab, actor }, found.thread, body.visibility);
    res.json(await answer(found));
  });

  router.get('/:id/revisions', async (req, res) => {
    const found = await load(req);
    authorizeComment(found, 'viewRevisions');
    res.json(presentRevisions(found.comment));
  });

  return router;
}
