export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Clause ids are 12 base62 characters (~71 bits): collisions are not a practical concern. */
export const CLAUSE_ID_LENGTH = 12;

const CLAUSE_ID = /^[0-9A-Za-z]{10,32}$/;

/**
 * Accepts 10–32 base62 characters, so ids from an import or an older generator stay valid, while
 * ids like "__proto__" or ones with spaces or markup are treated as missing and replaced.
 */
export function isValidClauseId(id: unknown): id is string {
  return typeof id === 'string' && CLAUSE_ID.test(id);
}
