import type { CommentsChangedEvent, CommentVisibility } from '@accord/shared';
import type { CollabControl } from '../collab/CollabControl.js';
import { canSeeThread } from '../permissions/commentPermissions.js';

/**
 * Tells every open collaboration socket of the document whose user may see the thread that it
 * changed (ACCORD_EVENT `comments.changed`, no content: clients fetch GET /api/comments/:threadId
 * with their own permissions). Checked per recipient with their current role, so a team-only
 * thread never reaches a reviewer's or observer's socket. When a thread becomes team-only, those
 * who may no longer see it get `hidden` so their sidebars drop it.
 */
export function broadcastCommentChange(
  collab: CollabControl,
  event: Omit<CommentsChangedEvent, 'type' | 'at'>,
  visibility: CommentVisibility,
  previousVisibility: CommentVisibility = visibility,
): void {
  const message: CommentsChangedEvent = { type: 'comments.changed', ...event, at: new Date().toISOString() };
  collab.broadcastEvent(event.documentId, message, (_userId, role) => canSeeThread(role, visibility));
  if (previousVisibility === 'all' && visibility === 'team') {
    collab.broadcastEvent(
      event.documentId,
      { ...message, change: 'hidden' } satisfies CommentsChangedEvent,
      (_userId, role) => canSeeThread(role, 'all') && !canSeeThread(role, 'team'),
    );
  }
}
