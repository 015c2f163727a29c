import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 429 comment_rate_limited: this user posted too many comments on this document lately. */
export class CommentRateLimited extends ApiError {
  readonly status = 429;
  readonly code = ErrorCode.COMMENT_RATE_LIMITED;
  constructor(retryAfterSeconds: number) {
    super('You are posting comments on this document too quickly; wait a little and try again.', {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
  }
}
