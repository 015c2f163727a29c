import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 400 unknown_clause: a negotiation status, position or amendment names a clause the document does not have. */
export class UnknownClause extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.UNKNOWN_CLAUSE;
  constructor(clauseId?: string) {
    super(clauseId ? `The document has no clause ${clauseId}.` : 'There is no such clause in the document.');
  }
}
