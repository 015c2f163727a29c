import type { DocumentSettingsBody, PresentedDeletedDocument, PresentedDocument, Role } from '@accord/shared';
import { apiRequest } from '../api/apiRequest';

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/** Managing a document as a whole (issue 17): leave, hand over, archive, delete, restore. */
export const manageApi = {
  leave: (id: string) => apiRequest<void>(`${documentPath(id)}/leave`, { method: 'POST' }),
  handOver: (id: string, userId: string, myRole?: Role) =>
    apiRequest<void>(`${documentPath(id)}/hand-over`, {
      method: 'POST',
      body: myRole ? { userId, myRole } : { userId },
    }),
  setArchived: (id: string, archived: boolean) =>
    apiRequest<{ document: PresentedDocument }>(`${documentPath(id)}/archived`, {
      method: 'PATCH',
      body: { archived },
    }),
  deleteDocument: (id: string, title: string) =>
    apiRequest<void>(documentPath(id), { method: 'DELETE', body: { title } }),
  duplicate: (id: string, title: string) =>
    apiRequest<{ document: PresentedDocument }>(`${documentPath(id)}/duplicate`, {
      method: 'POST',
      body: { title },
    }),
  changeSettings: (id: string, settings: DocumentSettingsBody) =>
    apiRequest<{ document: PresentedDocument }>(`${documentPath(id)}/settings`, {
      method: 'PATCH',
      body: settings,
    }),
  listDeleted: (signal?: AbortSignal) =>
    apiRequest<{ documents: PresentedDeletedDocument[] }>('/api/deleted-documents', signal ? { signal } : {}),
  restore: (id: string) =>
    apiRequest<void>(`/api/deleted-documents/${encodeURIComponent(id)}/restore`, { method: 'POST' }),
};
