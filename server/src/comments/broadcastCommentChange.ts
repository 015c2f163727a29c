import type { CommentsChangedEvent } from '@accord/shared';
import type { CollabControl } from '../collab/CollabControl.js';
import type { ThreadAudience } from '../permissions/commentPermissions.js';

/**
 * Tells every open collaboration socket of the document whose user may see the thread that it
 * changed (ACCORD_EVENT `comments.changed`, no content: clients fetch GET /api/comments/:threadId
 * with their own permissions). Checked per recipient with their current role, so a team-only
 * thread never reaches the socket of a reviewer or observer other than its author. When a thread
 * becomes team-only, those who may no longer see it get `hidden` so their sidebars drop it.
 */
export function broadcastCommentChange(
  collab: CollabControl,
  event: Omit<CommentsChangedEvent, 'type' | 'at'>,
  audience: ThreadAudience,
  previous: ThreadAudience = audience,
): void {
  const message: CommentsChangedEvent = { type: 'comments.changed', ...event, at: new Date().toISOString() };
  collab.broadcastEvent(event.documentId, message, { thread: audience });
  if (previous.visibility === 'all' && audience.visibility === 'team') {
    collab.broadcastEvent(event.documentId, { ...message, change: 'hidden' } satisfies CommentsChangedEvent, {
      hiddenFrom: { was: previous, now: audience },
    });
  }
}
