import type { CanonicalDocument } from '@accord/shared';
import { Version, type VersionRecord } from '../models/Version.js';
import { lastInSequence } from '../database/lastInSequence.js';
import { sequenceKey } from '../database/sequenceKey.js';

/** the newest version number seen per document: where the next search starts (a hint only) */
const newestSeen = new Map<string, number>();

/**
 * The number of the document's newest version (0: none), by `_id` lookups only. Versions are never
 * deleted, so the newest number this process has seen still exists: when nothing follows it, one
 * lookup of a missing key (cheap: no version is read) is enough.
 */
export async function latestVersionNumber(documentId: string): Promise<number> {
  const exists = async (n: number) => (await Version.exists({ _id: sequenceKey(documentId, n) })) !== null;
  const seen = newestSeen.get(documentId) ?? 0;
  const latest = seen > 0 && !(await exists(seen + 1)) ? seen : await lastInSequence(exists, seen);
  rememberNewest(documentId, latest);
  return latest;
}

function rememberNewest(documentId: string, number: number): void {
  newestSeen.delete(documentId);
  newestSeen.set(documentId, number);
  if (newestSeen.size > 1000) newestSeen.delete(newestSeen.keys().next().value!);
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

export interface FrozenText {
  canonical: CanonicalDocument;
  hash: string;
  createdAt: Date;
}

/** versions never change: their parsed renderings are kept, the most recently used first */
const frozen = new Map<string, FrozenText>();
const FROZEN_KEPT = 64;

/**
 * A version's canonical rendering, hash and date (null: no such version), parsed once per process:
 * comparisons and exports read the same few versions again and again, and a 200-article
 * rendering takes tens of milliseconds to read and parse.
 */
export async function frozenText(documentId: string, number: number): Promise<FrozenText | null> {
  const key = sequenceKey(documentId, number);
  const kept = frozen.get(key);
  if (kept) {
    keepFrozen(key, kept);
    return kept;
  }
  const version = await Version.findById(key, { canonical: 1, hash: 1, createdAt: 1 }).lean();
  if (!version) return null;
  const text = { canonical: versionCanonical(version), hash: version.hash, createdAt: version.createdAt };
  keepFrozen(key, text);
  return text;
}

/** A version this process just froze: the next freeze compares with it without reading it back. */
export function rememberFrozenText(documentId: string, number: number, text: FrozenText): void {
  keepFrozen(sequenceKey(documentId, number), text);
  rememberNewest(documentId, number);
}

function keepFrozen(key: string, text: FrozenText): void {
  frozen.delete(key);
  frozen.set(key, text);
  if (frozen.size > FROZEN_KEPT) frozen.delete(frozen.keys().next().value!);
}
