/**
 * A failed API call. `code` is the server's stable error code (shared/src/errorCodes.ts), or
 * `network_error` when the request never got an answer, so the UI can translate every case.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const NETWORK_ERROR = 'network_error';
