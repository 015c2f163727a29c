import { z } from 'zod';
import { Limits } from '../limits.js';
import { objectId } from './documents.js';
import { extractMentions } from '../comments/commentBody.js';
import { decodePosition } from '../comments/relativePositions.js';
import {
  COMMENT_VISIBILITIES,
  COMMENT_STATUSES,
  COMMENT_DISPOSITIONS,
  DISPOSITIONS_NEEDING_REASON,
} from './commentValues.js';

// the values live in a module without zod, so that the client's bundle does not carry zod
export { COMMENT_VISIBILITIES, COMMENT_STATUSES, COMMENT_DISPOSITIONS, DISPOSITIONS_NEEDING_REASON };
export type { CommentVisibility, CommentStatus, CommentDisposition } from './commentValues.js';

export const commentIdParams = z.strictObject({ id: objectId });
export const notificationIdParams = z.strictObject({ id: objectId });

/** Same alphabet and length as the editor's clause ids (document/ids/base62.ts). */
const clauseId = z.string().regex(/^[0-9A-Za-z]{10,32}$/, 'a clause id (10–32 letters and digits)');

// C0 controls other than tab and line feed have no place in a comment (and "\r\n" becomes "\n")
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

export const commentBodyText = z
  .string()
  .max(Limits.commentBodyMax, `at most ${Limits.commentBodyMax} characters`)
  .transform((value) => value.replace(/\r\n?/g, '\n'))
  .refine((value) => value.trim().length > 0, 'the comment is empty')
  .refine((value) => !CONTROL.test(value), 'control characters are not allowed')
  .refine(
    (value) => extractMentions(value).length <= Limits.commentMentionsMax,
    `at most ${Limits.commentMentionsMax} people can be mentioned in one comment`,
  );

const relativePosition = z
  .string()
  .max(Limits.relativePositionMax)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64 of Y.encodeRelativePosition')
  .refine((value) => decodePosition(value) !== null, 'not an encoded Yjs relative position');

export const clauseAnchorInput = z.strictObject({ kind: z.literal('clause'), clauseId });
export const rangeAnchorInput = z.strictObject({
  kind: z.literal('range'),
  clauseId,
  start: relativePosition,
  end: relativePosition,
  /** the text after the quote, up to the end of its textblock: where a retyped range ends */
  follow: z.string().max(Limits.commentFollowMax).optional(),
  quote: z.string().min(1).max(Limits.commentQuoteMax, `at most ${Limits.commentQuoteMax} characters`),
});
export const anchorInput = z.discriminatedUnion('kind', [clauseAnchorInput, rangeAnchorInput]);
export type ClauseAnchorInput = z.infer<typeof clauseAnchorInput>;
export type RangeAnchorInput = z.infer<typeof rangeAnchorInput>;
export type AnchorInput = z.infer<typeof anchorInput>;

/** POST /api/documents/:id/comments */
export const createThreadBody = z.strictObject({
  anchor: anchorInput,
  body: commentBodyText,
  visibility: z.enum(COMMENT_VISIBILITIES).optional(),
});
export type CreateThreadBody = z.infer<typeof createThreadBody>;

/** POST /api/comments/:id/replies */
export const replyBody = z.strictObject({ body: commentBodyText });
export type ReplyBody = z.infer<typeof replyBody>;

/** PATCH /api/comments/:id: a new revision; with baseRevision, 409 when it is not the current one */
export const editCommentBody = z.strictObject({
  body: commentBodyText,
  baseRevision: z.number().int().min(1).max(1_000_000).optional(),
});
export type EditCommentBody = z.infer<typeof editCommentBody>;

/** PATCH /api/comments/:id/visibility */
export const commentVisibilityBody = z.strictObject({ visibility: z.enum(COMMENT_VISIBILITIES) });
export type CommentVisibilityBody = z.infer<typeof commentVisibilityBody>;

const dispositionReason = z
  .string()
  .max(Limits.commentBodyMax, `at most ${Limits.commentBodyMax} characters`)
  .transform((value) => value.replace(/\r\n?/g, '\n').trim())
  .refine((value) => !CONTROL.test(value), 'control characters are not allowed');

/** POST /api/comments/:id/disposition; an empty reason is no reason. */
export const dispositionBody = z
  .strictObject({ value: z.enum(COMMENT_DISPOSITIONS), reason: dispositionReason.nullable().optional() })
  .transform(({ value, reason }) => ({ value, reason: reason || null }))
  .refine((body) => body.reason !== null || !DISPOSITIONS_NEEDING_REASON.has(body.value), {
    message: 'say why the comment was not accepted or only partially accepted',
    path: ['reason'],
  });
export type DispositionBody = z.output<typeof dispositionBody>;

/** Routes without a body (resolve, reopen, delete, restore, read) accept none or `{}`. */
export const emptyBody = z.union([z.undefined(), z.strictObject({})]);

/** GET /api/documents/:id/comments query string (all optional, combined with AND). */
export const listCommentsQuery = z.strictObject({
  /** `none`: each thread's first comment only, with the number of replies left out (low-data mode) */
  replies: z.enum(['none']).optional(),
  status: z.enum(COMMENT_STATUSES).optional(),
  /** threads on this clause (as stored or as it is now) */
  clauseId: clauseId.optional(),
  /** threads with a comment by a member of this organisation (organisation id) */
  organisation: objectId.optional(),
  /** threads with a comment by someone from this country (ISO 3166-1 alpha-2) */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'a two-letter ISO 3166 country code')
    .transform((value) => value.toUpperCase())
    .optional(),
  /** threads with a comment by this user (user id) */
  author: objectId.optional(),
});
export type ListCommentsQuery = z.infer<typeof listCommentsQuery>;

/** GET /api/notifications query string */
export const listNotificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
});
