import type { ExportFormat } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { PublicationRecord } from '../models/Publication.js';
import { exportDocument, type ExportedFile } from '../exports/exportDocument.js';
import { InternalError } from '../errors/ApiError.js';
import { findVersion } from './versions.js';
import { publicationExportInput, sha256 } from './publications.js';

/**
 * A publication's export in one format, re-rendered from its version and checked against the
 * SHA-256 stored at publication. A file that is not byte-identical to the published one is never
 * served: a mismatch (e.g. after an upgrade of a renderer, see exports/README.md "Determinism") is
 * logged at error level and answered 500.
 */
export async function publishedExport(
  logger: Logger,
  publication: PublicationRecord,
  format: ExportFormat,
): Promise<ExportedFile> {
  const documentId = publication.documentId.toHexString();
  const version = await findVersion(documentId, publication.versionNumber);
  if (!version) {
    logger.error(
      { publicationId: publication._id.toHexString(), documentId, version: publication.versionNumber },
      'published version missing',
    );
    throw new InternalError();
  }
  const file = await exportDocument(format, publicationExportInput(publication, version));
  const hash = sha256(file.body);
  if (hash !== publication.hashes[format]) {
    logger.error(
      {
        publicationId: publication._id.toHexString(),
        documentId,
        format,
        stored: publication.hashes[format],
        rendered: hash,
      },
      'published export no longer renders to its stored hash; not served',
    );
    throw new InternalError();
  }
  return file;
}
