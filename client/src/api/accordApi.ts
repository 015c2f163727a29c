import type {
  CreateDocumentBody,
  DocumentKind,
  DocumentLanguage,
  OrganisationKind,
  PresentedDocument,
  PresentedMember,
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
    apiRequest<{ members: PresentedMember[] }>(`${documentPath(id)}/members`, signal ? { signal } : {}),
  addMember: (id: string, email: string, role: Role) =>
    apiRequest<{ member: PresentedMember }>(`${documentPath(id)}/members`, {
      method: 'POST',
      body: { email, role },
    }),
  changeMemberRole: (id: string, userId: string, role: Role) =>
    apiRequest<{ member: PresentedMember }>(`${documentPath(id)}/members/${encodeURIComponent(userId)}`, {
      method: 'PATCH',
      body: { role },
    }),
  removeMember: (id: string, userId: string) =>
    apiRequest<void>(`${documentPath(id)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
};
