import type { RequestHandler } from 'express';
import { OriginNotAllowed, UnsupportedMediaType } from '../errors/ApiError.js';
import { isAllowedOrigin } from './isAllowedOrigin.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery defence for the cookie-authenticated API, in addition to
 * SameSite=Lax cookies:
 * - a browser announces where a request comes from in `Origin`; unless it is same-origin (scheme
 *   included: `req.protocol`) or in
 *   the allowlist (isAllowedOrigin, the rule the collaboration socket uses too) it is refused. A
 *   request without Origin is not from a cross-origin page: browsers always send it on
 *   cross-origin state-changing requests;
 * - a body must be JSON: HTML forms cannot send `application/json` cross-origin without a CORS
 *   preflight, which this server never grants. `rawBodies` names the few paths that read a file
 *   instead (path → content types; a `:name` segment matches any one segment, as in
 *   `/publications/:id/verify`): they change no state, and the Origin check above still holds.
 */
export function guardStateChanges(
  allowedOrigins: readonly string[],
  rawBodies: Readonly<Record<string, readonly string[]>> = {},
): RequestHandler {
  return (req, _res, next) => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const origin = req.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, req.headers.host, allowedOrigins, req.protocol)) {
      throw new OriginNotAllowed();
    }
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    const contentType = req.headers['content-type'];
    const rawAllowed = Object.entries(rawBodies).some(
      ([pattern, types]) => matchesPath(pattern, req.path) && types.includes(mediaType(contentType)),
    );
    if ((hasBody || contentType !== undefined) && !isJson(contentType) && !rawAllowed) {
      throw new UnsupportedMediaType();
    }
    next();
  };
}

function matchesPath(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  return (
    want.length === got.length &&
    want.every((segment, i) => (segment.startsWith(':') ? got[i] !== '' : segment === got[i]))
  );
}

function mediaType(contentType: string | undefined): string {
  return contentType?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

function isJson(contentType: string | undefined): boolean {
  return mediaType(contentType) === 'application/json';
}
