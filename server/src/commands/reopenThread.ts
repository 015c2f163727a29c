import type { CommandContext } from './CommandContext.js';
import type { ThreadData } from '../comments/ThreadData.js';
import { changeCommentState } from './changeCommentState.js';

export function reopenThread(ctx: CommandContext, thread: ThreadData): Promise<void> {
  return changeCommentState(ctx, thread, thread.root, {
    type: 'reopen',
    alreadyDone: (s) => s.status === 'open',
    audit: 'comment.reopened',
    change: 'reopened',
  });
}
