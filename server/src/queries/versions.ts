import type { CanonicalDocument } from '@accord/shared';
import { Version, type VersionRecord } from '../models/Version.js';
import { lastInSequence } from '../database/lastInSequence.js';
import { sequenceKey } from '../database/sequenceKey.js';

/** The number of the document's newest version (0: none), by `_id` lookups only. */
export function latestVersionNumber(documentId: string): Promise<number> {
  return lastInSequence(async (n) => (await Version.exists({ _id: sequenceKey(documentId, n) })) !== null);
}

/** One version, whole (state and canonical rendering), or null. */
export function findVersion(documentId: string, number: number): Promise<VersionRecord | null> {
  return Version.findById(sequenceKey(documentId, number)).lean();
}

export type VersionSummary = Omit<VersionRecord, 'state' | 'canonical'>;

/** Every version of the document, newest first, without their state and rendering. */
export async function listVersions(documentId: string): Promise<VersionSummary[]> {
  const latest = await latestVersionNumber(documentId);
  const keys = Array.from({ length: latest }, (_, i) => sequenceKey(documentId, latest - i));
  const found = await Promise.all(
    keys.map((key) => Version.findById(key, { state: 0, canonical: 0 }).lean()),
  );
  return found.filter((v): v is NonNullable<typeof v> => v !== null);
}

/** The canonical rendering a version stored. */
export function versionCanonical(version: Pick<VersionRecord, 'canonical'>): CanonicalDocument {
  return JSON.parse(version.canonical) as CanonicalDocument;
}
