import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 400 token_invalid: an emailed link's token is unknown, was used already or has expired. */
export class TokenInvalid extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.TOKEN_INVALID;
  constructor() {
    super('This link is not valid any more (used already or expired); ask for a new one.');
  }
}
