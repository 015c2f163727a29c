import { foldForSearch, foldedOf } from './foldForSearch.js';

/** A match in the original text: [start, end) in code units. */
export interface TextMatch {
  start: number;
  end: number;
}

/** what a query must have, folded and trimmed, to be searched for */
export function searchNeedle(query: string): string {
  return foldedOf(query).replace(/\s+/g, ' ').trim();
}

/**
 * Every match of `query` in `text`, accent- and case-insensitive (foldForSearch), left to right,
 * not overlapping, as offsets into the ORIGINAL text; at most `limit` of them. A run of white
 * space in the query is one space, and matches any one white space character: a query of several
 * words is a phrase.
 */
export function findMatches(text: string, query: string, limit = Infinity): TextMatch[] {
  const needle = searchNeedle(query);
  if (!needle) return [];
  const { folded, origin } = foldForSearch(text);
  const matches: TextMatch[] = [];
  let from = 0;
  while (matches.length < limit) {
    const at = folded.indexOf(needle, from);
    if (at < 0) break;
    const last = at + needle.length - 1;
    // a folded character may stand for several original units (a decomposed accent): end after it
    const end = last + 1 < origin.length ? origin[last + 1]! : text.length;
    matches.push({ start: origin[at]!, end: Math.max(end, origin[last]! + 1) });
    from = at + needle.length;
  }
  return matches;
}
