/**
 * Splits a text into the units the amendment merge compares: runs of letters, digits and
 * combining marks (words in any script, accents kept with their letters), runs of spaces, line
 * breaks, and single other characters (punctuation). Joining the tokens gives the text back.
 */
const TOKEN = /[\p{L}\p{N}\p{M}]+|\n|[^\S\n]+|[^]/gu;

export function wordTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}
