import type { CreatedJoinLinkResponse, JoinLinkCreateBody, PresentedJoinLink } from '@accord/shared';
import { apiRequest } from '../api/apiRequest';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/join-links`;

/** A document's join links (coordinators). */
export const joinLinksApi = {
  list: (documentId: string) => apiRequest<{ links: PresentedJoinLink[] }>(base(documentId)),
  create: (documentId: string, body: JoinLinkCreateBody) =>
    apiRequest<CreatedJoinLinkResponse>(base(documentId), { method: 'POST', body }),
  revoke: (documentId: string, linkId: string) =>
    apiRequest<void>(`${base(documentId)}/${encodeURIComponent(linkId)}`, { method: 'DELETE' }),
};

/** The address a join link's token opens (the token after `#`: never sent to servers or logs). */
export const joinLinkUrl = (token: string) => `${window.location.origin}/join#${token}`;
