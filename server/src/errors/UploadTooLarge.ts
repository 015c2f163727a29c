import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 413 upload_too_large: an uploaded file (e.g. one to verify) is larger than the route's limit. */
export class UploadTooLarge extends ApiError {
  readonly status = 413;
  readonly code = ErrorCode.UPLOAD_TOO_LARGE;
  constructor(limitBytes: number) {
    super(`The file is larger than ${Math.round(limitBytes / (1024 * 1024))} MiB.`, {
      details: { limitBytes },
    });
  }
}
