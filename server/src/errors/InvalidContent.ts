import { ErrorCode, type DocumentProblem } from '@accord/shared';
import { ApiError } from './ApiError.js';

/**
 * 400 invalid_content: the `content` of a new document does not fit the document schema.
 * `details.problems` lists what does not fit (at most the first 50).
 */
export class InvalidContent extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.INVALID_CONTENT;
  constructor(message: string, problems: DocumentProblem[] = []) {
    super(message, { details: { problems: problems.slice(0, 50) } });
  }
}
