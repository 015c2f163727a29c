import { z } from 'zod';
import type { TextMatch } from './findMatches.js';
import { SEARCH_QUERY_MAX } from './searchLimits.js';

/** GET /api/search?q=… (anything else in the query string is refused) */
export const searchQuery = z.strictObject({
  q: z.string().trim().min(1).max(SEARCH_QUERY_MAX),
});

export interface SearchTextHit {
  /** the clause the text is in; null for text outside clauses (preamble, final formula) */
  clauseId: string | null;
  /** the clause's heading, for the result line */
  heading: string | null;
  snippet: string;
  match: TextMatch;
  cutBefore: boolean;
  cutAfter: boolean;
}

export interface SearchCommentHit {
  threadId: string;
  commentId: string;
  authorName: string;
  clauseId: string | null;
  snippet: string;
  match: TextMatch;
  cutBefore: boolean;
  cutAfter: boolean;
}

export interface SearchDocumentResult {
  id: string;
  title: string;
  archived: boolean;
  /** offsets of the query in the title; null when only the text or comments matched */
  titleMatch: TextMatch | null;
  /** at most a few per document */
  textHits: SearchTextHit[];
  commentHits: SearchCommentHit[];
  /** more hits in the text than are listed */
  moreText: boolean;
}

export interface SearchResponse {
  query: string;
  results: SearchDocumentResult[];
  /** "text" when the database's text index was used, "scan" for the portable fallback */
  engine: 'text' | 'scan';
  /** the work was bounded and some documents were not searched (or results cut) */
  truncated: boolean;
}
