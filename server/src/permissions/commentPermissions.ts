import { abilitiesFor, type CommentVisibility, type Role } from '@accord/shared';
import type { CommentState } from '../comments/foldComment.js';

/**
 * Who may do what with comments (DESIGN.md §3, issue 5). Every REST route, presenter and live
 * event decides through these, so reading a thread, its revisions and its live events agree.
 */
export interface CommentViewer {
  userId: string;
  role: Role;
}

const TEAM: ReadonlySet<Role> = new Set(['drafter', 'coordinator']);

/** "all": every member; "team": drafters and coordinators only. */
export function canSeeThread(role: Role | null, visibility: CommentVisibility): boolean {
  if (!role || !abilitiesFor(role).read) return false;
  return visibility === 'all' || TEAM.has(role);
}

export function canComment(role: Role): boolean {
  return abilitiesFor(role).comment;
}

export function canCreateTeamThreads(role: Role): boolean {
  return TEAM.has(role);
}

/** Only the author edits their comment, while they may comment and it is not deleted. */
export function canEditComment(viewer: CommentViewer, comment: CommentState): boolean {
  return (
    !comment.deleted && canComment(viewer.role) && comment.record.authorId.toHexString() === viewer.userId
  );
}

/** The author (while they may comment) or a coordinator. */
export function canDeleteComment(viewer: CommentViewer, comment: CommentState): boolean {
  if (comment.deleted) return false;
  if (viewer.role === 'coordinator') return true;
  return canComment(viewer.role) && comment.record.authorId.toHexString() === viewer.userId;
}

export function canRestoreComment(viewer: CommentViewer, comment: CommentState): boolean {
  return comment.deleted && viewer.role === 'coordinator';
}

/** Deleted text and its history stay visible to coordinators only. */
export function canSeeCommentText(viewer: CommentViewer, comment: CommentState): boolean {
  return !comment.deleted || viewer.role === 'coordinator';
}

/** Resolve and reopen: the thread's author, drafters and coordinators. */
export function canResolveThread(viewer: CommentViewer, root: CommentState): boolean {
  if (abilitiesFor(viewer.role).edit) return true;
  return canComment(viewer.role) && root.record.authorId.toHexString() === viewer.userId;
}

export function canSetThreadVisibility(viewer: CommentViewer): boolean {
  return viewer.role === 'coordinator';
}
