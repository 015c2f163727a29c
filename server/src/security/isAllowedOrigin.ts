/**
 * Whether a browser request from `origin` may use the API or open a collaboration socket: it is
 * listed in `allowedOrigins` (ALLOWED_ORIGINS, and PUBLIC_URL's origin), or it is same-origin —
 * scheme, host and port. The host is the Host the browser addressed; the scheme is the one the
 * request arrived with (`scheme`, which believes X-Forwarded-Proto only from a trusted proxy).
 * When the deployment lists an origin for that host (PUBLIC_URL), that origin is the only one
 * of the host: the same host under another scheme (a plain-http page of an https site) is
 * another origin even when the caller cannot tell the scheme. A cross-site page cannot choose
 * these headers, and a rebinding host gets no session cookie.
 */
export function isAllowedOrigin(
  origin: string,
  host: string | undefined,
  allowedOrigins: readonly string[],
  scheme?: string,
): boolean {
  if (allowedOrigins.includes(origin)) return true;
  if (!host) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.host !== host.toLowerCase()) return false;
  if (allowedOrigins.some((allowed) => hostOf(allowed) === url.host)) return false;
  return scheme === undefined || url.protocol === `${scheme.toLowerCase()}:`;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
