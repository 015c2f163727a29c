import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 409 amendment_closed: the amendment was decided or withdrawn already. */
export class AmendmentClosed extends ApiError {
  readonly status = 409;
  readonly code = ErrorCode.AMENDMENT_CLOSED;
  constructor(state: string) {
    super(`This amendment is ${state} already.`);
  }
}
