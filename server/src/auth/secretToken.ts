import { createHash, randomBytes } from 'node:crypto';

/** A token for an emailed link (256 random bits, base64url) and the hash stored in its place. */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

export const hashSecretToken = (token: string): string => createHash('sha256').update(token).digest('hex');
