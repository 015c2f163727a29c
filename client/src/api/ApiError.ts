/**
 * A failed API call. `code` is the server's stable error code (shared/src/errorCodes.ts), or
 * `network_error` when the request never got an answer, so the UI can translate every case.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  /** from the answer's Retry-After header (e.g. rate_limited): how long to wait, in seconds */
  readonly retryAfterSeconds: number | null;

  constructor(
    code: string,
    status: number,
    message: string,
    details?: unknown,
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const NETWORK_ERROR = 'network_error';
