import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

export class AlreadyPublished extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.ALREADY_PUBLISHED;
  constructor() {
    super('This version has been published already.');
  }
}
