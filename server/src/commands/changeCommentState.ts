import type { CommentVisibility } from '@accord/shared';
import type { EventChange } from '../comments/appendCommentEvent.js';
import type { CommandContext } from './CommandContext.js';
import type { ThreadData } from '../comments/ThreadData.js';
import type { CommentState } from '../comments/foldComment.js';
import type { AuditAction } from '../models/AuditEvent.js';
import type { CommentEventType } from '../models/CommentEvent.js';
import { appendCommentEvent } from '../comments/appendCommentEvent.js';
import { broadcastCommentChange } from '../comments/broadcastCommentChange.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { notifyThreadActivity } from './notifyThreadActivity.js';
import { threadAudience } from '../permissions/commentPermissions.js';

type Change = 'deleted' | 'restored' | 'resolved' | 'reopened' | 'visibility' | 'disposition';

export interface StateChange {
  type: Exclude<CommentEventType, 'revision'>;
  /** true when the comment is already in the state this change leads to (then nothing is stored) */
  alreadyDone: (state: CommentState) => boolean;
  visibility?: CommentVisibility;
  disposition?: EventChange['disposition'];
  audit: AuditAction;
  change: Change;
}

/**
 * Records a state change of a comment (delete, restore) or of a thread (resolve, reopen,
 * visibility, disposition: on its first comment) as the comment's next event. Idempotent: a change that is
 * already in effect (e.g. two drafters resolving at once) stores nothing and answers the state.
 */
export async function changeCommentState(
  ctx: CommandContext,
  thread: ThreadData,
  comment: CommentState,
  spec: StateChange,
): Promise<void> {
  const commentId = comment.record._id.toHexString();
  const previous = threadAudience(thread.root);
  const previousVisibility = previous.visibility;
  const { appended } = await appendCommentEvent(thread.documentId, commentId, ctx.actor, (current) =>
    spec.alreadyDone(current)
      ? null
      : {
          type: spec.type,
          ...(spec.visibility ? { visibility: spec.visibility } : {}),
          ...(spec.disposition ? { disposition: spec.disposition } : {}),
        },
  );
  if (!appended) return;
  if (spec.change === 'resolved' || spec.change === 'reopened')
    await notifyThreadActivity(ctx, thread, { kind: spec.change, seq: appended.seq });
  const visibility = spec.visibility ?? previousVisibility;
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: spec.audit,
    documentId: thread.documentId,
    data: {
      commentId,
      threadId: thread.id,
      ...(spec.visibility ? { from: previousVisibility, to: spec.visibility } : {}),
      // the reason stays in the comment events (it may be long); the audit log says what was decided
      ...(spec.disposition ? { disposition: spec.disposition.value } : {}),
    },
  });
  broadcastCommentChange(
    ctx.collab,
    {
      documentId: thread.documentId,
      threadId: thread.id,
      commentId,
      change: spec.change,
      actorId: ctx.actor.id,
    },
    { ...previous, visibility },
    previous,
  );
}
