import type { CommandContext } from './CommandContext.js';
import type { ThreadAudience } from '../permissions/commentPermissions.js';
import { notifyMembers } from './notifyMembers.js';

export interface MentionInput {
  documentId: string;
  threadId: string;
  commentId: string;
  revision: number;
  /** who sees the thread */
  audience: ThreadAudience;
  /** mentioned in this revision */
  mentioned: string[];
  /** mentioned in the previous revision (already notified) */
  previously?: string[];
}

/**
 * Notifies each member newly @mentioned (not the author, not someone already mentioned in the
 * previous revision, not someone who may not see the thread): see notifyMembers.
 */
export async function notifyMentions(ctx: CommandContext, input: MentionInput): Promise<void> {
  const before = new Set(input.previously ?? []);
  await notifyMembers(ctx, {
    kind: 'mention',
    documentId: input.documentId,
    recipients: input.mentioned.filter((id) => !before.has(id)),
    commentId: input.commentId,
    revision: input.revision,
    thread: { id: input.threadId, audience: input.audience },
  });
}
