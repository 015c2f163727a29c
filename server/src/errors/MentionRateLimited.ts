import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 429 mention_rate_limited: this user @mentioned too many people on this document lately. */
export class MentionRateLimited extends ApiError {
  readonly status = 429;
  readonly code = ErrorCode.MENTION_RATE_LIMITED;
  constructor(retryAfterSeconds: number) {
    super('You have mentioned people on this document too often lately; wait before mentioning more.', {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
  }
}
