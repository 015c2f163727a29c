import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { rawGet, type RawResponse as Raw } from '../helpers/rawHttp.js';

/**
 * Issue 18: the built client's files are sent precompressed (brotli, gzip) by content negotiation,
 * and REST answers above COMPRESS_MIN_BYTES are compressed; every compressed answer decompresses to
 * exactly the bytes sent uncompressed. Raw HTTP (node:http): fetch would decompress silently.
 */
const dist = path.resolve(import.meta.dirname, '..', '..', 'client', 'dist');
let server: TestServer;
let owner: NewUser;

const decode = (raw: Raw) =>
  raw.headers['content-encoding'] === 'br'
    ? zlib.brotliDecompressSync(raw.body)
    : raw.headers['content-encoding'] === 'gzip'
      ? zlib.gunzipSync(raw.body)
      : raw.body;

const varyOf = (raw: Raw) => String(raw.headers.vary ?? '').toLowerCase();

beforeAll(async () => {
  server = await startServer();
  owner = await newUser(new ApiClient(server.url), { name: 'Compression Owner' });
});

describe('the built client, precompressed', () => {
  const scripts = () => {
    const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    return [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  };

  it('the build wrote .br and .gz next to its scripts and styles', () => {
    expect(scripts().length).toBeGreaterThan(0);
    for (const asset of scripts()) {
      expect(fs.existsSync(path.join(dist, `${asset}.br`)), asset).toBe(true);
      expect(fs.existsSync(path.join(dist, `${asset}.gz`)), asset).toBe(true);
    }
  });

  it('sends brotli, gzip or the plain file as asked, each the same bytes, with Vary and immutable caching', async () => {
    for (const asset of scripts()) {
      const original = fs.readFileSync(path.join(dist, asset));
      const cases: [string | undefined, string | undefined][] = [
        ['gzip, deflate, br', 'br'],
        ['br;q=0.5, gzip', 'gzip'],
        ['gzip', 'gzip'],
        ['identity', undefined],
        [undefined, undefined],
        ['br;q=0, gzip;q=0', undefined],
      ];
      for (const [accept, expected] of cases) {
        const raw = await rawGet(
          server.url + asset,
          accept === undefined ? {} : { 'accept-encoding': accept },
        );
        expect(raw.status, `${asset} ${accept}`).toBe(200);
        expect(raw.headers['content-encoding'], `${asset} ${accept}`).toBe(expected);
        expect(varyOf(raw)).toContain('accept-encoding');
        expect(raw.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(raw.headers['content-type']).toMatch(asset.endsWith('.js') ? /javascript/ : /text\/css/);
        expect(Number(raw.headers['content-length'])).toBe(raw.body.length);
        expect(decode(raw).equals(original), `${asset} ${accept}`).toBe(true);
        if (expected) expect(raw.body.length).toBeLessThan(original.length);
      }
    }
  });

  it('sends index.html (also for client routes) compressed and revalidated', async () => {
    const original = fs.readFileSync(path.join(dist, 'index.html'));
    for (const route of ['/', '/documents/0123456789abcdef01234567', '/index.html']) {
      for (const accept of ['br', 'gzip']) {
        const raw = await rawGet(server.url + route, { 'accept-encoding': accept });
        expect(raw.status, route).toBe(200);
        expect(raw.headers['cache-control'], route).toBe('no-cache');
        expect(raw.headers['content-type']).toMatch(/text\/html/);
        expect(varyOf(raw)).toContain('accept-encoding');
        // index.html may be too small to be worth compressing; whatever is sent decodes to it
        expect(decode(raw).equals(original), `${route} ${accept}`).toBe(true);
      }
    }
  });

  it('sends the service worker revalidated on every use, compressed', async () => {
    const original = fs.readFileSync(path.join(dist, 'sw.js'));
    const raw = await rawGet(`${server.url}/sw.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(raw.status).toBe(200);
    expect(raw.headers['cache-control']).toBe('no-cache');
    expect(raw.headers['content-type']).toMatch(/javascript/);
    expect(raw.headers['content-encoding']).toBe('br');
    expect(decode(raw).equals(original)).toBe(true);
  });

  it('answers a revalidation of a compressed file with 304', async () => {
    const asset = scripts()[0]!;
    const first = await rawGet(server.url + asset, { 'accept-encoding': 'br' });
    const again = await rawGet(server.url + asset, {
      'accept-encoding': 'br',
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
  });
});

describe('REST answers', () => {
  it('compresses a JSON answer above 1 KB to the same JSON, with Vary', async () => {
    for (let i = 0; i < 8; i++) {
      await owner.api.request('POST', '/api/documents', {
        title: `Regional agreement on access to justice, draft ${i}`,
        kind: 'agreement',
      });
    }
    const plain = await rawGet(`${server.url}/api/documents`, { cookie: owner.api.cookie });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const accept of ['br', 'gzip']) {
      const raw = await rawGet(`${server.url}/api/documents`, {
        cookie: owner.api.cookie,
        'accept-encoding': accept,
      });
      expect(raw.status).toBe(200);
      expect(raw.headers['content-encoding']).toBe(accept);
      expect(raw.headers['content-type']).toMatch(/application\/json/);
      expect(varyOf(raw)).toContain('accept-encoding');
      expect(Number(raw.headers['content-length'])).toBe(raw.body.length);
      expect(raw.body.length).toBeLessThan(plain.body.length);
      expect(JSON.parse(decode(raw).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')));
    }
  });

  it('leaves small answers and errors under 1 KB uncompressed', async () => {
    const raw = await rawGet(`${server.url}/api/auth/me`, {
      cookie: owner.api.cookie,
      'accept-encoding': 'br, gzip',
    });
    expect(raw.status).toBe(200);
    expect(raw.body.length).toBeLessThan(1024);
    expect(raw.headers['content-encoding']).toBeUndefined();
    const missing = await rawGet(`${server.url}/api/nothing-here`, { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(missing.body.toString('utf8')).error.code).toBe('not_found');
  });
});
