/**
 * Whether a browser request from `origin` may use the API or open a collaboration socket: it is
 * same-origin (the Origin's host is the Host the browser addressed), or listed in ALLOWED_ORIGINS.
 * A cross-site page cannot choose either header, and a rebinding host gets no session cookie.
 */
export function isAllowedOrigin(
  origin: string,
  host: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (allowedOrigins.includes(origin)) return true;
  if (!host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
