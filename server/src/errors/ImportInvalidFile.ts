import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 400 import_invalid_file: the upload is not a .docx / Markdown file the importer can read. */
export class ImportInvalidFile extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.IMPORT_INVALID_FILE;
}
