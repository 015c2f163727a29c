import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

export class HandOverToSelf extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.HAND_OVER_TO_SELF;
  constructor() {
    super('Hand the coordinator role over to another member.');
  }
}
