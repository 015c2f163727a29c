import { z } from 'zod';
import { objectId } from './documents.js';
import { JOIN_LINK_ROLES, type JoinLinkRole } from './joinLinkValues.js';

export * from './joinLinkValues.js';

/** POST /api/documents/:id/join-links (coordinators). */
export const joinLinkCreateBody = z.strictObject({
  role: z.enum(JOIN_LINK_ROLES),
  expiresInDays: z.union([z.literal(1), z.literal(7), z.literal(30)]),
});
export type JoinLinkCreateBody = z.infer<typeof joinLinkCreateBody>;

export const documentJoinLinkParams = z.strictObject({ id: objectId, linkId: objectId });

/** POST /api/join-links/lookup and /join: the token of a join link (`/join#<token>`). */
export const joinLinkTokenBody = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, 'a join link token'),
});

/** An active join link as the document's coordinators see it (the token is shown only once). */
export interface PresentedJoinLink {
  id: string;
  role: JoinLinkRole;
  createdAt: string;
  expiresAt: string;
  createdBy: { id: string; name: string };
}

/** POST /api/documents/:id/join-links: the link, and its token (only in this answer). */
export interface CreatedJoinLinkResponse {
  link: PresentedJoinLink;
  token: string;
}

/** What the page of a join link shows (POST /api/join-links/lookup). */
export interface PresentedJoinLinkTarget {
  role: JoinLinkRole;
  document: { id: string; title: string };
  expiresAt: string;
}
