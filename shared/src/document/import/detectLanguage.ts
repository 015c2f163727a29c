import type { DocumentLanguage } from '../../documentKinds.js';

/**
 * Common words of each document language. A word shared by several languages ("de", "la") counts
 * for each of them in proportion, so the words only one language uses decide.
 */
const COMMON_WORDS: Readonly<Record<DocumentLanguage, readonly string[]>> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'shall',
    'be',
    'for',
    'with',
    'on',
    'by',
    'this',
    'are',
    'or',
    'as',
    'an',
    'which',
    'its',
    'it',
    'from',
    'at',
    'not',
    'have',
    'their',
    'all',
    'any',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'de',
    'del',
    'y',
    'en',
    'que',
    'por',
    'para',
    'con',
    'una',
    'un',
    'se',
    'su',
    'sus',
    'al',
    'es',
    'lo',
    'como',
    'más',
    'será',
    'cada',
    'deberán',
    'sobre',
  ],
  pt: [
    'o',
    'a',
    'os',
    'as',
    'de',
    'do',
    'da',
    'dos',
    'das',
    'e',
    'em',
    'no',
    'na',
    'nos',
    'nas',
    'que',
    'por',
    'para',
    'com',
    'uma',
    'um',
    'se',
    'seu',
    'sua',
    'ao',
    'é',
    'não',
    'pelo',
    'pela',
    'cada',
    'à',
    'às',
    'ou',
    'são',
    'também',
    'pelos',
    'pelas',
    'sobre',
    'seus',
    'suas',
  ],
  fr: [
    'le',
    'la',
    'les',
    'de',
    'des',
    'du',
    'et',
    'en',
    'que',
    'qui',
    'dans',
    'pour',
    'par',
    'sur',
    'une',
    'un',
    'se',
    'son',
    'sa',
    'ses',
    'au',
    'aux',
    'est',
    'ne',
    'pas',
    'ce',
    'cette',
    'l',
    'd',
    'à',
    'été',
    'être',
  ],
};

const WEIGHTS: ReadonlyMap<string, ReadonlyArray<[DocumentLanguage, number]>> = (() => {
  const owners = new Map<string, DocumentLanguage[]>();
  for (const [language, words] of Object.entries(COMMON_WORDS) as Array<
    [DocumentLanguage, readonly string[]]
  >) {
    for (const word of words) owners.set(word, [...(owners.get(word) ?? []), language]);
  }
  return new Map(
    [...owners].map(([word, languages]) => [word, languages.map((l) => [l, 1 / languages.length])]),
  );
})();

/** words read at most: the opening of a document is enough to tell */
const MAX_WORDS = 4000;
/** the least evidence (in words only one language uses) for an answer */
const MIN_SCORE = 6;
/** how far ahead of the second the first must be */
const MIN_RATIO = 1.5;

/**
 * The document language a text is most likely written in, from its common words; null when the
 * text is too short or too mixed to tell.
 */
export function detectDocumentLanguage(text: string): DocumentLanguage | null {
  const scores = new Map<DocumentLanguage, number>();
  let count = 0;
  for (const match of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    if (++count > MAX_WORDS) break;
    for (const [language, weight] of WEIGHTS.get(match[0]) ?? []) {
      scores.set(language, (scores.get(language) ?? 0) + weight);
    }
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < MIN_SCORE) return null;
  if (second && first[1] < second[1] * MIN_RATIO) return null;
  return first[0];
}
