import { BASE62, CLAUSE_ID_LENGTH } from './base62.js';

// 32-bit murmur3-style string hash; several seeds are concatenated to reach ~96 bits.
function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    let k = text.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
  }
  h ^= text.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A clause id computed from `seed` alone, so that two servers (or two clients reacting to the
 * same merged Yjs state) that repair the same duplicate produce the same new id and do not
 * create a fresh conflict. Not cryptographic: it only needs to spread ids evenly.
 */
export function deriveClauseId(seed: string): string {
  let value =
    (BigInt(hash32(seed, 0x9747b28c)) << 64n) |
    (BigInt(hash32(seed, 0x2f3b9e11)) << 32n) |
    BigInt(hash32(seed, 0x5bd1e995));
  let id = '';
  for (let i = 0; i < CLAUSE_ID_LENGTH; i++) {
    id += BASE62[Number(value % 62n)];
    value /= 62n;
  }
  return id;
}
