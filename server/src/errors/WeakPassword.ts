import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 400 weak_password: a new password is too common or otherwise easy to guess. */
export class WeakPassword extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.WEAK_PASSWORD;
  constructor(reason: string) {
    super(`Choose another password: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`);
  }
}
