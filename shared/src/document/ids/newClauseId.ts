import { BASE62, CLAUSE_ID_LENGTH } from './base62.js';

/**
 * A fresh random clause id. Uses Web Crypto (global in browsers and Node ≥ 19), with rejection
 * sampling so every character is uniform over the 62 symbols.
 */
export function newClauseId(): string {
  let id = '';
  const bytes = new Uint8Array(CLAUSE_ID_LENGTH * 2);
  while (id.length < CLAUSE_ID_LENGTH) {
    globalThis.crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      // 248 = 62 * 4: bytes above it would favour the first symbols
      if (byte < 248) id += BASE62[byte % 62];
      if (id.length === CLAUSE_ID_LENGTH) break;
    }
  }
  return id;
}
