import type { CommandContext } from './CommandContext.js';
import type { ThreadData } from '../comments/ThreadData.js';
import { changeCommentState } from './changeCommentState.js';

export function resolveThread(ctx: CommandContext, thread: ThreadData): Promise<void> {
  return changeCommentState(ctx, thread, thread.root, {
    type: 'resolve',
    alreadyDone: (s) => s.status === 'resolved',
    audit: 'comment.resolved',
    change: 'resolved',
  });
}
