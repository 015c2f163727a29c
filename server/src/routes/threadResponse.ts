import type { PresentedComment, PresentedThread } from '@accord/shared';
import type { CollabControl } from '../collab/CollabControl.js';
import type { DocumentRecord } from '../models/Document.js';
import type { CommentViewer } from '../permissions/commentPermissions.js';
import { loadThread } from '../queries/loadThread.js';
import { resolveThreadAnchors } from '../comments/resolveThreadAnchors.js';
import { presentThread } from '../presenters/presentThread.js';
import { NotFound } from '../errors/ApiError.js';

export interface ThreadResponse {
  thread: PresentedThread;
  /** the comment the request was about (the first comment or a reply) */
  comment: PresentedComment;
}

/** `{ thread, comment }` as the viewer sees them now: the answer of every comment route. */
export async function threadResponse(
  collab: CollabControl,
  document: DocumentRecord,
  viewer: CommentViewer,
  threadId: string,
  commentId: string,
): Promise<ThreadResponse> {
  const thread = await loadThread(document._id.toHexString(), threadId);
  if (!thread) throw new NotFound('No such comment.');
  const anchors = await resolveThreadAnchors(collab, thread.documentId, document.language, [thread]);
  const presented = presentThread(thread, anchors.get(thread.id), viewer);
  const comment =
    [presented.comment, ...presented.replies].find((c) => c.id === commentId) ?? presented.comment;
  return { thread: presented, comment };
}
