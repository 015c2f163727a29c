import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 400 unknown_clause: an amendment names a clause that is not in the document. */
export class UnknownClause extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.UNKNOWN_CLAUSE;
  constructor() {
    super('There is no such clause in the document.');
  }
}
