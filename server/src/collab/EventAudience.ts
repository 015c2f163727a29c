import type { Role } from '@accord/shared';
import { canSeeThread, type ThreadAudience } from '../permissions/commentPermissions.js';

/**
 * Who of a document's open connections gets a live event, as data (it crosses to other instances
 * of Accord, which check it against their own connections). No audience: every member.
 */
export type EventAudience =
  /** those who may see the thread */
  | { thread: ThreadAudience }
  /** those who saw the thread before a change of its audience and no longer do */
  | { hiddenFrom: { was: ThreadAudience; now: ThreadAudience } }
  /** one user, if they may see the thread (none: the user, whatever their role) */
  | { user: string; thread?: ThreadAudience };

export function admits(audience: EventAudience | undefined, userId: string, role: Role): boolean {
  if (!audience) return true;
  const viewer = { userId, role };
  if ('hiddenFrom' in audience)
    return canSeeThread(viewer, audience.hiddenFrom.was) && !canSeeThread(viewer, audience.hiddenFrom.now);
  if ('user' in audience)
    return audience.user === userId && (!audience.thread || canSeeThread(viewer, audience.thread));
  return canSeeThread(viewer, audience.thread);
}
