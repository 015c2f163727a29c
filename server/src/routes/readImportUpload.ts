import express, { type RequestHandler } from 'express';
import { IMPORT_CONTENT_TYPES, Limits } from '@accord/shared';
import { ImportTooLarge } from '../errors/ImportTooLarge.js';
import { ImportInvalidFile } from '../errors/ImportInvalidFile.js';
import { UnsupportedImportType } from '../errors/UnsupportedImportType.js';

export type ImportFormat = keyof typeof IMPORT_CONTENT_TYPES;

/** The importer for a request's Content-Type, or UnsupportedImportType (415). */
export function importFormatOf(contentType: string | undefined): ImportFormat {
  const type = contentType?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  for (const [format, types] of Object.entries(IMPORT_CONTENT_TYPES)) {
    if ((types as readonly string[]).includes(type)) return format as ImportFormat;
  }
  throw new UnsupportedImportType();
}

const parseRaw = express.raw({
  type: () => true,
  limit: Limits.importBytes,
  // a compressed request body would be a second place to hide a bomb
  inflate: false,
});

/**
 * Reads the uploaded file (the raw request body) into `req.body` as a Buffer, up to
 * Limits.importBytes: larger uploads get 413 import_too_large (after the body was read off, so
 * the client sees the answer instead of a reset connection).
 */
export const readImportUpload: RequestHandler = (req, res, next) => {
  parseRaw(req, res, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
      return next(new ImportTooLarge(Limits.importBytes));
    }
    if (error) return next(error);
    if (!Buffer.isBuffer(req.body) || req.body.length === 0)
      return next(new ImportInvalidFile('The file is empty.'));
    next();
  });
};
