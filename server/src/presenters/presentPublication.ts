import { EXPORT_FORMATS, type ExportFormat, type PresentedPublication } from '@accord/shared';
import type { PublicationRecord } from '../models/Publication.js';
import { presentedName } from '../queries/formerMembers.js';

/** The public page of a publication: absolute when PUBLIC_URL is set, else a path on this server. */
export function publicationPageUrl(publicUrl: string | undefined, id: string): string {
  const path = `/p/${id}`;
  return publicUrl ? new URL(path, publicUrl).toString() : path;
}

/** A publication as the API shows it: immutable, so nothing in it depends on who asks. */
export function presentPublication(
  publication: PublicationRecord,
  context: { publicUrl: string | undefined; documentPublic: boolean },
): PresentedPublication {
  const id = publication._id.toHexString();
  return {
    id,
    documentId: publication.documentId.toHexString(),
    number: publication.number,
    major: publication.major,
    minor: publication.minor,
    version: publication.versionNumber,
    url: publicationPageUrl(context.publicUrl, id),
    public: context.documentPublic,
    hashes: { ...publication.hashes },
    canonicalHash: publication.canonicalHash,
    downloads: Object.fromEntries(
      EXPORT_FORMATS.map((format) => [format, `/api/publications/${id}/export?format=${format}`]),
    ) as Record<ExportFormat, string>,
    publishedBy: {
      id: publication.publishedById.toHexString(),
      name: presentedName(publication.publishedById, publication.publishedByName),
    },
    publishedAt: publication.publishedAt.toISOString(),
  };
}
