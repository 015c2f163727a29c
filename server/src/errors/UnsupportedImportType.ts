import { ErrorCode, IMPORT_CONTENT_TYPES } from '@accord/shared';
import { ApiError } from './ApiError.js';

/** 415 unsupported_media_type on the import preview: not a Content-Type an importer reads. */
export class UnsupportedImportType extends ApiError {
  readonly status = 415;
  readonly code = ErrorCode.UNSUPPORTED_MEDIA_TYPE;
  constructor() {
    super(
      `Send a .docx (${IMPORT_CONTENT_TYPES.docx[0]}) or a Markdown / plain-text file (${IMPORT_CONTENT_TYPES.markdown.join(', ')}).`,
    );
  }
}
