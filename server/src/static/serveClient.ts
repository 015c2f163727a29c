import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { Logger } from '../logger.js';

/** `<repo>/client/dist`, from this file's place in `server/dist/static/`. */
const DEFAULT_CLIENT_DIST = path.resolve(import.meta.dirname, '..', '..', '..', 'client', 'dist');

/**
 * Serves the built single-page app from the API's port: static files, and index.html for any other
 * GET outside /api and /collab so that client-side routes survive a reload. Without a build, GET /
 * says how to make one instead of failing obscurely.
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
  app.use(
    express.static(dir, {
      index: false,
      setHeaders(res, file) {
        // Vite puts content hashes in the names of everything under assets/
        const hashed = file.startsWith(path.join(dir, 'assets') + path.sep);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.get(/^\/(?!api(?:\/|$)|collab(?:\/|$)).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
