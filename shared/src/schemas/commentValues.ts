/** The values of comment fields, without zod (the client uses them; schemas/comments.ts validates them). */
export const COMMENT_VISIBILITIES = ['all', 'team'] as const;
/** all: every member of the document; team: drafters and coordinators only */
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export const COMMENT_STATUSES = ['open', 'resolved'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** A coordinator's answer to a thread, for the disposition-of-comments report. */
export const COMMENT_DISPOSITIONS = ['accepted', 'partially_accepted', 'not_accepted', 'noted'] as const;
export type CommentDisposition = (typeof COMMENT_DISPOSITIONS)[number];

/** Dispositions that must say why (the others may). */
export const DISPOSITIONS_NEEDING_REASON: ReadonlySet<CommentDisposition> = new Set([
  'partially_accepted',
  'not_accepted',
]);
