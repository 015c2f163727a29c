import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { Env } from '../env.js';

/**
 * Security headers. The CSP allows exactly what the single-page app needs: its own scripts,
 * inline styles (the editor positions carets and decorations with style attributes), requests
 * and WebSockets to its own origin only ('self' covers ws: and wss: of the page's host: the
 * collaboration endpoint is on the same port), and data: images.
 */
export function createHelmet(env: Pick<Env, 'secureCookies'>): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // over plain http (development) upgrading would break every request
        upgradeInsecureRequests: env.secureCookies ? [] : null,
      },
    },
    // HSTS only makes sense when the public URL is https
    strictTransportSecurity: env.secureCookies,
  });
}
