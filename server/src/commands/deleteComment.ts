import type { CommandContext } from './CommandContext.js';
import type { ThreadData } from '../comments/ThreadData.js';
import type { CommentState } from '../comments/foldComment.js';
import { changeCommentState } from './changeCommentState.js';

/** Soft delete: the text and its history stay stored (visible to coordinators). */
export function deleteComment(ctx: CommandContext, thread: ThreadData, comment: CommentState): Promise<void> {
  return changeCommentState(ctx, thread, comment, {
    type: 'delete',
    alreadyDone: (s) => s.deleted,
    audit: 'comment.deleted',
    change: 'deleted',
  });
}
