import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { ExportFormat } from '@accord/shared';
import { Publication, type PublicationRecord } from '../models/Publication.js';
import { PublicationKey, publicationNumberKey } from '../models/PublicationKey.js';
import type { VersionRecord } from '../models/Version.js';
import type { ExportInput } from '../exports/ExportInput.js';
import { EXPORT_LABELS } from '../exports/exportLabels.js';
import { lastInSequence } from '../database/lastInSequence.js';
import { isObjectIdString } from '../database/isObjectIdString.js';
import { versionCanonical } from './versions.js';

/** One publication by its public id, or null (also for an id that is not an ObjectId). */
export function findPublication(id: string): Promise<PublicationRecord | null> {
  if (!isObjectIdString(id)) return Promise.resolve(null);
  return Publication.findById(id).lean();
}

/**
 * The document's publications, newest number first. A scan by `documentId` (indexed on MongoDB,
 * scanned on FerretDB 1.24): publications are few, a handful per document.
 */
export async function listPublications(documentId: string): Promise<PublicationRecord[]> {
  const found = await Publication.find({ documentId: new Types.ObjectId(documentId) }).lean();
  return found.sort((a, b) => b.major - a.major || b.minor - a.minor);
}

async function numberTaken(documentId: string, major: number, minor: number): Promise<boolean> {
  return (await PublicationKey.exists({ _id: publicationNumberKey(documentId, major, minor) })) !== null;
}

/**
 * The number the document's next publication takes: the first is 1.0 either way; then a major
 * release is (latest major + 1).0 and a minor one latest major.(latest minor + 1). Found by `_id`
 * lookups on the number keys only (lastInSequence): majors are 1, 2, 3 … each starting at .0, and
 * minors 1, 2, 3 … after it, both without gaps because number keys are never deleted.
 */
export async function nextPublicationNumber(
  documentId: string,
  release: 'major' | 'minor',
): Promise<{ major: number; minor: number }> {
  const major = await lastInSequence((m) => numberTaken(documentId, m, 0));
  if (major === 0) return { major: 1, minor: 0 };
  if (release === 'major') return { major: major + 1, minor: 0 };
  const minor = await lastInSequence((n) => numberTaken(documentId, major, n));
  return { major, minor: minor + 1 };
}

/** "Publication 1.0", "Publicación 1.1" …: in the language of the published text. */
export function publicationLabel(language: keyof typeof EXPORT_LABELS, number: string): string {
  return `${(EXPORT_LABELS[language] ?? EXPORT_LABELS.en).publication} ${number}`;
}

export type PublicationExportFacts = Pick<
  PublicationRecord,
  | 'documentId'
  | 'number'
  | 'versionNumber'
  | 'canonicalHash'
  | 'documentKind'
  | 'documentCreatedAt'
  | 'publishedAt'
  | 'signoff'
>;

/**
 * What every export of a publication renders from: the version's canonical rendering and the
 * publication's own facts only (never the document as it is now), so the same publication always
 * renders the same bytes.
 */
export function publicationExportInput(
  publication: PublicationExportFacts,
  version: Pick<VersionRecord, 'canonical'>,
): ExportInput {
  const canonical = versionCanonical(version);
  return {
    canonical,
    documentKind: publication.documentKind,
    version: {
      label: publicationLabel(canonical.language, publication.number),
      number: publication.versionNumber,
      date: publication.publishedAt,
      hash: publication.canonicalHash,
    },
    documentId: publication.documentId.toHexString(),
    createdAt: publication.documentCreatedAt,
    // publications without a recorded sign-off render as they always did (their hashes hold)
    ...(publication.signoff ? { signoff: publication.signoff } : {}),
  };
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The format whose stored hash is `hash`, if any. */
export function formatWithHash(
  publication: Pick<PublicationRecord, 'hashes'>,
  hash: string,
): ExportFormat | null {
  const entry = Object.entries(publication.hashes).find(([, stored]) => stored === hash);
  return entry ? (entry[0] as ExportFormat) : null;
}
