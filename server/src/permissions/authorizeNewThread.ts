import type { CommentVisibility, Role } from '@accord/shared';
import { Forbidden } from '../errors/ApiError.js';
import { canCreateTeamThreads } from './commentPermissions.js';

/**
 * Who may open a thread with this visibility, once authorizeDocument(…, 'comment') let them
 * comment: a drafting-team thread needs the drafting team's abilities.
 */
export function authorizeNewThread(role: Role, visibility: CommentVisibility): void {
  if (visibility === 'team' && !canCreateTeamThreads(role))
    throw new Forbidden('Only drafters and coordinators can open drafting-team threads.');
}
