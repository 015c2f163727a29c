/** A string folded for search, with where each of its code units came from in the original. */
export interface FoldedText {
  folded: string;
  /** for each code unit of `folded`, the index in the original of the character it came from */
  origin: number[];
}

const COMBINING_MARK = /\p{M}/u;
const WHITE_SPACE = /\s/u;

/**
 * Folds text for accent- and case-insensitive search (users write es, pt, fr): each character is
 * decomposed (NFD), its combining marks dropped and the rest lower-cased, so "Acción" and "ACCION"
 * both fold to "accion"; every white space character (a line break, a no-break space) is a space. Characters are folded one at a time so that every folded position maps
 * back to the original text (to highlight a match where it was written).
 */
export function foldForSearch(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    let part = '';
    if (WHITE_SPACE.test(char)) part = ' ';
    else for (const unit of char.normalize('NFD')) if (!COMBINING_MARK.test(unit)) part += unit;
    part = part.toLowerCase();
    folded += part;
    for (let i = 0; i < part.length; i++) origin.push(index);
    index += char.length;
  }
  return { folded, origin };
}

/** The folded form only (queries, stored search text). */
export function foldedOf(text: string): string {
  return foldForSearch(text).folded;
}
