/** Shapes of the comments API (built by the server's presenters). */
import type { ResolvedAnchor } from '../comments/anchorTypes.js';
import type { OrganisationKind } from '../organisationKinds.js';
import type { CommentDisposition, CommentStatus, CommentVisibility } from './comments.js';
import type { Role } from '../roles.js';

export interface PresentedCommentAuthor {
  id: string;
  name: string;
  /** the author's organisation when the comment was written */
  organisation: { id: string; name: string; kind: OrganisationKind; country: string } | null;
}

export interface PresentedActor {
  id: string;
  name: string;
}

export interface PresentedComment {
  id: string;
  threadId: string;
  /** null for the thread's first comment; the first comment's id for replies */
  parentId: string | null;
  author: PresentedCommentAuthor;
  createdAt: string;
  /** current text; null when deleted and the viewer may not see deleted text (coordinators may) */
  body: string | null;
  /** members @mentioned in the current text */
  mentions: string[];
  /** current revision number (1 = as first written) */
  revision: number;
  edited: boolean;
  editedAt: string | null;
  deleted: boolean;
  deletedAt: string | null;
  deletedBy: PresentedActor | null;
  canEdit: boolean;
  canDelete: boolean;
  canRestore: boolean;
  canViewRevisions: boolean;
}

/** The latest disposition a coordinator recorded on a thread. */
export interface PresentedDisposition {
  value: CommentDisposition;
  reason: string | null;
  by: PresentedActor;
  at: string;
}

export interface PresentedThread {
  /** the id of the thread's first comment */
  id: string;
  documentId: string;
  status: CommentStatus;
  visibility: CommentVisibility;
  /**
   * Team-only, and the viewer (not on the drafting team) sees it because they opened it: the
   * drafting team and its author see it.
   */
  seenAsAuthor: boolean;
  resolvedAt: string | null;
  resolvedBy: PresentedActor | null;
  anchor: ResolvedAnchor;
  /** the latest disposition (history: GET /api/comments/:threadId/revisions), or null */
  disposition: PresentedDisposition | null;
  comment: PresentedComment;
  replies: PresentedComment[];
  /**
   * Replies left out of this answer (a list asked with `replies=none`, low-data mode): `replies`
   * is empty and the whole thread is GET /api/comments/:id. Absent when `replies` is complete.
   */
  repliesOmitted?: number;
  /** latest change of any kind in the thread */
  updatedAt: string;
  canReply: boolean;
  canResolve: boolean;
  canReopen: boolean;
  canSetVisibility: boolean;
  canRecordDisposition: boolean;
}

export interface ClauseCommentCounts {
  open: number;
  resolved: number;
}

export interface CommentFacets {
  organisations: Array<{ id: string; name: string; country: string; threads: number }>;
  countries: Array<{ country: string; threads: number }>;
  authors: Array<{ id: string; name: string; threads: number }>;
}

/** GET /api/documents/:id/comments */
export interface CommentListResponse {
  threads: PresentedThread[];
  /** every thread the viewer may see (filters ignored), by its current clause (orphans: stored) */
  clauseCounts: Record<string, ClauseCommentCounts>;
  facets: CommentFacets;
  viewer: { canComment: boolean; canCreateTeamThreads: boolean };
}

export interface PresentedRevision {
  revision: number;
  body: string;
  author: PresentedActor;
  at: string;
}

export interface PresentedCommentEvent {
  seq: number;
  type: 'revision' | 'delete' | 'restore' | 'resolve' | 'reopen' | 'visibility' | 'disposition';
  actor: PresentedActor;
  at: string;
  revision?: number;
  visibility?: CommentVisibility;
  disposition?: { value: CommentDisposition; reason: string | null };
}

/** GET /api/comments/:id/revisions */
export interface CommentRevisionsResponse {
  commentId: string;
  revisions: PresentedRevision[];
  /** every recorded change of this comment, oldest first */
  events: PresentedCommentEvent[];
}

/**
 * what a notification is about: a mention, activity in a thread one took part in, one's role, a
 * version frozen or published, one's amendment decided, one's organisation asked to sign off
 */
export type NotificationKind =
  | 'mention'
  | 'reply'
  | 'resolved'
  | 'reopened'
  | 'role_changed'
  | 'version_frozen'
  | 'published'
  | 'amendment_decided'
  | 'signoff_requested'
  | 'invited';

export interface PresentedNotification {
  id: string;
  kind: NotificationKind;
  documentId: string;
  documentTitle: string;
  /** the thread (and comment) it is about; null for a role change */
  threadId: string | null;
  commentId: string | null;
  /** role_changed: the new role */
  role?: Role;
  actor: PresentedActor;
  createdAt: string;
  read: boolean;
}
