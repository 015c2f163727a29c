import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient } from '../helpers/api.js';

/** The server serves the built client from its own port, with a fallback for client routes. */
let dist: string;
let server: TestServer;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-client-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><title>Accord</title><div id="root"></div>',
  );
  fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log("accord")');
  fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await startServer({ env: { CLIENT_DIST: dist } });
});

afterAll(() => {
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('serving the client', () => {
  it('serves index.html at / and for client-side routes, not cached', async () => {
    for (const route of ['/', '/documents/0123456789abcdef01234567', '/login?next=%2F']) {
      const res = await new ApiClient(server.url).request('GET', route);
      expect(res.status, route).toBe(200);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable and other files revalidated', async () => {
    const asset = await new ApiClient(server.url).request('GET', '/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.body).toContain('accord');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const icon = await new ApiClient(server.url).request('GET', '/favicon.svg');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('keeps /api and /collab out of the fallback', async () => {
    const api = await new ApiClient(server.url).request('GET', '/api/unknown');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
    const collab = await new ApiClient(server.url).request('GET', '/collab/0123456789abcdef01234567');
    expect(collab.status).toBe(404);
    expect(collab.body).not.toContain('<div id="root">');
  });

  it('without a build, GET / says the client is not built', async () => {
    const bare = await startServer({ env: { CLIENT_DIST: path.join(dist, 'missing') } });
    const res = await new ApiClient(bare.url).request('GET', '/');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/not built/);
  });
});
