import { abilitiesFor, type Abilities, type CommentVisibility, type Role } from '@accord/shared';
import type { CommentState } from '../comments/foldComment.js';

/**
 * Who may do what with comments (DESIGN.md §3, issue 5), in one table: every REST route
 * (authorizeComment), presenter (what the viewer may do) and live event (who may see a thread)
 * decides through it, so reading a thread, its revisions and its live events agree.
 *
 * Rules speak in the document abilities of DESIGN.md §3 (shared/src/roles.ts), never in role
 * names: `comment` (reviewers and up), `edit` (the drafting team: drafters and coordinators),
 * `manage` (coordinators).
 */
export interface CommentViewer {
  userId: string;
  role: Role;
}

/** The comment an action is about, with the first comment of its thread (the same for a thread). */
export interface CommentSubject {
  root: CommentState;
  comment: CommentState;
}

/** What a rule looks at. */
export interface CommentFacts {
  /** the viewer's abilities on the document */
  can: Abilities;
  /** the viewer wrote the comment */
  isAuthor: boolean;
  /** the viewer wrote the thread's first comment */
  isThreadAuthor: boolean;
  comment: CommentState;
  root: CommentState;
}

export interface CommentRule {
  /** whether the viewer may ask for it */
  allows: (f: CommentFacts) => boolean;
  /**
   * The change is already in effect: the command stores nothing and answers the current state,
   * for anyone who may see the comment (a retried or concurrent request). Not offered then.
   */
  alreadyDone?: (f: CommentFacts) => boolean;
  /** offered to the viewer only in this state (a request outside it is a harmless no-op) */
  offeredWhen?: (f: CommentFacts) => boolean;
  /** the 403 message */
  refusal: (role: Role) => string;
}

export type CommentAction =
  | 'reply'
  | 'edit'
  | 'delete'
  | 'restore'
  | 'resolve'
  | 'reopen'
  | 'setVisibility'
  | 'recordDisposition'
  | 'viewRevisions';

/** The author may act on their own comment only while their role may comment. */
const asAuthor = (f: CommentFacts) => f.can.comment && f.isAuthor;
/** Resolve and reopen: the thread's author, the drafting team. */
const resolves = (f: CommentFacts) => f.can.edit || (f.can.comment && f.isThreadAuthor);

export const COMMENT_RULES: Readonly<Record<CommentAction, CommentRule>> = {
  reply: {
    allows: (f) => f.can.comment,
    refusal: (role) => `Your role (${role}) does not allow commenting.`,
  },
  edit: {
    allows: (f) => !f.comment.deleted && asAuthor(f),
    refusal: () => 'Only the author can edit this comment.',
  },
  delete: {
    allows: (f) => f.can.manage || asAuthor(f),
    alreadyDone: (f) => f.comment.deleted,
    refusal: () => 'Only the author or a coordinator can delete this comment.',
  },
  restore: {
    allows: (f) => f.can.manage,
    alreadyDone: (f) => !f.comment.deleted,
    refusal: () => 'Only a coordinator can restore a deleted comment.',
  },
  resolve: {
    allows: resolves,
    offeredWhen: (f) => f.root.status === 'open',
    refusal: () => 'Only the thread author, drafters and coordinators can resolve it.',
  },
  reopen: {
    allows: resolves,
    offeredWhen: (f) => f.root.status === 'resolved',
    refusal: () => 'Only the thread author, drafters and coordinators can reopen it.',
  },
  setVisibility: {
    allows: (f) => f.can.manage,
    refusal: () => 'Only coordinators can change who sees a thread.',
  },
  // the answer to a comment, for the disposition-of-comments report (issue 11)
  recordDisposition: {
    allows: (f) => f.can.manage,
    refusal: () => 'Only coordinators can record the disposition of a comment.',
  },
  // deleted text and its history stay visible to coordinators only
  viewRevisions: {
    allows: (f) => !f.comment.deleted || f.can.manage,
    refusal: () => 'This comment was deleted; only coordinators can see its history.',
  },
};

export function commentFacts(viewer: CommentViewer, subject: CommentSubject): CommentFacts {
  return {
    can: abilitiesFor(viewer.role),
    isAuthor: subject.comment.record.authorId.toHexString() === viewer.userId,
    isThreadAuthor: subject.root.record.authorId.toHexString() === viewer.userId,
    comment: subject.comment,
    root: subject.root,
  };
}

/** Whether a request for `action` may run (it may then be a no-op, see `alreadyDone`). */
export function mayRequest(viewer: CommentViewer, subject: CommentSubject, action: CommentAction): boolean {
  const rule = COMMENT_RULES[action];
  const f = commentFacts(viewer, subject);
  return rule.allows(f) || (rule.alreadyDone?.(f) ?? false);
}

/** Whether to offer `action` to the viewer (the presenters' `canX`). */
export function mayOffer(viewer: CommentViewer, subject: CommentSubject, action: CommentAction): boolean {
  const rule = COMMENT_RULES[action];
  const f = commentFacts(viewer, subject);
  return rule.allows(f) && !(rule.alreadyDone?.(f) ?? false) && (rule.offeredWhen?.(f) ?? true);
}

/** Who a thread is shown to: its visibility, and who opened it. */
export interface ThreadAudience {
  visibility: CommentVisibility;
  /** the author of the thread's first comment */
  authorId: string;
}

export function threadAudience(root: CommentState): ThreadAudience {
  return { visibility: root.visibility, authorId: root.record.authorId.toHexString() };
}

/**
 * A thread: every member when "all"; when "team", the drafting team — and whoever opened it, as
 * long as they are a member. A coordinator may make a reviewer's thread team-only (to keep it
 * from other reviewers and observers), but a thread never disappears from under its own author
 * (issue 12, bug 8), who also keeps it after losing a drafting role.
 */
export function canSeeThread(viewer: { userId: string; role: Role | null }, thread: ThreadAudience): boolean {
  const can = abilitiesFor(viewer.role);
  return can.read && (thread.visibility === 'all' || can.edit || viewer.userId === thread.authorId);
}

/** Sees a team-only thread only because they opened it (not on the drafting team). */
export function seesThreadAsAuthor(viewer: CommentViewer, thread: ThreadAudience): boolean {
  return thread.visibility === 'team' && !abilitiesFor(viewer.role).edit && canSeeThread(viewer, thread);
}

/** Open a thread; reply. */
export function canComment(role: Role): boolean {
  return abilitiesFor(role).comment;
}

/** Open a thread only the drafting team sees. */
export function canCreateTeamThreads(role: Role): boolean {
  return abilitiesFor(role).edit;
}
