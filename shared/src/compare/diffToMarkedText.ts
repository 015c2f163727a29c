import type { DiffPart } from './comparisonTypes.js';

/**
 * A word diff as plain text with `[+added+]` and `[-removed-]` markers, for exports and screen
 * readers, where colour and strike-through are not available. Marker-like text already in the
 * document is not escaped; the markers are meant for reading, not for parsing back.
 */
export function diffToMarkedText(parts: readonly DiffPart[]): string {
  return parts.map((p) => (p.added ? `[+${p.value}+]` : p.removed ? `[-${p.value}-]` : p.value)).join('');
}
