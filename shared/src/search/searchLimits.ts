// Zod-free (the client imports it; the request schema is in searchSchemas.ts).

/** the longest search query, in characters */
export const SEARCH_QUERY_MAX = 200;
