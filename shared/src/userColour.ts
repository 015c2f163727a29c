/**
 * A user's caret and highlight colour, derived from the user id so every client and the server
 * agree without storing it. Colours are dark enough for white text (WCAG AA at 14 px bold).
 */
const PALETTE = [
  '#1f6feb',
  '#b42318',
  '#027a48',
  '#7a2e98',
  '#b54708',
  '#0e7490',
  '#c11574',
  '#4d5761',
  '#3538cd',
  '#067647',
  '#a15c07',
  '#9e165f',
] as const;

export function userColour(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length]!;
}
