import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/**
 * 400 import_too_complex: the file has more XML elements than an import reads, or its conversion
 * ran out of the import worker's time or memory. The same file will fail again; a smaller one
 * (or one with less formatting) will not.
 */
export class ImportTooComplex extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.IMPORT_TOO_COMPLEX;
}
