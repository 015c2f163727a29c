import type {
  CommentListResponse,
  CommentRevisionsResponse,
  CommentDisposition,
  CommentVisibility,
  CreateThreadBody,
  PresentedComment,
  PresentedNotification,
  PresentedThread,
  CreateDocumentBody,
  DocumentKind,
  DocumentLanguage,
  OrganisationKind,
  MembersResponse,
  PresentedDocument,
  PresentedInvitation,
  PresentedMember,
  PresentedReceivedInvitation,
  PresentedUser,
  Role,
} from '@accord/shared';
import { apiRequest } from './apiRequest';

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  organisation?: { name: string; kind: OrganisationKind; country: string };
  locale?: 'en' | 'es' | 'pt' | 'fr';
}

export interface CreateDocumentInput extends CreateDocumentBody {
  kind?: DocumentKind;
  language?: DocumentLanguage;
}

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/** The REST API of the Accord server (issue 3's contract), one method per endpoint. */
export const accordApi = {
  register: (input: RegisterInput) =>
    apiRequest<{ user: PresentedUser }>('/api/auth/register', { method: 'POST', body: input }),
  login: (email: string, password: string) =>
    apiRequest<{ user: PresentedUser }>('/api/auth/login', { method: 'POST', body: { email, password } }),
  logout: () => apiRequest<void>('/api/auth/logout', { method: 'POST' }),
  me: (signal?: AbortSignal) => apiRequest<{ user: PresentedUser }>('/api/auth/me', signal ? { signal } : {}),

  listDocuments: (signal?: AbortSignal) =>
    apiRequest<{ documents: PresentedDocument[] }>('/api/documents', signal ? { signal } : {}),
  createDocument: (input: CreateDocumentInput) =>
    apiRequest<{ document: PresentedDocument }>('/api/documents', { method: 'POST', body: input }),
  getDocument: (id: string, signal?: AbortSignal) =>
    apiRequest<{ document: PresentedDocument }>(documentPath(id), signal ? { signal } : {}),
  renameDocument: (id: string, title: string) =>
    apiRequest<{ document: PresentedDocument }>(documentPath(id), { method: 'PATCH', body: { title } }),

  listMembers: (id: string, signal?: AbortSignal) =>
    apiRequest<MembersResponse>(`${documentPath(id)}/members`, signal ? { signal } : {}),
  invite: (id: string, email: string, role: Role) =>
    apiRequest<{ invitation: PresentedInvitation }>(`${documentPath(id)}/invitations`, {
      method: 'POST',
      body: { email, role },
    }),
  changeInvitationRole: (id: string, invitationId: string, role: Role) =>
    apiRequest<{ invitation: PresentedInvitation }>(
      `${documentPath(id)}/invitations/${encodeURIComponent(invitationId)}`,
      { method: 'PATCH', body: { role } },
    ),
  revokeInvitation: (id: string, invitationId: string) =>
    apiRequest<void>(`${documentPath(id)}/invitations/${encodeURIComponent(invitationId)}`, {
      method: 'DELETE',
    }),
  listReceivedInvitations: (signal?: AbortSignal) =>
    apiRequest<{ invitations: PresentedReceivedInvitation[] }>('/api/invitations', signal ? { signal } : {}),
  acceptInvitation: (invitationId: string) =>
    apiRequest<{ document: PresentedDocument }>(
      `/api/invitations/${encodeURIComponent(invitationId)}/accept`,
      {
        method: 'POST',
      },
    ),
  declineInvitation: (invitationId: string) =>
    apiRequest<void>(`/api/invitations/${encodeURIComponent(invitationId)}/decline`, { method: 'POST' }),
  changeMemberRole: (id: string, userId: string, role: Role) =>
    apiRequest<{ member: PresentedMember }>(`${documentPath(id)}/members/${encodeURIComponent(userId)}`, {
      method: 'PATCH',
      body: { role },
    }),
  removeMember: (id: string, userId: string) =>
    apiRequest<void>(`${documentPath(id)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }),

  // comments (issue 5): every write answers the thread as the viewer now sees it
  /** `withoutReplies`: each thread's first comment and how many replies it has (low-data mode) */
  listComments: (id: string, signal?: AbortSignal, withoutReplies = false) =>
    apiRequest<CommentListResponse>(
      `${documentPath(id)}/comments${withoutReplies ? '?replies=none' : ''}`,
      signal ? { signal } : {},
    ),
  createThread: (id: string, input: CreateThreadBody) =>
    apiRequest<ThreadAnswer>(`${documentPath(id)}/comments`, { method: 'POST', body: input }),
  getThread: (commentId: string, signal?: AbortSignal) =>
    apiRequest<ThreadAnswer>(commentPath(commentId), signal ? { signal } : {}),
  replyToThread: (commentId: string, body: string) =>
    apiRequest<ThreadAnswer>(`${commentPath(commentId)}/replies`, { method: 'POST', body: { body } }),
  editComment: (commentId: string, body: string, baseRevision: number) =>
    apiRequest<ThreadAnswer>(commentPath(commentId), { method: 'PATCH', body: { body, baseRevision } }),
  deleteComment: (commentId: string) =>
    apiRequest<ThreadAnswer>(commentPath(commentId), { method: 'DELETE' }),
  restoreComment: (commentId: string) =>
    apiRequest<ThreadAnswer>(`${commentPath(commentId)}/restore`, { method: 'POST' }),
  resolveThread: (commentId: string) =>
    apiRequest<ThreadAnswer>(`${commentPath(commentId)}/resolve`, { method: 'POST' }),
  reopenThread: (commentId: string) =>
    apiRequest<ThreadAnswer>(`${commentPath(commentId)}/reopen`, { method: 'POST' }),
  setThreadVisibility: (commentId: string, visibility: CommentVisibility) =>
    apiRequest<ThreadAnswer>(`${commentPath(commentId)}/visibility`, {
      method: 'PATCH',
      body: { visibility },
    }),
  recordDisposition: (commentId: string, value: CommentDisposition, reason: string | null) =>
    apiRequest<ThreadAnswer>(`${commentPath(commentId)}/disposition`, {
      method: 'POST',
      body: { value, reason },
    }),
  commentRevisions: (commentId: string, signal?: AbortSignal) =>
    apiRequest<CommentRevisionsResponse>(`${commentPath(commentId)}/revisions`, signal ? { signal } : {}),

  listNotifications: (signal?: AbortSignal) =>
    apiRequest<{ notifications: PresentedNotification[]; unread: number }>(
      '/api/notifications',
      signal ? { signal } : {},
    ),
  markNotificationRead: (id: string) =>
    apiRequest<void>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
  markAllNotificationsRead: () => apiRequest<void>('/api/notifications/read-all', { method: 'POST' }),
};

/** The answer of every comment route: the thread, and the comment the request was about. */
export interface ThreadAnswer {
  thread: PresentedThread;
  comment: PresentedComment;
}

function commentPath(id: string) {
  return `/api/comments/${encodeURIComponent(id)}`;
}

/** Document structure (issue 4): outline, import preview. */
export const structureApi = {
  getOutline: (id: string, signal?: AbortSignal) =>
    apiRequest<import('@accord/shared').PresentedOutline>(
      `${documentPath(id)}/outline`,
      signal ? { signal } : {},
    ),
  /** who wrote and who deleted each passage of a clause (issue 13) */
  getClauseAuthors: (id: string, clauseId: string, signal?: AbortSignal) =>
    apiRequest<import('@accord/shared').PresentedClauseAuthors>(
      `${documentPath(id)}/clauses/${encodeURIComponent(clauseId)}/authors`,
      signal ? { signal } : {},
    ),
};
