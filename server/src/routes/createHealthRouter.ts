import { Router } from 'express';
import type { Connection } from 'mongoose';
import { pingDatabase } from '../database/pingDatabase.js';

const PING_TIMEOUT_MS = 1_500;

/** /api/health: 200 when the database answers ping quickly, else 503. No session needed. */
export function createHealthRouter(connection: Connection): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const up = await pingDatabase(connection, PING_TIMEOUT_MS);
    res
      .status(up ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(up ? { ok: true, db: 'up' } : { ok: false, db: 'down' });
  });
  return router;
}
