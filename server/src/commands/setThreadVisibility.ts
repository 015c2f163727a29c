import type { CommentVisibility } from '@accord/shared';
import type { CommandContext } from './CommandContext.js';
import type { ThreadData } from '../comments/ThreadData.js';
import { changeCommentState } from './changeCommentState.js';

/** all ↔ team (drafters and coordinators only); recorded on the thread's first comment. */
export function setThreadVisibility(
  ctx: CommandContext,
  thread: ThreadData,
  visibility: CommentVisibility,
): Promise<void> {
  return changeCommentState(ctx, thread, thread.root, {
    type: 'visibility',
    visibility,
    alreadyDone: (s) => s.visibility === visibility,
    audit: 'comment.visibility_changed',
    change: 'visibility',
  });
}
