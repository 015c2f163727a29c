import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 413 import_too_large: the uploaded file is larger than Limits.importBytes. */
export class ImportTooLarge extends ApiError {
  readonly status = 413;
  readonly code = ErrorCode.IMPORT_TOO_LARGE;
  constructor(limitBytes: number) {
    super(`The file is larger than ${Math.round(limitBytes / (1024 * 1024))} MiB.`, {
      details: { limitBytes },
    });
  }
}
