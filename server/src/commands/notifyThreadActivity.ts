import type { CommandContext } from './CommandContext.js';
import type { ThreadData } from '../comments/ThreadData.js';
import { threadAudience } from '../permissions/commentPermissions.js';
import { notifyMembers } from './notifyMembers.js';

/** Everyone who wrote in the thread: its author and those who replied. */
export function threadParticipants(thread: ThreadData): string[] {
  return [thread.root, ...thread.replies].map((c) => c.record.authorId.toHexString());
}

/**
 * Tells those who took part in a thread that someone replied (`commentId`: the reply), or resolved
 * or reopened it (`seq`: the thread's event). People the reply @mentions get the mention instead.
 */
export async function notifyThreadActivity(
  ctx: CommandContext,
  thread: ThreadData,
  activity:
    | { kind: 'reply'; commentId: string; mentioned: string[] }
    | { kind: 'resolved' | 'reopened'; seq: number },
): Promise<void> {
  const mentioned = new Set(activity.kind === 'reply' ? activity.mentioned : []);
  await notifyMembers(ctx, {
    kind: activity.kind,
    documentId: thread.documentId,
    recipients: threadParticipants(thread).filter((id) => !mentioned.has(id)),
    commentId: activity.kind === 'reply' ? activity.commentId : thread.id,
    // (mentions use the positive revisions: never the same key)
    revision: activity.kind === 'reply' ? 0 : -activity.seq,
    thread: { id: thread.id, audience: threadAudience(thread.root) },
  });
}
