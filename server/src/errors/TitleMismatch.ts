import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

export class TitleMismatch extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.TITLE_MISMATCH;
  constructor() {
    super("Type the document's title to confirm that it should be deleted.");
  }
}
