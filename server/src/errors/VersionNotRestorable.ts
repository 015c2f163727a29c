import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

export class VersionNotRestorable extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.VERSION_NOT_RESTORABLE;
  constructor() {
    super('This version does not fit the document schema and cannot be restored.');
  }
}
