import type { PresentedSignoffRound, SignoffDecision } from '@accord/shared';
import { apiRequest } from '../api/apiRequest';

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/** Sign-off rounds (issue 16), one method per endpoint. */
export const signoffApi = {
  list: (documentId: string, signal?: AbortSignal) =>
    apiRequest<{ rounds: PresentedSignoffRound[] }>(
      `${documentPath(documentId)}/signoffs`,
      signal ? { signal } : {},
    ),
  open: (documentId: string, version: number, organisationIds: string[], note: string) =>
    apiRequest<{ round: PresentedSignoffRound }>(`${documentPath(documentId)}/versions/${version}/signoff`, {
      method: 'POST',
      body: note ? { organisationIds, note } : { organisationIds },
    }),
  decide: (documentId: string, version: number, decision: SignoffDecision, note: string) =>
    apiRequest<{ round: PresentedSignoffRound }>(
      `${documentPath(documentId)}/versions/${version}/signoff/decisions`,
      { method: 'POST', body: note ? { decision, note } : { decision } },
    ),
};
