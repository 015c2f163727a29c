import { lastInSequence } from './lastInSequence.js';
import { isDuplicateKeyError } from './isDuplicateKeyError.js';

/**
 * Each refused insert means another writer's insert landed, so a writer fails at most once per
 * concurrent writer; past this many, answer the error rather than loop.
 */
const ATTEMPTS = 64;

/**
 * Inserts the next record of an insert-only sequence whose n-th record lives under `keyOf(n)`:
 * finds the last n by `_id` lookups, inserts n + 1, and when a concurrent writer took that key
 * first (the unique `_id` refuses it), tries the next one. Every writer's record is stored, in
 * some order; none is lost and none is changed. Answers the seq it got.
 */
export async function appendInSequence(
  exists: (n: number) => Promise<boolean>,
  insert: (n: number) => Promise<unknown>,
): Promise<number> {
  let last = await lastInSequence(exists);
  for (let attempt = 1; ; attempt++) {
    const seq = last + 1;
    try {
      await insert(seq);
      return seq;
    } catch (error) {
      if (!isDuplicateKeyError(error) || attempt >= ATTEMPTS) throw error;
      last = await lastInSequence(exists, seq);
    }
  }
}
