import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 400 invalid_anchor: the anchor's clause is not in the document, or its range lies elsewhere. */
export class InvalidAnchor extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.INVALID_ANCHOR;
  constructor(message: string) {
    super(message);
  }
}
