import type {
  AmendmentListResponse,
  ClauseContent,
  PresentedAmendment,
  TableAmendmentBody,
} from '@accord/shared';
import { apiRequest } from '../api/apiRequest';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/amendments`;
type One = { amendment: PresentedAmendment };

/** The amendments routes (README "Amendments"). */
export const amendmentsApi = {
  list: (documentId: string, signal?: AbortSignal) =>
    apiRequest<AmendmentListResponse>(base(documentId), signal ? { signal } : {}),
  table: (documentId: string, body: TableAmendmentBody) =>
    apiRequest<One>(base(documentId), { method: 'POST', body }),
  cosponsor: (documentId: string, id: string) =>
    apiRequest<One>(`${base(documentId)}/${id}/cosponsor`, { method: 'POST', body: {} }),
  withdraw: (documentId: string, id: string) =>
    apiRequest<One>(`${base(documentId)}/${id}/withdraw`, { method: 'POST', body: {} }),
  revise: (documentId: string, id: string, body: { proposal?: ClauseContent; justification?: string }) =>
    apiRequest<One>(`${base(documentId)}/${id}/revise`, { method: 'POST', body }),
  accept: (documentId: string, id: string, proposal?: ClauseContent) =>
    apiRequest<One>(`${base(documentId)}/${id}/decision`, {
      method: 'POST',
      body: proposal ? { decision: 'accept', proposal } : { decision: 'accept' },
    }),
  reject: (documentId: string, id: string, reason: string) =>
    apiRequest<One>(`${base(documentId)}/${id}/decision`, {
      method: 'POST',
      body: { decision: 'reject', reason },
    }),
};
