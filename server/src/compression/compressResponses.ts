import zlib from 'node:zlib';
import type { RequestHandler, Response } from 'express';
import { chooseEncoding } from './chooseEncoding.js';

/**
 * Formats worth compressing: text (JSON answers, public HTML pages, CSV/Markdown exports) and a
 * document's Yjs state (GET /api/documents/:id/state: binary, but mostly text and repeated ids).
 */
const COMPRESSIBLE =
  /^(?:text\/|application\/(?:json|[\w.+-]*\+json|xml|[\w.+-]*\+xml|javascript|vnd\.yjs\.update)|image\/svg\+xml)/i;

/** Fast settings: an answer is compressed once per request, on the event loop's thread pool. */
const BROTLI = {
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
  },
};
const GZIP = { level: 6 };

/**
 * Compresses answers sent with `res.send`/`res.json` (the REST API, the public pages) of at least
 * `minBytes` in a compressible type, with brotli or gzip as the request accepts (brotli first), off
 * the main thread. Answers that are already encoded, streamed (files, exports through pipes), or
 * have no body are left alone. Every compressible answer says `Vary: Accept-Encoding`.
 */
export function compressResponses(minBytes: number): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res) as (body?: unknown) => Response;
    res.send = function compressedSend(body?: unknown): Response {
      // res.json calls res.send again with the serialised string: decide on that call only
      if (typeof body !== 'string' && !Buffer.isBuffer(body)) return send(body);
      const type = String(res.getHeader('Content-Type') ?? (typeof body === 'string' ? 'text/html' : ''));
      if (!COMPRESSIBLE.test(type) || res.getHeader('Content-Encoding')) return send(body);
      res.vary('Accept-Encoding');
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const noBody = req.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304;
      if (noBody || bytes.length < minBytes) return send(body);
      const encoding = chooseEncoding(req.headers['accept-encoding'], ['br', 'gzip']);
      if (!encoding) return send(body);
      const done = (error: Error | null, compressed: Buffer) => {
        if (error || compressed.length >= bytes.length) {
          send(body);
          return;
        }
        if (!res.getHeader('Content-Type')) res.type(type);
        res.setHeader('Content-Encoding', encoding);
        send(compressed);
      };
      if (encoding === 'br') zlib.brotliCompress(bytes, BROTLI, done);
      else zlib.gzip(bytes, GZIP, done);
      return res;
    };
    next();
  };
}
