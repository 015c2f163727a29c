import { Router } from 'express';
import type { Connection } from 'mongoose';
import { pingDatabase } from '../database/pingDatabase.js';

const PING_TIMEOUT_MS = 1_500;

/**
 * /api/health: 200 when the database answers ping quickly, else 503. With several instances,
 * `redis` says whether the link to the others is up; while it is down the instance still serves
 * its own clients (200, `degraded: true`). No session needed.
 */
export function createHealthRouter(
  connection: Connection,
  redisStatus: () => 'off' | 'up' | 'down' = () => 'off',
): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const up = await pingDatabase(connection, PING_TIMEOUT_MS);
    const redis = redisStatus();
    const body = up ? { ok: true, db: 'up' } : { ok: false, db: 'down' };
    res
      .status(up ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(redis === 'off' ? body : { ...body, redis, degraded: redis === 'down' });
  });
  return router;
}
