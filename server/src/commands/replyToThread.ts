import type { CommandContext } from './CommandContext.js';
import type { ThreadData } from '../comments/ThreadData.js';
import { checkMentions } from '../queries/checkMentions.js';
import { addComment } from './addComment.js';
import { notifyThreadActivity } from './notifyThreadActivity.js';
import { threadAudience } from '../permissions/commentPermissions.js';

/** Adds a reply to a thread (replies are flat: their parent is the thread's first comment). */
export async function replyToThread(ctx: CommandContext, thread: ThreadData, body: string): Promise<string> {
  const mentioned = await checkMentions(thread.documentId, body);
  const replyId = await addComment(ctx, {
    documentId: thread.root.record.documentId,
    parentId: thread.root.record._id,
    anchor: null,
    audience: threadAudience(thread.root),
    body,
    mentioned,
    auditData: { threadId: thread.id },
  });
  await notifyThreadActivity(ctx, thread, { kind: 'reply', commentId: replyId, mentioned });
  return replyId;
}
