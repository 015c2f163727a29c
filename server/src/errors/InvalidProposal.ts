import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 400 invalid_proposal: an amendment's wording does not fit the document schema or its clause. */
export class InvalidProposal extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.INVALID_PROPOSAL;
  constructor(message: string) {
    super(message);
  }
}
