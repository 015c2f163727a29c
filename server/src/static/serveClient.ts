import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import type { Logger } from '../logger.js';
import { precompressedVariants, type Variants } from './precompressedVariants.js';
import { chooseEncoding, type ContentEncoding } from '../compression/chooseEncoding.js';

/** `<repo>/client/dist`, from this file's place in `server/dist/static/`. */
const DEFAULT_CLIENT_DIST = path.resolve(import.meta.dirname, '..', '..', '..', 'client', 'dist');
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built single-page app from the API's port: static files, and index.html for any other
 * GET outside /api and /collab so that client-side routes survive a reload. Without a build, GET /
 * says how to make one instead of failing obscurely.
 *
 * Files the build precompressed are sent as their brotli or gzip variant when the browser accepts
 * it (Content-Encoding, and Vary: Accept-Encoding on every answer that has variants, for caches).
 * Hashed files under assets/ are cached for a year as immutable; everything else (index.html, the
 * service worker, the icon) is revalidated on every use.
 */
export function serveClient(app: Express, clientDist: string | undefined, logger: Logger): void {
  const dir = path.resolve(clientDist ?? DEFAULT_CLIENT_DIST);
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) {
    logger.warn({ dir }, 'client not built; serving the API only');
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send(
          'Accord API is running, but the web client is not built. Run `npm run build -w client` (or `npm start`).\n',
        );
    });
    return;
  }
  const assets = path.join(dir, 'assets') + path.sep;
  const cacheControl = (file: string) => (file.startsWith(assets) ? IMMUTABLE : 'no-cache');
  const variants = precompressedVariants(dir);

  /** Sends `found` (or its best precompressed variant) with the headers it needs. */
  const sendVariant = (req: Request, res: Response, found: Variants) => {
    res.vary('Accept-Encoding');
    const offered: ContentEncoding[] = [];
    if (found.br) offered.push('br');
    if (found.gzip) offered.push('gzip');
    const chosen = chooseEncoding(req.headers['accept-encoding'], offered);
    const variant = chosen && found[chosen];
    // the type of the original file, not of `.br`/`.gz` (send keeps a Content-Type already set)
    res.type(path.extname(found.file));
    res.setHeader('Cache-Control', cacheControl(found.file));
    if (chosen) res.setHeader('Content-Encoding', chosen);
    res.sendFile(variant ?? found.file, { cacheControl: false, dotfiles: 'deny' });
  };

  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const found = variants.get(req.path);
    if (!found) return next();
    sendVariant(req, res, found);
  });
  app.use(
    express.static(dir, {
      index: false,
      setHeaders(res, file) {
        res.setHeader('Cache-Control', cacheControl(file));
      },
    }),
  );
  const indexVariants = variants.get('/index.html') ?? { file: index };
  app.get(/^\/(?!api(?:\/|$)|collab(?:\/|$)).*/, (req, res) => {
    sendVariant(req, res, indexVariants);
  });
}
