import type { Request } from 'express';
import type { Env } from '../env.js';

/**
 * The origin emailed links point to: PUBLIC_URL when set. Without it (development, tests) the
 * request's own scheme and Host; production with SMTP requires PUBLIC_URL (env.ts), so a forged
 * Host header cannot send someone a link to another site.
 */
export function linkBase(env: Pick<Env, 'publicUrl'>, req: Request): string {
  if (env.publicUrl) return env.publicUrl.replace(/\/+$/, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
