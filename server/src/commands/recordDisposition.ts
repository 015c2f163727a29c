import type { DispositionBody } from '@accord/shared';
import type { CommandContext } from './CommandContext.js';
import type { ThreadData } from '../comments/ThreadData.js';
import { changeCommentState } from './changeCommentState.js';

/**
 * A coordinator's disposition of a thread (accepted, partially accepted, not accepted, noted, with
 * a reason), recorded on its first comment as the next event: the latest one counts, the earlier
 * ones stay in the thread's history. Recording what is already recorded (the same value and
 * reason, e.g. a retried request) stores nothing.
 */
export function recordDisposition(
  ctx: CommandContext,
  thread: ThreadData,
  disposition: DispositionBody,
): Promise<void> {
  return changeCommentState(ctx, thread, thread.root, {
    type: 'disposition',
    disposition: { value: disposition.value, reason: disposition.reason },
    alreadyDone: (s) =>
      s.disposition?.value === disposition.value && s.disposition.reason === disposition.reason,
    audit: 'comment.disposition_recorded',
    change: 'disposition',
  });
}
