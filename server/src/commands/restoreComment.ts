import type { CommandContext } from './CommandContext.js';
import type { ThreadData } from '../comments/ThreadData.js';
import type { CommentState } from '../comments/foldComment.js';
import { changeCommentState } from './changeCommentState.js';

/** Undoes a soft delete. */
export function restoreComment(
  ctx: CommandContext,
  thread: ThreadData,
  comment: CommentState,
): Promise<void> {
  return changeCommentState(ctx, thread, comment, {
    type: 'restore',
    alreadyDone: (s) => !s.deleted,
    audit: 'comment.restored',
    change: 'restored',
  });
}
