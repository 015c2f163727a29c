import type { SearchResponse } from '@accord/shared';
import { apiRequest } from '../api/apiRequest';

/** Search across the signed-in user's documents (GET /api/search). */
export const searchApi = {
  search: (q: string, signal?: AbortSignal) =>
    apiRequest<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`, signal ? { signal } : {}),
};
