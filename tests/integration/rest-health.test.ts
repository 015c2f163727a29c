import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript helper shared with the start and test scripts
import { startDevdb } from '../../scripts/lib/devdb.mjs';
import { startServer } from '../helpers/server.js';
import { ApiClient } from '../helpers/api.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/health', () => {
  it('answers 200 {ok: true, db: "up"} while the database answers', async () => {
    const server = await startServer();
    const res = await new ApiClient(server.url).request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, db: 'up' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 {ok: false, db: "down"} quickly once the database is gone, and the server keeps running', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-health-db-'));
    dirs.push(dir);
    const db = await startDevdb({ dir, quiet: true });
    let stopped = false;
    try {
      const server = await startServer({ mongodbUri: `${db.uri}health` });
      const api = new ApiClient(server.url);
      expect((await api.request('GET', '/api/health')).status).toBe(200);
      await db.stop();
      stopped = true;
      const started = Date.now();
      const res = await api.request('GET', '/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ ok: false, db: 'down' });
      expect(Date.now() - started).toBeLessThan(5_000);
      // other requests fail cleanly too, and the process stays up
      const register = await api.register({
        email: 'down@example.org',
        password: 'a long enough password',
        name: 'X',
      });
      expect(register.status).toBeGreaterThanOrEqual(500);
      expect(register.body.error.code).toMatch(/database_unavailable|internal_error/);
      expect((await api.request('GET', '/api/health')).status).toBe(503);
      const exitedEarly = await Promise.race([
        server.exited.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 200)),
      ]);
      expect(exitedEarly).toBe(false);
    } finally {
      if (!stopped) await db.stop();
    }
  });

  it('stops cleanly on SIGTERM (exit 0)', async () => {
    const server = await startServer();
    await server.stop();
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.logs()).toMatch(/"msg":"stopped"/);
  });

  it('exits 1 with a clear message when the database is unreachable at start-up', async () => {
    // a port nothing listens on
    await expect(startServer({ mongodbUri: 'mongodb://127.0.0.1:1/nothing' })).rejects.toThrow(
      /exited \(code 1\)[\s\S]*did not answer within 15 s/,
    );
  }, 40_000);

  it('exits 1 naming the variable when the configuration is invalid', async () => {
    await expect(startServer({ env: { SESSION_SECRET: 'short' } })).rejects.toThrow(
      /exited \(code 1\)[\s\S]*SESSION_SECRET/,
    );
  });
});
