import type { TextMatch } from './findMatches.js';

/** A short piece of a text around a match, and where the match is within it. */
export interface Snippet {
  text: string;
  /** offsets of the match within `text` */
  match: TextMatch;
  /** text was cut before / after the snippet */
  cutBefore: boolean;
  cutAfter: boolean;
}

/**
 * About `radius` characters of context either side of `match`, cut at white space where there is
 * some nearby, so a snippet does not start or end in the middle of a word.
 */
export function snippetAround(text: string, match: TextMatch, radius = 60): Snippet {
  let start = Math.max(0, match.start - radius);
  let end = Math.min(text.length, match.end + radius);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < match.start) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space >= match.end) end = space;
  }
  return {
    text: text.slice(start, end),
    match: { start: match.start - start, end: match.end - start },
    cutBefore: start > 0,
    cutAfter: end < text.length,
  };
}
