import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 410 join_link_revoked: a coordinator revoked the join link. */
export class JoinLinkRevoked extends ApiError {
  readonly status = 410;
  readonly code = ErrorCode.JOIN_LINK_REVOKED;
  constructor() {
    super('This join link was revoked; ask the coordinator for a new one.');
  }
}

/** 410 join_link_expired: the join link's time is up. */
export class JoinLinkExpired extends ApiError {
  readonly status = 410;
  readonly code = ErrorCode.JOIN_LINK_EXPIRED;
  constructor() {
    super('This join link has expired; ask the coordinator for a new one.');
  }
}

/** 404 join_link_unknown: no join link has this token (or its document is deleted). */
export class JoinLinkUnknown extends ApiError {
  readonly status = 404;
  readonly code = ErrorCode.JOIN_LINK_UNKNOWN;
  constructor() {
    super('No such join link.');
  }
}
