import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 400 invalid_mention: the body @mentions people who are not members of the document. */
export class InvalidMention extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.INVALID_MENTION;
  constructor(userIds: string[]) {
    super('You can only mention members of this document.', { details: { userIds } });
  }
}
