import { Router, type Request, type Response } from 'express';
import {
  commentIdParams,
  commentVisibilityBody,
  dispositionBody,
  editCommentBody,
  emptyBody,
  replyBody,
} from '@accord/shared';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { requireUser } from '../auth/requireUser.js';
import { authorizeComment } from '../permissions/index.js';
import type { CommentAction } from '../permissions/commentPermissions.js';
import type { CommandContext } from '../commands/CommandContext.js';
import { findCommentForViewer, type CommentForViewer } from '../queries/findCommentForViewer.js';
import { replyToThread } from '../commands/replyToThread.js';
import type { CommentFloodLimiter } from '../comments/CommentFloodLimiter.js';
import { editComment } from '../commands/editComment.js';
import { deleteComment } from '../commands/deleteComment.js';
import { restoreComment } from '../commands/restoreComment.js';
import { resolveThread } from '../commands/resolveThread.js';
import { reopenThread } from '../commands/reopenThread.js';
import { setThreadVisibility } from '../commands/setThreadVisibility.js';
import { recordDisposition } from '../commands/recordDisposition.js';
import { presentRevisions } from '../presenters/presentRevisions.js';
import { validate } from './validate.js';
import { threadResponse } from './threadResponse.js';

/**
 * /api/comments/:id — a comment or its thread: read, reply, edit, delete/restore, resolve/reopen,
 * visibility, disposition, revisions. A comment the user may not see (not a member, team-only thread) is 404.
 */
export function createCommentsRouter({
  logger,
  collab,
  floods,
}: {
  logger: Logger;
  collab: CollabControl;
  floods: CommentFloodLimiter;
}): Router {
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
    await floods.admit({
      actorId: actor.id,
      documentId: found.thread.documentId,
      isNew: true,
      body: body.body,
    });
    const replyId = await replyToThread({ logger, collab, actor }, found.thread, body.body);
    res.status(201).json(await answer(found, replyId));
  });

  router.patch('/:id', async (req, res) => {
    const actor = requireUser(req);
    const body = validate(editCommentBody, req.body);
    const found = await load(req);
    authorizeComment(found, 'edit');
    await floods.admit({
      actorId: actor.id,
      documentId: found.thread.documentId,
      isNew: false,
      body: body.body,
      previousBody: found.comment.body,
    });
    await editComment({ logger, collab, actor }, found.thread, found.comment, body.body, body.baseRevision);
    res.json(await answer(found));
  });

  /** The state changes without a body: the same pipeline, each with its rule and its command. */
  const stateChange =
    (action: CommentAction, run: (ctx: CommandContext, found: CommentForViewer) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const actor = requireUser(req);
      validate(emptyBody, req.body);
      const found = await load(req);
      authorizeComment(found, action);
      await run({ logger, collab, actor }, found);
      res.json(await answer(found));
    };
  router.delete(
    '/:id',
    stateChange('delete', (ctx, found) => deleteComment(ctx, found.thread, found.comment)),
  );
  router.post(
    '/:id/restore',
    stateChange('restore', (ctx, found) => restoreComment(ctx, found.thread, found.comment)),
  );
  router.post(
    '/:id/resolve',
    stateChange('resolve', (ctx, found) => resolveThread(ctx, found.thread)),
  );
  router.post(
    '/:id/reopen',
    stateChange('reopen', (ctx, found) => reopenThread(ctx, found.thread)),
  );

  router.patch('/:id/visibility', async (req, res) => {
    const actor = requireUser(req);
    const body = validate(commentVisibilityBody, req.body);
    const found = await load(req);
    authorizeComment(found, 'setVisibility');
    await setThreadVisibility({ logger, collab, actor }, found.thread, body.visibility);
    res.json(await answer(found));
  });

  // on the thread whichever of its comments is named, as resolve and reopen
  router.post('/:id/disposition', async (req, res) => {
    const actor = requireUser(req);
    const body = validate(dispositionBody, req.body);
    const found = await load(req);
    authorizeComment(found, 'recordDisposition');
    await recordDisposition({ logger, collab, actor }, found.thread, body);
    res.json(await answer(found));
  });

  router.get('/:id/revisions', async (req, res) => {
    const found = await load(req);
    authorizeComment(found, 'viewRevisions');
    res.json(presentRevisions(found.comment));
  });

  return router;
}
