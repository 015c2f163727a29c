import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 429 import_busy: every import worker is busy and the waiting line is full (or this user's). */
export class ImportBusy extends ApiError {
  readonly status = 429;
  readonly code = ErrorCode.IMPORT_BUSY;
  constructor(retryAfterSeconds: number) {
    super('Accord is busy with other imports; try again in a few seconds.', {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
  }
}
