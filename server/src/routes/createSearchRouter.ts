import { Router } from 'express';
import { searchQuery } from '@accord/shared';
import { requireUser } from '../auth/requireUser.js';
import { BadQuery } from '../errors/BadQuery.js';
import { RateLimited } from '../errors/ApiError.js';
import type { Env } from '../env.js';
import type { LimiterFactory } from '../security/WindowLimiter.js';
import { searchDocuments, type SearchDeps } from '../search/searchDocuments.js';

/**
 * GET /api/search?q=…: the signed-in user's documents whose title, text or visible comments
 * contain `q` (accent- and case-insensitive), with snippets. 400 bad_query for a blank or too
 * long query, 429 rate_limited beyond SEARCH_RATE_MAX per window.
 */
export function createSearchRouter(deps: SearchDeps & { env: Env; limiters: LimiterFactory }): Router {
  const router = Router();
  const limiter = deps.limiters('search', {
    maxAttempts: deps.env.searchRate.maxSearches,
    windowMs: deps.env.searchRate.windowMs,
  });

  router.get('/', async (req, res) => {
    const user = requireUser(req);
    const parsed = searchQuery.safeParse({ ...req.query });
    if (!parsed.success) throw new BadQuery();
    const verdict = await limiter.attempt(user.id);
    if (!verdict.allowed)
      throw new RateLimited(verdict.retryAfterMs / 1000, 'Too many searches; wait a little.');
    res.json(await searchDocuments(deps, user.id, parsed.data.q));
  });

  return router;
}
