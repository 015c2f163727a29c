import { EXPORT_FORMATS, type ExportFormat } from '@accord/shared';
import type { PublicationHashes, PublicationRecord } from '../models/Publication.js';

export interface PresentedPublication {
  /** the stable public id */
  id: string;
  documentId: string;
  /** "1.0", "1.1", "2.0" … */
  number: string;
  major: number;
  minor: number;
  /** the version published */
  version: number;
  /** the public page; it answers while the document is public */
  url: string;
  /** the document is public now: the page and its downloads answer to anyone */
  public: boolean;
  /** SHA-256 (hex) of each export format's bytes */
  hashes: PublicationHashes;
  /** SHA-256 of the version's canonical rendering */
  canonicalHash: string;
  /** where members (and, while public, anyone) download each format through the API */
  downloads: Record<ExportFormat, string>;
  publishedBy: { id: string; name: string };
  publishedAt: string;
}

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
    publishedBy: { id: publication.publishedById.toHexString(), name: publication.publishedByName },
    publishedAt: publication.publishedAt.toISOString(),
  };
}
