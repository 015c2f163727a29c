import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';

// Issue 13, item 9: malformed bodies answered a generic 500 instead of a 400 with a stable code.
let server: TestServer;
let user: NewUser;

beforeAll(async () => {
  server = await startServer();
  user = await newUser(new ApiClient(server.url));
});

/** POSTs raw bytes (the ApiClient would send them as JSON) with the user's session. */
async function postBytes(path: string, bytes: Buffer): Promise<{ status: number; body: any }> {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: { cookie: user.api.cookie, 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: new Uint8Array(bytes),
  });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}

/**
 * A document whose `content` nests `depth` blockquotes-in-paragraphs, far deeper than any schema
 * allows, as JSON text (JSON.stringify would overflow the stack on it).
 */
function nestedDocumentBody(title: string, depth: number): string {
  const open = '{"type":"paragraph","content":['.repeat(depth);
  const close = ']}'.repeat(depth);
  return `{"title":${JSON.stringify(title)},"content":{"type":"doc","content":[${open}{"type":"text","text":"deep"}${close}]}}`;
}

/** JSON text nesting `depth` objects, built as text (JSON.stringify itself would overflow). */
function nestedJson(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

describe('malformed bodies', () => {
  it('answers a gzip body that does not inflate with 400 malformed_body', async () => {
    const broken = Buffer.concat([
      gzipSync(Buffer.from('{"title":"x"}')).subarray(0, 12),
      Buffer.from('garbage'),
    ]);
    const res = await postBytes('/api/documents', broken);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_body');
    // the same on the API's ordinary JSON parser (any route but POST /api/documents)
    const other = await postBytes('/api/auth/login', broken);
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('malformed_body');
  });

  it('still reads a well-formed gzip body', async () => {
    const res = await postBytes('/api/documents', gzipSync(Buffer.from(JSON.stringify({ title: 'Zipped' }))));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('answers document content nested 20,000 deep with 400 invalid_content, and keeps serving', async () => {
    const res = await user.api.request('POST', '/api/documents', nestedDocumentBody('Deep', 20_000));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_content');
    const list = await user.api.request('GET', '/api/documents');
    expect(list.status).toBe(200);
    expect(list.body.documents.map((d: { title: string }) => d.title)).not.toContain('Deep');
  });

  it('answers deeply nested JSON anywhere in the API with 400 and a stable code', async () => {
    for (const [path, depth] of [
      ['/api/documents', 20_000],
      ['/api/auth/login', 10_000],
    ] as const) {
      const res = await user.api.request('POST', path, `{"title":"x","content":${nestedJson(depth)}}`);
      expect(res.status, path).toBe(400);
      expect(['malformed_json', 'validation_failed', 'invalid_content']).toContain(res.body.error.code);
    }
  });
});
