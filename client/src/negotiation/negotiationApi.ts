import type {
  ClauseStatus,
  PositionStance,
  PresentedClauseNegotiationHistory,
  PresentedClauseStatus,
  PresentedNegotiation,
  PresentedPosition,
} from '@accord/shared';
import { apiRequest } from '../api/apiRequest';

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/** Clause negotiation (issue 16), one method per endpoint. */
export const negotiationApi = {
  get: (documentId: string, signal?: AbortSignal) =>
    apiRequest<{ negotiation: PresentedNegotiation }>(
      `${documentPath(documentId)}/negotiation`,
      signal ? { signal } : {},
    ),
  history: (documentId: string, clauseId: string, signal?: AbortSignal) =>
    apiRequest<{ history: PresentedClauseNegotiationHistory }>(
      `${documentPath(documentId)}/clauses/${encodeURIComponent(clauseId)}/negotiation`,
      signal ? { signal } : {},
    ),
  setStatus: (documentId: string, clauseId: string, status: ClauseStatus, note: string) =>
    apiRequest<{ status: PresentedClauseStatus }>(`${documentPath(documentId)}/clause-statuses`, {
      method: 'POST',
      body: note ? { clauseId, status, note } : { clauseId, status },
    }),
  recordPosition: (documentId: string, clauseId: string, stance: PositionStance, note: string) =>
    apiRequest<{ position: PresentedPosition }>(`${documentPath(documentId)}/positions`, {
      method: 'POST',
      body: note ? { clauseId, stance, note } : { clauseId, stance },
    }),
};
