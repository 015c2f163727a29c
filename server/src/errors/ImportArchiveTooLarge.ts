import { ErrorCode } from '@accord/shared';
import { ApiError } from './ApiError.js';

/**
 * 400 import_archive_too_large: the .docx would unpack beyond the limits (too many entries, too
 * much data, a suspicious compression ratio, or an entry larger than its header says): a zip bomb
 * or a document far beyond what the editor holds. Refused before anything is decompressed.
 */
export class ImportArchiveTooLarge extends ApiError {
  readonly status = 400;
  readonly code = ErrorCode.IMPORT_ARCHIVE_TOO_LARGE;
}
