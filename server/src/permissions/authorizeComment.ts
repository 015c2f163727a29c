import { Forbidden } from '../errors/ApiError.js';
import { COMMENT_RULES, mayRequest, type CommentAction, type CommentViewer } from './commentPermissions.js';
import type { CommentState } from '../comments/foldComment.js';
import type { ThreadData } from '../comments/ThreadData.js';

/** A comment as loaded for a viewer who may see it (findCommentForViewer). */
export interface FoundComment {
  viewer: CommentViewer;
  thread: ThreadData;
  comment: CommentState;
}

/**
 * The gate of every comment route: 403 Forbidden, with the rule's message, unless the viewer may
 * ask for `action` on this comment (COMMENT_RULES). Whether they may see it at all was settled
 * when it was loaded (404 otherwise).
 */
export function authorizeComment(found: FoundComment, action: CommentAction): void {
  const subject = { root: found.thread.root, comment: found.comment };
  if (!mayRequest(found.viewer, subject, action))
    throw new Forbidden(COMMENT_RULES[action].refusal(found.viewer.role));
}
