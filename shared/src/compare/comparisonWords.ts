const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words split and merge detection compares: letters and digits only, lower-cased, so that
 * punctuation moved at a split ("report. It" → "report." + "It") and a capital added to the
 * first word of a new clause do not hide that the words are the same.
 */
export function comparisonWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}
